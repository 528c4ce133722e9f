import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { PULLED_RECORD } from './pullFunction';

/** Where `pull` puts a function by default, under the folder it runs in: hidden, and told to keep out of git. */
export const PULLED_DIR = path.join('.serverless-explorer', 'pulled');

/** The function.json of each function pulled into a workspace folder's .serverless-explorer/pulled/. */
export async function findPulledRecords(root: string, signal?: AbortSignal): Promise<string[]> {
  const dir = path.join(path.resolve(root), PULLED_DIR);
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  signal?.throwIfAborted();
  const records = entries.filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name, PULLED_RECORD));
  const present = await Promise.all(records.map((file) => fs.access(file).then(() => true, () => false)));
  return records.filter((_, i) => present[i]).sort();
}

/** Whether a changed file is the function.json of a pulled function of this workspace folder. */
export function isPulledRecordPath(file: string, root: string): boolean {
  const relative = path.relative(path.join(path.resolve(root), PULLED_DIR), path.resolve(file));
  const parts = relative.split(path.sep);
  return parts.length === 2 && parts[0] !== '..' && parts[1] === PULLED_RECORD;
}
