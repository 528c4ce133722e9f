import * as path from 'node:path';
import { ExecutionEnvironment } from './executionEnvironment';
import type { EnvironmentResult, LocalInvokeOptions } from './executionEnvironment';
import type { LayerFetcher } from './layers/layerFetcher';
import type { RuntimeLauncher } from './runtimeProcess';
import type { RuntimeSdkProvider } from './runtimeProvided/runtimeSdkProvider';
import type { LocalFunctionDefinition } from './types';
import type { InterpreterChoices, InterpreterInfo } from './runtimes/interpreters';
import { formatReportLine, type LambdaReport } from '../lambda/report';
import { CodeStamps } from './reload/codeStamp';

export const MAX_REQUEST_BYTES = 6 * 1024 * 1024;

export interface LocalInvokeResult {
  readonly requestId: string;
  readonly functionName: string;
  /** The response, or Lambda's error payload ({ errorType, errorMessage, … }) when functionError is set. */
  readonly payload: string;
  readonly functionError?: 'Unhandled';
  readonly errorType?: string;
  /** START, what the function printed, END and REPORT, as Lambda writes them. */
  readonly log: string;
  readonly report: LambdaReport;
  readonly coldStart: boolean;
  /** A difference from Lambda worth telling the user (an interpreter version). */
  readonly warning?: string;
  /** Which interpreter ran it, and where that came from. */
  readonly interpreter?: InterpreterInfo;
  /** Set when the function streamed its response (awslambda.streamifyResponse): its content type. */
  readonly streamed?: { readonly contentType: string };
  /** Nothing ran: the function was at its concurrency cap (Lambda's TooManyRequestsException, HTTP 429). */
  readonly throttled?: boolean;
}

/** Lambda's throttle for a function at its reserved concurrency. */
export const THROTTLE_REASON = 'ReservedFunctionConcurrentInvocationLimitExceeded';
export const THROTTLE_MESSAGE = 'Rate Exceeded.';

/**
 * Runtimes a function may have running at once unless told otherwise: enough for a test of a few parallel calls,
 * few enough that a burst (50 SDK calls) does not start 50 interpreters on a laptop.
 */
export const DEFAULT_MAX_CONCURRENCY = 10;
/** Minutes an environment may sit idle before its runtime is stopped (Lambda keeps them for minutes too). */
export const DEFAULT_IDLE_MINUTES = 10;

export interface LocalInvokerOptions {
  /** Where node-bootstrap.js and python/bootstrap.py are (dist/runtimes). */
  readonly runtimesDir?: string;
  /** Start a new environment for every invocation (measure cold starts, or rule out state). */
  readonly alwaysCold?: boolean;
  /** Our cache folder for builds, unpacked archives and layers; by default the platform's (cacheDir.ts). */
  readonly cacheDir?: string;
  /** Downloads layers named by ARN (the extension's or the CLI's AWS connection). */
  readonly fetchLayer?: LayerFetcher;
  /** The interpreters chosen for a function (settings, CLI flags, the Python extension), asked before each run. */
  readonly interpreters?: (definition: LocalFunctionDefinition) => InterpreterChoices | undefined | Promise<InterpreterChoices | undefined>;
  /** Installs the runtime's SDK packages a function imports and nothing provides (a prompt, a CLI flag). */
  readonly provideRuntimeSdk?: RuntimeSdkProvider;
  /** Invocations a function may run at once; more are throttled. A function's ReservedConcurrentExecutions lowers it. */
  readonly maxConcurrency?: number;
  /** Minutes an idle environment is kept before its runtime is stopped; 0 keeps it until dispose. */
  readonly idleMinutes?: number;
  /** The folder a template's function must keep its code in (its workspace folder; the CLI's project): outside, it is refused. */
  readonly projectRoot?: (definition: LocalFunctionDefinition) => string | undefined;
  /**
   * Keep a warm environment even when its code changed since it started. By default a saved file is used by the
   * next invocation: the environment that loaded the old code is replaced (and an esbuild function rebuilt).
   */
  readonly keepChangedCode?: boolean;
  /**
   * The credentials of a function that names its own (`definition.credentials`: a pulled function's profile or
   * execution role); they win over the run's, since they were chosen for that function. It throws when they cannot be had.
   */
  readonly credentialsFor?: (definition: LocalFunctionDefinition) => Promise<LocalInvokeOptions['credentials']>;
  /** Starts a function's runtimes another way than a process of our own (a debugger launches them); undefined: our own. */
  readonly launcher?: (definition: LocalFunctionDefinition) => RuntimeLauncher | undefined;
  /** With a launcher: how long a cold start may take (attaching, a breakpoint in the init) before the timeout counts. */
  readonly initGraceMs?: number;
  /** With a launcher: how long output may trail the outcome (a debugger forwards it as events). */
  readonly outputGraceMs?: number;
}

/**
 * Runs local functions like Lambda: a warm environment is reused; a busy one is not shared (a concurrent
 * invocation gets its own environment); a failed one (timeout, crash, exit) is replaced on the next call.
 */
export class LocalInvoker {
  private readonly idle = new Map<string, ExecutionEnvironment[]>();
  private readonly all = new Set<ExecutionEnvironment>();
  /** Invocations running, per function name (what Lambda's concurrency counts). */
  private readonly running = new Map<string, number>();
  private readonly idleTimers = new Map<ExecutionEnvironment, NodeJS.Timeout>();
  private readonly runtimesDir: string;
  /** What each environment's code folder looked like when it started. */
  private readonly startedOn = new Map<ExecutionEnvironment, string>();
  private readonly stamps = new CodeStamps();

  constructor(private readonly options: LocalInvokerOptions = {}) {
    this.runtimesDir = options.runtimesDir ?? path.join(__dirname, 'runtimes');
  }

  async invoke(definition: LocalFunctionDefinition, payload: string, options: LocalInvokeOptions = {}): Promise<LocalInvokeResult> {
    if (Buffer.byteLength(payload, 'utf8') > MAX_REQUEST_BYTES) {
      return failure(definition, 'RequestEntityTooLargeException', `Request must be smaller than ${MAX_REQUEST_BYTES} bytes for the InvokeFunction operation`);
    }
    const cap = Math.min(this.options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY, definition.reservedConcurrency ?? Infinity);
    const running = this.running.get(definition.name) ?? 0;
    if (running >= cap) return throttle(definition);
    this.running.set(definition.name, running + 1);
    try {
      return await this.invokeWithin(definition, payload, options);
    } finally {
      const left = (this.running.get(definition.name) ?? 1) - 1;
      if (left > 0) this.running.set(definition.name, left);
      else this.running.delete(definition.name);
    }
  }

  private async invokeWithin(definition: LocalFunctionDefinition, payload: string, given: LocalInvokeOptions): Promise<LocalInvokeResult> {
    let options = given;
    const interpreters = await this.options.interpreters?.(definition);
    for (let attempt = 0; ; attempt++) {
      // Another interpreter chosen meanwhile gets a fresh environment.
      const key = identity(definition) + JSON.stringify(interpreters ?? {});
      const pool = this.idle.get(key) ?? [];
      let environment = this.options.alwaysCold ? undefined : pool.pop();
      if (environment) this.keep(environment);
      const stamp = this.options.keepChangedCode ? '' : await this.stamps.current(definition.codeDir);
      if (environment && this.startedOn.get(environment) !== stamp) {
        await this.drop(environment, key);
        environment = undefined;
      }
      const coldStart = !environment;
      if (!environment) {
        environment = new ExecutionEnvironment(definition, this.runtimesDir, {
          cacheDir: this.options.cacheDir,
          projectRoot: this.options.projectRoot?.(definition),
          fetchLayer: this.options.fetchLayer,
          interpreters,
          provideRuntimeSdk: this.options.provideRuntimeSdk,
          launcher: this.options.launcher?.(definition),
          initGraceMs: this.options.initGraceMs,
          outputGraceMs: this.options.outputGraceMs,
        });
        this.all.add(environment);
        this.startedOn.set(environment, stamp);
        // Credentials go into a runtime's environment when it starts: a warm one needs none asked for again.
        const own = definition.credentials && (await this.options.credentialsFor?.(definition));
        if (own) options = { ...given, credentials: own };
      }
      const result = await environment.invoke(payload, options);
      if (result.dead || this.options.alwaysCold) {
        await this.drop(environment, key);
      } else {
        this.idle.set(key, [...(this.idle.get(key) ?? []), environment]);
        this.reapLater(key, environment);
      }
      if (result.notDelivered && attempt === 0) continue;
      return toResult(definition, result, coldStart, environment.warning, environment.interpreter);
    }
  }

  /** Stops an idle environment's runtime after idleMinutes; unref'd, so that it never keeps the CLI alive. */
  private reapLater(key: string, environment: ExecutionEnvironment): void {
    const minutes = this.options.idleMinutes ?? DEFAULT_IDLE_MINUTES;
    if (!(minutes > 0)) return;
    const timer = setTimeout(() => void this.drop(environment, key), minutes * 60_000);
    timer.unref();
    this.idleTimers.set(environment, timer);
  }

  /** Stops an environment for good: its code changed, its runtime died, or it sat idle too long. */
  private async drop(environment: ExecutionEnvironment, key: string): Promise<void> {
    this.keep(environment);
    const pool = this.idle.get(key)?.filter((e) => e !== environment) ?? [];
    if (pool.length > 0) this.idle.set(key, pool);
    else this.idle.delete(key);
    this.all.delete(environment);
    this.startedOn.delete(environment);
    await environment.dispose();
  }

  private keep(environment: ExecutionEnvironment): void {
    clearTimeout(this.idleTimers.get(environment));
    this.idleTimers.delete(environment);
  }

  /** Stops every environment (on refresh, or when the extension or CLI ends). */
  async dispose(): Promise<void> {
    const environments = [...this.all];
    this.all.clear();
    this.idle.clear();
    this.startedOn.clear();
    this.idleTimers.forEach((timer) => clearTimeout(timer));
    this.idleTimers.clear();
    await Promise.all(environments.map((e) => e.dispose()));
  }
}

/** Environments are reused only for the same definition: a changed handler, env or memory gets a fresh one. */
function identity(d: LocalFunctionDefinition): string {
  return JSON.stringify([d.name, d.codeDir, d.handler, d.runtime, d.memoryMb, d.timeoutSeconds, d.environment, d.layers]);
}

/** What an environment reports, as a local invocation result: the log framed by START, END and REPORT. */
export function toResult(definition: LocalFunctionDefinition, r: EnvironmentResult, coldStart: boolean, warning?: string, interpreter?: InterpreterInfo): LocalInvokeResult {
  const report = {
    durationMs: Math.round(r.durationMs * 100) / 100,
    billedDurationMs: Math.max(1, Math.ceil(r.durationMs)),
    memorySizeMb: definition.memoryMb,
    maxMemoryUsedMb: r.maxMemoryUsedMb,
    initDurationMs: r.initDurationMs === undefined ? undefined : Math.round(r.initDurationMs * 100) / 100,
  };
  const log = [`START RequestId: ${r.requestId} Version: $LATEST`, ...r.output, `END RequestId: ${r.requestId}`, formatReportLine(r.requestId, report), ''].join('\n');
  return {
    requestId: r.requestId,
    functionName: definition.name,
    payload: r.payload,
    functionError: r.functionError,
    errorType: r.errorType,
    log,
    report,
    coldStart,
    warning,
    interpreter,
    ...(r.streamed ? { streamed: r.streamed } : {}),
  };
}

function failure(definition: LocalFunctionDefinition, errorType: string, errorMessage: string): LocalInvokeResult {
  return {
    requestId: '',
    functionName: definition.name,
    payload: JSON.stringify({ errorType, errorMessage }),
    functionError: 'Unhandled',
    errorType,
    log: '',
    report: { durationMs: 0, billedDurationMs: 0, memorySizeMb: definition.memoryMb },
    coldStart: false,
  };
}

function throttle(definition: LocalFunctionDefinition): LocalInvokeResult {
  return {
    ...failure(definition, 'TooManyRequestsException', THROTTLE_MESSAGE),
    payload: JSON.stringify({ Reason: THROTTLE_REASON, Type: 'User', message: THROTTLE_MESSAGE }),
    throttled: true,
  };
}
