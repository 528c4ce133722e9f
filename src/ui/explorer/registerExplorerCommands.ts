import * as vscode from 'vscode';
import type { AwsNode } from './nodes/awsNode';
import type { ErrorNode } from './nodes/messageNodes';
import { readSettings } from '../settings';
import type { UiDeps } from '../uiDeps';

/** Refresh, retry, filter, copy ARN, open in console: the commands of the AWS view's nodes. */
export function registerExplorerCommands({ explorer, awsView: view, commands }: UiDeps): vscode.Disposable[] {
  const showFilter = () => {
    view.description = explorer.filter ? `filter: "${explorer.filter}"` : undefined;
    void vscode.commands.executeCommand('setContext', 'serverlessExplorer.filtered', explorer.filter !== '');
  };
  return [
    savedEventsWatcher(() => explorer.refreshSavedEvents()),
    commands.register('serverlessExplorer.refresh', () => explorer.refresh()),
    commands.register('serverlessExplorer.refreshNode', (node?: AwsNode) => (node ? explorer.refreshNode(node) : explorer.refresh())),
    commands.register('serverlessExplorer.retry', (node: ErrorNode) => explorer.retry(node)),
    commands.register('serverlessExplorer.filter', async () => {
      const value = await vscode.window.showInputBox({
        title: 'Filter functions and services by name',
        prompt: 'Part of a name, any case. Empty shows everything.',
        value: explorer.filter,
      });
      if (value === undefined) return;
      explorer.filter = value;
      showFilter();
    }),
    commands.register('serverlessExplorer.clearFilter', () => {
      explorer.filter = '';
      showFilter();
    }),
    commands.register('serverlessExplorer.copyArn', async (node?: AwsNode) => {
      const target = node ?? view.selection[0];
      if (!target?.arn) {
        void vscode.window.showWarningMessage('Select a function, version, alias, cluster, service or task to copy its ARN.');
        return;
      }
      await vscode.env.clipboard.writeText(target.arn);
      vscode.window.setStatusBarMessage(`Copied ${target.arn}`, 3000);
    }),
    commands.register('serverlessExplorer.openInConsole', async (node?: AwsNode) => {
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

/** Saved test events can change outside the extension (git pull, an edit). */
function savedEventsWatcher(refresh: () => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher('**/.vscode/lambda-events/**/*.json');
  watcher.onDidCreate(refresh);
  watcher.onDidDelete(refresh);
  return watcher;
}
