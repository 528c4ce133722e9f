import * as fs from 'node:fs';
import * as path from 'node:path';
import { findExecutable } from './executables';
import { executableVersion } from './executableVersion';
import { RuntimeSetupError } from './runtimeSetupError';

export type { InterpreterInfo } from './interpreterInfo';
export { describeInterpreter } from './interpreterInfo';

/**
 * An interpreter named outside the runtime's own discovery: by the user (a setting, a CLI flag) or by the editor (the
 * interpreter the Python extension has selected). Core knows neither: the caller says where it came from.
 */
export interface ChosenInterpreter {
  /** A file, a folder holding bin/<interpreter> (a virtual environment, a Node installation), or a name on PATH. */
  readonly path: string;
  /** Where it was named, in the words of where the user named it: "setting serverlessExplorer.localPythonPath", "--python". */
  readonly source: string;
  /** What to do when it does not run, in the same words: "set serverlessExplorer.localPythonPath to…". */
  readonly fix: string;
  /** Only when the project has no virtual environment of its own (the Python extension's choice of a global interpreter). */
  readonly fallback?: boolean;
}

/** The interpreters chosen for a run, per runtime family; each family reads its own. */
export interface InterpreterChoices {
  readonly python?: ChosenInterpreter;
  readonly node?: ChosenInterpreter;
}

/**
 * The executable a chosen interpreter names, checked to run, with its version; a RuntimeSetupError that names the
 * setting or flag, and how to fix it, when it does not.
 */
export function resolveChosen(chosen: ChosenInterpreter, executable: 'python' | 'node', what: string): { readonly path: string; readonly version: string } {
  const file = locate(chosen.path, executable);
  const check = file ? executableVersion(file) : { ok: false as const, problem: 'is not on PATH' };
  if (!check.ok) {
    const shown = file && file !== chosen.path ? `${chosen.path} (${file})` : chosen.path;
    throw new RuntimeSetupError(`${shown} (the ${what} from ${chosen.source}) ${check.problem}: ${chosen.fix}.`, 'Runtime.InvalidRuntime');
  }
  return { path: file!, version: check.version };
}

function locate(named: string, executable: string): string | undefined {
  if (!named.includes('/') && !named.includes('\\')) return findExecutable(named);
  try {
    if (fs.statSync(named).isDirectory()) return process.platform === 'win32' ? path.join(named, executable === 'python' ? 'Scripts' : '', `${executable}.exe`) : path.join(named, 'bin', executable);
  } catch {
    // reported as missing below
  }
  return named;
}
