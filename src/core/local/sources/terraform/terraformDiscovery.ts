import { promises as fs } from 'node:fs';
import * as path from 'node:path';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.terraform', '.git', 'dist', 'out', '.vscode-test', 'cdk.out', '.aws-sam']);
const TF_FILE = /\.tf$/i;
const MAX_WALK_DEPTH = 16;
/** `source = "./modules/fn"`: a local module, read with the configuration that calls it rather than as a root of its own. */
const LOCAL_MODULE_SOURCE = /\bsource\s*=\s*"(\.{1,2}\/[^"]*)"/g;

export const TERRAFORM_WATCH_GLOB = '**/*.{tf,tfvars}';


async function walk(dir: string, depth: number, found: Map<string, string[]>, signal: AbortSignal | undefined): Promise<void> {
  signal?.throwIfAborted();
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  const files = entries.filter((e) => e.isFile() && TF_FILE.test(e.name)).map((e) => path.join(dir, e.name)).sort();
  if (files.length > 0) found.set(dir, files);
  await Promise.all(
    entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(e.name) && depth < MAX_WALK_DEPTH)
      .map((e) => walk(path.join(dir, e.name), depth + 1, found, signal)),
  );
}

/**
 * The root modules of a workspace folder: each folder with .tf files that no other folder's configuration calls as
 * a local module, named by one of its files (main.tf when it has one), since a configuration is its whole folder.
 */
export async function findTerraformRoots(root: string, signal?: AbortSignal): Promise<string[]> {
  const found = new Map<string, string[]>();
  await walk(path.resolve(root), 0, found, signal);
  const called = new Set<string>();
  for (const [dir, files] of found) {
    for (const file of files) {
      const text = await fs.readFile(file, 'utf8').catch(() => '');
      for (const [, source] of text.matchAll(LOCAL_MODULE_SOURCE)) called.add(path.resolve(dir, source));
    }
  }
  signal?.throwIfAborted();
  return [...found]
    .filter(([dir]) => !called.has(dir))
    .map(([, files]) => files.find((f) => path.basename(f) === 'main.tf') ?? files[0])
    .sort();
}

/** Whether a changed file may change the functions of a Terraform configuration: a .tf or .tfvars file outside skipped folders. */
export function mayBeTerraform(file: string, root: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(file));
  const parts = relative.split(path.sep);
  const name = parts.pop() ?? '';
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative) || !/\.(tf|tfvars)$/i.test(name)) return false;
  return parts.length <= MAX_WALK_DEPTH && !parts.some((dir) => dir.startsWith('.') || SKIPPED_DIRECTORIES.has(dir));
}
