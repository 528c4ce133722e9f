import type { RuntimeDebugger } from '../localRuntime';

/**
 * VS Code's built-in JavaScript debugger (`node`) launching the runtime client. The runtime client is the launch's
 * last argument; what comes before it are Node's own flags.
 */
export const nodeDebugger: RuntimeDebugger = {
  configuration(launch, o) {
    const program = launch.args[launch.args.length - 1];
    const roots = [o.codeDir, ...(o.workspaceFolder ? [o.workspaceFolder] : [])];
    return {
      name: o.name,
      request: 'launch',
      program,
      cwd: launch.cwd,
      env: { ...launch.env },
      ...(o.preLaunchTask ? { preLaunchTask: o.preLaunchTask } : {}),
      ...o.marker,
      type: 'node',
      runtimeExecutable: launch.command,
      runtimeArgs: launch.args.slice(0, -1),
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
  },
};
