import * as path from 'node:path';
import { resolveChosen, type ChosenInterpreter, type InterpreterChoices } from '../core/local/runtimes/interpreters';
import { RuntimeSetupError } from '../core/local/runtimes/runtimeSetupError';

export interface InterpreterFlags {
  /** --python: a Python interpreter, a virtual environment's folder, or a name on PATH. */
  readonly python?: string;
  /** --node: a Node.js binary, an installation's folder, or a name on PATH. */
  readonly node?: string;
}

/** What --python and --node choose, in the CLI's words; undefined when neither was given. */
export function interpreterChoices(flags: InterpreterFlags, cwd: string): InterpreterChoices | undefined {
  const chosen = (flag: 'python' | 'node', value: string | undefined, what: string, otherwise: string): ChosenInterpreter | undefined =>
    value
      ? {
          path: /[\\/]/.test(value) ? path.resolve(cwd, value) : value,
          source: `--${flag}`,
          fix: `give --${flag} the path of ${what}, or leave --${flag} out to ${otherwise}`,
        }
      : undefined;
  const python = chosen('python', flags.python, "a Python 3 interpreter or of a virtual environment's folder", "use the project's .venv or python3 on PATH");
  const node = chosen('node', flags.node, 'a node binary', "use the runtime's Node version where installed (PATH, nvm, fnm, volta)");
  return python || node ? { python, node } : undefined;
}

/** A flag naming an interpreter that does not run, as the CLI says it; undefined when all given run. */
export function interpreterFlagProblem(choices: InterpreterChoices | undefined): string | undefined {
  try {
    if (choices?.python) resolveChosen(choices.python, 'python', 'Python interpreter');
    if (choices?.node) resolveChosen(choices.node, 'node', 'node');
    return undefined;
  } catch (error) {
    if (error instanceof RuntimeSetupError) return error.message;
    throw error;
  }
}
