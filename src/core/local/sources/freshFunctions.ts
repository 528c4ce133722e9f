import * as fs from 'node:fs';
import type { LocalFunctionDefinition } from '../types';
import type { FunctionSource, SourceFunctions, SourceProblem } from './functionSource';
import { readFunctionsIn, readSourceFile, readWorkspaceFunctions, type FileReader, type SourceOptions } from './registry';

/** How often a workspace folder is walked again for new or removed files, at most. */
const DEFAULT_RESCAN_MS = 5000;

interface Parsed {
  /** The file's and every file's it read (readFiles): a change to any of them reads it again. */
  readonly stamp: string;
  readonly result: SourceFunctions;
}

/** Modification time and size of a file, "-" when it does not exist (a tfvars written later is a change). */
function stampOf(file: string, stat = statOf(file)): string {
  return stat ? `${stat.mtimeMs}:${stat.size}` : '-';
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
    const cached = this.parsed.get(file);
    if (cached && this.unchanged(file)) return cached.result;
    const before = statOf(file);
    const result = await readSourceFile(source, file);
    // Stamped with the file's time from before the read, so that a change made while reading is read next time.
    if (before) this.parsed.set(file, { stamp: [stampOf(file, before), ...(result.readFiles ?? []).map((other) => stampOf(other))].join('|'), result });
    return result;
  }

  private unchanged(file: string): boolean {
    const cached = this.parsed.get(file);
    return Boolean(cached && cached.stamp === [file, ...(cached.result.readFiles ?? [])].map((other) => stampOf(other)).join('|'));
  }
}

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
