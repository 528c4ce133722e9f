import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readProfiles } from '../src/core/aws/profiles';
import { benchHost } from './hostBench';
import { hostGoalsNotMet, hostNotes, hostRows } from './hostRows';
import { writeLargeConfig } from './largeConfig';
import { benchListing } from './listingBench';
import { benchLambdaLogs } from './lambdaLogsBench';
import { benchMonitorFilter } from './monitorFilterBench';
import { ESBUILD_NOTE, benchEsbuild, esbuildOver, esbuildRows } from './esbuildBench';
import { LOCAL_RUNTIME_NOTE, benchLocalRuntime, localRuntimeOver, localRuntimeRows } from './localRuntimeBench';
import { LOCAL_API_NOTE, benchLocalApi, localApiHeader, localApiOver, localApiRows } from './localApiBench';
import { SOURCES_NOTE, benchSources, sourcesOver, sourcesRows } from './sourcesBench';
import { median } from './stats';
import { printTable } from './table';

// `npm run bench`: figures of the package as it ships, next to the AWS Toolkit's published ones
// (../shared/notes/peers.md), then activation and first bundle loads in a real extension host (code-server),
// next to a one-command extension. Run after `npm run package` (the npm script does it).
// SE_BENCH_ONLY=host runs only the real-host section, SE_BENCH_ONLY=esbuild only the esbuild rows, SE_BENCH_ONLY=api only the
// local API next to serverless-offline, SE_BENCH_ONLY=sources only the Local Functions view of 200 functions after a change;
// SE_BENCH_HOST_RUNS=0 skips the real host (and the sources section's host rows); SE_BENCH_HOST_JSON=<file> also writes its samples there.
const ROOT = path.resolve(__dirname, '..', '..');
const BUNDLE = path.join(ROOT, 'dist', 'extension.js');
const VSIX = path.join(ROOT, 'serverless-explorer.vsix');
const RUNS = Number(process.env.SE_BENCH_RUNS ?? 15);
/** Fresh extension hosts per extension in the real-host section; 0 skips it. */
const HOST_RUNS = Number(process.env.SE_BENCH_HOST_RUNS ?? 5);
/** `host`, or one of ALONE's sections: only that section. */
const ONLY = process.env.SE_BENCH_ONLY;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

function activationSamples(env: NodeJS.ProcessEnv = process.env): { loadMs: number; activateMs: number }[] {
  const samples: { loadMs: number; activateMs: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, [path.join(__dirname, 'activateOnce.js'), BUNDLE], { encoding: 'utf8', env });
    samples.push(JSON.parse(out));
  }
  return samples;
}

interface Section {
  readonly table: string[][];
  readonly note: string;
  readonly over: string[];
}

/** The sections that also run alone (SE_BENCH_ONLY=<name>): they need dist/ (npm run build), not the .vsix. */
const ALONE: Record<'esbuild' | 'api' | 'sources', () => Promise<Section>> = {
  esbuild: async () => {
    const built = await benchEsbuild(ROOT);
    return { table: [['esbuild functions (metric)', 'Serverless Explorer', 'sam build', 'our goal'], ...esbuildRows(built)], note: ESBUILD_NOTE(built), over: esbuildOver(built) };
  },
  api: async () => {
    const api = await benchLocalApi(ROOT);
    return { table: [localApiHeader(api), ...localApiRows(api)], note: LOCAL_API_NOTE(api), over: localApiOver(api) };
  },
  sources: async () => {
    const sources = await benchSources(ROOT, HOST_RUNS > 0);
    return { table: sourcesRows(sources), note: SOURCES_NOTE(sources), over: sourcesOver(sources) };
  },
};

/** Everything but the real host: its table, its notes, and what is over its limit (then exit code 1). */
async function benchOutsideHost(): Promise<void> {
  const samples = activationSamples();
  const total = median(samples.map((s) => s.loadMs + s.activateMs));
  const big = writeLargeConfig(5000);
  const bigSamples = activationSamples({ ...process.env, AWS_CONFIG_FILE: big.configFile, AWS_SHARED_CREDENTIALS_FILE: big.credentialsFile });
  const totalBig = median(bigSamples.map((s) => s.loadMs + s.activateMs));
  const readTimes: number[] = [];
  let profileCount = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    profileCount = (await readProfiles({ configFile: big.configFile, credentialsFile: big.credentialsFile })).length;
    readTimes.push(performance.now() - t0);
  }
  fs.rmSync(big.dir, { recursive: true, force: true });
  const listing = await benchListing(10_000);
  const local = await benchLocalRuntime(ROOT);
  const find = await benchMonitorFilter(100_000);
  const esbuild = await ALONE.esbuild();
  const api = await ALONE.api();
  const sources = await ALONE.sources();
  const dist = path.join(ROOT, 'dist');
  const lazyBytes = fs.readdirSync(dist).filter((f) => f.endsWith('.js') && f !== 'extension.js' && f !== 'cli.js').reduce((sum, f) => sum + fs.statSync(path.join(dist, f)).size, 0);
  const rows: [string, string, string, string][] = [
    ['metric', 'Serverless Explorer', 'AWS Toolkit (published)', 'our limit'],
    ['dist/extension.js (minified)', kb(fs.statSync(BUNDLE).size), '—', '—'],
    ['.vsix size', `${kb(fs.statSync(VSIX).size)} (${mb(fs.statSync(VSIX).size)})`, '5.4 MB', '1.5 MB'],
    [`load + activate, median of ${RUNS} cold runs`, `${total.toFixed(2)} ms`, '1100–1300 ms', '50 ms'],
    ['  of which load (require)', `${median(samples.map((s) => s.loadMs)).toFixed(2)} ms`, '', ''],
    ['  of which activate()', `${median(samples.map((s) => s.activateMs)).toFixed(2)} ms`, '', ''],
    ['load + activate with a 5,000-profile ~/.aws/config', `${totalBig.toFixed(2)} ms`, 'reported unusable (#8423)', 'unchanged'],
    [`reading those ${profileCount.toLocaleString('en-US')} profiles (first view), median of 5`, `${median(readTimes).toFixed(0)} ms`, '', ''],
    ['the rest of dist/*.js (ui, features, SDK halves and their chunks, each loaded on first use)', kb(lazyBytes), '', ''],
    [`10,000 functions, 50 a page: first page`, `${listing.firstPageMs.toFixed(0)} ms (${listing.requestsAtFirstPage} request)`, '—', '1 round trip'],
    [`10,000 functions: full list (${listing.pages} pages)`, `${(listing.fullListMs / 1000).toFixed(2)} s`, '—', '3 s'],
    ['parse and group 1,000,000 Lambda log lines', `${Math.round(benchLambdaLogs(1_000_000).linesPerSecond).toLocaleString('en-US')} lines/s`, '—', '— (the Monitor panel parses what it loads: 100,000 lines in ~0.1 s)'],
    [
      `Monitor find, ${find.lines.toLocaleString('en-US')} lines loaded (Chromium)`,
      `p50 ${find.p50Ms.toFixed(0)} ms, p95 ${find.p95Ms.toFixed(0)} ms (keystroke → painted frame)`,
      '—',
      '≤ 50 ms (issue goal)',
    ],
    ['activation events', 'onView, onCommand, onDebugResolve, workspaceContains', 'onStartupFinished (every start)', 'lazy only'],
  ];
  const localRows: [string, string, string, string][] = [['local runtime (metric)', 'Serverless Explorer', `lambda-local ${local.lambdaLocal.version}`, 'our goal'], ...localRuntimeRows(local)];
  printTable(rows, localRows, esbuild.table, api.table, sources.table);
  console.log('\nload + activate runs in plain Node with a stand-in vscode module (bench/fakeVscode.ts): it times our bundle, not VS Code.');
  console.log(LOCAL_RUNTIME_NOTE);
  console.log(esbuild.note);
  console.log(api.note);
  console.log(sources.note);
  console.log('The listing runs against a local paginating stand-in (test/support/pagingStandIn.ts), so it measures our overhead, not AWS latency.');
  const over = [
    fs.statSync(VSIX).size > 1.5 * 1024 * 1024 && '.vsix size',
    total > 50 && 'load + activate',
    totalBig > Math.max(50, total * 1.5) && 'activation with 5,000 profiles',
    listing.requestsAtFirstPage !== 1 && 'first page after one request',
    listing.fullListMs > 3000 && '10,000-function listing',
    find.p95Ms > 50 && 'Monitor find',
    ...localRuntimeOver(local),
    ...esbuild.over,
    ...api.over,
    ...sources.over,
  ].filter((x): x is string => Boolean(x));
  reportOver(over);
}

function reportOver(over: readonly string[]): void {
  if (over.length) {
    console.log(`OVER LIMIT: ${over.join(', ')}`);
    process.exitCode = 1;
  }
}

async function benchInRealHost(): Promise<void> {
  if (HOST_RUNS <= 0) {
    console.log('\nReal extension host: skipped (SE_BENCH_HOST_RUNS=0).');
    return;
  }
  const result = await benchHost(VSIX, HOST_RUNS, (line) => process.stderr.write(`[bench] ${line}\n`));
  if ('skipped' in result) {
    console.log(`\nReal extension host: skipped, ${result.skipped}.`);
    return;
  }
  if (process.env.SE_BENCH_HOST_JSON) fs.writeFileSync(process.env.SE_BENCH_HOST_JSON, JSON.stringify(result.figures, null, 2));
  console.log('');
  printTable(hostRows(result.figures));
  console.log(hostNotes(result.figures).join('\n'));
  const notMet = hostGoalsNotMet(result.figures);
  if (notMet.length) console.log(`Issue 13 goals not met yet: ${notMet.join('; ')}`);
}

async function main(): Promise<void> {
  if (ONLY === 'esbuild' || ONLY === 'api' || ONLY === 'sources') {
    const section = await ALONE[ONLY]();
    printTable(section.table);
    console.log(section.note);
    return reportOver(section.over);
  }
  if (ONLY !== undefined && ONLY !== 'host') throw new Error(`SE_BENCH_ONLY=${ONLY}: the sections that run alone are "host", "esbuild", "api" and "sources".`);
  for (const file of [BUNDLE, VSIX]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run "npm run package" first.`);
  }
  if (ONLY !== 'host') await benchOutsideHost();
  await benchInRealHost();
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
