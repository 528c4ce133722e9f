import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { LocalFunctionDefinition } from '../../core/local/types';
import { checkEventName, saveEvent, savedEventFile } from '../../core/events/savedEvents';
import { findLocalFunction } from '../../core/local/functionLookup';
import type { ReplayEventMessage } from '../../shared/monitorMessages';
import type { AwsConnection } from '../aws/awsConnection';
import { lambdaSdk } from '../aws/sdk';
import type { AwsExplorer } from '../explorer/awsExplorer';
import type { WorkspaceFunctionsService } from '../local/workspaceFunctionsService';

/** What the Monitor's replay actions need from the rest of the extension. */
export interface ReplayDeps {
  readonly aws: AwsConnection;
  readonly workspace: WorkspaceFunctionsService;
  readonly explorer: AwsExplorer;
}

export interface ReplayTarget {
  readonly profile: string;
  readonly region: string;
  readonly functionName: string;
}

/** What an action did: for the integration tests (a person sees the result view, the saved file, a message). */
export type ReplayOutcome =
  | { readonly status: 'ran'; readonly outcome: unknown }
  | { readonly status: 'saved'; readonly file: string }
  | { readonly status: 'noLocalFunction' | 'cancelled' | 'failed'; readonly message?: string };

/** The id of the command that pulls a deployed function into the workspace (.serverless-explorer/pulled/). */
export const PULL_FUNCTION_COMMAND = 'serverlessExplorer.pullFunction';

/** Acts on an invocation's logged event: run the workspace's copy, invoke the deployed function, or save it. */
export async function replayLoggedEvent(deps: ReplayDeps, target: ReplayTarget, message: ReplayEventMessage): Promise<ReplayOutcome> {
  const label = `logged event of ${message.requestId}`;
  try {
    switch (message.action) {
      case 'replayLocally':
        return await replayLocally(deps, target, message, label);
      case 'invokeDeployed':
        return await invokeDeployed(deps, target, message, label);
      case 'saveTestEvent':
        return await saveAsTestEvent(deps, target, message);
    }
  } catch (error) {
    // The page posted and moved on: nothing would show a failure but this.
    const what = { replayLocally: `replay the ${label} locally`, invokeDeployed: `invoke ${target.functionName} with the ${label}`, saveTestEvent: `save the ${label} as a test event` }[message.action];
    const text = `Could not ${what} (${target.profile} · ${target.region}): ${(error as Error).message}`;
    void vscode.window.showErrorMessage(text);
    return { status: 'failed', message: text };
  }
}


async function replayLocally(deps: ReplayDeps, target: ReplayTarget, message: ReplayEventMessage, label: string): Promise<ReplayOutcome> {
  const functions = await deps.workspace.functions();
  const definition = findLocalFunction(functions, target.functionName);
  if (!definition) {
    void offerPull(deps, target, message, label);
    return { status: 'noLocalFunction', message: target.functionName };
  }
  return runLocally(definition, message.event, label);
}

/** Through the command, so that Restricted Mode's gate and the one local invoker apply as for any local run. */
async function runLocally(definition: LocalFunctionDefinition, event: string, label: string): Promise<ReplayOutcome> {
  const outcome = await vscode.commands.executeCommand('serverlessExplorer.invokeLocal', undefined, { definition, payload: event, payloadLabel: label });
  return { status: 'ran', outcome };
}

/** No local copy: pull the version that logged the event (its START line's), then replay the event on it. */
async function offerPull(deps: ReplayDeps, target: ReplayTarget, message: ReplayEventMessage, label: string): Promise<void> {
  const pull = 'Pull and Replay';
  const version = message.version && message.version !== '$LATEST' ? message.version : undefined;
  const answer = await vscode.window.showWarningMessage(
    `No function in this workspace is ${target.functionName} (by name or deployed name, e.g. a template's FunctionName). Pull the deployed function${version ? ` at version ${version}, which logged the event,` : ''} to replay the event on its code locally.`,
    pull,
  );
  if (answer !== pull) return;
  try {
    const arn = await arnOf(deps, target);
    const pulled = (await vscode.commands.executeCommand(PULL_FUNCTION_COMMAND, { session: { profile: target.profile, region: target.region }, fn: { name: target.functionName, arn } }, { ...(version ? { qualifier: version } : {}), quiet: true })) as
      | { status: string; definition?: LocalFunctionDefinition }
      | undefined;
    if (pulled?.status === 'pulled' && pulled.definition) await runLocally(pulled.definition, message.event, label);
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not pull ${target.functionName} (${target.profile} · ${target.region}): ${(error as Error).message}`);
  }
}

function arnOf(deps: ReplayDeps, target: ReplayTarget): Promise<string> {
  const { LambdaClient, functionArn } = lambdaSdk();
  return functionArn(deps.aws.clients.client(LambdaClient, { profile: target.profile, region: target.region }), target.functionName);
}

async function invokeDeployed(deps: ReplayDeps, target: ReplayTarget, message: ReplayEventMessage, label: string): Promise<ReplayOutcome> {
  let arn: string;
  try {
    arn = await arnOf(deps, target);
  } catch (error) {
    const text = `Could not find ${target.functionName} in ${target.profile} · ${target.region} to invoke it: ${(error as Error).message}. Refresh the explorer; it may have been deleted or renamed.`;
    void vscode.window.showErrorMessage(text);
    return { status: 'failed', message: text };
  }
  // The version that logged the event, when its START line says; serverlessExplorer.invoke still confirms production.
  const qualifier = message.version === undefined ? undefined : message.version === '$LATEST' ? '' : message.version;
  const outcome = await vscode.commands.executeCommand(
    'serverlessExplorer.invoke',
    { session: { profile: target.profile, region: target.region }, fn: { name: target.functionName, arn } },
    { payload: message.event, payloadLabel: label, invocationType: 'RequestResponse', qualifier },
  );
  return { status: 'ran', outcome };
}

/** `logged-2026-12-04T01-21-05-8f507cfc`: when it ran and whose event, within checkEventName's characters. */
export function defaultEventName(requestId: string, timestamp: number): string {
  const time = new Date(timestamp).toISOString().slice(0, 19).replace(/:/g, '-');
  return `logged-${time}-${requestId.slice(0, 8)}`;
}

async function saveAsTestEvent(deps: ReplayDeps, target: ReplayTarget, message: ReplayEventMessage): Promise<ReplayOutcome> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!root) {
    const text = 'Open a folder first: test events are saved in it, under .vscode/lambda-events/<function>/, to share through git.';
    void vscode.window.showWarningMessage(text);
    return { status: 'failed', message: text };
  }
  const functionName = target.functionName;
  const name = await vscode.window.showInputBox({
    title: `Save the logged event of ${message.requestId} as a test event for ${functionName}`,
    prompt: `Saved as .vscode/lambda-events/${functionName}/<name>.json`,
    value: defaultEventName(message.requestId, message.timestamp),
    validateInput: checkEventName,
  });
  if (!name) return { status: 'cancelled' };
  const file = savedEventFile(root, functionName, name);
  if (fs.existsSync(file)) {
    const answer = await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(file)} exists. Replace it?`, { modal: true }, 'Replace');
    if (answer !== 'Replace') return { status: 'cancelled' };
  }
  try {
    await saveEvent(root, functionName, name, message.event);
  } catch (error) {
    const text = `Could not save ${vscode.workspace.asRelativePath(file)}: ${(error as Error).message}`;
    void vscode.window.showErrorMessage(text);
    return { status: 'failed', message: text };
  }
  deps.explorer.refreshSavedEvents(functionName);
  void vscode.window.showInformationMessage(`Saved ${vscode.workspace.asRelativePath(file)}: it is listed under ${functionName}'s Test Events; commit it to share it.`, 'Open').then((open) => {
    if (open) void vscode.window.showTextDocument(vscode.Uri.file(file));
  });
  return { status: 'saved', file };
}
