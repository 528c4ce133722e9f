import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalInvoker } from '../src/core/local/invoker';
import { benchEndpoint } from './endpointBench';
import type { EndpointFigures } from './endpointBench';
import type { LocalFunctionDefinition } from '../src/core/local/types';
import { median, percentile } from './stats';
import { ms, rate } from './table';

// The local runtime (src/core/local) next to lambda-local (npm), with the same trivial Node handler.
// Ours runs each function in its own Node process behind a Runtime API, as Lambda does; lambda-local
// runs the handler inside the calling process, with no isolation.

const HANDLER_SOURCE = 'exports.handler = async (event) => ({ ok: true, n: event.n });\n';
// Warm means steady state: V8 optimises the hot paths (here in two processes: the host's HTTP server and the
// runtime's client) only after a few hundred calls, and the first 500 of ours run about twice as slow as the rest.
// Both sides get the same warm-up.
export const WARMUPS = 500;
export const WARM_RUNS = Number(process.env.SE_BENCH_LOCAL_RUNS ?? 1000);
const COLD_RUNS = 15;

export interface LatencyFigures {
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Sequential invocations per second. */
  readonly perSecond: number;
}

export interface LocalRuntimeFigures {
  readonly runtime: string;
  readonly ours: {
    readonly warm: LatencyFigures;
    /** Median wall time of an invocation in a new environment (alwaysCold). */
    readonly coldMs: number;
    /** Median of the REPORT's Init Duration of those cold invocations. */
    readonly initMs: number;
    /** The same warm invoke through the local Invoke API endpoint, over keep-alive HTTP. */
    readonly endpoint: EndpointFigures;
  };
  readonly lambdaLocal: {
    readonly version: string;
    readonly warm: LatencyFigures;
    /** Median time of the first execute() in a fresh Node process (lambda-local already loaded). */
    readonly firstCallMs: number;
  };
}

/** WARMUPS calls, then WARM_RUNS timed one after the other. */
export async function sequential(invoke: (n: number) => Promise<void>): Promise<LatencyFigures> {
  for (let i = 0; i < WARMUPS; i++) await invoke(i);
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < WARM_RUNS; i++) {
    const t0 = performance.now();
    await invoke(i);
    times.push(performance.now() - t0);
  }
  const totalMs = performance.now() - started;
  return { p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), perSecond: (WARM_RUNS / totalMs) * 1000 };
}

function check(payload: string | unknown, n: number): void {
  const value = (typeof payload === 'string' ? JSON.parse(payload) : payload) as { ok?: boolean; n?: number };
  if (value?.ok !== true || value.n !== n) throw new Error(`unexpected response ${JSON.stringify(payload)} for n=${n}`);
}

interface LambdaLocalApi {
  readonly version: string;
  execute(options: Record<string, unknown>): Promise<unknown>;
  getLogger(): { silent: boolean };
}

function loadLambdaLocal(): LambdaLocalApi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a dev dependency of the bench only, loaded on demand
  const lambdaLocal = require('lambda-local') as LambdaLocalApi;
  // Its winston logger writes START / End - Result lines for every call: keep them out of the table.
  lambdaLocal.getLogger().silent = true;
  return lambdaLocal;
}

const lambdaLocalOptions = (handlerFile: string, n: number) => ({ event: { n }, lambdaPath: handlerFile, lambdaHandler: 'handler', timeoutMs: 3000, verboseLevel: 0 });

async function benchOurs(dir: string, runtimesDir: string, runtime: string): Promise<LocalRuntimeFigures['ours']> {
  const definition: LocalFunctionDefinition = {
    name: 'bench',
    codeDir: dir,
    handler: 'index.handler',
    runtime,
    timeoutSeconds: 10,
    memoryMb: 128,
    environment: {},
    architecture: process.arch === 'arm64' ? 'arm64' : 'x86_64',
  };
  const warmInvoker = new LocalInvoker({ runtimesDir });
  let warm: LatencyFigures;
  try {
    warm = await sequential(async (n) => {
      const result = await warmInvoker.invoke(definition, JSON.stringify({ n }));
      if (result.functionError) throw new Error(`local invoke failed: ${result.payload}\n${result.log}`);
      check(result.payload, n);
    });
  } finally {
    await warmInvoker.dispose();
  }
  const coldInvoker = new LocalInvoker({ runtimesDir, alwaysCold: true });
  const coldTimes: number[] = [];
  const initTimes: number[] = [];
  try {
    for (let n = 0; n < COLD_RUNS; n++) {
      const t0 = performance.now();
      const result = await coldInvoker.invoke(definition, JSON.stringify({ n }));
      coldTimes.push(performance.now() - t0);
      if (result.functionError) throw new Error(`local cold invoke failed: ${result.payload}\n${result.log}`);
      check(result.payload, n);
      if (!result.coldStart || result.report.initDurationMs === undefined) throw new Error('an alwaysCold invocation reported no cold start');
      initTimes.push(result.report.initDurationMs);
    }
  } finally {
    await coldInvoker.dispose();
  }
  const endpoint = await benchEndpoint(dir, runtimesDir, runtime, sequential, check);
  return { warm, coldMs: median(coldTimes), initMs: median(initTimes), endpoint };
}

async function benchLambdaLocal(handlerFile: string): Promise<LocalRuntimeFigures['lambdaLocal']> {
  // lambda-local writes AWS_*, TZ, NODE_PATH… into this process's environment: put it back afterwards.
  const savedEnv = { ...process.env };
  try {
    const lambdaLocal = loadLambdaLocal();
    const warm = await sequential(async (n) => check(await lambdaLocal.execute(lambdaLocalOptions(handlerFile, n)), n));
    // Its only "cold" call: the first one in a fresh process (it re-requires the handler on every call anyway).
    const firstCalls: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const out = execFileSync(process.execPath, [__filename, '--lambda-local-once', handlerFile], { encoding: 'utf8' });
      firstCalls.push((JSON.parse(out) as { ms: number }).ms);
    }
    return { version: lambdaLocal.version, warm, firstCallMs: median(firstCalls) };
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
  }
}

/** Runs both, one after the other, on a handler written to a temporary directory. */
export async function benchLocalRuntime(root: string): Promise<LocalRuntimeFigures> {
  const runtimesDir = path.join(root, 'dist', 'runtimes');
  if (!fs.existsSync(path.join(runtimesDir, 'node', 'bootstrap.js'))) throw new Error(`${runtimesDir}/node/bootstrap.js is missing: run "npm run build" first.`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-bench-local-'));
  try {
    const handlerFile = path.join(dir, 'index.js');
    fs.writeFileSync(handlerFile, HANDLER_SOURCE);
    const runtime = `nodejs${process.versions.node.split('.')[0]}.x`;
    const ours = await benchOurs(dir, runtimesDir, runtime);
    const lambdaLocal = await benchLambdaLocal(handlerFile);
    return { runtime, ours, lambdaLocal };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}


/** Rows for bench.ts's table: metric | Serverless Explorer | lambda-local | our goal. */
export function localRuntimeRows(f: LocalRuntimeFigures): [string, string, string, string][] {
  return [
    [`local ${f.runtime} warm invoke p50 (${WARM_RUNS} sequential)`, ms(f.ours.warm.p50Ms), ms(f.lambdaLocal.warm.p50Ms), `≤ 1.5× lambda-local (${ms(1.5 * f.lambdaLocal.warm.p50Ms)})`],
    ['local warm invoke p99', ms(f.ours.warm.p99Ms), ms(f.lambdaLocal.warm.p99Ms), ''],
    [
      '  through the local Invoke API (start-lambda), keep-alive HTTP from another process (as the SDK calls it), p50',
      ms(f.ours.endpoint.otherProcessP50Ms),
      ms(f.lambdaLocal.warm.p50Ms),
      `≤ 1.5× lambda-local (${ms(1.5 * f.lambdaLocal.warm.p50Ms)})`,
    ],
    ["  the same, the client in the endpoint's own process", ms(f.ours.endpoint.cachedP50Ms), '', ''],
    ['  the same, the template read on every request (before issue 13)', ms(f.ours.endpoint.rereadP50Ms), '', ''],
    ['local sequential throughput', rate(f.ours.warm.perSecond), rate(f.lambdaLocal.warm.perSecond), ''],
    [
      `local cold start, median of ${COLD_RUNS}`,
      `${ms(f.ours.coldMs)} (Init Duration ${ms(f.ours.initMs)})`,
      `n/a (1st call in a new process: ${ms(f.lambdaLocal.firstCallMs)})`,
      '150 ms',
    ],
  ];
}

/** The goals missed, by name, for bench.ts's OVER LIMIT line. */
export function localRuntimeOver(f: LocalRuntimeFigures): string[] {
  return [
    f.ours.warm.p50Ms > 1.5 * f.lambdaLocal.warm.p50Ms && 'local warm invoke p50',
    f.ours.endpoint.otherProcessP50Ms > 1.5 * f.lambdaLocal.warm.p50Ms && 'local invoke through the endpoint p50',
    f.ours.coldMs > 150 && 'local cold start',
  ].filter((x): x is string => Boolean(x));
}

export const LOCAL_RUNTIME_NOTE =
  `The local runtime runs the same handler (${HANDLER_SOURCE.trim()}) in its own Node process behind a Runtime API, as Lambda does; ` +
  `lambda-local calls it inside the bench's own process (no isolation) and re-requires it on every call (it clears require.cache), ` +
  `so it keeps no warm state and has no cold start of its own: its cold figure is the first call in a new Node process, lambda-local already loaded.`;

// One lambda-local call in a fresh process (a child of benchLambdaLocal): prints {"ms": …}.
if (require.main === module && process.argv[2] === '--lambda-local-once') {
  const handlerFile = process.argv[3];
  const lambdaLocal = loadLambdaLocal();
  const t0 = performance.now();
  void lambdaLocal.execute(lambdaLocalOptions(handlerFile, 1)).then((result) => {
    const elapsed = performance.now() - t0;
    check(result, 1);
    process.stdout.write(JSON.stringify({ ms: elapsed }));
  });
}
