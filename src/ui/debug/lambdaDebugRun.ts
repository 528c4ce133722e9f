import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { ExecutionEnvironment } from '../../core/local/executionEnvironment';
import type { LocalInvokeResult } from '../../core/local/invoker';
import type { LayerFetcher } from '../../core/local/layers/layerFetcher';
import type { RuntimeLaunch } from '../../core/local/runtimeProcess';
import type { LocalFunctionDefinition } from '../../core/local/types';
import type { LocalCredentials } from '../local/localCredentials';
import { InvokeResultPanel } from '../invoke/invokeResultPanel';
import { localResultView, pretty } from '../invoke/localResultView';
import { localSdk } from '../aws/sdk';
import { chosenInterpreters } from '../local/chosenInterpreters';
import { askToInstallRuntimeSdk } from '../local/runtimeSdkPrompt';
import { DEBUGGED_TIMING, DebuggedRuntime } from './debuggedRuntime';

/** The launch configuration property that ties a language debugger's session to its run. */
export const RUN_MARKER = '__serverlessExplorerRun';

export interface FinishedInvocation {
  readonly runId: string;
  readonly result: LocalInvokeResult;
  /** What we wrote to the Debug Console for it. */
  readonly console: readonly string[];
}

export interface RunOptions {
  readonly definition: LocalFunctionDefinition;
  readonly event: { readonly label: string; readonly json: string };
  readonly credentials?: LocalCredentials;
  /** End the debug session when the invocation (and any queued by Invoke Again) ends; otherwise keep it warm. */
  readonly stopAfterInvocation: boolean;
  /** Where local runs keep builds, unpacked archives and layers (WorkspaceFunctionsService.cacheDir). */
  readonly cacheDir?: string;
  /** Downloads layers named by ARN (WorkspaceFunctionsService.fetchLayer). */
  readonly fetchLayer?: LayerFetcher;
  readonly extensionUri: vscode.Uri;
  readonly onFinish: (finished: FinishedInvocation) => void;
  readonly onEnd: (run: LambdaDebugRun) => void;
  readonly onError?: (error: Error) => void;
}

/**
 * One `aws-lambda-local` debug session: an execution environment whose runtime the language debugger starts.
 * The Lambda part is ours: the event, the timeout (paused while the debugger is stopped), the result in the Debug
 * Console and the result view; the session ends with the invocation unless asked to stay.
 */
export class LambdaDebugRun {
  readonly id = randomUUID();
  private environment?: ExecutionEnvironment;
  /** The runtime the debugger launched, and its session. */
  runtime?: DebuggedRuntime;
  private ended = false;
  private readonly queue: string[] = [];
  private wake?: () => void;

  constructor(private readonly o: RunOptions) {}

  get definition(): LocalFunctionDefinition {
    return this.o.definition;
  }

  /** A difference from Lambda worth telling the user (the local interpreter's version). */
  get warning(): string | undefined {
    return this.environment?.warning;
  }

  /** Starts the Runtime API and the first invocation; resolves with what the debugger must launch. */
  async start(runtimesDir: string): Promise<RuntimeLaunch> {
    // The interpreter Invoke Locally would run: the debugger launches that one.
    const interpreters = await chosenInterpreters(this.o.definition);
    return new Promise<RuntimeLaunch>((resolve, reject) => {
      this.environment = new (localSdk().ExecutionEnvironment)(this.o.definition, runtimesDir, {
        interpreters,
        launcher: (launch, events) => {
          this.runtime = new DebuggedRuntime(events, () => this.end());
          resolve(launch);
          return this.runtime;
        },
        ...DEBUGGED_TIMING,
        cacheDir: this.o.cacheDir,
        fetchLayer: this.o.fetchLayer,
        provideRuntimeSdk: askToInstallRuntimeSdk,
      });
      void this.loop().catch((error: unknown) => {
        reject(error);
        // After the launch, nobody awaits the loop: say what went wrong.
        void vscode.window.showErrorMessage(`${this.o.definition.name}: the local debug run failed: ${(error as Error).message}`);
        this.o.onError?.(error as Error);
        this.stopSession();
        this.end();
      });
    });
  }

  /** Invoke Again: with the same event, on the warm runtime, in this session. */
  invokeAgain(): void {
    this.queue.push(this.o.event.json);
    this.wake?.();
  }

  get isLive(): boolean {
    return !this.ended;
  }

  stopSession(): void {
    this.runtime?.stopSession();
  }

  private async loop(): Promise<void> {
    const environment = this.environment!;
    let payload = this.o.event.json;
    let cold = true;
    for (;;) {
      const lines: string[] = [];
      const write = (line: string) => {
        lines.push(line);
        vscode.debug.activeDebugConsole.appendLine(line);
      };
      const started = performance.now();
      const outcome = await environment.invoke(payload, { credentials: this.o.credentials, onDelivered: (id) => write(`START RequestId: ${id} Version: $LATEST`) });
      const result = localSdk().toResult(this.o.definition, outcome, cold, environment.warning, environment.interpreter);
      cold = false;
      for (const line of result.log.split('\n').filter((l) => /^(END|REPORT) RequestId:/.test(l) || /Task timed out after|Runtime exited with error/.test(l))) write(line);
      write(result.functionError ? `${this.o.definition.name} failed (${result.errorType ?? 'Unhandled'}):` : `${this.o.definition.name} returned:`);
      write(pretty(result.payload));
      // Run again: Invoke Again (in this session while it lasts, else a new one of the same configuration).
      InvokeResultPanel.show(this.o.extensionUri).result(localResultView(this.o.definition, `${this.o.event.label} (debug)`, result, performance.now() - started), () => void vscode.commands.executeCommand('serverlessExplorer.reinvoke'));
      this.o.onFinish({ runId: this.id, result, console: lines });
      if (outcome.dead || this.ended) break;
      if (!this.queue.length && this.o.stopAfterInvocation) break;
      while (!this.queue.length && !this.ended) await new Promise<void>((resolve) => (this.wake = resolve));
      if (this.ended) break;
      payload = this.queue.shift()!;
    }
    this.stopSession();
    this.end();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.wake?.();
    void this.environment?.dispose();
    this.o.onEnd(this);
  }
}
