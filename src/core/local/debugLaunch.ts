import * as path from 'node:path';
import type { RuntimeLaunch } from './runtimeProcess';

/** What the `aws-lambda-local` debug type asks of the language debugger beyond the runtime's own launch. */
export interface DebuggerOptions {
  readonly name: string;
  /** Where node-bootstrap.js and python/bootstrap.py are: their frames are skipped. */
  readonly runtimesDir: string;
  readonly codeDir: string;
  readonly workspaceFolder?: string;
  readonly sourceMaps?: boolean;
  readonly outFiles?: readonly string[];
  readonly skipFiles?: readonly string[];
  readonly justMyCode?: boolean;
  readonly preLaunchTask?: string;
  /** Extra properties that identify the session (the run it belongs to). */
  readonly marker: Readonly<Record<string, string>>;
}

export type DebuggerConfiguration = Record<string, unknown> & { readonly type: 'node' | 'debugpy'; readonly request: 'launch'; readonly name: string };

export const PYTHON_DEBUGGER_EXTENSION = 'ms-python.debugpy';

/**
 * The launch configuration of the language's own debugger for a runtime launch: VS Code's JavaScript debugger
 * (`node`) for Node.js, the Python Debugger (`debugpy`) for Python. Undefined for runtimes no debugger here knows
 * (`provided*`: a compiled bootstrap).
 */
export function debuggerConfiguration(runtime: string, launch: RuntimeLaunch, o: DebuggerOptions): DebuggerConfiguration | undefined {
  // The runtime client is the last argument; what comes before it are the interpreter's own flags.
  const program = launch.args[launch.args.length - 1];
  const flags = launch.args.slice(0, -1);
  const common = { name: o.name, request: 'launch' as const, program, cwd: launch.cwd, env: { ...launch.env }, ...(o.preLaunchTask ? { preLaunchTask: o.preLaunchTask } : {}), ...o.marker };
  if (runtime.startsWith('nodejs')) {
    const roots = [o.codeDir, ...(o.workspaceFolder ? [o.workspaceFolder] : [])];
    return {
      ...common,
      type: 'node',
      runtimeExecutable: launch.command,
      runtimeArgs: flags,
      console: 'internalConsole',
      // The runtime prints Lambda's log lines on stdout (not through console.*): show those.
      outputCapture: 'std',
      sourceMaps: o.sourceMaps ?? true,
      // tsc output next to or away from the sources, esbuild/webpack bundles, SAM's .aws-sam/build copies.
      outFiles: o.outFiles ? [...o.outFiles] : roots.flatMap((root) => [`${root}/**/*.js`, `${root}/**/*.mjs`, `${root}/**/*.cjs`]).concat('!**/node_modules/**'),
      resolveSourceMapLocations: [...roots.map((root) => `${root}/**`), '!**/node_modules/**'],
      skipFiles: [...(o.skipFiles ?? []), '<node_internals>/**', `${o.runtimesDir}/**`],
      autoAttachChildProcesses: false,
    };
  }
  if (runtime.startsWith('python')) {
    return {
      ...common,
      type: 'debugpy',
      python: launch.command,
      args: [],
      env: { ...common.env, PYTHONUNBUFFERED: '1' },
      console: 'internalConsole',
      redirectOutput: true,
      justMyCode: o.justMyCode ?? true,
      // debugpy skips its own frames; ours are the runtime client's.
      rules: [{ path: path.join(o.runtimesDir, 'python'), include: false }],
    };
  }
  return undefined;
}
