import type { DebuggerConfiguration, DebuggerOptions } from './runtimes/localRuntime';
import { localRuntime } from './runtimes/registry';
import type { RuntimeLaunch } from './runtimeProcess';

export type { DebuggerConfiguration, DebuggerOptions } from './runtimes/localRuntime';

/**
 * The launch configuration of the language's own debugger for a runtime launch (VS Code's JavaScript debugger for
 * Node.js, the Python Debugger for Python). Undefined for runtimes no debugger here knows (`provided*`: a compiled bootstrap).
 */
export function debuggerConfiguration(runtime: string, launch: RuntimeLaunch, options: DebuggerOptions): DebuggerConfiguration | undefined {
  return localRuntime(runtime)?.debugger?.configuration(launch, options);
}
