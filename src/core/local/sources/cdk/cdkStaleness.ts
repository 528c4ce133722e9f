import * as fs from 'node:fs';
import * as path from 'node:path';
import { ASSEMBLY_DIR, CDK_JSON } from './cdkDiscovery';
import { readCdkApp } from './cdkSynthCommand';

const APP_SOURCE = /\.(ts|js|py)$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', ASSEMBLY_DIR]);
const MAX_DEPTH = 8;
/** A guard for huge apps: past this many entries the newest seen so far is taken. */
const MAX_ENTRIES = 20_000;

/** What to run to write the cloud assembly again, in the words of the CDK CLI. */
export function synthAdvice(appDir: string): string {
  const read = readCdkApp(appDir);
  const app = 'app' in read ? read.app : undefined;
  return `run \`npx cdk synth\` in ${appDir}${app ? ` (it runs the app of cdk.json: ${app})` : ''}`;
}

/** The app's newest source file (.ts, .js, .py) under its cdk.json folder, and when it changed. */
function newestSource(appDir: string): { file: string; mtimeMs: number } | undefined {
  let newest: { file: string; mtimeMs: number } | undefined;
  let seen = 0;
  const walk = (dir: string, depth: number): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (++seen > MAX_ENTRIES || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && depth < MAX_DEPTH) walk(full, depth + 1);
      } else if (entry.isFile() && APP_SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        const mtimeMs = fs.statSync(full, { throwIfNoEntry: false })?.mtimeMs ?? 0;
        if (!newest || mtimeMs > newest.mtimeMs) newest = { file: full, mtimeMs };
      }
    }
  };
  walk(appDir, 0);
  return newest;
}

/**
 * Why a cloud assembly may not be what the app defines now: its manifest is older than a source of the app beside
 * cdk.json. We do not synthesize it ourselves: an app's synth may reach AWS (lookups) and take long.
 */
export function staleAssembly(manifestFile: string): string | undefined {
  const assemblyDir = path.dirname(path.resolve(manifestFile));
  const appDir = path.dirname(assemblyDir);
  if (path.basename(assemblyDir) !== ASSEMBLY_DIR || !fs.existsSync(path.join(appDir, CDK_JSON))) return undefined;
  const synthesized = fs.statSync(manifestFile, { throwIfNoEntry: false })?.mtimeMs;
  const newest = newestSource(appDir);
  if (synthesized === undefined || !newest || newest.mtimeMs <= synthesized) return undefined;
  return `${ASSEMBLY_DIR} is older than ${path.relative(appDir, newest.file)}, so its functions may not be what the app defines now: ${synthAdvice(appDir)} to update it`;
}
