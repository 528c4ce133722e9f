import * as path from 'node:path';
import type { RuntimeDebugger } from '../localRuntime';

/** The Python Debugger extension (`debugpy`) launching the runtime client on the function's interpreter. */
export const pythonDebugger: RuntimeDebugger = {
  extension: { id: 'ms-python.debugpy', name: 'Python Debugger' },
  configuration(launch, o) {
    return {
      name: o.name,
      request: 'launch',
      program: launch.args[launch.args.length - 1],
      cwd: launch.cwd,
      ...(o.preLaunchTask ? { preLaunchTask: o.preLaunchTask } : {}),
      ...o.marker,
      type: 'debugpy',
      python: launch.command,
      args: [],
      env: { ...launch.env, PYTHONUNBUFFERED: '1' },
      console: 'internalConsole',
      redirectOutput: true,
      justMyCode: o.justMyCode ?? true,
      // debugpy skips its own frames; ours are the runtime client's.
      rules: [{ path: path.join(o.runtimesDir, 'python'), include: false }],
    };
  },
};
