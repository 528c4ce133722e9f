import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RuntimeApiServer } from './runtimeApi';
import { newRuntimeToken, RUNTIME_TOKEN_VARIABLE } from './runtimeApiAccess';
import { newOutputNonce, OUTPUT_MARKER_VARIABLE, RuntimeOutput } from './runtimeOutput';
import type { RuntimeOutcome, StreamedOutcome } from './runtimeApi';
import { defaultCacheDir } from './cacheDir';
import type { LayerFetcher } from './layers/layerFetcher';
import { searchPath } from './layers/searchPath';
import { PausableTimer } from './pausableTimer';
import { prepareFunction } from './preparation/prepareFunction';
import { requireLocalRuntime } from './runtimes/registry';
import { spawnRuntime } from './runtimeProcess';
import type { RuntimeLauncher, RuntimeProcess } from './runtimeProcess';
import type { InterpreterChoices, InterpreterInfo } from './runtimes/interpreters';
import type { RuntimeSdkProvider } from './runtimeProvided/runtimeSdkProvider';
import type { LocalFunctionDefinition } from './types';

export interface LocalInvokeOptions {
  readonly clientContext?: string;
  readonly cognitoIdentity?: string;
  /** Profile credentials to expose as AWS_ACCESS_KEY_ID… like the real sandbox. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string };
  /** Called when the runtime takes the invocation (a debugger prints START then). */
  readonly onDelivered?: (requestId: string) => void;
  /**
   * A streaming function's response (awslambda.streamifyResponse) as it is written, with its content type. A
   * function that does not stream calls nothing: its response is the result's payload, as ever.
   */
  readonly onChunk?: (chunk: Uint8Array, contentType: string) => void;
}

export interface EnvironmentOptions {
  /** Starts the runtime; by default a process of our own. */
  readonly launcher?: RuntimeLauncher;
  /** How long a cold start may take before the invocation's own timeout starts counting. */
  readonly initGraceMs?: number;
  /**
   * How long to wait, after the outcome, for output the function wrote before it: a pipe of our own delivers it
   * first, but a debugger forwards it as events that may trail the response.
   */
  readonly outputGraceMs?: number;
  /** Our cache folder for builds, unpacked archives and layers; by default the platform's (cacheDir.ts). */
  readonly cacheDir?: string;
  /** The folder a template's function and its layers must keep their code in: see preparation/codeLocationCheck.ts. */
  readonly projectRoot?: string;
  /** Downloads layers named by ARN (the extension's or the CLI's AWS connection). */
  readonly fetchLayer?: LayerFetcher;
  /** The interpreters the user or the editor chose (a setting, a CLI flag, the Python extension's selection). */
  readonly interpreters?: InterpreterChoices;
  /** Installs the runtime's SDK packages a function imports and nothing provides (see runtimeProvided/). */
  readonly provideRuntimeSdk?: RuntimeSdkProvider;
}

export interface EnvironmentResult {
  readonly requestId: string;
  /** The response, or Lambda's error payload when functionError is set. */
  readonly payload: string;
  readonly functionError?: 'Unhandled';
  readonly errorType?: string;
  /** What the function printed during this invocation (init output too on a cold start). */
  readonly output: string[];
  readonly durationMs: number;
  readonly initDurationMs?: number;
  readonly maxMemoryUsedMb?: number;
  /** The environment cannot be reused (timeout, crash, exit). */
  readonly dead: boolean;
  /** The runtime went away before it took the invocation: nothing ran, it may be retried elsewhere. */
  readonly notDelivered?: boolean;
  /** Set when the function streamed its response (the payload then holds every byte it wrote). */
  readonly streamed?: StreamedOutcome;
}

/**
 * One local execution environment: a Runtime API server and the runtime process behind it, kept warm
 * between invocations. Handles one invocation at a time, like Lambda.
 */
export class ExecutionEnvironment {
  private process?: RuntimeProcess;
  private api?: RuntimeApiServer;
  /** What the runtime wrote, told apart by invocation. */
  private log = new RuntimeOutput();
  /** Whether the runtime client writes end marks (ours does, through pipes of our own): see runtimeOutput.ts. */
  private marked = false;
  private startedAt = 0;
  private initDurationMs?: number;
  private reportedInit = false;
  /** The runtime's peak resident memory so far (it only grows). */
  private peakMb?: number;
  private settle?: (outcome: RuntimeOutcome | { kind: 'exit'; code: number | null; signal: NodeJS.Signals | null } | { kind: 'init-error'; body: string; errorType?: string }) => void;
  private exited = false;
  private timer?: PausableTimer;
  readonly warning?: string;
  /** Which interpreter the runtime runs on. */
  readonly interpreter?: InterpreterInfo;
  private readonly command;

  constructor(
    readonly definition: LocalFunctionDefinition,
    private readonly runtimesDir: string,
    private readonly options: EnvironmentOptions = {},
  ) {
    this.command = requireLocalRuntime(definition.runtime).command(definition, runtimesDir, options.interpreters);
    this.warning = this.command.warning;
    this.interpreter = this.command.interpreter;
  }

  /** Stops the invocation's clock (a debugger stopped on a breakpoint)… */
  pause(): void {
    this.timer?.pause();
  }

  /** …and starts it again. */
  resume(): void {
    this.timer?.resume();
  }

  get alive(): boolean {
    return !this.exited;
  }

  async invoke(payload: string, options: LocalInvokeOptions = {}): Promise<EnvironmentResult> {
    if (this.exited) return { requestId: '', payload: '', output: [], durationMs: 0, dead: true, notDelivered: true };
    const cold = !this.process;
    if (cold) await this.start(options);
    const requestId = randomUUID();
    const timeoutMs = this.definition.timeoutSeconds * 1000;
    // The log holds what came since the previous invocation's ended: a line printed after its response (a timer)
    // shows here, as on Lambda, where the frozen environment runs it during the next invocation.
    this.log.begin(requestId);
    let deliveredAt = 0;
    // Nothing streamed after the outcome (a timeout) reaches the caller.
    let settled = false;
    const outcome = new Promise<Parameters<NonNullable<ExecutionEnvironment['settle']>>[0] | { kind: 'timeout' }>((resolve) => {
      this.settle = resolve;
      this.timer = new PausableTimer(timeoutMs + (cold ? (this.options.initGraceMs ?? 10_000) : 0), () => resolve({ kind: 'timeout' }));
      this.api!.on({
        onFirstNext: () => (this.initDurationMs = performance.now() - this.startedAt),
        onNext: () => {
          deliveredAt = performance.now();
          this.timer?.cancel();
          this.timer = new PausableTimer(timeoutMs, () => resolve({ kind: 'timeout' }));
          options.onDelivered?.(requestId);
        },
        onOutcome: (id, result) => id === requestId && resolve(result),
        onChunk: (id, chunk, contentType) => id === requestId && !settled && options.onChunk?.(chunk, contentType),
        onInitError: (body, errorType) => resolve({ kind: 'init-error', body, errorType }),
      });
    });
    this.api!.enqueue({
      requestId,
      payload,
      timeoutMs,
      invokedFunctionArn: `arn:aws:lambda:${this.region()}:123456789012:function:${this.definition.name}`,
      traceId: `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${randomUUID().replace(/-/g, '').slice(0, 24)};Parent=${randomUUID().replace(/-/g, '').slice(0, 16)};Sampled=0`,
      clientContext: options.clientContext,
      cognitoIdentity: options.cognitoIdentity,
    });
    // Sample the peak memory while it runs (after the hand-over, so that it costs the invocation nothing): a
    // process that dies takes its /proc entry with it.
    let peakMb = this.peakMb ?? peakMemoryMb(this.process?.pid);
    const sampler = setInterval(() => (peakMb = peakMemoryMb(this.process?.pid) ?? peakMb), 50);
    sampler.unref();
    const result = await outcome;
    settled = true;
    clearInterval(sampler);
    // Time stopped in a debugger is not the function's.
    const pausedMs = this.timer?.pausedMs ?? 0;
    this.timer?.cancel();
    this.timer = undefined;
    const durationMs = deliveredAt ? performance.now() - deliveredAt - pausedMs : 0;
    const initDurationMs = cold && !this.reportedInit ? this.initDurationMs : undefined;
    if (cold) this.reportedInit = true;
    const reportedKb = 'maxRssKb' in result ? result.maxRssKb : undefined;
    const maxMemoryUsedMb = reportedKb ? Math.ceil(reportedKb / 1024) : (peakMemoryMb(this.process?.pid) ?? peakMb);
    this.peakMb = maxMemoryUsedMb;
    const base = { requestId, durationMs, initDurationMs, maxMemoryUsedMb };
    await this.outputOf(result.kind);
    const output = () => this.log.take();
    switch (result.kind) {
      case 'response':
        return { ...base, payload: result.body, output: output(), dead: false, streamed: result.streamed };
      case 'error':
        return { ...base, payload: result.body, functionError: 'Unhandled', errorType: result.errorType ?? errorTypeOf(result.body), output: output(), dead: !this.alive, streamed: result.streamed };
      case 'init-error':
        await this.dispose();
        return { ...base, payload: result.body, functionError: 'Unhandled', errorType: result.errorType ?? errorTypeOf(result.body), output: output(), dead: true };
      case 'timeout': {
        await this.dispose();
        // What it wrote before it was stopped is still in the pipes.
        await this.log.untilClosed(1000);
        const seconds = this.definition.timeoutSeconds.toFixed(2);
        const message = `${new Date().toISOString()} ${requestId} Task timed out after ${seconds} seconds`;
        return { ...base, durationMs: timeoutMs, payload: JSON.stringify({ errorType: 'Sandbox.Timedout', errorMessage: message }), functionError: 'Unhandled', errorType: 'Sandbox.Timedout', output: [...output(), message], dead: true };
      }
      case 'exit': {
        await this.dispose();
        if (!deliveredAt && !cold) return { ...base, payload: '', output: [], dead: true, notDelivered: true };
        const status = result.signal ? `signal: ${result.signal === 'SIGKILL' ? 'killed' : result.signal}` : `exit status ${result.code}`;
        const message = `RequestId: ${requestId} Error: Runtime exited with error: ${status}`;
        return { ...base, payload: JSON.stringify({ errorType: 'Runtime.ExitError', errorMessage: message }), functionError: 'Unhandled', errorType: 'Runtime.ExitError', output: [...output(), message], dead: true };
      }
    }
  }

  async dispose(): Promise<void> {
    this.exited = true;
    this.timer?.cancel();
    this.process?.kill();
    // An invocation still waiting ends now (its runtime is gone), whether or not the launcher reports an exit.
    this.settle?.({ kind: 'exit', code: null, signal: 'SIGKILL' });
    await this.api?.stop();
  }

  /** Waits until what the function wrote before its outcome has come in. */
  private async outputOf(kind: string): Promise<void> {
    const grace = this.options.outputGraceMs;
    if (grace) return new Promise((resolve) => setTimeout(resolve, grace));
    // A timeout or an exit waits for the pipes to close instead.
    if (kind === 'timeout' || kind === 'exit') return;
    if (this.marked) return this.log.untilMarked(MARK_WAIT_MS);
    await new Promise(setImmediate);
    return this.log.untilQuiet(QUIET_MS, QUIET_WAIT_MS);
  }

  private region(): string {
    return this.definition.environment.AWS_REGION ?? process.env.AWS_REGION ?? 'us-east-1';
  }

  private async start(options: LocalInvokeOptions): Promise<void> {
    // Before the clock starts, as Lambda builds and lays out code before any cold start; a failure here leaves nothing running.
    const code = await prepareFunction(this.definition, {
      cacheDir: this.options.cacheDir ?? defaultCacheDir(),
      projectRoot: this.options.projectRoot,
      fetchLayer: this.options.fetchLayer,
      provideRuntimeSdk: this.options.provideRuntimeSdk,
    });
    const token = newRuntimeToken();
    this.api = await RuntimeApiServer.start(token);
    this.startedAt = performance.now();
    const d = this.definition;
    const region = this.region();
    const now = new Date();
    const stream = `${now.toISOString().slice(0, 10).replace(/-/g, '/')}/[$LATEST]${randomUUID().replace(/-/g, '')}`;
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
      LANG: 'en_US.UTF-8',
      TZ: ':UTC',
      HOME: process.env.HOME ?? '/tmp',
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
      AWS_EXECUTION_ENV: `AWS_Lambda_${d.runtime}`,
      AWS_LAMBDA_FUNCTION_NAME: d.name,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(d.memoryMb),
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${d.name}`,
      AWS_LAMBDA_LOG_STREAM_NAME: stream,
      AWS_LAMBDA_RUNTIME_API: this.api.address,
      LAMBDA_TASK_ROOT: code.taskRoot,
      LAMBDA_RUNTIME_DIR: this.runtimesDir,
      _HANDLER: d.handler,
      ...(options.credentials
        ? {
            AWS_ACCESS_KEY_ID: options.credentials.accessKeyId,
            AWS_SECRET_ACCESS_KEY: options.credentials.secretAccessKey,
            ...(options.credentials.sessionToken ? { AWS_SESSION_TOKEN: options.credentials.sessionToken } : {}),
          }
        : {}),
      ...code.env,
      ...d.environment,
      ...this.command.env,
    };
    env[RUNTIME_TOKEN_VARIABLE] = token;
    // A debugger shows the output as it is (its events are no pipe of ours to mark), and a custom runtime's
    // bootstrap is the user's own: both get a quiet period instead (outputOf).
    this.marked = !this.options.launcher && this.command.marksOutputEnd === true;
    if (this.marked) {
      const nonce = newOutputNonce();
      env[OUTPUT_MARKER_VARIABLE] = nonce;
      this.log = new RuntimeOutput(nonce);
    }
    if (code.path.length > 0) env.PATH = [env.PATH, ...code.path].join(path.delimiter);
    // The interpreter's own search path (the shell's GEM_PATH) joins what the preparation put there instead of hiding it.
    for (const [name, value] of Object.entries(this.command.env ?? {})) {
      if (name !== 'PATH' && name.endsWith('PATH') && code.env[name] && !(name in d.environment)) env[name] = searchPath(code.env[name], value);
    }
    const launcher = this.options.launcher ?? spawnRuntime;
    this.process = launcher(
      { command: this.command.command, args: this.command.args, cwd: code.taskRoot, env },
      {
        output: (stream, text) => this.log.write(stream, text),
        exit: (code, signal) => {
          this.log.close();
          this.exited = true;
          this.settle?.({ kind: 'exit', code, signal });
        },
        paused: () => this.pause(),
        resumed: () => this.resume(),
      },
    );
  }
}

/** How long an outcome waits for its end marks: they are written before it, so only a slow reader is waited for. */
const MARK_WAIT_MS = 3000;
/** Without marks: the output is in once nothing came for this long… */
const QUIET_MS = 25;
/** …or after this long, whatever keeps coming. */
const QUIET_WAIT_MS = 1000;

function errorTypeOf(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { errorType?: string }).errorType;
  } catch {
    return undefined;
  }
}

/** Peak resident memory of a process (Linux: VmHWM), in MB. */
function peakMemoryMb(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Math.ceil(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}
