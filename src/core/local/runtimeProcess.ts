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

export const spawnRuntime: RuntimeLauncher = (launch, events) => {
  // Its own process group, so that whatever the runtime starts is stopped with it.
  const child = spawn(launch.command, [...launch.args], { cwd: launch.cwd, env: launch.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout.on('data', (chunk: Buffer) => events.output('stdout', chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => events.output('stderr', chunk.toString('utf8')));
  child.on('error', (error) => {
    events.output('stderr', `Error: could not start ${launch.command}: ${error.message}\n`);
    events.exit(127, null);
  });
  child.on('exit', (code, signal) => events.exit(code, signal));
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
