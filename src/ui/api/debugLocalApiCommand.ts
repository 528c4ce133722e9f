import * as vscode from 'vscode';
import { DEBUG_TYPE } from '../debug/debugType';
import type { LocalApiController } from './localApiController';

const NEEDS_FOLDER = 'Debug Local API needs a folder: open the folder of your template.';

/** `serverlessExplorer.debugLocalApi`: the API in a debug session of its own, every function's runtime a child session. */
export async function debugLocalApi(controller: LocalApiController): Promise<string | undefined> {
  if (controller.mode === 'debug') return controller.url;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showErrorMessage(NEEDS_FOLDER);
    return undefined;
  }
  const started = await vscode.debug.startDebugging(folder, { type: DEBUG_TYPE, request: 'launch', name: 'Local API', api: true });
  return started ? controller.url : undefined;
}

/** An `aws-lambda-local` configuration with "api": true (Debug Local API, or launch.json): the API started under the debugger. */
export async function resolveApiDebugConfiguration(controller: LocalApiController, folder: vscode.WorkspaceFolder | undefined, configuration: vscode.DebugConfiguration): Promise<vscode.DebugConfiguration | undefined> {
  const root = folder ?? vscode.workspace.workspaceFolders?.[0];
  if (!root) {
    void vscode.window.showErrorMessage(NEEDS_FOLDER);
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
