import * as vscode from 'vscode';
import { mountedLine, mountedUrlLine, mountedWebSocketLine, reloadLine, requestLine } from '../../core/local/api/apiLogLines';
import type { ApiSite } from '../../core/local/api/apiSite';
import type { LocalFunctionUrlServer } from '../../core/local/api/functionUrlServer';
import { FUNCTION_URL_PORT_OFFSET } from '../../core/local/api/functionUrlPorts';
import type { LocalApiServer } from '../../core/local/api/localApiServer';
import type { LocalApiServerOptions } from '../../core/local/api/localServerOptions';
import type { LocalInvoker } from '../../core/local/invoker';
import { localSdk } from '../aws/sdk';
import { DEBUGGED_TIMING } from '../debug/debuggedRuntime';
import { localCredentials } from '../local/localCredentials';
import type { WorkspaceFunctionsService } from '../local/workspaceFunctionsService';
import { SECTION, setting } from '../settings';
import { ApiDebugAdapter } from './apiDebugAdapter';
import { ApiDebugRuntimes } from './apiDebugRuntimes';
import { LocalApiStatus } from './localApiStatus';

/** Only this machine: the API runs the workspace's functions with the credentials they are given. */
const HOST = '127.0.0.1';
const PORT_SETTING = `${SECTION}.localApiPort`;
/** The lines the log keeps for onDidLog's late readers (tests): the output channel keeps them all. */
const KEPT_LINES = 2000;

export type LocalApiMode = 'run' | 'debug';

export type LocalApiStart =
  | { readonly mode: 'run' }
  | {
      readonly mode: 'debug';
      /** The folder whose launch this is: the functions' debug sessions start in it. */
      readonly folder: vscode.WorkspaceFolder;
      /** A launch configuration's "port", over the setting. */
      readonly port?: number;
    };

interface Running {
  readonly server: LocalApiServer;
  /** The function URLs, each on a port of its own (the API's port + 100 and up, as start-api puts them). */
  readonly urlServers: readonly LocalFunctionUrlServer[];
  readonly mode: LocalApiMode;
  /** Debug Local API's own invoker (the functions under the debugger) and what ties its runtimes to their sessions. */
  readonly debug?: { readonly invoker: LocalInvoker; readonly runtimes: ApiDebugRuntimes; adapter?: ApiDebugAdapter };
}

/**
 * The local HTTP API of the workspace, as `serverless-explorer start-api` serves it: the templates' routes on
 * 127.0.0.1 (serverlessExplorer.localApiPort), run by the shared invoker, or under the debugger (Debug Local API: one
 * debug session for the API, a child session per function runtime). One at a time; its log is the output channel
 * "Serverless Explorer: Local API", its state the status bar item.
 */
export class LocalApiController implements vscode.Disposable {
  private running?: Running;
  private starting?: Promise<string | undefined>;
  private outputChannel?: vscode.OutputChannel;
  private readonly status = new LocalApiStatus();
  private readonly logged = new vscode.EventEmitter<string>();
  /** Every line written to the log (for tests and other extensions). */
  readonly onDidLog = this.logged.event;
  /** The log's last lines. */
  readonly lines: string[] = [];
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly workspace: WorkspaceFunctionsService,
    private readonly runtimesDir: string,
  ) {
    this.disposables = [
      this.logged,
      this.status,
      workspace.onDidChangeRoutes(({ change, site }) => {
        if (!this.running) return;
        this.log(reloadLine(change, site));
        this.showStatus(site.routes.length);
      }),
    ];
  }

  get url(): string | undefined {
    return this.running?.server.url;
  }

  get mode(): LocalApiMode | undefined {
    return this.running?.mode;
  }

  /** Starts the API unless it runs; resolves with its URL, or undefined when it did not start (the user was told why). */
  start(how: LocalApiStart): Promise<string | undefined> {
    if (this.running) return Promise.resolve(this.running.server.url);
    this.starting ??= this.startNow(how).finally(() => (this.starting = undefined));
    return this.starting;
  }

  async stop(): Promise<void> {
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    this.status.hide();
    void vscode.commands.executeCommand('setContext', 'serverlessExplorer.localApiRunning', false);
    await Promise.all([running.server, ...running.urlServers].map((server) => server.stop()));
    if (running.debug) {
      await running.debug.invoker.dispose();
      running.debug.runtimes.dispose();
      running.debug.adapter?.end();
    }
    this.log(`Stopped the local API on ${running.server.url}.`);
  }

  /** Debug Local API's session started (its adapter is asked for): it lasts as long as the API. */
  debugAdapter(session: vscode.DebugSession): ApiDebugAdapter | undefined {
    const debug = this.running?.debug;
    if (!debug || debug.adapter) return undefined;
    debug.runtimes.parent = session;
    debug.adapter = new ApiDebugAdapter(() => void this.stop());
    return debug.adapter;
  }

  /** What the status bar item shows while the API runs (for tests). */
  get statusText(): string | undefined {
    return this.running ? this.status.text : undefined;
  }

  showLog(): void {
    this.output.show(true);
  }

  dispose(): void {
    void this.stop();
    for (const d of this.disposables) d.dispose();
    this.outputChannel?.dispose();
  }

  private get output(): vscode.OutputChannel {
    this.outputChannel ??= vscode.window.createOutputChannel('Serverless Explorer: Local API');
    return this.outputChannel;
  }

  private log(line: string): void {
    this.output.appendLine(line);
    this.lines.push(line);
    if (this.lines.length > KEPT_LINES) this.lines.splice(0, this.lines.length - KEPT_LINES);
    this.logged.fire(line);
  }

  private async startNow(how: LocalApiStart): Promise<string | undefined> {
    const site = await this.workspace.apiSite();
    if (site.routes.length === 0 && site.webSockets.length === 0 && site.functionUrls.length === 0) {
      void vscode.window.showInformationMessage(
        'No Api or HttpApi events, function URLs or WebSocket APIs found in the workspace templates. Give a function an event such as { Type: Api, Properties: { Path: /hello, Method: get } }, then start the local API.',
      );
      return undefined;
    }
    let credentials: LocalApiServerOptions['credentials'];
    try {
      credentials = await localCredentials(setting('localCredentialsProfile'), `${SECTION}.localCredentialsProfile`);
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not start the local API: ${(error as Error).message}`);
      return undefined;
    }
    const debug = how.mode === 'debug' ? this.debugParts(how.folder) : undefined;
    // Else the workspace's shared invoker, asked per request: it is replaced when the functions change.
    const invoker = debug?.invoker ?? { invoke: (...args: Parameters<LocalInvoker['invoke']>) => this.workspace.invoker().invoke(...args) };
    const options: LocalApiServerOptions = {
      site: () => this.workspace.apiSite(),
      invoker,
      host: HOST,
      onRequest: (entry) => this.log(`${new Date().toISOString()} ${requestLine(entry)}`),
      onWarning: (message) => this.log(`Warning: ${message}`),
      credentials,
    };
    const server = await this.listen(options, (how.mode === 'debug' ? how.port : undefined) ?? setting('localApiPort'));
    if (!server) {
      await debug?.invoker.dispose();
      debug?.runtimes.dispose();
      return undefined;
    }
    const urlServers = await this.listenUrls(options, site, new URL(server.url).port);
    this.running = { server, urlServers, mode: how.mode, debug };
    void vscode.commands.executeCommand('setContext', 'serverlessExplorer.localApiRunning', true);
    for (const problem of this.workspace.apiProblems()) this.log(`Warning: ${problem}`);
    for (const route of site.routes) this.log(mountedLine(route, server.url));
    for (const webSocket of site.webSockets) this.log(mountedWebSocketLine(webSocket, server.url, site.webSockets.length > 1));
    urlServers.forEach((urlServer, i) => this.log(mountedUrlLine(site.functionUrls[i], urlServer.url)));
    this.log(`Local API on ${server.url}${how.mode === 'debug' ? ', its functions under the debugger' : ''}. Stop it with "Serverless Explorer: Stop Local API" or the status bar.`);
    this.showStatus(site.routes.length);
    return server.url;
  }

  private debugParts(folder: vscode.WorkspaceFolder): NonNullable<Running['debug']> {
    const runtimes = new ApiDebugRuntimes(folder, this.runtimesDir, (line) => this.log(line));
    return { runtimes, invoker: this.workspace.createInvoker({ launcher: (definition) => runtimes.launcher(definition), ...DEBUGGED_TIMING }) };
  }

  /** A server per function URL, from the API's port + 100 up; one that cannot listen is said in the log and left out. */
  private async listenUrls(options: LocalApiServerOptions, site: ApiSite, apiPort: string): Promise<LocalFunctionUrlServer[]> {
    const { LocalFunctionUrlServer } = localSdk();
    const servers: LocalFunctionUrlServer[] = [];
    for (const [index, url] of site.functionUrls.entries()) {
      const port = Number(apiPort) + FUNCTION_URL_PORT_OFFSET + index;
      try {
        servers.push(await LocalFunctionUrlServer.start({ ...options, functionName: url.functionName, port }));
      } catch (error) {
        this.log(`Warning: ${url.functionName}'s function URL is not served: ${(error as Error).message.replace(/; choose another with --port$/, '')}.`);
      }
    }
    return servers;
  }

  /** The server on the port, or, when the port is taken, on the next free one if the user agrees. */
  private async listen(options: LocalApiServerOptions, port: number): Promise<LocalApiServer | undefined> {
    const { LocalApiServer, canListen, nextFreePort } = localSdk();
    try {
      return await LocalApiServer.start({ ...options, port });
    } catch (error) {
      if (port !== 0 && !(await canListen(HOST, port))) {
        const free = await nextFreePort(HOST, port);
        const useFree = `Use Port ${free}`;
        const choice = await vscode.window.showWarningMessage(`Port ${port} on ${HOST} is in use, so the local API cannot listen there (${PORT_SETTING}). Start it on port ${free} instead?`, useFree, 'Open Settings');
        if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', PORT_SETTING);
        return choice === useFree ? this.listen(options, free) : undefined;
      }
      void vscode.window.showErrorMessage(`Could not start the local API: ${(error as Error).message.replace(/ with --port$/, ` in ${PORT_SETTING}`)}.`);
      return undefined;
    }
  }

  private showStatus(routeCount: number): void {
    if (this.running) this.status.show(this.running.server.url, this.running.mode, routeCount);
  }
}
