import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findExecutable } from '../executables';

/** A Ruby that can run a function: its executable and version ("3.1.2"). */
export interface RubyInterpreter {
  readonly command: string;
  readonly version: string;
  /** Whether it is the runtime's own minor version. */
  readonly exact: boolean;
  /** Whether it is the `ruby` on PATH, the one the user's shell selected. */
  readonly onPath: boolean;
}

const versions = new Map<string, string | undefined>();

/**
 * RUBY_VERSION of an executable run in a folder (an rbenv or asdf shim picks the version of the folder's
 * .ruby-version), remembered for the life of the process; undefined when it does not run.
 */
export function rubyVersion(command: string, cwd: string): string | undefined {
  const key = `${command}\0${cwd}`;
  if (!versions.has(key)) {
    const run = spawnSync(command, ['-e', 'print RUBY_VERSION'], { cwd, encoding: 'utf8', timeout: 5000 });
    versions.set(key, run.status === 0 && /^\d+\.\d+/.test(run.stdout) ? run.stdout.trim() : undefined);
  }
  return versions.get(key);
}

/** The Rubies version managers installed for a minor version ("3.3"), newest first: rbenv, asdf, mise, rvm, chruby, Homebrew. */
function managedRubies(minor: string): string[] {
  const home = process.env.HOME || os.homedir();
  const roots: [dir: string, prefix: string][] = [
    [process.env.RBENV_ROOT ? path.join(process.env.RBENV_ROOT, 'versions') : path.join(home, '.rbenv', 'versions'), ''],
    [path.join(process.env.ASDF_DATA_DIR ?? path.join(home, '.asdf'), 'installs', 'ruby'), ''],
    [path.join(home, '.local', 'share', 'mise', 'installs', 'ruby'), ''],
    [path.join(process.env.rvm_path ?? path.join(home, '.rvm'), 'rubies'), 'ruby-'],
    [path.join(home, '.rubies'), 'ruby-'],
    ['/opt/rubies', 'ruby-'],
  ];
  const found: string[] = [];
  for (const [dir, prefix] of roots) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    const matching = names.filter((n) => n.startsWith(`${prefix}${minor}.`) && /^\d+$/.test(n.slice(prefix.length + minor.length + 1).split(/[.-]/)[0] ?? ''));
    matching.sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
    found.push(...matching.map((n) => path.join(dir, n, 'bin', 'ruby')));
  }
  for (const brew of ['/opt/homebrew/opt', '/usr/local/opt']) found.push(path.join(brew, `ruby@${minor}`, 'bin', 'ruby'));
  return found.filter((file) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * The Ruby for a Lambda runtime ("ruby3.3"): `ruby` on PATH when it is that version (what rbenv, chruby or a
 * Gemfile's `.ruby-version` selected), else `ruby3.3` on PATH (Debian, Ubuntu), else an install of that version by a
 * version manager, else any `ruby` on PATH (not exact), else undefined.
 */
export function findRuby(runtime: string, cwd: string): RubyInterpreter | undefined {
  const minor = runtime.slice('ruby'.length);
  const onPath = findExecutable('ruby');
  const pathVersion = onPath && rubyVersion(onPath, cwd);
  if (onPath && pathVersion && minorOf(pathVersion) === minor) return { command: onPath, version: pathVersion, exact: true, onPath: true };
  for (const candidate of [findExecutable(`ruby${minor}`), ...managedRubies(minor)]) {
    const version = candidate && rubyVersion(candidate, cwd);
    if (candidate && version && minorOf(version) === minor) return { command: candidate, version, exact: true, onPath: false };
  }
  return onPath && pathVersion ? { command: onPath, version: pathVersion, exact: false, onPath: true } : undefined;
}

/** "3.3" of "3.3.6". */
export function minorOf(version: string): string {
  return version.split('.').slice(0, 2).join('.');
}
