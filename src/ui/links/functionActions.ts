import * as vscode from 'vscode';
import type { AwsSession } from '../../core/aws/sessions';
import type { FunctionNode } from '../explorer/nodes/lambdaNodes';

/** A button of the notification a revealed link shows: a command and its arguments, run only when clicked. */
export interface FunctionAction {
  readonly title: string;
  readonly command: string;
  readonly arguments: readonly unknown[];
}

// Another feature's command (pull): offered only where this build registers it.
const PULL_COMMAND = 'serverlessExplorer.pullFunction';

/** What a person opens a function link for: Invoke…, Open Monitor and, where the build has it, Pull to Debug Locally. */
export async function functionActions(fn: FunctionNode, session: AwsSession, qualifier: string | undefined): Promise<FunctionAction[]> {
  const options = qualifier ? [{ qualifier }] : [];
  const actions: FunctionAction[] = [
    { title: 'Invoke…', command: 'serverlessExplorer.invoke', arguments: [fn, ...options] },
    { title: 'Open Monitor', command: 'serverlessExplorer.openMonitor', arguments: [fn] },
  ];
  if ((await vscode.commands.getCommands(true)).includes(PULL_COMMAND)) {
    actions.push({ title: 'Pull to Debug Locally', command: PULL_COMMAND, arguments: [{ session, fn: { name: fn.fn.name, arn: fn.fn.arn } }, ...options] });
  }
  return actions;
}

/** The notification with those buttons; resolves when one is clicked (and its command has run) or it is dismissed. */
export async function offerFunctionActions(message: string, actions: readonly FunctionAction[], what: string): Promise<void> {
  const choice = await vscode.window.showInformationMessage(message, ...actions.map((a) => a.title));
  const action = actions.find((a) => a.title === choice);
  if (!action) return;
  try {
    await vscode.commands.executeCommand(action.command, ...action.arguments);
  } catch (error) {
    void vscode.window.showErrorMessage(`${action.title} could not start for ${what}: ${(error as Error).message}`);
  }
}
