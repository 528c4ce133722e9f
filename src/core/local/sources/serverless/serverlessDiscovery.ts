import { promises as fs } from 'node:fs';
import * as path from 'node:path';

const CONFIG_NAME = /^serverless\.ya?ml$/i;
/** Dependencies and what `serverless package` writes; hidden folders (.git, .serverless…) are skipped too. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'out', 'cdk.out']);
const MAX_WALK_DEPTH = 16;

/** Whether a file is a Serverless Framework service's configuration, by its name. */
export function isServerlessConfig(file: string): boolean {
  return CONFIG_NAME.test(path.basename(file));
}

function skipped(dir: string): boolean {
  return dir.startsWith('.') || SKIPPED_DIRECTORIES.has(dir);
}

async function walk(dir: string, depth: number, found: string[], signal: AbortSignal | undefined): Promise<void> {
  signal?.throwIfAborted();
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  await Promise.all(
    entries.map(async (entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipped(entry.name) && depth < MAX_WALK_DEPTH) await walk(full, depth + 1, found, signal);
      } else if (isServerlessConfig(entry.name) && (entry.isFile() || (await fs.stat(full).then((s) => s.isFile(), () => false)))) {
        found.push(full);
      }
    }),
  );
  signal?.throwIfAborted();
}

/** Every serverless.yml / serverless.yaml under a workspace folder (a monorepo has one per service), as sorted absolute paths. */
export async function findServerlessConfigs(root: string, signal?: AbortSignal): Promise<string[]> {
  const found: string[] = [];
  await walk(path.resolve(root), 0, found, signal);
  return found.sort();
}

/** Whether findServerlessConfigs could return this file, by its path alone. */
export function mayBeServerlessConfig(file: string, root: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(file));
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  const parts = relative.split(path.sep);
  const name = parts.pop() ?? '';
  return CONFIG_NAME.test(name) && parts.length <= MAX_WALK_DEPTH && !parts.some(skipped);
}
