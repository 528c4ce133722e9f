import * as vscode from 'vscode';
import { LambdaDebugRun, RUN_MARKER } from './lambdaDebugRun';
import type { FinishedInvocation, RunOptions } from './lambdaDebugRun';
import { trackDebuggedRuntimes } from './debuggedRuntime';

/**
 * The live `aws-lambda-local` runs, and what ties them to the language debuggers' sessions: a tracker on every
 * session reports stops, output and exits to the run whose marker the session (or its parent, for js-debug's
 * child sessions) carries.
 */
export class LambdaDebugRuns implements vscode.Disposable {
  private readonly runs = new Map<string, LambdaDebugRun>();
  private readonly finished = new vscode.EventEmitter<FinishedInvocation>();
  /** Every invocation that ends in a debug session (for tests and for other extensions). */
  readonly onDidFinishInvocation = this.finished.event;
  private readonly refused = new vscode.EventEmitter<string>();
  /** Every message with which a debug configuration was refused (what the user is told). */
  readonly onDidRefuse = this.refused.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri) {
    this.disposables.push(
      this.finished,
      this.refused,
      trackDebuggedRuntimes(RUN_MARKER, (id) => this.runs.get(id)?.runtime),
    );
  }

  /** Tells the user why a configuration cannot run, with the actions offered; resolves with the one chosen. */
  refuse(message: string, ...actions: string[]): Thenable<string | undefined> {
    this.refused.fire(message);
    return vscode.window.showErrorMessage(message, ...actions);
  }

  create(options: Omit<RunOptions, 'extensionUri' | 'onFinish' | 'onEnd'>): LambdaDebugRun {
    const run = new LambdaDebugRun({
      ...options,
      extensionUri: this.extensionUri,
      onFinish: (finished) => this.finished.fire(finished),
      onError: (error) => this.refused.fire(`${options.definition.name}: the local debug run failed: ${error.message}`),
      onEnd: (ended) => {
        this.runs.delete(ended.id);
        this.showActive();
      },
    });
    this.runs.set(run.id, run);
    this.showActive();
    return run;
  }

  /** `serverlessExplorer.reinvoke`: again in the live session, or a new session of the last configuration. */
  async invokeAgain(): Promise<void> {
    const live = [...this.runs.values()].find((r) => r.isLive);
    if (live) return live.invokeAgain();
    const config = this.lastConfiguration;
    if (!config) {
      void vscode.window.showInformationMessage('Nothing to invoke again yet: debug a function first (Run and Debug, or "Debug locally" above a handler).');
      return;
    }
    await vscode.debug.startDebugging(config.folder, config.configuration);
  }

  /** The last configuration started (set by the provider's caller), for Invoke Again once its session is over. */
  lastConfiguration?: { folder: vscode.WorkspaceFolder | undefined; configuration: vscode.DebugConfiguration };

  dispose(): void {
    for (const run of this.runs.values()) run.stopSession();
    for (const d of this.disposables) d.dispose();
  }

  /** For the debug toolbar's Invoke Again button. */
  private showActive(): void {
    void vscode.commands.executeCommand('setContext', 'serverlessExplorer.lambdaDebugActive', this.runs.size > 0);
  }
}
