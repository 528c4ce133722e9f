import * as vscode from 'vscode';
import type { AwsSession } from '../../core/aws/sessions';
import type { LambdaFunction } from '../../core/lambda/functions';
import type { AwsConnection } from '../aws/awsConnection';
import { lambdaSdk } from '../aws/sdk';

export interface PickedFunction {
  readonly session: AwsSession;
  readonly fn: LambdaFunction;
}

interface FunctionItem extends vscode.QuickPickItem {
  readonly target?: PickedFunction;
}

/** A picker over the functions of every profile and region the explorer shows; they appear as pages arrive. */
export async function pickFunction(aws: AwsConnection, title: string): Promise<PickedFunction | undefined> {
  const sessions = await aws.sessions();
  if (sessions.length === 0) {
    void vscode.window.showWarningMessage('No AWS profile is selected: open the Serverless Explorer AWS view to set one up.');
    return undefined;
  }
  const { clients } = aws;
  const quickPick = vscode.window.createQuickPick<FunctionItem>();
  quickPick.title = title;
  quickPick.placeholder = 'Type to find a function';
  quickPick.matchOnDescription = true;
  quickPick.busy = true;
  const controller = new AbortController();
  const items: FunctionItem[] = [];
  const failures: string[] = [];
  const listing = Promise.all(
    sessions.map((session) =>
      lambdaSdk().listFunctions(
          clients.client(lambdaSdk().LambdaClient, session),
          (fns) => {
            items.push(...fns.map((fn) => ({ label: fn.name, description: `${session.profile} · ${session.region}`, detail: [fn.runtime, fn.description].filter(Boolean).join(' — '), target: { session, fn } })));
            items.sort((a, b) => a.label.localeCompare(b.label));
            quickPick.items = [...items];
          },
          controller.signal,
        )
        .catch((error: Error) => failures.push(`${session.profile} · ${session.region}: ${error.message}`)),
    ),
  );
  void listing.then(() => {
    quickPick.busy = false;
    if (failures.length) quickPick.placeholder = `Some regions could not be listed (${failures.join('; ')})`;
    if (items.length === 0) quickPick.placeholder = 'No functions found in the selected profiles and regions';
  });
  quickPick.show();
  const choice = await new Promise<PickedFunction | undefined>((resolve) => {
    quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]?.target));
    quickPick.onDidHide(() => resolve(undefined));
  });
  controller.abort();
  quickPick.dispose();
  return choice;
}
