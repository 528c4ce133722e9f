import { promises as fs } from 'node:fs';
import type { FunctionSource, SourceFunctions, SourceProblem } from './functionSource';
import { cdkSource } from './cdk/cdkSource';
import { samSource } from './sam/samSource';
import { createServerlessSource, serverlessSource } from './serverless/serverlessSource';
import type { ServerlessOptions } from './serverless/variableResolver';
import { terraformSource } from './terraform/terraformSource';
import { pulledSource } from '../pulled/pulledSource';

/**
 * Every kind of project functions are read from. A new one is a module beside sam/ and a line here, before SAM:
 * SAM reads any file a user names (see sourceOfFile).
 */
export const FUNCTION_SOURCES: readonly FunctionSource[] = [cdkSource, serverlessSource, terraformSource, pulledSource, samSource];

/** What a read is for, as `--stage`, `--region` and other options say it (the Serverless Framework's `${opt:…}`); none: each file's own default. */
export type SourceOptions = Pick<ServerlessOptions, 'stage' | 'region' | 'options'>;

const sourcesByOptions = new Map<string, readonly FunctionSource[]>();

/**
 * FUNCTION_SOURCES as they read for `options`: the Serverless source made for them, the others as they are. The
 * same list for the same options, so that what a source learnt in a read (the files it included) is kept.
 */
export function functionSources(options: SourceOptions = {}): readonly FunctionSource[] {
  const { stage, region, options: other } = options;
  if (!stage && !region && (!other || Object.keys(other).length === 0)) return FUNCTION_SOURCES;
  const key = JSON.stringify([stage, region, other]);
  let sources = sourcesByOptions.get(key);
  if (!sources) {
    const serverless = createServerlessSource({ ...(stage ? { stage } : {}), ...(region ? { region } : {}), ...(other ? { options: other } : {}) });
    sources = FUNCTION_SOURCES.map((source) => (source === serverlessSource ? serverless : source));
    sourcesByOptions.set(key, sources);
  }
  return sources;
}

/** The functions of a workspace folder, and the files they were read from (for a cache to check). */
export interface WorkspaceFunctions extends SourceFunctions {
  readonly files: readonly string[];
}

/** Reads one file, unless `reuse` still holds what it defined (a cache decides). */
export type FileReader = (source: FunctionSource, file: string) => Promise<SourceFunctions>;

/** What a file defines; an unreadable file is a problem, never an error. */
export const readSourceFile: FileReader = async (source, file) => {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    return { functions: [], problems: [{ file, message: `the ${source.fileLabel} could not be read: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const unprepared = await prepared(source, file);
  return unprepared ? { functions: [], problems: [unprepared] } : source.readFunctions(text, file);
};

/** Loads what the source needs before reading (a parser); a problem with the file when that fails. */
export async function prepared(source: FunctionSource, file: string): Promise<SourceProblem | undefined> {
  try {
    await source.prepare?.();
    return undefined;
  } catch (error) {
    return { file, message: `the ${source.fileLabel} could not be read: its parser did not load (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** Every function the sources find in a workspace folder, in source then file order; what keeps others from running as problems. */
export async function readWorkspaceFunctions(root: string, options: { signal?: AbortSignal; read?: FileReader; sources?: SourceOptions } = {}): Promise<WorkspaceFunctions> {
  const read = options.read ?? readSourceFile;
  const functions: SourceFunctions['functions'] = [];
  const problems: SourceProblem[] = [];
  const files: string[] = [];
  for (const source of functionSources(options.sources)) {
    for (const file of await source.findFiles(root, options.signal)) {
      // A file is one source's: a serverless.yml whose resources: has AWSTemplateFormatVersion is not also a template.
      if (files.includes(file)) continue;
      const result = await read(source, file);
      files.push(file);
      functions.push(...result.functions);
      problems.push(...result.problems);
    }
  }
  return { functions, problems, files };
}

/** Every source's files in a workspace folder, in source then file order, each file once (see readWorkspaceFunctions). */
export async function findSourceFiles(root: string, signal?: AbortSignal): Promise<string[]> {
  const files: string[] = [];
  for (const source of FUNCTION_SOURCES) {
    for (const file of await source.findFiles(root, signal)) if (!files.includes(file)) files.push(file);
  }
  return files;
}

/** The source that reads a file the user named. */
export function sourceOfFile(file: string, options?: SourceOptions): FunctionSource {
  return functionSources(options).find((source) => source.readsFile(file)) ?? samSource;
}

/** The functions one file the user named defines (a `--template`, a launch configuration's "template"); rejects when it cannot be read. */
export async function readFunctionsIn(file: string, read: FileReader = readSourceFile, options?: SourceOptions): Promise<SourceFunctions> {
  await fs.access(file);
  return read(sourceOfFile(file, options), file);
}

/** Whether a changed file may change a workspace folder's functions (as read for `options`): what a file watcher passes on. */
export function mayDefineFunctions(file: string, root: string, options?: SourceOptions): boolean {
  return functionSources(options).some((source) => source.mayDefineFunctions(file, root));
}

/** Globs a file watcher needs to see every file a source may read. */
export function sourceWatchGlobs(): string[] {
  return [...new Set(FUNCTION_SOURCES.map((source) => source.watchGlob))];
}

/** The kinds of source in registry order, with what the view calls each: how the Local Functions view groups them. */
export function sourceKinds(): { readonly kind: string; readonly title: string }[] {
  return FUNCTION_SOURCES.map((source) => ({ kind: source.kind, title: source.title ?? source.fileLabel }));
}
