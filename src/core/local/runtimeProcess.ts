import { spawn } from 'node:child_process';

/** How to start a runtime: what ExecutionEnvironment asks a launcher for. */
export interface RuntimeLaunch {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
}

/** What a launcher reports about the runtime it started. */
export interface RuntimeEvents {
  output(stream: 'stdout' | 'stderr', text: string): void;
  exit(code: number | null, signal: NodeJS.Signals | null): void;
  /** A debugger stopped the runtime (a breakpoint): the invocation's clock stops… */
  paused(): void;
  /** …until it runs again. */
  resumed(): void;
}

/** A started runtime, as far as its environment needs to know it. */
export interface RuntimeProcess {
  /** For memory figures from /proc, when known. */
  readonly pid?: number;
  kill(): void;
}

/**
 * Starts a runtime. The default spawns a process; a debugger starts it instead (the `aws-lambda-local` debug
 * type hands the launch to VS Code's JavaScript or Python debugger and reports back through `events`).
 */
export type RuntimeLauncher = (launch: RuntimeLaunch, events: RuntimeEvents) => RuntimeProcess;

/** How long after the runtime exits its pipes may take to deliver what it wrote. */
const PIPES_AFTER_EXIT_MS = 500;

export const spawnRuntime: RuntimeLauncher = (launch, events) => {
  // Its own process group, so that whatever the runtime starts is stopped with it.
  const child = spawn(launch.command, [...launch.args], { cwd: launch.cwd, env: launch.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  // A decoder per stream: a character split between two reads arrives whole.
  child.stdout.setEncoding('utf8').on('data', (text: string) => events.output('stdout', text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => events.output('stderr', text));
  let reported = false;
  const report = (code: number | null, signal: NodeJS.Signals | null) => {
    if (reported) return;
    reported = true;
    events.exit(code, signal);
  };
  child.on('error', (error) => {
    events.output('stderr', `Error: could not start ${launch.command}: ${error.message}\n`);
    report(127, null);
  });
  // Once its pipes have given all it wrote ('close'); a child it left behind may hold them open, so not for long.
  child.on('close', (code, signal) => report(code, signal));
  child.on('exit', (code, signal) => setTimeout(() => report(code, signal), PIPES_AFTER_EXIT_MS).unref());
  return {
    pid: child.pid,
    // The whole group, even when its leader has exited already (a handler's grandchild after process.exit): the
    // group keeps the leader's id while any member lives, and only our own groups are signalled.
    kill: () => {
      if (!child.pid) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    },
  };
};
