import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { PULLED_RECORD } from './pullFunction';

/** Where `pull` puts a function by default, under the folder it runs in: hidden, and told to keep out of git. */
export const PULLED_DIR = path.join('.serverless-explorer', 'pulled');

/** The function.json of each function pulled into a workspace folder's .serverless-explorer/pulled/. */
export function findPulledRecords(root: string, signal?: AbortSignal): Promise<string[]> {
  return pulledRecordsIn(path.join(path.resolve(root), PULLED_DIR), signal);
}

/** The function.json of each `<name>/` folder in a folder of pulled functions. */
export async function pulledRecordsIn(dir: string, signal?: AbortSignal): Promise<string[]> {
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

/**
 * Keeps a pulled folder out of git: a `.gitignore` of `*` in the `.serverless-explorer` folder it lies in (as pytest
 * does for its cache), since function.json holds the deployed environment's values. True when it wrote one.
 */
export async function keepOutOfGit(pulledDir: string): Promise<boolean> {
  const parts = path.resolve(pulledDir).split(path.sep);
  const at = parts.lastIndexOf('.serverless-explorer');
  if (at < 0) return false;
  const file = path.join(parts.slice(0, at + 1).join(path.sep) || path.sep, '.gitignore');
  try {
    await fs.writeFile(file, '# Written by Serverless Explorer: pulled functions hold deployed environment values.\n*\n', { flag: 'wx' });
    return true;
  } catch {
    return false; // there already (the user's own, perhaps): left as it is
  }
}
