import * as vscode from 'vscode';
import type { UiDeps } from '../uiDeps';
import { invokeCommand } from './invokeCommand';
import type { InvokeOptions } from './invokeCommand';

/** Invoke a deployed function with a sample or saved event. */
export function registerInvokeCommands({ aws, extensionUri, commands }: UiDeps): vscode.Disposable[] {
  return [commands.register('serverlessExplorer.invoke', (target?: unknown, options?: InvokeOptions) => invokeCommand(aws, extensionUri, target, options))];
}
