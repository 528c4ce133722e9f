// Pure (no Node): the result view's bundle formats it too.

/** Which interpreter runs a function, as the result view and the CLI say it. */
export interface InterpreterInfo {
  readonly path: string;
  /** "Python 3.12.1", "Node v24.1.0"; undefined when it did not say. */
  readonly version?: string;
  /** Where it came from: "setting serverlessExplorer.localPythonPath", "--node", "Python extension", ".venv", "nvm", "PATH"… */
  readonly source: string;
}

/** "Node v24.1.0 (nvm: /home/me/.nvm/versions/node/v24.1.0/bin/node)". */
export function describeInterpreter(i: InterpreterInfo): string {
  return `${i.version ?? i.path.split(/[\\/]/).pop()} (${i.source}: ${i.path})`;
}
