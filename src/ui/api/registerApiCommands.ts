import * as vscode from 'vscode';
import { DEBUG_TYPE } from '../debug/debugType';
import type { WorkspaceFunctionsService } from '../local/workspaceFunctionsService';
import type { UiDeps } from '../uiDeps';
import { LocalApiController } from './localApiController';
import { routeOf } from './requestInputs';
import { askPath, pickRoute } from './routeInputs';
import { SendRequestCommand } from './sendRequestCommand';
import type { SendRequestOptions } from './sendRequestCommand';

export interface ApiFeature {
  readonly disposables: vscode.Disposable[];
  readonly controller: LocalApiController;
  /** An `aws-lambda-local` configuration with "api": true (Debug Local API, or launch.json): starts the API under the debugger. */
  resolveDebugConfiguration(folder: vscode.WorkspaceFolder | undefined, configuration: vscode.DebugConfiguration): Promise<vscode.DebugConfiguration | undefined>;
  /** The adapter of that session (the shell registers the factory). */
  debugAdapter(session: vscode.DebugSession): vscode.DebugAdapterDescriptor | undefined;
}

/** The local HTTP API: Start/Stop/Debug Local API, Open in Browser and Send Request… on its routes, the status bar's actions. */
export function registerApiCommands({ workspace, extensionUri, commands }: UiDeps): ApiFeature {
  const controller = new LocalApiController(workspace, vscode.Uri.joinPath(extensionUri, 'dist', 'runtimes').fsPath);
  const send = new SendRequestCommand(controller, workspace, extensionUri);
  return {
    controller,
    resolveDebugConfiguration: (folder, configuration) => resolveApiDebugConfiguration(controller, folder, configuration),
    debugAdapter: (session) => {
      const adapter = controller.debugAdapter(session);
      return adapter && new vscode.DebugAdapterInlineImplementation(adapter);
    },
    disposables: [
      controller,
      commands.register('serverlessExplorer.startLocalApi', () => controller.start({ mode: 'run' })),
      commands.register('serverlessExplorer.stopLocalApi', () => controller.stop()),
      commands.register('serverlessExplorer.debugLocalApi', () => debugLocalApi(controller)),
      commands.register('serverlessExplorer.openRouteInBrowser', (target?: unknown) => openInBrowser(controller, workspace, target)),
      commands.register('serverlessExplorer.sendApiRequest', (target?: unknown, options?: SendRequestOptions) => send.run(target, options)),
      commands.register('serverlessExplorer.localApiActions', () => localApiActions(controller)),
    ],
  };
}

/** `serverlessExplorer.debugLocalApi`: the API in a debug session of its own, every function's runtime a child session. */
async function debugLocalApi(controller: LocalApiController): Promise<string | undefined> {
  if (controller.mode === 'debug') return controller.url;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showErrorMessage('Debug Local API needs a folder: open the folder of your template.');
    return undefined;
  }
  const started = await vscode.debug.startDebugging(folder, { type: DEBUG_TYPE, request: 'launch', name: 'Local API', api: true });
  return started ? controller.url : undefined;
}

async function resolveApiDebugConfiguration(controller: LocalApiController, folder: vscode.WorkspaceFolder | undefined, configuration: vscode.DebugConfiguration): Promise<vscode.DebugConfiguration | undefined> {
  const root = folder ?? vscode.workspace.workspaceFolders?.[0];
  if (!root) {
    void vscode.window.showErrorMessage('Debug Local API needs a folder: open the folder of your template.');
    return undefined;
  }
  if (controller.mode === 'debug') {
    void vscode.window.showInformationMessage(`The local API is being debugged already, on ${controller.url}.`);
    return undefined;
  }
  // Running without the debugger: the same API again, on the same port, its functions under the debugger now.
  await controller.stop();
  const port = typeof configuration.port === 'number' ? configuration.port : undefined;
  const url = await controller.start({ mode: 'debug', folder: root, port });
  return url ? { ...configuration, name: configuration.name || 'Local API' } : undefined;
}

/** `serverlessExplorer.openRouteInBrowser`: a GET route (its {parameters} asked for), the API started if need be. */
async function openInBrowser(controller: LocalApiController, workspace: WorkspaceFunctionsService, target?: unknown): Promise<string | undefined> {
  const route = routeOf(target) ?? (await pickRoute(workspace, 'Open which route in the browser?', (r) => r.method === 'GET' || r.method === 'ANY'));
  if (!route) return undefined;
  const path = await askPath(route, `Open in Browser: GET ${route.path} → ${route.functionName}`);
  if (path === undefined) return undefined;
  const base = await controller.start({ mode: 'run' });
  if (!base) return undefined;
  const url = `${base}${path}`;
  // Reached from where the browser runs (a remote window forwards the port); as a string, so that VS Code does not
  // encode the query's = and & (a Uri would).
  const external = await vscode.env.asExternalUri(vscode.Uri.parse(url));
  await vscode.env.openExternal(external.toString(true) as unknown as vscode.Uri);
  return url;
}

/** `serverlessExplorer.localApiActions` (the status bar item): what to do with the running API. */
async function localApiActions(controller: LocalApiController): Promise<string | undefined> {
  const url = controller.url;
  if (!url) {
    void vscode.window.showInformationMessage('The local API is not running: start it with "Serverless Explorer: Start Local API".');
    return undefined;
  }
  const actions = [
    { label: '$(globe) Open in Browser', run: () => vscode.commands.executeCommand('serverlessExplorer.openRouteInBrowser') },
    { label: '$(send) Send Request…', run: () => vscode.commands.executeCommand('serverlessExplorer.sendApiRequest') },
    { label: '$(copy) Copy URL', description: url, run: () => vscode.env.clipboard.writeText(url) },
    { label: '$(output) Show Log', run: () => controller.showLog() },
    { label: '$(debug-stop) Stop Local API', run: () => controller.stop() },
  ];
  const choice = await vscode.window.showQuickPick(actions, { title: `Local API on ${url}${controller.mode === 'debug' ? ' (debugging)' : ''}` });
  await choice?.run();
  return choice?.label;
}
