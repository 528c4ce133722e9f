import * as path from 'node:path';
import { searchPath } from '../../layers/searchPath';
import { findExecutable, isFile, isFileSync, versionOf } from '../executables';
import type { LocalRuntime } from '../localRuntime';
import { RuntimeSetupError } from '../runtimeSetupError';
import { pythonDebugger } from './pythonDebugger';
import { pythonFunctions } from './pythonFunctions';
import { findVirtualEnvironment } from './virtualEnvironment';

const DEFAULT_RUNTIME = 'python3.12';

/**
 * Python 3 (python3.9…python3.13): our runtime client (client/bootstrap.py) on the project's virtual environment when it
 * has one, else on the matching interpreter, else the nearest.
 */
export const pythonRuntime: LocalRuntime = {
  family: 'python',
  runtimes: 'python3.*',
  serves: (runtime) => /^python3\.\d+$/.test(runtime),

  command({ runtime, codeDir, origin }, runtimesDir) {
    const version = runtime.slice('python'.length);
    const args = ['-u', path.join(runtimesDir, 'python', 'bootstrap.py')];
    const venv = findVirtualEnvironment(codeDir, origin && path.dirname(origin.file));
    if (venv?.broken) {
      // Its packages are what the function imports: the system Python would only fail later, less clearly.
      throw new RuntimeSetupError(
        `${venv.dir} is a virtual environment whose Python (${venv.python}) no longer runs: recreate it with python${version} -m venv --clear ${venv.dir} and reinstall its packages, or delete it.`,
        'Runtime.InvalidRuntime',
      );
    }
    if (venv) {
      const bin = path.dirname(venv.python);
      return {
        command: venv.python,
        args,
        // As `activate` would: its scripts first on PATH, for what the handler runs.
        env: { VIRTUAL_ENV: venv.dir, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` },
        warning: venv.version && venv.version !== version ? `${runtime} runs on the Python ${venv.version} of ${venv.dir}.` : undefined,
      };
    }
    const exact = findExecutable(`python${version}`, true);
    const command = exact ?? findExecutable('python3', true);
    if (!command) throw new RuntimeSetupError(`${runtime} needs Python 3 on this machine: install python${version} (or python3) and make sure it is on PATH.`, 'Runtime.InvalidRuntime');
    return {
      command,
      args,
      warning: exact ? undefined : `${runtime} runs on the local ${versionOf(command) || 'python3'} (python${version} is not installed).`,
    };
  },

  languages: [{ id: 'python', extensions: ['.py'] }],

  handlerTarget(handler) {
    const dot = handler.lastIndexOf('.');
    if (dot <= 0 || dot === handler.length - 1) return undefined;
    return { module: handler.slice(0, dot).replace(/\./g, '/'), exportName: handler.slice(dot + 1) };
  },

  async handlerFiles(fn) {
    const target = this.handlerTarget(fn.handler);
    const file = target && `${path.resolve(fn.codeDir, target.module)}.py`;
    return file && (await isFile(file)) ? [file] : [];
  },

  entryFile(fn) {
    const target = this.handlerTarget(fn.handler);
    const file = target && path.join(fn.codeDir, `${target.module}.py`);
    return file && isFileSync(file) ? file : undefined;
  },

  exportedFunctions: (text) => pythonFunctions(text),

  guess(codeDir, handler) {
    const target = this.handlerTarget(handler);
    return target && isFileSync(path.join(codeDir, `${target.module}.py`)) ? DEFAULT_RUNTIME : undefined;
  },

  defaultRuntime: () => DEFAULT_RUNTIME,
  debugger: pythonDebugger,

  // Lambda's sys.path: /var/task (our client puts the task root first), /opt/python/lib/python3.N/site-packages, /opt/python, the runtime's own.
  layerEnvironment(optDir, runtime, code) {
    return { PYTHONPATH: searchPath(path.join(optDir, 'python', 'lib', runtime, 'site-packages'), path.join(optDir, 'python'), code.env.PYTHONPATH) };
  },
};
