import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readWorkspaceFunctions } from '../src/core/local/sources/registry';
import { runInHost } from '../test/support/runInHost';
import type { SourcesHostMeasurement } from './host/measureSourcesInHost';
import { missingTools } from './hostBench';
import { median, percentile } from './stats';
import { SOURCE_KINDS, SourcesWorkspace, listedOf } from './sourcesWorkspace';
import { ms } from './table';

// Issue 17's speed goal: in a monorepo with functions of all four sources, the Local Functions view lists a change
// within 300 ms of the write. Timed in a real extension host (code-server), and beside it the core's own read in
// plain Node, so that what is ours and what is VS Code's file watcher show apart.

const GOAL_MS = 300;
const PER_SOURCE = Number(process.env.SE_BENCH_SOURCES_PER_SOURCE ?? 50);
/** Changes timed: the sources take turns, each adding a function, changing its handler, removing it (12 a cycle). */
const ROUNDS = Number(process.env.SE_BENCH_SOURCES_ROUNDS ?? 24);
const MEASURE = path.join(__dirname, 'host', 'measureSourcesInHost.js');

export interface SourcesFigures {
  readonly functions: number;
  /** The core's first read in this process (the parsers load then), ms. */
  readonly coreFirstMs: number;
  /** The core's read after one file changed, one per round, ms. */
  readonly coreChangedMs: number[];
  /** The real host's rounds, or why they were not run. */
  readonly host: SourcesHostMeasurement | { readonly skipped: string };
}

async function readChecked(workspace: SourcesWorkspace, expected = workspace.listed()): Promise<number> {
  const t0 = performance.now();
  const read = await readWorkspaceFunctions(workspace.root);
  const elapsed = performance.now() - t0;
  if (read.problems.length > 0) throw new Error(`the bench workspace has problems: ${read.problems.map((p) => p.message).join('; ')}`);
  const got = listedOf(read.functions);
  if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Error(`the bench workspace lists ${got.length} functions, not the ${expected.length} it defines`);
  return elapsed;
}

async function benchCore(dir: string): Promise<Pick<SourcesFigures, 'functions' | 'coreFirstMs' | 'coreChangedMs'>> {
  const workspace = SourcesWorkspace.write(dir, PER_SOURCE);
  const coreFirstMs = await readChecked(workspace);
  const coreChangedMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) coreChangedMs.push(await readChecked(workspace, workspace.change().expected));
  return { functions: workspace.listed().length, coreFirstMs, coreChangedMs };
}

async function benchInHost(root: string, scratch: string): Promise<SourcesFigures['host']> {
  const missing = missingTools();
  if (missing) return { skipped: `${missing}; run: bash scripts/setup-vscode.sh` };
  const workspace = path.join(scratch, 'workspace');
  SourcesWorkspace.write(workspace, PER_SOURCE);
  const resultFile = path.join(scratch, 'sources.json');
  const log: string[] = [];
  const code = await runInHost({
    extensionDevelopmentPath: root,
    extensionTestsPath: MEASURE,
    workspace,
    scratchParent: scratch,
    timeoutMs: 300_000,
    onLog: (type, line) => log.push(`${type}: ${line}`),
    env: {
      SE_BENCH_RESULT: resultFile,
      SE_BENCH_SOURCES_ROUNDS: String(ROUNDS),
      SE_BENCH_SOURCES_PER_SOURCE: String(PER_SOURCE),
      HOME: path.join(scratch, 'home'),
    },
  });
  if (code !== 0 || !fs.existsSync(resultFile)) throw new Error(`Sources bench: the extension host ended with code ${code} without a result.\nExtension host log:\n${log.slice(-30).join('\n')}`);
  return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as SourcesHostMeasurement;
}

/** Needs dist/ (npm run build) for the real host, whose extension is this folder's; without `inHost` only the core's rows. */
export async function benchSources(root: string, inHost = true): Promise<SourcesFigures> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'se-bench-sources-'));
  try {
    fs.mkdirSync(path.join(scratch, 'home'));
    const core = await benchCore(path.join(scratch, 'core'));
    return { ...core, host: inHost ? await benchInHost(root, scratch) : { skipped: 'SE_BENCH_HOST_RUNS=0' } };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

const medianP90 = (values: readonly number[]) => `${ms(median(values))} / ${ms(percentile(values, 90))}`;

export function sourcesRows(f: SourcesFigures): string[][] {
  const header = [`${f.functions} functions, ${PER_SOURCE} each of SAM, CDK, Serverless, Terraform (metric)`, 'Serverless Explorer', 'peers', 'our goal'];
  const peers = 'AWS Toolkit: SAM templates only; SAM CLI, serverless-offline: no live listing';
  const core = [
    ['core alone (readWorkspaceFunctions, plain Node): first read, parsers loading', ms(f.coreFirstMs), '', ''],
    [`  the same after one file changed, median / p90 of ${f.coreChangedMs.length}`, medianP90(f.coreChangedMs), '', ''],
  ];
  if ('skipped' in f.host) return [header, ['Local Functions view after a file change (code-server)', `skipped: ${f.host.skipped}`, peers, `≤ ${GOAL_MS} ms`], ...core];
  const rounds = f.host.rounds;
  const watcher = rounds.flatMap((r) => (r.watcherMs !== undefined ? [r.watcherMs] : []));
  const ours = rounds.flatMap((r) => (r.watcherMs !== undefined ? [r.ms - r.watcherMs] : []));
  return [
    header,
    [`Local Functions view (code-server): write → the view lists the change, median / p90 of ${rounds.length}`, medianP90(rounds.map((r) => r.ms)), peers, `≤ ${GOAL_MS} ms (issue 17)`],
    ...SOURCE_KINDS.map((kind) => [`  ${kind} file changed, median`, ms(median(rounds.filter((r) => r.kind === kind).map((r) => r.ms))), '', '']),
    [`  of which VS Code's file watcher (write → an extension's watcher event), median / p90 of ${watcher.length}`, watcher.length ? medianP90(watcher) : 'no event seen', '', ''],
    ['  the rest, ours (watcher event → the view lists the change: read, routes, tree), median / p90', ours.length ? medianP90(ours) : '—', '', ''],
    ['first listing after activate() (code-server)', ms(f.host.firstListingMs), '', ''],
    ...core,
  ];
}

export function sourcesOver(f: SourcesFigures): string[] {
  if ('skipped' in f.host) return [];
  return median(f.host.rounds.map((r) => r.ms)) > GOAL_MS ? [`Local Functions after a change (median over ${GOAL_MS} ms)`] : [];
}

export const SOURCES_NOTE = (f: SourcesFigures): string =>
  [
    `Sources: a monorepo of ${f.functions} functions (bench/sourcesWorkspace.ts) opened in code-server; each round rewrites one source's file`,
    '(the sources take turns: a function added, its handler changed, removed) and times until the Local Functions view lists exactly',
    "what the files now define. The watcher row is VS Code's own delay, seen by a watcher of the bench's; the core rows read the same",
    "workspace without VS Code. No peer lists these live: the AWS Toolkit's local view reads SAM templates only, and SAM CLI and",
    `serverless-offline read their one project when a command starts. SE_BENCH_ONLY=sources runs only this section${'skipped' in f.host ? '' : `; host rounds (ms): ${f.host.rounds.map((r) => r.ms.toFixed(0)).join(', ')}`}.`,
  ].join('\n');
