import * as vscode from 'vscode';
import type { UiDeps } from '../uiDeps';
import { debugLocal } from './debugLocalCommand';
import { LambdaDebugProvider } from './lambdaDebugProvider';
import { LambdaDebugRuns } from './lambdaDebugRuns';

export interface DebugFeature {
  readonly disposables: vscode.Disposable[];
  readonly runs: LambdaDebugRuns;
  /** The aws-lambda-local configuration provider (the shell registers it, initial and dynamic). */
  readonly provider: LambdaDebugProvider;
  /** What the Run and Debug picker offers for a folder (aws-lambda-local's dynamic configurations). */
  readonly configurations: (folder: vscode.WorkspaceFolder | undefined) => Promise<vscode.DebugConfiguration[]>;
}

/** The aws-lambda-local debug type (its initial and dynamic configurations), Debug Locally and Invoke Again. */
export function registerDebugCommands({ workspace, extensionUri, commands }: UiDeps): DebugFeature {
  const runs = new LambdaDebugRuns(extensionUri);
  const provider = new LambdaDebugProvider(runs, workspace, vscode.Uri.joinPath(extensionUri, 'dist', 'runtimes').fsPath);
  const configurations = (folder: vscode.WorkspaceFolder | undefined) => provider.configurations(folder, true);
  return {
    runs,
    provider,
    configurations,
    disposables: [
      runs,
      commands.register('serverlessExplorer.debugLocal', (target?: unknown) => debugLocal(workspace, target)),
      commands.register('serverlessExplorer.reinvoke', () => runs.invokeAgain()),
    ],
  };
}
