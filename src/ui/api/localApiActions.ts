import * as vscode from 'vscode';
import type { LocalApiController } from './localApiController';

/** `serverlessExplorer.localApiActions` (the status bar item): what to do with the running API. */
export async function localApiActions(controller: LocalApiController): Promise<string | undefined> {
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
