import * as vscode from 'vscode';
import type { UiDeps } from '../uiDeps';
import { debugLocal } from './debugLocalCommand';
import { DEBUG_TYPE, LambdaDebugProvider } from './lambdaDebugProvider';
import { LambdaDebugRuns } from './lambdaDebugRuns';

export interface DebugFeature {
  readonly disposables: vscode.Disposable[];
  readonly runs: LambdaDebugRuns;
  /** What the Run and Debug picker offers for a folder (aws-lambda-local's dynamic configurations). */
  readonly configurations: (folder: vscode.WorkspaceFolder | undefined) => Promise<vscode.DebugConfiguration[]>;
}

/** The aws-lambda-local debug type (its initial and dynamic configurations), Debug Locally and Invoke Again. */
export function registerDebugCommands({ workspace, extensionUri }: UiDeps): DebugFeature {
  const runs = new LambdaDebugRuns(extensionUri);
  const provider = new LambdaDebugProvider(runs, workspace, vscode.Uri.joinPath(extensionUri, 'dist', 'runtimes').fsPath);
  const configurations = (folder: vscode.WorkspaceFolder | undefined) => provider.configurations(folder, true);
  return {
    runs,
    configurations,
    disposables: [
      runs,
      vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, provider),
      // Dynamic: every workspace function in the Run and Debug picker. A second object, so that resolving happens once.
      vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, { provideDebugConfigurations: configurations }, vscode.DebugConfigurationProviderTriggerKind.Dynamic),
      vscode.commands.registerCommand('serverlessExplorer.debugLocal', (target?: unknown) => debugLocal(workspace, target)),
      vscode.commands.registerCommand('serverlessExplorer.reinvoke', () => runs.invokeAgain()),
    ],
  };
}
