import * as vscode from 'vscode';
import { AwsExplorer } from './ui/explorer/awsExplorer';
import { EmptyTree } from './ui/explorer/emptyTree';
import { openAwsConfig } from './ui/commands/awsConfigCommands';
import { SECTION } from './ui/settings';

/** What activate() returns: used by the integration tests, and by other extensions if they wish. */
export interface ServerlessExplorerApi {
  readonly awsExplorer: AwsExplorer;
}

// Composition root: wire ui/ to core/ and nothing else. Nothing here touches the disk or the network,
// so activation stays cheap; the views read what they need when they are shown.
export function activate(context: vscode.ExtensionContext): ServerlessExplorerApi {
  const awsExplorer = new AwsExplorer();
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('serverlessExplorer.aws', awsExplorer),
    vscode.window.registerTreeDataProvider('serverlessExplorer.local', new EmptyTree()),
    vscode.window.registerTreeDataProvider('serverlessExplorer.events', new EmptyTree()),
    vscode.commands.registerCommand('serverlessExplorer.refresh', () => awsExplorer.refresh()),
    vscode.commands.registerCommand('serverlessExplorer.openAwsConfig', openAwsConfig),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) awsExplorer.refresh();
    }),
  );
  return { awsExplorer };
}

export function deactivate(): void {}
