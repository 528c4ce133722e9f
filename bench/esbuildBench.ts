import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalInvoker } from '../src/core/local/invoker';
import { prepareFunction } from '../src/core/local/preparation/prepareFunction';
import { parseTemplate } from '../src/core/local/sources/sam/templateFunctions';
import type { LocalFunctionDefinition } from '../src/core/local/types';
import { installDependencies, writeHelloTs } from '../test/support/esbuildProjects';
import { median } from './stats';
import { ms } from './table';

// An esbuild TypeScript function (the sam init hello-ts layout, test/support/esbuildProjects.ts) as a user meets it:
// edit a source, invoke (our build with the project's own esbuild + a cold start), invoke again (warm). Beside it, the
// same warm invoke of a plain .js function: the build must cost the warm path nothing.

const ROUNDS = Number(process.env.SE_BENCH_ESBUILD_ROUNDS ?? 15);
const WARM_RUNS = 200;

export interface EsbuildFigures {
  readonly esbuildVersion: string;
  /** Median wall time of the first invoke after an edit: build + cold start. */
  readonly editedFirstMs: number;
  /** Median wall time of a cold start with nothing changed (the no-change check + cold start). */
  readonly unchangedColdMs: number;
  /** Median time of the no-change check alone (prepareFunction on a current build). */
  readonly checkMs: number;
  /** Median wall time of a cold start of the same handler as plain .js, measured in the same rounds (the machine's own cold start). */
  readonly plainColdMs: number;
  readonly warmP50Ms: number;
  readonly plainWarmP50Ms: number;
}

function definitionOf(project: string): LocalFunctionDefinition {
  const file = path.join(project, 'template.yaml');
  return parseTemplate(fs.readFileSync(file, 'utf8'), file).functions[0]!;
}

async function warmP50(invoker: LocalInvoker, fn: LocalFunctionDefinition): Promise<number> {
  for (let i = 0; i < 50; i++) await invoker.invoke(fn, '{}');
  const times: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    const t0 = performance.now();
    await invoker.invoke(fn, '{}');
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function benchEsbuild(root: string): Promise<EsbuildFigures> {
  const runtimesDir = path.join(root, 'dist', 'runtimes');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-bench-esbuild-'));
  const cacheDir = path.join(dir, 'cache');
  try {
    const project = writeHelloTs(path.join(dir, 'hello-ts'));
    const codeDir = path.join(project, 'hello-world');
    installDependencies(codeDir);
    const esbuildVersion = (JSON.parse(fs.readFileSync(path.join(codeDir, 'node_modules', 'esbuild', 'package.json'), 'utf8')) as { version: string }).version;
    const fn = definitionOf(project);
    const greeting = path.join(codeDir, 'greeting.ts');
    const first: number[] = [];
    const cold: number[] = [];
    const plainCold: number[] = [];
    // The same handler as plain JavaScript, from its folder: the reference for the cold start and the warm path.
    const plainDir = path.join(dir, 'plain');
    fs.mkdirSync(plainDir);
    fs.writeFileSync(path.join(plainDir, 'app.js'), "exports.lambdaHandler = async (event) => ({ statusCode: 200, body: JSON.stringify({ message: 'hello ' + (event.queryStringParameters?.name ?? 'world') }) });\n");
    const plain = { ...fn, name: 'Plain', codeDir: plainDir, build: undefined, origin: undefined };
    const checks: number[] = [];
    let warm = 0;
    // Round 0 primes the disk cache and the esbuild binary; it is not counted.
    for (let round = 0; round <= ROUNDS; round++) {
      fs.writeFileSync(greeting, `export const greeting = (name: string): string => \`hello \${name} (edit ${round})\`;\n`);
      const invoker = new LocalInvoker({ runtimesDir, cacheDir });
      try {
        const t0 = performance.now();
        const result = await invoker.invoke(fn, '{}');
        const elapsed = performance.now() - t0;
        if (!JSON.parse(result.payload).body?.includes(`(edit ${round})`)) throw new Error(`the edit was not built: ${result.payload}`);
        if (round > 0) first.push(elapsed);
        if (round === ROUNDS) warm = await warmP50(invoker, fn);
      } finally {
        await invoker.dispose();
      }
      if (round === 0) continue;
      const t1 = performance.now();
      await prepareFunction(fn, { cacheDir });
      checks.push(performance.now() - t1);
      const again = new LocalInvoker({ runtimesDir, cacheDir });
      try {
        const t2 = performance.now();
        await again.invoke(fn, '{}');
        cold.push(performance.now() - t2);
      } finally {
        await again.dispose();
      }
      const reference = new LocalInvoker({ runtimesDir, cacheDir });
      try {
        const t3 = performance.now();
        await reference.invoke(plain, '{}');
        plainCold.push(performance.now() - t3);
      } finally {
        await reference.dispose();
      }
    }
    const plainInvoker = new LocalInvoker({ runtimesDir, cacheDir });
    let plainWarm: number;
    try {
      plainWarm = await warmP50(plainInvoker, plain);
    } finally {
      await plainInvoker.dispose();
    }
    return { esbuildVersion, editedFirstMs: median(first), unchangedColdMs: median(cold), checkMs: median(checks), plainColdMs: median(plainCold), warmP50Ms: warm, plainWarmP50Ms: plainWarm };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Rows for bench.ts's table: metric | Serverless Explorer | sam build | our goal. */
export function esbuildRows(f: EsbuildFigures): [string, string, string, string][] {
  return [
    [`first invoke after editing an esbuild TypeScript function (build + cold start), median of ${ROUNDS}`, ms(f.editedFirstMs), 'not measurable here (no SAM CLI, no Docker)', '≤ 300 ms'],
    ['  a cold start with nothing edited (the no-change check, then a cold start)', ms(f.unchangedColdMs), '', ''],
    ['  the no-change check alone (stat of each input esbuild listed)', ms(f.checkMs), '', ''],
    ['  a cold start of the same handler as plain .js, same rounds (no build)', ms(f.plainColdMs), '', ''],
    ['  so the build itself adds', ms(f.editedFirstMs - f.plainColdMs), '', ''],
    [`the next warm invoke, p50 of ${WARM_RUNS}`, ms(f.warmP50Ms), '', `unchanged: the same handler as plain .js ${ms(f.plainWarmP50Ms)}`],
  ];
}

export function esbuildOver(f: EsbuildFigures): string[] {
  return [f.editedFirstMs > 300 && 'first invoke after an edit (esbuild)', f.warmP50Ms > Math.max(f.plainWarmP50Ms * 1.2, f.plainWarmP50Ms + 0.5) && 'warm invoke of an esbuild function'].filter((x): x is string => Boolean(x));
}

export const ESBUILD_NOTE = (f: EsbuildFigures) =>
  `The esbuild rows build hello-ts (test/support/esbuildProjects.ts) with its own esbuild ${f.esbuildVersion} into the cache; sam build itself cannot run on this machine (no SAM CLI and no Docker daemon), so no figure of it is printed.`;
