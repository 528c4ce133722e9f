import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { freePort, waitFor } from '../test/support/freePort';
import { CACHE } from '../test/support/paths';
import { spawnGroup, stopGroup } from '../test/support/processGroup';
import { WARMUPS, WARM_RUNS, sequential } from './localRuntimeBench';
import { ms, rate } from './table';

// The local API (`serverless-explorer start-api`) next to serverless-offline (npm, serverless v3), both started as a
// user starts them, each a process of its own, serving GET /hello from the same handler file, measured by the same
// keep-alive client. Ours runs the function in its own runtime process behind a Runtime API; serverless-offline, by
// default, runs it in a worker thread of its own process.

const SERVERLESS = '3.40.0';
/** The last serverless-offline for serverless v3 (14.x needs v4, which needs a login). */
const OFFLINE = '13.9.0';
const CLIENTS = 10;
const CONCURRENT_WARMUPS = 500;
const CONCURRENT_REQUESTS = Number(process.env.SE_BENCH_API_REQUESTS ?? 3000);
const READY_MS = 60_000;

const HANDLER = "exports.handler = async () => ({ statusCode: 200, body: 'ok' });\n";
const runtime = () => `nodejs${process.versions.node.split('.')[0]}.x`;
const TEMPLATE = () =>
  `AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n  HelloFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: .\n      Handler: index.handler\n      Runtime: ${runtime()}\n      Events:\n        Hello:\n          Type: Api\n          Properties:\n            Path: /hello\n            Method: get\n`;
const SERVERLESS_YML = () =>
  `service: bench\nframeworkVersion: '3'\nprovider:\n  name: aws\n  runtime: ${runtime()}\nplugins:\n  - serverless-offline\nfunctions:\n  hello:\n    handler: index.handler\n    events:\n      - http:\n          path: hello\n          method: get\n`;

export interface ApiFigures {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly sequentialPerSecond: number;
  /** Requests per second from CLIENTS clients at once, each waiting for its answer before the next request. */
  readonly concurrentPerSecond: number;
}

export interface LocalApiFigures {
  readonly ours: ApiFigures;
  readonly offline: { readonly version: string; readonly serverless: string; readonly figures: ApiFigures } | { readonly skipped: string };
}

function get(agent: http.Agent, url: URL): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
  });
}

/** GET url over keep-alive connections (at most `sockets`), noting every answer that is not 200 "ok". */
function client(url: URL, sockets: number, failures: string[]): { call: () => Promise<void>; close: () => void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const call = async () => {
    const { status, body } = await get(agent, url).catch((error: Error) => ({ status: 0, body: error.message }));
    if (status !== 200 || body !== 'ok') failures.push(`${status} ${body.slice(0, 200)}`);
  };
  return { call, close: () => agent.destroy() };
}

/** `total` calls from `clients` loops at once; returns calls per second. */
async function concurrent(call: () => Promise<void>, clients: number, total: number): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next++ < total) await call();
  }));
  return (total / (performance.now() - t0)) * 1000;
}

async function measure(url: URL): Promise<ApiFigures> {
  const failures: string[] = [];
  const one = client(url, 1, failures);
  const many = client(url, CLIENTS, failures);
  try {
    const timed = await sequential(one.call);
    await concurrent(many.call, CLIENTS, CONCURRENT_WARMUPS);
    const concurrentPerSecond = await concurrent(many.call, CLIENTS, CONCURRENT_REQUESTS);
    if (failures.length) throw new Error(`GET ${url.href}: ${failures.length} answers were not 200 "ok"; the first: ${failures[0]}`);
    return { p50Ms: timed.p50Ms, p99Ms: timed.p99Ms, sequentialPerSecond: timed.perSecond, concurrentPerSecond };
  } finally {
    one.close();
    many.close();
  }
}

/** Starts a server as its own process group, waits for its ready line, measures GET url, and stops the group whatever happens. */
async function serveAndMeasure(what: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, ready: RegExp, url: URL): Promise<ApiFigures> {
  const child = spawnGroup(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let isReady = false;
  let exited: number | null | undefined;
  // Drained all along: both servers write a line per request.
  const read = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
    isReady ||= ready.test(output);
  };
  child.stdout!.on('data', read);
  child.stderr!.on('data', read);
  child.once('exit', (code) => (exited = code));
  try {
    await waitFor(`${what} to print ${ready}`, READY_MS, async () => {
      if (exited !== undefined) throw new Error(`${what} exited with code ${exited}:\n${output.trim()}`);
      return isReady || undefined;
    }).catch((error: Error) => {
      throw new Error(`${error.message}\n${output.trim()}`);
    });
    return await measure(url);
  } finally {
    await stopGroup(child.pid);
  }
}

/** serverless v3 and serverless-offline installed once into the bench's cache, or why they could not be. */
async function installServerlessOffline(): Promise<{ bin: string } | { skipped: string }> {
  const dir = path.join(CACHE, `serverless-offline-${OFFLINE}`);
  const bin = path.join(dir, 'node_modules', 'serverless', 'bin', 'serverless.js');
  const mark = path.join(dir, `.installed-${SERVERLESS}`);
  if (fs.existsSync(mark)) return { bin };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"se-bench-serverless-offline","private":true}\n');
  process.stderr.write(`[bench] installing serverless@${SERVERLESS} and serverless-offline@${OFFLINE} into ${dir} (about a minute; once)\n`);
  try {
    const args = ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', '--fetch-retries=1', `serverless@${SERVERLESS}`, `serverless-offline@${OFFLINE}`];
    await promisify(execFile)('npm', args, { timeout: 300_000 });
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    // npm's message line, after its "code", "syscall" and "errno" lines.
    const why = stderr?.split('\n').find((line) => /^npm error (?!code |syscall |errno )\S/.test(line)) ?? message;
    return { skipped: `npm could not install serverless-offline@${OFFLINE} (${why.slice(0, 200)})` };
  }
  fs.writeFileSync(mark, '');
  return { bin };
}

export async function benchLocalApi(root: string): Promise<LocalApiFigures> {
  const cli = path.join(root, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run "npm run build" first.`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-bench-api-'));
  try {
    fs.writeFileSync(path.join(dir, 'index.js'), HANDLER);
    fs.writeFileSync(path.join(dir, 'template.yaml'), TEMPLATE());
    fs.writeFileSync(path.join(dir, 'serverless.yml'), SERVERLESS_YML());
    const ourPort = await freePort();
    const ours = await serveAndMeasure('start-api', process.execPath, [cli, 'start-api', '--template', 'template.yaml', '--port', String(ourPort)], dir, process.env, /Local API on /, new URL(`http://127.0.0.1:${ourPort}/hello`));
    const installed = await installServerlessOffline();
    if ('skipped' in installed) return { ours, offline: installed };
    const [httpPort, lambdaPort] = [await freePort(), await freePort()];
    const home = path.join(dir, 'home');
    fs.mkdirSync(home);
    // Its own HOME: serverless v3 writes its settings there. No telemetry, no update notices.
    const env = { ...process.env, HOME: home, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' };
    const args = [installed.bin, 'offline', 'start', '--host', '127.0.0.1', '--httpPort', String(httpPort), '--lambdaPort', String(lambdaPort), '--noPrependStageInUrl'];
    const figures = await serveAndMeasure('serverless offline', process.execPath, args, dir, env, /Server ready: /, new URL(`http://127.0.0.1:${httpPort}/hello`));
    return { ours, offline: { version: OFFLINE, serverless: SERVERLESS, figures } };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const goalMet = (f: LocalApiFigures) => 'figures' in f.offline && f.ours.p50Ms <= 1.5 * f.offline.figures.p50Ms;

export function localApiHeader(f: LocalApiFigures): [string, string, string, string] {
  const reference = 'figures' in f.offline ? `serverless-offline ${f.offline.version} (worker threads)` : 'serverless-offline';
  return ['local API, GET /hello (metric)', 'Serverless Explorer start-api', reference, 'our goal'];
}

/** Rows for bench.ts's table: metric | Serverless Explorer | serverless-offline | our goal. */
export function localApiRows(f: LocalApiFigures): [string, string, string, string][] {
  const theirs = 'figures' in f.offline ? f.offline.figures : undefined;
  const cell = (format: (value: number) => string, pick: (figures: ApiFigures) => number) => (theirs ? format(pick(theirs)) : 'skipped');
  const goal = theirs ? `≤ 1.5× serverless-offline (${ms(1.5 * theirs.p50Ms)}): ${goalMet(f) ? 'met' : 'NOT MET'}` : '≤ 1.5× serverless-offline: not measured';
  return [
    [`p50, ${WARM_RUNS.toLocaleString('en-US')} sequential over one keep-alive connection (after ${WARMUPS} warm-ups)`, ms(f.ours.p50Ms), cell(ms, (x) => x.p50Ms), goal],
    ['p99', ms(f.ours.p99Ms), cell(ms, (x) => x.p99Ms), ''],
    ['sequential requests/s', rate(f.ours.sequentialPerSecond), cell(rate, (x) => x.sequentialPerSecond), ''],
    [`requests/s, ${CLIENTS} clients at once (${CONCURRENT_REQUESTS.toLocaleString('en-US')} requests)`, rate(f.ours.concurrentPerSecond), cell(rate, (x) => x.concurrentPerSecond), ''],
  ];
}

export function localApiOver(f: LocalApiFigures): string[] {
  return 'figures' in f.offline && !goalMet(f) ? ['local API p50 (vs serverless-offline)'] : [];
}

export const LOCAL_API_NOTE = (f: LocalApiFigures) =>
  `The local API rows serve one handler file (${HANDLER.trim()}) as GET /hello, REST payload 1.0, from \`node dist/cli.js start-api\`, ` +
  'which runs the function in its own runtime process behind a Runtime API, and ' +
  ('figures' in f.offline
    ? `from \`serverless offline start\` (serverless ${f.offline.serverless}, serverless-offline ${f.offline.version}), which runs it in a worker thread of its own process (its default mode)`
    : `not from serverless-offline: skipped, ${f.offline.skipped}`) +
  '; each a process of its own, called by the same keep-alive Node http client, every answer checked to be 200 "ok".';
