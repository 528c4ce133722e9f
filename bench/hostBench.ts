import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/support/browser';
import { CHROMIUM, CODE_SERVER_ENTRY, NODE24 } from '../test/support/paths';
import { runInHost } from '../test/support/runInHost';
import type { HostMeasurement } from './host/measureInHost';
import { lambdaListingLoad, unpackVsix, writeOneCommandExtension } from './hostExtensions';
import { LAMBDA_LISTING_BUNDLES } from './hostRows';
import type { BenchExtension } from './hostExtensions';

// Activation and first bundle loads in the real extension host of VS Code (code-server + headless Chromium),
// each sample in a fresh host: our packaged .vsix next to a one-command extension, run alternately so that
// the machine's other load falls on both alike (../shared/notes/real-vscode.md).

/** One sample: wall time, and the extension host's CPU time meanwhile. */
export interface Timing {
  readonly ms: number;
  readonly cpuMs: number;
}

export interface HostFigures {
  readonly vscodeVersion: string;
  /** Fresh hosts per slot. */
  readonly runs: number;
  readonly oursActivate: Timing[];
  readonly oneCommandActivate: Timing[];
  /** First require of an empty .js file, in the one-command extension's hosts. */
  readonly emptyRequire: Timing[];
  /** First require of each lazily loaded bundle, each first in its own hosts (after our activation). */
  readonly bundles: { readonly name: string; readonly bytes: number; readonly require: Timing[] }[];
  /** The Lambda listing's first load as the shell does it in every window after the first: from its code cache. */
  readonly listingFromCodeCache: Timing[];
}

export type HostBenchResult = { readonly figures: HostFigures } | { readonly skipped: string };

interface Slot {
  readonly what: string;
  readonly extension: BenchExtension;
  readonly file: string;
  /** Load through the shell's loader with this code cache folder, warmed by one untimed run first. */
  readonly codeCache?: string;
}

const VSCODE_PACKAGE = path.join(path.dirname(CODE_SERVER_ENTRY), '..', '..', 'lib', 'vscode', 'package.json');
const MEASURE = path.join(__dirname, 'host', 'measureInHost.js');

const activation = (m: HostMeasurement): Timing => ({ ms: m.activateMs, cpuMs: m.activateCpuMs });
const load = (m: HostMeasurement): Timing => ({ ms: m.requireMs, cpuMs: m.requireCpuMs });

/** Why the real host cannot run here (code-server or Chromium missing), if it cannot. */
export function missingTools(): string | undefined {
  if (!fs.existsSync(NODE24) || !fs.existsSync(CODE_SERVER_ENTRY)) return `code-server is not installed (${CODE_SERVER_ENTRY})`;
  if (!fs.existsSync(CHROMIUM)) return `Chromium is not installed (${CHROMIUM})`;
  return undefined;
}

async function measure(slot: Slot, browser: Browser, scratch: string, workspace: string, n: number): Promise<HostMeasurement> {
  const resultFile = path.join(scratch, `result-${n}.json`);
  const log: string[] = [];
  const code = await runInHost({
    extensionDevelopmentPath: slot.extension.dir,
    extensionTestsPath: MEASURE,
    browser,
    workspace,
    scratchParent: scratch,
    timeoutMs: 120_000,
    onLog: (type, line) => log.push(`${type}: ${line}`),
    env: {
      SE_BENCH_EXTENSION_ID: slot.extension.id,
      SE_BENCH_REQUIRE: slot.file,
      SE_BENCH_RESULT: resultFile,
      ...(slot.codeCache ? { SE_BENCH_CODE_CACHE: slot.codeCache } : {}),
      // Nothing of the machine's own (~/.aws, caches) reaches the extensions.
      HOME: path.join(scratch, 'home'),
    },
  });
  const failure = (what: string) => new Error(`Host bench, ${slot.what}: ${what}.\nExtension host log:\n${log.slice(-30).join('\n')}`);
  if (code !== 0 || !fs.existsSync(resultFile)) throw failure(`the extension host ended with code ${code} without a result`);
  const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as HostMeasurement;
  if (result.activeBefore) throw failure(`${slot.extension.id} was already active before the bench activated it (check its activation events)`);
  if (result.loadedBefore) throw failure(`${slot.file} was already loaded before the bench required it (activation loads it?)`);
  if (slot.codeCache && n > 0 && result.compiled !== 0) throw failure(`the shell's loader compiled ${result.compiled} file(s) that its code cache should have held`);
  return result;
}

export async function benchHost(vsix: string, runs: number, progress: (line: string) => void = () => undefined): Promise<HostBenchResult> {
  const missing = missingTools();
  if (missing) return { skipped: `${missing}; run: bash scripts/setup-vscode.sh` };
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'se-host-bench-'));
  // One browser for every run, a fresh context each: the extension host is code-server's, and each run starts its own.
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const ours = await unpackVsix(vsix, path.join(scratch, 'vsix'));
    const oneCommand = writeOneCommandExtension(path.join(scratch, 'one-command'));
    const empty = path.join(scratch, 'empty.js');
    fs.writeFileSync(empty, '');
    // No template.yaml or anything else that one of our activation events would answer.
    const workspace = path.join(scratch, 'workspace');
    fs.mkdirSync(workspace);
    fs.mkdirSync(path.join(scratch, 'home'));
    const listing = lambdaListingLoad(ours.dir, LAMBDA_LISTING_BUNDLES);
    const bundles = listing.length ? [listing] : [];
    const slots: Slot[] = [
      { what: 'one-command extension', extension: oneCommand, file: empty },
      ...(bundles.length ? bundles : [[empty]]).map((files) => ({ what: `Serverless Explorer, then ${files.map((f) => path.basename(f)).join(' + ')}`, extension: ours, file: files.join(path.delimiter) })),
      ...bundles.map((files) => ({ what: 'Serverless Explorer, then the same from the code cache', extension: ours, file: files.join(path.delimiter), codeCache: path.join(scratch, 'code-cache') })),
    ];
    const cached = slots.findIndex((slot) => slot.codeCache);
    if (cached >= 0) {
      progress('real extension host: warming the code cache');
      await measure(slots[cached], browser, scratch, workspace, 0);
    }
    const samples = slots.map(() => [] as HostMeasurement[]);
    let n = 0;
    for (let round = 0; round < runs; round++) {
      for (const [s, slot] of slots.entries()) {
        progress(`real extension host ${++n}/${runs * slots.length}: ${slot.what}`);
        samples[s].push(await measure(slot, browser, scratch, workspace, n));
      }
    }
    return {
      figures: {
        vscodeVersion: (JSON.parse(fs.readFileSync(VSCODE_PACKAGE, 'utf8')) as { version: string }).version,
        runs,
        oneCommandActivate: samples[0].map(activation),
        emptyRequire: samples[0].map(load),
        oursActivate: samples.slice(1).flatMap((list) => list.map(activation)),
        listingFromCodeCache: cached >= 0 ? samples[cached].map(load) : [],
        bundles: bundles.map((files, b) => ({ name: files.map((f) => path.basename(f)).join(' + '), bytes: files.reduce((sum, f) => sum + fs.statSync(f).size, 0), require: samples[b + 1].map(load) })),
      },
    };
  } finally {
    await browser?.close().catch(() => undefined);
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
