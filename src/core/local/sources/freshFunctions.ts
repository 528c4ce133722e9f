import * as fs from 'node:fs';
import type { LocalFunctionDefinition } from '../types';
import type { FunctionSource, SourceFunctions, SourceProblem } from './functionSource';
import { readFunctionsIn, readSourceFile, readWorkspaceFunctions, type FileReader, type SourceOptions } from './registry';

/** How often a workspace folder is walked again for new or removed files, at most. */
const DEFAULT_RESCAN_MS = 5000;

interface Parsed {
  readonly mtimeMs: number;
  readonly size: number;
  readonly result: SourceFunctions;
}

/**
 * The functions of a named file or a workspace folder, kept between requests and read again only when a file's
 * modification time or size changed: what a long-running command (start-lambda) serves without a file watcher.
 * Checking costs one stat per file; a folder is walked again for new files in the background, every few seconds.
 */
export class FreshFunctions {
  private readonly parsed = new Map<string, Parsed>();
  private files: readonly string[] = [];
  private functions: LocalFunctionDefinition[] = [];
  private scannedAt = 0;
  private rescan?: Promise<void>;

  private constructor(
    private readonly target: { readonly file: string } | { readonly root: string },
    private readonly rescanMs: number,
    private readonly onProblems: (problems: readonly SourceProblem[]) => void,
    private readonly sources: SourceOptions,
  ) {}

  /** Reads them a first time; rejects when a named file cannot be read. */
  static async load(
    target: { readonly file: string } | { readonly root: string },
    options: { readonly rescanMs?: number; readonly onProblems?: (problems: readonly SourceProblem[]) => void; readonly sources?: SourceOptions } = {},
  ): Promise<FreshFunctions> {
    // What keeps a function from running is told once per read, so that a broken edit is explained where it is served.
    const fresh = new FreshFunctions(target, options.rescanMs ?? DEFAULT_RESCAN_MS, options.onProblems ?? (() => undefined), options.sources ?? {});
    await fresh.reload();
    return fresh;
  }

  /** The functions as the files are now. */
  current(): LocalFunctionDefinition[] | Promise<LocalFunctionDefinition[]> {
    if ('root' in this.target && Date.now() - this.scannedAt > this.rescanMs) this.rescan ??= this.reload().finally(() => (this.rescan = undefined));
    if (this.files.every((file) => this.unchanged(file))) return this.functions;
    return this.reload().then(() => this.functions);
  }

  private async reload(): Promise<void> {
    const read: FileReader = async (source, file) => this.readCached(source, file);
    const before = this.files.map((file) => this.parsed.get(file));
    let problems: readonly SourceProblem[];
    if ('file' in this.target) {
      ({ functions: this.functions, problems } = await readFunctionsIn(this.target.file, read, this.sources));
      this.files = [this.target.file];
    } else {
      const result = await readWorkspaceFunctions(this.target.root, { read, sources: this.sources });
      ({ functions: this.functions, problems } = result);
      this.files = result.files;
      for (const file of this.parsed.keys()) if (!result.files.includes(file)) this.parsed.delete(file);
    }
    this.scannedAt = Date.now();
    const after = this.files.map((file) => this.parsed.get(file));
    if (problems.length > 0 && (before.length !== after.length || before.some((entry, i) => entry !== after[i]))) this.onProblems(problems);
  }

  private async readCached(source: FunctionSource, file: string): Promise<SourceFunctions> {
    const stat = statOf(file);
    const cached = this.parsed.get(file);
    if (cached && stat && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.result;
    const result = await readSourceFile(source, file);
    if (stat) this.parsed.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, result });
    return result;
  }

  private unchanged(file: string): boolean {
    const cached = this.parsed.get(file);
    const stat = statOf(file);
    return Boolean(cached && stat && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size);
  }
}

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
