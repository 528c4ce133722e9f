import * as vscode from 'vscode';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { RuntimeEvents, RuntimeProcess } from '../../core/local/runtimeProcess';

/**
 * The timing of an execution environment whose runtime a debugger launches: attaching takes a moment and a breakpoint
 * in the module's own code may stop the init for long; the debugger forwards the function's output as events, which
 * may trail its response.
 */
export const DEBUGGED_TIMING = { initGraceMs: 10 * 60_000, outputGraceMs: 200 } as const;

// Lines Node and debugpy print for the debugger itself: not the function's.
const DEBUGGER_NOISE = /^(Debugger attached\.|Waiting for the debugger to disconnect\.\.\.|Debugger listening on .*|For help, see: https:\/\/nodejs\.org\/en\/docs\/inspector)$/;

/**
 * A runtime that a language debugger launched for an execution environment (the RuntimeProcess its launcher returns):
 * what the debugger's sessions report — stops, output, the process and its exit — goes to the environment, and
 * stopping the runtime stops the session.
 */
export class DebuggedRuntime implements RuntimeProcess {
  private session?: vscode.DebugSession;
  private processId?: number;
  private exitCode: number | null = null;
  private ended = false;

  /** @param onTerminated after the environment heard of the exit: the debugger's session is over. */
  constructor(
    private readonly events: RuntimeEvents,
    private readonly onTerminated?: () => void,
  ) {}

  get pid(): number | undefined {
    return this.processId;
  }

  kill(): void {
    this.stopSession();
  }

  /** The debugger's session (or one of its children, as js-debug makes) belongs to this runtime. */
  attach(session: vscode.DebugSession): void {
    this.session ??= session;
  }

  /** What the debug adapter sent. */
  sent(message: DebugProtocol.ProtocolMessage): void {
    if (message.type !== 'event') return;
    const event = message as DebugProtocol.Event;
    if (event.event === 'stopped') this.events.paused();
    else if (event.event === 'continued') this.events.resumed();
    else if (event.event === 'output') this.output((event as DebugProtocol.OutputEvent).body.category, (event as DebugProtocol.OutputEvent).body.output);
    else if (event.event === 'process') this.processId ??= (event as DebugProtocol.ProcessEvent).body.systemProcessId;
    else if (event.event === 'exited') this.exitCode = (event as DebugProtocol.ExitedEvent).body.exitCode ?? null;
  }

  /** What the adapter is asked: a "continue" the user asks for resumes the clock before the adapter says so. */
  willReceive(message: DebugProtocol.ProtocolMessage): void {
    const command = (message as DebugProtocol.Request).command;
    if (message.type === 'request' && ['continue', 'next', 'stepIn', 'stepOut'].includes(command)) this.events.resumed();
  }

  /** The debugger's session ended: for the environment, its runtime exited. */
  terminated(): void {
    if (this.ended) return;
    this.ended = true;
    this.events.exit(this.exitCode, null);
    this.onTerminated?.();
  }

  stopSession(): void {
    if (this.session) void vscode.debug.stopDebugging(this.session);
  }

  private output(category: string | undefined, text: string): void {
    if (category !== 'stdout' && category !== 'stderr') return;
    const kept = text
      .split(/(?<=\n)/)
      .filter((line) => !DEBUGGER_NOISE.test(line.trim()))
      .join('');
    if (kept) this.events.output(category, kept);
  }
}

/**
 * Ties debug sessions to the runtimes they launched: a tracker on every session reports to the runtime whose id the
 * session (or its parent, for js-debug's child sessions) carries under `marker`, and the marked session's end is the
 * runtime's exit (js-debug's child session, the process itself, may end first).
 */
export function trackDebuggedRuntimes(marker: string, runtimeOf: (id: string) => DebuggedRuntime | undefined): vscode.Disposable {
  const find = (session: vscode.DebugSession) => {
    for (let s: vscode.DebugSession | undefined = session; s; s = s.parentSession) {
      const id = s.configuration[marker] as string | undefined;
      if (id) return runtimeOf(id);
    }
    return undefined;
  };
  return vscode.Disposable.from(
    vscode.debug.registerDebugAdapterTrackerFactory('*', {
      createDebugAdapterTracker: (session) => {
        const runtime = find(session);
        if (!runtime) return undefined;
        runtime.attach(session);
        return { onDidSendMessage: (message: DebugProtocol.ProtocolMessage) => runtime.sent(message), onWillReceiveMessage: (message: DebugProtocol.ProtocolMessage) => runtime.willReceive(message) };
      },
    }),
    vscode.debug.onDidTerminateDebugSession((session) => {
      const id = session.configuration[marker] as string | undefined;
      if (id) runtimeOf(id)?.terminated();
    }),
  );
}
