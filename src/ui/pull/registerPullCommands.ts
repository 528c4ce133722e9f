import type * as vscode from 'vscode';
import type { UiDeps } from '../uiDeps';
import { pullCommand, type PullOptions } from './pullCommand';

/** Pull a deployed function down to run and debug it locally. */
export function registerPullCommands({ aws, workspace, commands }: UiDeps): vscode.Disposable[] {
  return [commands.register('serverlessExplorer.pullFunction', (target?: unknown, options?: PullOptions) => pullCommand(aws, workspace, target, options))];
}
