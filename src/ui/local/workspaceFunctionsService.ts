import * as path from 'node:path';
import * as vscode from 'vscode';
import { runCredentials } from './localCredentials';
import type { ApiSite, FileApiSite, SiteChange } from '../../core/local/api/apiSite';
import type { LocalInvoker, LocalInvokerOptions } from '../../core/local/invoker';
import type { SourceProblem } from '../../core/local/sources/functionSource';
import type { SourceOptions } from '../../core/local/sources/registry';
import type { LocalFunctionDefinition } from '../../core/local/types';
import { localSdk } from '../aws/sdk';
import { setting, settingsChanged } from '../settings';
import { localLayerFetcher } from './localLayerFetcher';
import { chosenInterpreters } from './chosenInterpreters';
import { askToInstallRuntimeSdk } from './runtimeSdkPrompt';

export interface WorkspaceFunctionList {
  readonly functions: readonly LocalFunctionDefinition[];
  readonly problems: readonly SourceProblem[];
}

/** The templates' local API as last read, and what their API definitions could not say. */
interface WorkspaceApiSite {
  /** The files and the stage they are read for, one string: another stage is another site. */
  readonly key: string;
  readonly site: FileApiSite;
  last?: ApiSite;
  problems: string[];
  pending: string[];
}

/**
 * The functions of the workspace folders, for every view and command that needs them: read once (through the
 * sources of core/local/sources) and kept until a file a source reads changes, which one file watcher reports.
 * It also owns the one LocalInvoker that local runs share, whose warm environments end when the functions change.
 */
export class WorkspaceFunctionsService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the functions may have changed: a source file was created, changed or deleted, or a refresh. */
  readonly onDidChange = this.changed.event;
  private list?: Promise<WorkspaceFunctionList>;
  private sharedInvoker?: LocalInvoker;
  private api?: WorkspaceApiSite;
  private readonly routesChanged = new vscode.EventEmitter<{ readonly change: SiteChange; readonly site: ApiSite }>();
  /** Fires when a template's routes changed on disk, as apiSite() read them again. */
  readonly onDidChangeRoutes = this.routesChanged.event;
  private readonly disposables: vscode.Disposable[] = [];

  private watching = false;
  /** Downloads layers named by ARN for every local run (invoke, the endpoint, debugging). */
  readonly fetchLayer = localLayerFetcher;

  /**
   * @param cacheDir where local runs keep builds, unpacked archives and layers: the extension's global storage, so
   *   that uninstalling removes them; undefined for the platform's cache folder.
   */
  constructor(readonly cacheDir?: string) {
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (settingsChanged(e, 'localInvoker')) this.resetInvoker();
        if (settingsChanged(e, 'localFunctions')) this.refresh();
      }),
    );
  }

  /** Where functions pulled with no workspace folder open go (`<name>/function.json`): listed with the workspace's. */
  get pulledCacheDir(): string | undefined {
    return this.cacheDir && path.join(this.cacheDir, 'pulled');
  }

  /** Every function and problem of every workspace folder, in folder order, then the functions pulled into the cache. */
  read(): Promise<WorkspaceFunctionList> {
    this.watch();
    this.list ??= this.readAll();
    return this.list;
  }

  async functions(): Promise<readonly LocalFunctionDefinition[]> {
    return (await this.read()).functions;
  }

  /** The LocalInvoker every local run shares (invoke, the endpoint, the local API): warm environments are reused across them. */
  invoker(): LocalInvoker {
    this.sharedInvoker ??= this.createInvoker();
    return this.sharedInvoker;
  }

  /** A LocalInvoker of its own, with what every local run gets (the settings, interpreters, layers) and `extra`: a debugger's launcher. */
  createInvoker(extra: Partial<LocalInvokerOptions> = {}): LocalInvoker {
    return new (localSdk().LocalInvoker)({
      alwaysCold: setting('localAlwaysCold'),
      maxConcurrency: setting('localMaxConcurrency'),
      idleMinutes: setting('localIdleMinutes'),
      cacheDir: this.cacheDir,
      fetchLayer: this.fetchLayer,
      interpreters: chosenInterpreters,
      provideRuntimeSdk: askToInstallRuntimeSdk,
      projectRoot: workspaceFolderOf,
      credentialsFor: runCredentials,
      ...extra,
    });
  }

  /**
   * The local API the workspace's templates define (routes, their APIs' stages, function URLs…) and their functions,
   * read by each source's readApis (FileApiSite); read again when a template changes.
   */
  async apiSite(): Promise<ApiSite> {
    const files = [...new Set((await this.functions()).flatMap((f) => (f.origin ? [f.origin.file] : [])))];
    const sources = sourceOptions();
    const key = [JSON.stringify(sources), ...files].join('\n');
    if (this.api?.key !== key) {
      const pending: string[] = [];
      const site = new (localSdk().FileApiSite)(files, (problem) => pending.push(problem), (change, now) => this.routesChanged.fire({ change, site: now }), sources);
      this.api = { key, site, problems: [], pending };
    }
    const api = this.api;
    const read = await api.site.current();
    if (read !== api.last) {
      // A new read: its problems replace the last one's.
      api.last = read;
      api.problems = [...new Set(api.pending.splice(0))];
    }
    return read;
  }

  /** What the templates' API definitions could not say when apiSite() last read them, each with what to fix. */
  apiProblems(): readonly string[] {
    return this.api?.problems ?? [];
  }

  /** Reads the workspace again; warm environments end (their definitions may be stale). */
  refresh(): void {
    this.list = undefined;
    this.resetInvoker();
    this.changed.fire();
  }

  dispose(): void {
    this.resetInvoker();
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
    this.routesChanged.dispose();
  }

  /** Until something asks for the functions there is nothing to keep fresh: the watcher starts with the first read. */
  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    for (const glob of localSdk().sourceWatchGlobs()) {
      const watcher = vscode.workspace.createFileSystemWatcher(glob);
      const changed = (uri: vscode.Uri) => this.fileChanged(uri);
      this.disposables.push(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed));
    }
  }

  private fileChanged(uri: vscode.Uri): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder && localSdk().mayDefineFunctions(uri.fsPath, folder.uri.fsPath, sourceOptions())) this.refresh();
  }

  private resetInvoker(): void {
    void this.sharedInvoker?.dispose();
    this.sharedInvoker = undefined;
  }

  private async readAll(): Promise<WorkspaceFunctionList> {
    const functions: LocalFunctionDefinition[] = [];
    const problems: SourceProblem[] = [];
    const sources = sourceOptions();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const read = await localSdk().readWorkspaceFunctions(folder.uri.fsPath, { sources });
      functions.push(...read.functions);
      problems.push(...read.problems);
    }
    if (this.pulledCacheDir) {
      const pulled = await localSdk().readPulledFunctions(this.pulledCacheDir);
      functions.push(...pulled.functions);
      problems.push(...pulled.problems);
    }
    return { functions, problems };
  }
}

/** What the files are read for: the serverlessExplorer.serverless.stage setting (empty: each serverless.yml's own stage). */
export function sourceOptions(): SourceOptions {
  const stage = setting('serverless.stage');
  return stage ? { stage } : {};
}

/** The open folder a function's code lies in (any of a multi-root workspace's), else its template's: code outside every one is refused. */
function workspaceFolderOf(definition: LocalFunctionDefinition): string | undefined {
  const folder = (file: string) => vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))?.uri.fsPath;
  return folder(definition.codeDir) ?? (definition.origin && folder(definition.origin.file));
}
