import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTemplate } from '../sources/sam/templateFunctions';
import { isBuiltTemplate } from './buildMetadata';

const SOURCE_TEMPLATES = ['template.yaml', 'template.yml', 'template.json'];
const SKIPPED = new Set(['node_modules', '.aws-sam', '.git']);
/** A guard for huge code folders: this many files are looked at, at most. */
const MAX_FILES = 5000;

/**
 * For a template `sam build` wrote (.aws-sam/build/template.yaml): whether its artifacts are older than the sources
 * they were built from (the project's template, and the code folders of the functions it builds), with what to do.
 * Undefined for any other template, or a build that is current.
 */
export function staleBuiltTemplate(builtTemplate: string, functionIds: readonly string[]): string | undefined {
  if (!isBuiltTemplate(builtTemplate)) return undefined;
  const project = path.resolve(path.dirname(builtTemplate), '..', '..');
  const source = SOURCE_TEMPLATES.map((name) => path.join(project, name)).find((file) => mtime(file) !== undefined);
  const built = mtime(builtTemplate);
  if (!source || built === undefined) return undefined;
  const newer: string[] = [];
  if (mtime(source)! > built) newer.push(path.basename(source));
  const budget = { files: MAX_FILES };
  for (const fn of parseTemplate(fs.readFileSync(source, 'utf8'), source).functions) {
    if (!functionIds.includes(fn.name)) continue;
    const changed = newestFile(fn.codeDir, built, budget);
    if (changed) newer.push(path.relative(project, changed));
  }
  if (newer.length === 0) return undefined;
  return `the artifacts of sam build are older than their sources (${newer.slice(0, 3).join(', ')}${newer.length > 3 ? '…' : ''} changed since): run sam build again, or run ${path.basename(source)} instead (its esbuild functions are built for you)`;
}

/** The first file under a folder changed after a time (a file CodeUri counts as itself). */
function newestFile(target: string, after: number, budget: { files: number }): string | undefined {
  const time = mtime(target);
  if (time === undefined) return undefined;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(target, { withFileTypes: true });
  } catch {
    return time > after ? target : undefined;
  }
  for (const entry of entries) {
    if (budget.files-- <= 0) return undefined;
    const full = path.join(target, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED.has(entry.name) || entry.name.startsWith('.')) continue;
      const found = newestFile(full, after, budget);
      if (found) return found;
    } else if ((mtime(full) ?? 0) > after) {
      return full;
    }
  }
  return undefined;
}

function mtime(file: string): number | undefined {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}
