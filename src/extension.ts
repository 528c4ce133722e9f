import * as vscode from 'vscode';
import { AwsExplorer } from './ui/explorer/awsExplorer';
import type { AwsNode } from './ui/explorer/nodes/awsNode';
import { EmptyTree } from './ui/explorer/emptyTree';
import { openAwsConfig } from './ui/commands/awsConfigCommands';
import { registerExplorerCommands } from './ui/commands/explorerCommands';
import { registerSelectionCommands } from './ui/commands/selectionCommands';
import { SelectionStatusBar } from './ui/selectionStatusBar';
import { SECTION } from './ui/settings';

/** What activate() returns: used by the integration tests, and by other extensions if they wish. */
export interface ServerlessExplorerApi {
  readonly awsExplorer: AwsExplorer;
  readonly awsView: vscode.TreeView<AwsNode>;
}

// Composition root: wire ui/ to core/ and nothing else. Nothing here touches the disk or the network, and
// the AWS SDK (dist/sdk.js) loads only when a view first needs it, so activation stays cheap.
export function activate(context: vscode.ExtensionContext): ServerlessExplorerApi {
  const awsExplorer = new AwsExplorer();
  const awsView = vscode.window.createTreeView('serverlessExplorer.aws', { treeDataProvider: awsExplorer, showCollapseAll: true });
  const statusBar = new SelectionStatusBar();
  context.subscriptions.push(
    awsExplorer,
    awsView,
    statusBar,
    awsExplorer.onDidChangeSelection((selection) => statusBar.show(selection)),
    vscode.window.registerTreeDataProvider('serverlessExplorer.local', new EmptyTree()),
    vscode.window.registerTreeDataProvider('serverlessExplorer.events', new EmptyTree()),
    vscode.commands.registerCommand('serverlessExplorer.openAwsConfig', openAwsConfig),
    ...registerExplorerCommands(awsExplorer, awsView),
    ...registerSelectionCommands(),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) awsExplorer.refresh();
    }),
  );
  return { awsExplorer, awsView };
}

export function deactivate(): void {}
