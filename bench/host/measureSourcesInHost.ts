import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ServerlessExplorerApi } from '../../src/extension';
import type { LocalFunctionItem } from '../../src/ui/explorer/localFunctionsTree';
import { SOURCE_FILES, SOURCE_KINDS, SourcesWorkspace, type ListedFunction, type SourceKind } from '../sourcesWorkspace';

// Runs inside a real extension host as its `extensionTestsPath` (see bench/sourcesBench.ts), in the workspace
// bench/sourcesWorkspace.ts wrote: activates the extension, waits until the Local Functions view lists its functions,
// then changes one source file a round and times each write until the view lists what the file now defines.

export interface SourcesRound {
  readonly kind: SourceKind;
  readonly what: string;
  /** Write → the view lists the changed set. */
  readonly ms: number;
  /** Write → a file watcher of our own (the extension's globs) reports the file: VS Code's part of `ms`. */
  readonly watcherMs?: number;
}

export interface SourcesHostMeasurement {
  /** activate() → the view lists every function of the workspace. */
  readonly firstListingMs: number;
  readonly functions: number;
  readonly rounds: SourcesRound[];
}

const EXTENSION_ID = 'serverless-explorer.serverless-explorer';
/** Between rounds: the watcher's late events of one change must not fall into the next round. */
const PAUSE_MS = 400;
const POLL_MS = 25;
const ROUND_TIMEOUT_MS = 15_000;

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set in the extension host's environment`);
  return value;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const same = (a: readonly ListedFunction[], b: readonly ListedFunction[]) => a.length === b.length && a.every((f, i) => f.name === b[i].name && f.handler === b[i].handler);

/** The functions the view lists, under its source groups when it has several: leaves of contextValue localFunction. */
async function listed(api: ServerlessExplorerApi, problems: string[] = []): Promise<ListedFunction[]> {
  const tree = api.localFunctions;
  const leaves: LocalFunctionItem[] = [];
  const visit = async (items: readonly vscode.TreeItem[]) => {
    for (const item of items) {
      if (item.contextValue === 'localFunction') leaves.push(item as LocalFunctionItem);
      else if (item.contextValue === 'localProblem') problems.push(`${String(item.description)}: ${String(item.label)}`);
      else if (item.contextValue === 'localSource') await visit(await tree.getChildren(item));
    }
  };
  await visit(await tree.getChildren());
  return leaves.map((i) => ({ name: i.definition.name, handler: i.definition.handler })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Resolves when the view lists `expected`: read again on each onDidChangeTreeData, and polled in case one is missed. */
async function until(api: ServerlessExplorerApi, expected: readonly ListedFunction[], what: string): Promise<void> {
  let changed = true;
  let wake = () => undefined as void;
  const subscription = api.localFunctions.onDidChangeTreeData(() => {
    changed = true;
    wake();
  });
  const deadline = performance.now() + ROUND_TIMEOUT_MS;
  let last: ListedFunction[] = [];
  try {
    for (let polls = 0; ; polls++) {
      if (changed || polls % 4 === 0) {
        changed = false;
        last = await listed(api);
        if (same(last, expected)) return;
      }
      if (performance.now() > deadline) {
        const problems: string[] = [];
        last = await listed(api, problems);
        const missing = expected.filter((f) => !last.some((l) => l.name === f.name && l.handler === f.handler)).map((f) => `${f.name} (${f.handler})`);
        throw new Error(`${what}: the view still lists ${last.length} functions (${expected.length} expected) after ${ROUND_TIMEOUT_MS / 1000} s; missing ${missing.slice(0, 3).join(', ')}; problems: ${problems.join('; ') || 'none'}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  } finally {
    subscription.dispose();
  }
}

export async function run(): Promise<void> {
  const resultFile = setting('SE_BENCH_RESULT');
  const rounds = Number(setting('SE_BENCH_SOURCES_ROUNDS'));
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) throw new Error('no workspace folder is open');
  const workspace = SourcesWorkspace.at(folder, Number(setting('SE_BENCH_SOURCES_PER_SOURCE')));
  const extension = vscode.extensions.getExtension<ServerlessExplorerApi>(EXTENSION_ID);
  if (!extension) throw new Error(`The extension host does not know ${EXTENSION_ID}`);
  await vscode.commands.executeCommand('workbench.view.extension.serverlessExplorer');
  const t0 = performance.now();
  const api = await extension.activate();
  await until(api, workspace.listed(), 'first listing');
  const firstListingMs = performance.now() - t0;
  // The same files the extension watches, seen through VS Code's watcher as an extension sees them.
  const seen = new Map<string, number>();
  const watchers = [...new Set(Object.values(SOURCE_FILES).map((file) => path.extname(file)))].map((ext) => {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${ext}`);
    const note = (uri: vscode.Uri) => {
      if (!seen.has(uri.fsPath)) seen.set(uri.fsPath, performance.now());
    };
    watcher.onDidChange(note);
    watcher.onDidCreate(note);
    return watcher;
  });
  const results: SourcesRound[] = [];
  try {
    await sleep(PAUSE_MS);
    for (let round = 0; round < rounds; round++) {
      seen.clear();
      const start = performance.now();
      const change = workspace.change();
      await until(api, change.expected, `round ${round + 1} (${change.kind}: ${change.what})`);
      const ms = performance.now() - start;
      const event = seen.get(change.file);
      results.push({ kind: change.kind, what: change.what, ms, ...(event !== undefined ? { watcherMs: event - start } : {}) });
      await sleep(PAUSE_MS);
    }
  } finally {
    for (const watcher of watchers) watcher.dispose();
  }
  const result: SourcesHostMeasurement = { firstListingMs, functions: workspace.perSource * SOURCE_KINDS.length, rounds: results };
  fs.writeFileSync(resultFile, JSON.stringify(result));
}
