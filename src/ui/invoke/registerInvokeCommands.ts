import * as vscode from 'vscode';
import type { UiDeps } from '../uiDeps';
import { invokeCommand } from './invokeCommand';
import type { InvokeOptions } from './invokeCommand';

/** Invoke a deployed function with a sample or saved event. */
export function registerInvokeCommands({ aws, extensionUri }: UiDeps): vscode.Disposable[] {
  return [vscode.commands.registerCommand('serverlessExplorer.invoke', (target?: unknown, options?: InvokeOptions) => invokeCommand(aws, extensionUri, target, options))];
}
