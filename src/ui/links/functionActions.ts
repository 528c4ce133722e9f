import * as vscode from 'vscode';
import type { AwsSession } from '../../core/aws/sessions';
import type { FunctionNode } from '../explorer/nodes/lambdaNodes';

// Built in another feature (pull): offered only where this build registers it.
const PULL_COMMAND = 'serverlessExplorer.pullFunction';

/**
 * What a person opens a function link for, as buttons: nothing runs until one is clicked. Resolves when the
 * notification is answered or dismissed.
 */
export async function offerFunctionActions(fn: FunctionNode, session: AwsSession, qualifier: string | undefined): Promise<void> {
  const actions: { title: string; run: () => Thenable<unknown> }[] = [
    { title: 'Invoke…', run: () => vscode.commands.executeCommand('serverlessExplorer.invoke', fn, qualifier ? { qualifier } : undefined) },
    { title: 'Open Monitor', run: () => vscode.commands.executeCommand('serverlessExplorer.openMonitor', fn) },
  ];
  if ((await vscode.commands.getCommands(true)).includes(PULL_COMMAND)) {
    const target = { session, fn: { name: fn.fn.name, arn: fn.fn.arn } };
    actions.push({ title: 'Pull to Debug Locally', run: () => vscode.commands.executeCommand(PULL_COMMAND, target, qualifier ? { qualifier } : undefined) });
  }
  const at = `${qualifier && qualifier !== '$LATEST' ? `${fn.fn.name}:${qualifier}` : fn.fn.name} (profile "${session.profile}", ${session.region})`;
  const choice = await vscode.window.showInformationMessage(`${at} is selected in the AWS view.`, ...actions.map((a) => a.title));
  const action = actions.find((a) => a.title === choice);
  if (!action) return;
  try {
    await action.run();
  } catch (error) {
    void vscode.window.showErrorMessage(`${action.title} could not start for ${fn.fn.name}: ${(error as Error).message}`);
  }
}
