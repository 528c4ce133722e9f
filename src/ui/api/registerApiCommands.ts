import * as vscode from 'vscode';
import type { UiDeps } from '../uiDeps';
import { debugLocalApi, resolveApiDebugConfiguration } from './debugLocalApiCommand';
import { localApiActions } from './localApiActions';
import { LocalApiController } from './localApiController';
import { openInBrowser } from './openInBrowserCommand';
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
