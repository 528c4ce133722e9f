import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isServerlessConfig } from '../serverless/serverlessDiscovery';
import { SERVERLESS_TRANSFORM } from './templateFunctions';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.aws-sam', 'cdk.out', 'dist', 'out', '.vscode-test']);
const NAMED_TEMPLATE = /^(template|.+\.template)\.(ya?ml|json)$/i;
const CANDIDATE = /\.(ya?ml|json)$/i;
const TEMPLATE_MARKERS = ['AWSTemplateFormatVersion', SERVERLESS_TRANSFORM];
/** Other .yaml/.yml/.json files are looked into this many directory levels below the root. */
const CONTENT_DEPTH = 2;
/** Named templates are looked for this deep (a guard for huge trees). */
const MAX_WALK_DEPTH = 16;
const MAX_SNIFF_BYTES = 8 * 1024 * 1024;

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

async function mentionsTemplate(file: string): Promise<boolean> {
  try {
    if ((await fs.stat(file)).size > MAX_SNIFF_BYTES) return false;
    const text = await fs.readFile(file, 'utf8');
    return TEMPLATE_MARKERS.some((marker) => text.includes(marker));
  } catch {
    return false;
  }
}

async function walk(dir: string, depth: number, found: string[], signal: AbortSignal | undefined): Promise<void> {
  signal?.throwIfAborted();
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  // A cloud assembly in a folder not called cdk.out (cdk.json's output) is the CDK source's: cdk synth marks it with a cdk.out file.
  if (depth > 0 && entries.some((entry) => entry.name === 'cdk.out' && entry.isFile()) && entries.some((entry) => entry.name === 'manifest.json')) return;
  await Promise.all(
    entries.map(async (entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name) && depth < MAX_WALK_DEPTH) {
          await walk(full, depth + 1, found, signal);
        }
        return;
      }
      // A serverless.yml may hold CloudFormation (its resources: section) but is the Serverless Framework's.
      if (!CANDIDATE.test(entry.name) || isServerlessConfig(entry.name)) return;
      if (!entry.isFile() && !(entry.isSymbolicLink() && (await isFile(full)))) return;
      if (NAMED_TEMPLATE.test(entry.name) || (depth <= CONTENT_DEPTH && (await mentionsTemplate(full)))) found.push(full);
    }),
  );
  signal?.throwIfAborted();
}

/**
 * Every SAM/CloudFormation template in a workspace folder, as sorted absolute paths: template.yaml|yml|json and
 * *.template.yaml|yml|json anywhere, and other .yaml/.yml/.json files up to two directory levels down that mention
 * AWSTemplateFormatVersion or the SAM transform, except serverless.yml / serverless.yaml. Dependency, build-output and hidden directories are skipped.
 * Rejects with the signal's reason when aborted.
 */
export async function findTemplates(root: string, signal?: AbortSignal): Promise<string[]> {
  const found: string[] = [];
  await walk(path.resolve(root), 0, found, signal);
  return found.sort();
}

/**
 * Whether findTemplates could return this file, by its path alone (its content is sniffed when read): a named
 * template outside skipped and hidden directories, or any .yaml/.yml/.json file up to two levels down.
 */
export function mayBeTemplate(file: string, root: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(file));
  const parts = relative.split(path.sep);
  const name = parts.pop() ?? '';
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative) || !CANDIDATE.test(name) || isServerlessConfig(name)) return false;
  if (parts.length > MAX_WALK_DEPTH || parts.some((dir) => dir.startsWith('.') || SKIPPED_DIRECTORIES.has(dir))) return false;
  return NAMED_TEMPLATE.test(name) || parts.length <= CONTENT_DEPTH;
}

/** A glob for a file watcher that sees every file mayBeTemplate accepts (and more, which it then filters). */
export const TEMPLATE_WATCH_GLOB = '**/*.{yaml,yml,json}';
