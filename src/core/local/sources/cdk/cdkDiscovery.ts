import { existsSync, readFileSync, promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Where `cdk synth` writes the cloud assembly, beside cdk.json. */
export const ASSEMBLY_DIR = 'cdk.out';
export const CDK_JSON = 'cdk.json';
export const MANIFEST = 'manifest.json';
const TEMPLATE = /\.template\.json$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', ASSEMBLY_DIR]);
/** The file cdk synth writes at the root of every cloud assembly ({"version": …}), whatever the folder is called. */
export const ASSEMBLY_MARKER = 'cdk.out';

/** Cloud assemblies in folders of another name (cdk.json's `output`) found so far: what a file watcher must also see. */
const customAssemblyDirs = new Set<string>();

/** Where an app's `cdk synth` writes its cloud assembly: cdk.json's `output` ("output": "build/cdk.out"), else cdk.out beside it. */
export function assemblyDirOf(appDir: string): string {
  let output: unknown;
  try {
    output = (JSON.parse(readFileSync(path.join(appDir, CDK_JSON), 'utf8')) as Record<string, unknown>).output;
  } catch {
    output = undefined;
  }
  return path.resolve(appDir, typeof output === 'string' && output.trim() !== '' ? output.trim() : ASSEMBLY_DIR);
}

/** Whether a folder is a cloud assembly: cdk synth's marker file beside a manifest.json. */
export function isAssemblyDir(dir: string): boolean {
  return existsSync(path.join(dir, ASSEMBLY_MARKER)) && existsSync(path.join(dir, MANIFEST)) && !existsSync(path.join(dir, ASSEMBLY_MARKER, MANIFEST));
}
/** A guard for huge trees. */
const MAX_WALK_DEPTH = 16;

async function walk(dir: string, depth: number, found: string[], signal: AbortSignal | undefined): Promise<void> {
  signal?.throwIfAborted();
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  if (entries.some((entry) => entry.name === CDK_JSON && !entry.isDirectory())) {
    const assemblyDir = assemblyDirOf(dir);
    if (path.basename(assemblyDir) !== ASSEMBLY_DIR) customAssemblyDirs.add(assemblyDir);
    const manifest = path.join(assemblyDir, MANIFEST);
    // Without a cloud assembly the cdk.json itself is read, to say that `cdk synth` has to run first.
    found.push(existsSync(manifest) ? manifest : path.join(dir, CDK_JSON));
  }
  await Promise.all(
    entries
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name) && depth < MAX_WALK_DEPTH)
      .map((entry) => walk(path.join(dir, entry.name), depth + 1, found, signal)),
  );
  signal?.throwIfAborted();
}

/**
 * Every CDK app of a workspace folder (a monorepo may have several): its cdk.out/manifest.json, or its cdk.json when
 * it has not been synthesized yet. node_modules and hidden directories are skipped. Sorted absolute paths.
 */
export async function findCdkApps(root: string, signal?: AbortSignal): Promise<string[]> {
  const found: string[] = [];
  await walk(path.resolve(root), 0, found, signal);
  return found.sort();
}

/** Whether a file is part of a cloud assembly: a manifest.json or a *.template.json under a cdk.out folder (or an app's `output`). */
export function isAssemblyFile(file: string): boolean {
  const resolved = path.resolve(file);
  const parts = resolved.split(path.sep);
  const name = parts.pop() ?? '';
  if (name !== MANIFEST && !TEMPLATE.test(name)) return false;
  return parts.includes(ASSEMBLY_DIR) || [...customAssemblyDirs].some((dir) => resolved.startsWith(dir + path.sep));
}

/** Whether a changed file may change what findCdkApps finds or what is read from it, by its path alone. */
export function mayBeCdkFile(file: string, root: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(file));
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  const parts = relative.split(path.sep);
  const name = parts[parts.length - 1];
  if (parts.some((dir) => dir === 'node_modules' || dir.startsWith('.'))) return false;
  return name === CDK_JSON ? !parts.includes(ASSEMBLY_DIR) : isAssemblyFile(file) || ((name === MANIFEST || TEMPLATE.test(name)) && isAssemblyDir(path.dirname(path.resolve(file))));
}

/** A glob for a file watcher that sees every file mayBeCdkFile accepts (and more, which it then filters). */
export const CDK_WATCH_GLOB = `**/{${CDK_JSON},${MANIFEST},*.template.json}`;
