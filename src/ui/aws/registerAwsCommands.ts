import * as vscode from 'vscode';
import { settingsChanged } from '../settings';
import type { UiDeps } from '../uiDeps';
import { openAwsConfig } from './awsConfigFile';
import { registerSelectionCommands } from './selectionCommands';
import { SelectionStatusBar } from './selectionStatusBar';

/** The AWS config file, the profile and region pickers, the status bar that shows them, and a refresh when they change. */
export function registerAwsCommands({ aws, commands }: UiDeps): vscode.Disposable[] {
  const statusBar = new SelectionStatusBar();
  return [
    statusBar,
    aws.onDidChangeSelection((selection) => statusBar.show(selection)),
    commands.register('serverlessExplorer.openAwsConfig', openAwsConfig),
    ...registerSelectionCommands(commands),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (settingsChanged(e, 'awsTree')) aws.refresh();
    }),
  ];
}
