import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Folders a handler's own code is not in, or that tools rewrite on every run: a change there reloads nothing. */
const SKIPPED = new Set(['node_modules', '__pycache__', '.aws-sam', 'cdk.out', '.serverless', '.git']);
/** Enough for any function's own code; past it the rest of a huge folder (vendored packages) is not looked at. */
const MAX_ENTRIES = 5000;

/**
 * What a function's code folder looks like now, in one string: the count, newest modification and total size of its
 * files. Two stamps differ when a file was saved, added or removed. Installed packages (node_modules) and hidden
 * folders are left out: they change with an install, not with an edit, and walking them would cost more than a run.
 */
export async function codeStamp(codePath: string): Promise<string> {
  let files = 0;
  let newest = 0;
  let bytes = 0;
  let seen = 0;
  const visit = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (++seen > MAX_ENTRIES) return;
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name) && !entry.name.startsWith('.')) await visit(path.join(dir, entry.name));
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        const stat = await fs.stat(path.join(dir, entry.name)).catch(() => undefined);
        if (!stat) continue;
        files++;
        newest = Math.max(newest, stat.mtimeMs);
        bytes += stat.size;
      }
    }
  };
  const top = await fs.stat(codePath).catch(() => undefined);
  if (!top) return 'missing';
  if (!top.isDirectory()) return `${top.mtimeMs}:${top.size}`;
  await visit(codePath);
  return `${files}:${newest}:${bytes}`;
}

/** Stamps of code folders, each walked at most once per interval however many requests come in. */
export class CodeStamps {
  private readonly recent = new Map<string, { at: number; stamp: Promise<string> }>();

  constructor(private readonly intervalMs = 100) {}

  current(codePath: string): Promise<string> {
    const now = performance.now();
    const cached = this.recent.get(codePath);
    if (cached && now - cached.at < this.intervalMs) return cached.stamp;
    const stamp = codeStamp(codePath);
    this.recent.set(codePath, { at: now, stamp });
    return stamp;
  }
}
