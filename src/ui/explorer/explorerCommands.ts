import * as vscode from 'vscode';
import type { AwsExplorer } from './awsExplorer';
import type { AwsNode } from './nodes/awsNode';
import type { ErrorNode } from './nodes/messageNodes';
import { readSettings } from '../settings';

/** Refresh, retry, filter, copy ARN, open in console: the commands of the AWS view's nodes. */
export function registerExplorerCommands(explorer: AwsExplorer, view: vscode.TreeView<AwsNode>): vscode.Disposable[] {
  const showFilter = () => {
    view.description = explorer.filter ? `filter: "${explorer.filter}"` : undefined;
    void vscode.commands.executeCommand('setContext', 'serverlessExplorer.filtered', explorer.filter !== '');
  };
  return [
    vscode.commands.registerCommand('serverlessExplorer.refresh', () => explorer.refresh()),
    vscode.commands.registerCommand('serverlessExplorer.refreshNode', (node?: AwsNode) => (node ? explorer.refreshNode(node) : explorer.refresh())),
    vscode.commands.registerCommand('serverlessExplorer.retry', (node: ErrorNode) => explorer.retry(node)),
    vscode.commands.registerCommand('serverlessExplorer.filter', async () => {
      const value = await vscode.window.showInputBox({
        title: 'Filter functions and services by name',
        prompt: 'Part of a name, any case. Empty shows everything.',
        value: explorer.filter,
      });
      if (value === undefined) return;
      explorer.filter = value;
      showFilter();
    }),
    vscode.commands.registerCommand('serverlessExplorer.clearFilter', () => {
      explorer.filter = '';
      showFilter();
    }),
    vscode.commands.registerCommand('serverlessExplorer.copyArn', async (node?: AwsNode) => {
      const target = node ?? view.selection[0];
      if (!target?.arn) {
        void vscode.window.showWarningMessage('Select a function, version, alias, cluster, service or task to copy its ARN.');
        return;
      }
      await vscode.env.clipboard.writeText(target.arn);
      vscode.window.setStatusBarMessage(`Copied ${target.arn}`, 3000);
    }),
    vscode.commands.registerCommand('serverlessExplorer.openInConsole', async (node?: AwsNode) => {
      const target = node ?? view.selection[0];
      if (!target?.consoleUrl) {
        void vscode.window.showWarningMessage('Select a function, version, alias, cluster, service or task to open it in the AWS console.');
        return;
      }
      if (readSettings().endpointUrl.trim()) {
        const choice = await vscode.window.showWarningMessage(
          'serverlessExplorer.endpointUrl sends requests to a local endpoint; this resource may not exist in the AWS console.',
          'Open Anyway',
        );
        if (choice !== 'Open Anyway') return;
      }
      await vscode.env.openExternal(vscode.Uri.parse(target.consoleUrl));
    }),
  ];
}
