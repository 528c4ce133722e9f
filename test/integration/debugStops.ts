import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { ServerlessExplorerApi } from '../../src/extension';
import type { FinishedInvocation } from '../../src/ui/debug/lambdaDebugRun';

// What the debugging tests watch in a real VS Code: where a session stopped, and that sessions end.

export interface Stop {
  readonly session: vscode.DebugSession;
  readonly threadId: number;
}

/** Records the `stopped` events of every debug session (js-debug reports them on its child session). */
export class StopWatcher implements vscode.Disposable {
  private readonly waiting: ((stop: Stop) => void)[] = [];
  private readonly stops: Stop[] = [];
  private readonly registration = vscode.debug.registerDebugAdapterTrackerFactory('*', {
    createDebugAdapterTracker: (session) => ({
      onDidSendMessage: (message: DebugProtocol.ProtocolMessage) => {
        if (message.type === 'event' && (message as DebugProtocol.Event).event === 'stopped') {
          const stop = { session, threadId: (message as DebugProtocol.StoppedEvent).body.threadId ?? 0 };
          const waiter = this.waiting.shift();
          if (waiter) waiter(stop);
          else this.stops.push(stop);
        }
      },
    }),
  });

  next(timeoutMs = 60_000): Promise<Stop> {
    const ready = this.stops.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no breakpoint was hit within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.push((stop) => {
        clearTimeout(timer);
        resolve(stop);
      });
    });
  }

  dispose(): void {
    this.registration.dispose();
  }
}

/** The frame a session stopped in: its file (a path, also when code-server gives a vscode-remote: URI), line and id. */
export async function topFrame(stop: Stop): Promise<{ readonly file: string; readonly line: number; readonly id: number }> {
  const trace = (await stop.session.customRequest('stackTrace', { threadId: stop.threadId, startFrame: 0, levels: 1 })) as DebugProtocol.StackTraceResponse['body'];
  const top = trace.stackFrames[0];
  const where = top.source?.path ?? '';
  return { file: where.includes('://') ? vscode.Uri.parse(where).fsPath : path.normalize(where), line: top.line, id: top.id };
}

/** Every debug session started and ended while it watches. */
export class SessionWatcher implements vscode.Disposable {
  readonly started = new Set<vscode.DebugSession>();
  readonly terminated = new Set<vscode.DebugSession>();
  private readonly subscriptions = [vscode.debug.onDidStartDebugSession((s) => this.started.add(s)), vscode.debug.onDidTerminateDebugSession((s) => this.terminated.add(s))];

  /** Resolves when every session started so far has ended. */
  allEnded(timeoutMs = 20_000): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + timeoutMs;
      const check = () => {
        const live = [...this.started].filter((s) => !this.terminated.has(s));
        if (live.length === 0) resolve();
        else if (Date.now() > deadline) reject(new Error(`the debug session(s) ${live.map((s) => s.name).join(', ')} still run ${timeoutMs / 1000} s later`));
        else setTimeout(check, 100);
      };
      check();
    });
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}

/** The next debugged invocation's end; rejects with the message when a launch is refused. */
export function nextFinish(api: ServerlessExplorerApi, timeoutMs = 150_000): Promise<FinishedInvocation> {
  return new Promise<FinishedInvocation>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the invocation did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
    const subscriptions = [
      api.lambdaDebug.onDidFinishInvocation((finished) => {
        subscriptions.forEach((d) => d.dispose());
        clearTimeout(timer);
        resolve(finished);
      }),
      api.lambdaDebug.onDidRefuse((message) => {
        subscriptions.forEach((d) => d.dispose());
        clearTimeout(timer);
        reject(new Error(message));
      }),
    ];
  });
}
