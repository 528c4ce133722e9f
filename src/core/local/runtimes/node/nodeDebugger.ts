import type { RuntimeDebugger } from '../localRuntime';

const scripts = (root: string): string[] => [`${root}/**/*.js`, `${root}/**/*.mjs`, `${root}/**/*.cjs`];

/**
 * VS Code's built-in JavaScript debugger (`node`) launching the runtime client. The runtime client is the launch's
 * last argument; what comes before it are Node's own flags.
 */
export const nodeDebugger: RuntimeDebugger = {
  configuration(launch, o) {
    const program = launch.args[launch.args.length - 1];
    // The folder it runs from too: a build of ours (esbuild, an unpacked archive) lives in the cache, outside the tree.
    const roots = [...new Set([o.codeDir, launch.cwd, ...(o.workspaceFolder ? [o.workspaceFolder] : [])])];
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
      outFiles: o.outFiles ? [...o.outFiles, ...(launch.cwd !== o.codeDir ? scripts(launch.cwd) : [])] : roots.flatMap(scripts).concat('!**/node_modules/**'),
      resolveSourceMapLocations: [...roots.map((root) => `${root}/**`), '!**/node_modules/**'],
      skipFiles: [...(o.skipFiles ?? []), '<node_internals>/**', `${o.runtimesDir}/**`],
      autoAttachChildProcesses: false,
    };
  },
};
