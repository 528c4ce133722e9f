import * as fs from 'node:fs';
import * as path from 'node:path';
import { isFileSync } from '../executables';

// Python users keep a function's dependencies in a virtual environment, not in the system Python: the project's
// `.venv` or `venv` (in the code directory or a folder above it, up to the project's root), else the one the
// shell has activated (VIRTUAL_ENV). Its interpreter sees its site-packages without any activation.

export interface VirtualEnvironment {
  readonly dir: string;
  readonly python: string;
  /** "3.11", from its pyvenv.cfg; undefined when that does not say. */
  readonly version?: string;
  /** Its interpreter is gone (the Python it was made from was removed or upgraded): it cannot run anything. */
  readonly broken?: boolean;
  /** How it was found: its folder's name (".venv", "venv"), or "VIRTUAL_ENV". */
  readonly foundBy: string;
}

const NAMES = ['.venv', 'venv'];

/** The virtual environment a function in `codeDir` runs in; `projectRoot` (the template's folder) bounds the search. */
export function findVirtualEnvironment(codeDir: string, projectRoot: string | undefined, env: NodeJS.ProcessEnv = process.env): VirtualEnvironment | undefined {
  for (const dir of foldersUp(path.resolve(codeDir), projectRoot && path.resolve(projectRoot))) {
    for (const name of NAMES) {
      const found = virtualEnvironmentAt(path.join(dir, name), name);
      if (found) return found;
    }
  }
  return env.VIRTUAL_ENV ? virtualEnvironmentAt(env.VIRTUAL_ENV, 'VIRTUAL_ENV') : undefined;
}

/** codeDir, then each folder above it up to and including the root, when codeDir is inside it; else codeDir alone. */
function foldersUp(codeDir: string, root: string | undefined): string[] {
  const inside = root !== undefined && (codeDir === root || codeDir.startsWith(root + path.sep));
  if (!inside) return [codeDir];
  const folders: string[] = [];
  for (let dir = codeDir; ; dir = path.dirname(dir)) {
    folders.push(dir);
    if (dir === root || path.dirname(dir) === dir) return folders;
  }
}

/** The virtual environment whose folder is `dir`, if it is one. */
export function virtualEnvironmentAt(dir: string, foundBy: string): VirtualEnvironment | undefined {
  let config: string;
  try {
    config = fs.readFileSync(path.join(dir, 'pyvenv.cfg'), 'utf8');
  } catch {
    return undefined;
  }
  const python = process.platform === 'win32' ? path.join(dir, 'Scripts', 'python.exe') : path.join(dir, 'bin', 'python');
  // `version = 3.11.7` (venv) or `version_info = 3.11.7.final.0` (virtualenv, uv).
  const version = /^\s*version(?:_info)?\s*=\s*(\d+\.\d+)/m.exec(config)?.[1];
  return { dir, python, version, foundBy, ...(isFileSync(python) ? {} : { broken: true }) };
}
