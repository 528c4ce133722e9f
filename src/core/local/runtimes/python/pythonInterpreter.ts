import * as path from 'node:path';
import { executableVersion, findRunnable } from '../executableVersion';
import { resolveChosen, type ChosenInterpreter, type InterpreterInfo } from '../interpreters';
import { RuntimeSetupError } from '../runtimeSetupError';
import { findVirtualEnvironment, virtualEnvironmentAt, type VirtualEnvironment } from './virtualEnvironment';

export interface PythonInterpreter {
  readonly info: InterpreterInfo;
  /** What activating its virtual environment would set, when it is one. */
  readonly env?: Readonly<Record<string, string>>;
  readonly warning?: string;
}

/**
 * The Python a function runs on: the one chosen (a setting, --python, the Python extension's virtual environment),
 * else the project's virtual environment (.venv/venv up to `projectRoot`, else VIRTUAL_ENV), else a global
 * interpreter the Python extension selected, else python3.X, else python3 on PATH.
 */
export function findPythonInterpreter(runtime: string, codeDir: string, projectRoot: string | undefined, chosen?: ChosenInterpreter): PythonInterpreter {
  const minor = runtime.slice('python'.length);
  if (chosen && !chosen.fallback) return fromChosen(runtime, chosen);
  const venv = findVirtualEnvironment(codeDir, projectRoot);
  if (venv?.broken) {
    // Its packages are what the function imports: the system Python would only fail later, less clearly.
    throw new RuntimeSetupError(
      `${venv.dir} is a virtual environment whose Python (${venv.python}) no longer runs: recreate it with python${minor} -m venv --clear ${venv.dir} and reinstall its packages, or delete it.`,
      'Runtime.InvalidRuntime',
    );
  }
  if (venv) {
    const check = executableVersion(venv.python);
    return {
      info: { path: venv.python, version: check.ok ? check.version : venv.version && `Python ${venv.version}`, source: venv.foundBy },
      env: activation(venv),
      warning: venv.version && venv.version !== minor ? `${runtime} runs on the Python ${venv.version} of ${venv.dir}.` : undefined,
    };
  }
  if (chosen) return fromChosen(runtime, chosen);
  const exact = findRunnable(`python${minor}`);
  const found = exact ?? findRunnable('python3');
  if (!found) throw new RuntimeSetupError(`${runtime} needs Python 3 on this machine: install python${minor} (or python3) and make sure it is on PATH.`, 'Runtime.InvalidRuntime');
  return {
    info: { path: found.path, version: found.version, source: 'PATH' },
    warning: exact ? undefined : `${runtime} runs on the local ${found.version || 'python3'} (python${minor} is not installed).`,
  };
}

function fromChosen(runtime: string, chosen: ChosenInterpreter): PythonInterpreter {
  const found = resolveChosen(chosen, 'python', 'Python interpreter');
  const minor = /^Python (\d+\.\d+)/.exec(found.version)?.[1];
  // <venv>/bin/python: run it as its environment would be activated.
  const venv = virtualEnvironmentAt(path.dirname(path.dirname(found.path)), chosen.source);
  return {
    info: { path: found.path, version: found.version || undefined, source: chosen.source },
    env: venv && !venv.broken ? activation(venv) : undefined,
    warning: minor && `python${minor}` !== runtime ? `${runtime} runs on ${found.version} (from ${chosen.source}).` : undefined,
  };
}

function activation(venv: VirtualEnvironment): Record<string, string> {
  // As `activate` would: its scripts first on PATH, for what the handler runs.
  return { VIRTUAL_ENV: venv.dir, PATH: `${path.dirname(venv.python)}${path.delimiter}${process.env.PATH ?? ''}` };
}
