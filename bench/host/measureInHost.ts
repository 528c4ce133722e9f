import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createBundleLoader } from '../../src/ui/shell/bundleLoader';

// Runs inside a real extension host as its `extensionTestsPath` (see bench/hostBench.ts). Waits until the host
// has finished starting the built-in extensions (an activation timed earlier swings by 10×), then times the
// activation of one extension and the first require of one file, and writes both to SE_BENCH_RESULT.

export interface HostMeasurement {
  readonly activateMs: number;
  /** CPU time of the whole extension host process meanwhile: without the time it waited for a core. */
  readonly activateCpuMs: number;
  readonly requireMs: number;
  readonly requireCpuMs: number;
  /** Something activated the extension before the bench did: its figure is then not an activation. */
  readonly activeBefore: boolean;
  /** The file was already loaded: its figure is then not a first require. */
  readonly loadedBefore: boolean;
  /** With SE_BENCH_CODE_CACHE: how many of the files the shell's loader took from its code cache, and compiled. */
  readonly fromCache?: number;
  readonly compiled?: number;
}

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set in the extension host's environment`);
  return value;
}

/** Starts a stopwatch for wall and CPU time; calling what it returns reads both. */
function stopwatch(): () => { ms: number; cpuMs: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  return () => {
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
  };
}

export async function run(): Promise<void> {
  const extensionId = setting('SE_BENCH_EXTENSION_ID');
  const file = setting('SE_BENCH_REQUIRE');
  const resultFile = setting('SE_BENCH_RESULT');
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.SE_BENCH_SETTLE_MS ?? 4000)));
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) throw new Error(`The extension host does not know ${extensionId}`);
  const activeBefore = extension.isActive;
  const activating = stopwatch();
  await extension.activate();
  const activation = activating();
  // One file, or several in order (path.delimiter between them) timed as one load.
  const files = file.split(path.delimiter);
  const loadedBefore = files.some((f) => require.cache[fs.realpathSync(f)] !== undefined);
  // With a cache folder, the files load as the shell loads them (src/extension.ts), through its loader.
  const cacheDir = process.env.SE_BENCH_CODE_CACHE;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous, timed load is the point
  const requireFile = (id: string): unknown => require(id);
  const bundles = cacheDir ? createBundleLoader({ dir: path.dirname(files[0]), cacheDir, hostRequire: requireFile }) : undefined;
  const loading = stopwatch();
  for (const f of files) {
    if (bundles) bundles.load(path.basename(f));
    else requireFile(f);
  }
  const load = loading();
  await bundles?.flush();
  const result: HostMeasurement = {
    activateMs: activation.ms,
    activateCpuMs: activation.cpuMs,
    requireMs: load.ms,
    requireCpuMs: load.cpuMs,
    activeBefore,
    loadedBefore,
    ...bundles?.counts,
  };
  fs.writeFileSync(resultFile, JSON.stringify(result));
}
