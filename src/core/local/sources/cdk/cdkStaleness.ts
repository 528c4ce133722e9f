import * as fs from 'node:fs';
import * as path from 'node:path';
import { ASSEMBLY_DIR, CDK_JSON, assemblyDirOf } from './cdkDiscovery';
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
function newestSource(appDir: string, assemblyDir: string): { file: string; mtimeMs: number } | undefined {
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
        if (!SKIPPED_DIRECTORIES.has(entry.name) && full !== assemblyDir && depth < MAX_DEPTH) walk(full, depth + 1);
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
export function staleAssembly(manifestFile: string): { readonly message: string; readonly appDir: string } | undefined {
  const assemblyDir = path.dirname(path.resolve(manifestFile));
  const appDir = appDirOfAssembly(assemblyDir);
  if (appDir === undefined) return undefined;
  const synthesized = fs.statSync(manifestFile, { throwIfNoEntry: false })?.mtimeMs;
  const newest = newestSource(appDir, assemblyDir);
  if (synthesized === undefined || !newest || newest.mtimeMs <= synthesized) return undefined;
  const assembly = path.relative(appDir, assemblyDir) || ASSEMBLY_DIR;
  return { appDir, message: `${assembly} is older than ${path.relative(appDir, newest.file)}, so its functions may not be what the app defines now: ${synthAdvice(appDir)} to update it` };
}

/** The app whose cdk synth writes this assembly: the nearest folder above with a cdk.json whose output it is. */
function appDirOfAssembly(assemblyDir: string): string | undefined {
  for (let dir = path.dirname(assemblyDir), depth = 0; depth < 4; dir = path.dirname(dir), depth++) {
    if (fs.existsSync(path.join(dir, CDK_JSON))) return assemblyDirOf(dir) === assemblyDir ? dir : undefined;
    if (path.dirname(dir) === dir) return undefined;
  }
  return undefined;
}
