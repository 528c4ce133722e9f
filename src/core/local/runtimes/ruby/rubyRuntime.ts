import * as fs from 'node:fs';
import * as path from 'node:path';
import { searchPath } from '../../layers/searchPath';
import { isFile, isFileSync } from '../executables';
import type { LocalRuntime, RuntimeFunction } from '../localRuntime';
import { RuntimeSetupError } from '../runtimeSetupError';
import { rubyFunctions } from './rubyFunctions';
import { findRuby, minorOf } from './rubyInterpreter';

const DEFAULT_RUNTIME = 'ruby3.4';

/**
 * Ruby (ruby3.2, ruby3.3, ruby3.4, ruby4.0…): our runtime client (client/bootstrap.rb, standard library only) on the runtime's
 * own Ruby when one is installed, else on the `ruby` on PATH. No breakpoint debugging yet.
 */
export const rubyRuntime: LocalRuntime = {
  family: 'ruby',
  runtimes: 'ruby*',
  serves: (runtime) => /^ruby\d+\.\d+$/.test(runtime),

  command(fn, runtimesDir) {
    const { runtime, codeDir } = fn;
    const ruby = findRuby(runtime, codeDir);
    const minor = runtime.slice('ruby'.length);
    if (!ruby) throw new RuntimeSetupError(`${runtime} needs Ruby on this machine: install Ruby ${minor} (or any Ruby 3) and make sure ruby is on PATH.`, 'Runtime.InvalidRuntime');
    const warnings = [
      ruby.exact ? undefined : `${runtime} runs on the local Ruby ${ruby.version} (Ruby ${minor} is not installed).`,
      vendoredGemsWarning(fn, ruby.version),
    ].filter(Boolean);
    return {
      command: ruby.command,
      args: [path.join(runtimesDir, 'ruby', 'bootstrap.rb')],
      // The gems of the shell's own Ruby (rvm and chruby set these for the ruby they put on PATH).
      env: ruby.onPath ? gemEnvironment() : undefined,
      warning: warnings.length ? warnings.join(' ') : undefined,
      // ruby or ruby3.3 from PATH, else an install of a version manager (rbenv, chruby, asdf…).
      interpreter: { path: ruby.command, version: `Ruby ${ruby.version}`, source: ruby.onPath || path.basename(ruby.command) === `ruby${minor}` ? 'PATH' : 'Ruby version manager' },
      marksOutputEnd: true,
    };
  },

  languages: [{ id: 'ruby', extensions: ['.rb'] }],

  handlerTarget(handler) {
    // As the managed runtime splits it: FILE.METHOD or FILE.NAMESPACE.METHOD.
    const parts = handler.split('.');
    if ((parts.length !== 2 && parts.length !== 3) || parts.some((p) => !p)) return undefined;
    return { module: parts[0]!, exportName: parts.slice(1).join('.') };
  },

  async handlerFiles(fn) {
    const file = sourceFile(fn);
    return file && (await isFile(file)) ? [file] : [];
  },

  entryFile(fn) {
    const file = sourceFile(fn);
    return file && isFileSync(file) ? file : undefined;
  },

  exportedFunctions: (text) => rubyFunctions(text),

  guess(codeDir, handler) {
    const file = sourceFile({ codeDir, handler });
    return file && isFileSync(file) ? DEFAULT_RUNTIME : undefined;
  },

  defaultRuntime: () => DEFAULT_RUNTIME,

  layerEnvironment(optDir, runtime, code) {
    // As Lambda: /opt/ruby/gems/<X.Y.0> on GEM_PATH (after the function's vendor/bundle, which the client puts first), /opt/ruby/lib on RUBYLIB.
    const abi = `${runtime.slice('ruby'.length)}.0`;
    return {
      GEM_PATH: searchPath(path.join(optDir, 'ruby', 'gems', abi), code.env.GEM_PATH),
      RUBYLIB: searchPath(path.join(optDir, 'ruby', 'lib'), code.env.RUBYLIB),
    };
  },
};

function gemEnvironment(): Record<string, string> {
  return Object.fromEntries(['GEM_HOME', 'GEM_PATH'].flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
}

function sourceFile({ codeDir, handler }: Pick<RuntimeFunction, 'codeDir' | 'handler'>): string | undefined {
  const target = rubyRuntime.handlerTarget(handler);
  return target && path.join(codeDir, `${target.module}.rb`);
}

/**
 * Gems installed in vendor/bundle for another Ruby (`sam build` installs them for the runtime's version) are not
 * loaded by this one: say which Ruby they are for and how to install them for this one.
 */
function vendoredGemsWarning({ codeDir }: RuntimeFunction, version: string): string | undefined {
  const dir = path.join(codeDir, 'vendor', 'bundle', 'ruby');
  let installed: string[];
  try {
    installed = fs.readdirSync(dir).filter((n) => /^\d+\.\d+\.\d+$/.test(n));
  } catch {
    return undefined;
  }
  const abi = `${minorOf(version)}.0`;
  if (installed.length === 0 || installed.includes(abi)) return undefined;
  return `${dir} holds gems for Ruby ${installed.join(', ')}, not for the Ruby ${version} that runs it: run bundle install in ${codeDir} with that Ruby.`;
}
