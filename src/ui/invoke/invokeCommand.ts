import * as vscode from 'vscode';
import { describeAwsError } from '../../core/aws/errors';
import type { InvokeResult } from '../../core/lambda/invoke';
import { looksLikeProduction } from '../../core/lambda/production';
import { checkPayload } from '../../core/lambda/payload';
import type { InvocationType } from '../../core/lambda/payload';
import type { AwsConnection } from '../aws/awsConnection';
import { FunctionNode, SavedEventNode } from '../explorer/nodes/lambdaNodes';
import { chooseEvent, readSaved } from '../events/chooseEvent';
import { setting } from '../settings';
import { InvokeResultPanel } from './invokeResultPanel';
import type { InvokeView } from '../../shared/invokeMessages';
import { pickFunction } from './pickFunction';
import type { PickedFunction } from './pickFunction';
import { lambdaSdk } from '../aws/sdk';

/** For callers other than a person (tests, keybindings, other extensions): what to skip asking. */
export interface InvokeOptions {
  /** A catalogue id ("s3 put"), with optional parameters. */
  readonly eventId?: string;
  readonly params?: Readonly<Record<string, string>>;
  /** The event as JSON text. */
  readonly payload?: string;
  /** What the result view calls `payload` (default "given payload"). */
  readonly payloadLabel?: string;
  readonly invocationType?: InvocationType;
  /** Version or alias; "" or "$LATEST" for the latest. */
  readonly qualifier?: string;
}

export type InvokeOutcome =
  | { readonly status: 'invoked'; readonly result: InvokeResult }
  | { readonly status: 'refused' | 'failed'; readonly message: string }
  | { readonly status: 'cancelled' };

const CANCELLED: InvokeOutcome = { status: 'cancelled' };

/** `serverlessExplorer.invoke`: function → event → invocation type → qualifier → invoke, then the result view. */
export async function invokeCommand(aws: AwsConnection, extensionUri: vscode.Uri, target?: unknown, options: InvokeOptions = {}): Promise<InvokeOutcome> {
  const picked: PickedFunction | undefined =
    target instanceof FunctionNode
      ? { session: target.session, fn: target.fn }
      : target instanceof SavedEventNode
        ? { session: target.fn.session, fn: target.fn.fn }
        : (asPickedFunction(target) ?? (await pickFunction(aws, 'Invoke which function?')));
  if (!picked) return CANCELLED;
  const { clients } = aws;
  const client = clients.client(lambdaSdk().LambdaClient, picked.session);
  const name = picked.fn.name;

  const event = target instanceof SavedEventNode ? await readSaved(target.saved) : await chooseEvent(picked.fn.name, () => triggerServices(aws, picked), options);
  if (!event) return CANCELLED;
  const invocationType = options.invocationType ?? (await chooseInvocationType(name));
  if (!invocationType) return CANCELLED;
  const qualifier = options.qualifier ?? (await chooseQualifier(aws, picked));
  if (qualifier === undefined) return CANCELLED;

  const check = checkPayload(event.json, invocationType);
  if (!check.ok) {
    void vscode.window.showErrorMessage(check.message);
    if (event.editor && check.line !== undefined) {
      const position = new vscode.Position(check.line - 1, Math.max(0, (check.column ?? 1) - 1));
      event.editor.selection = new vscode.Selection(position, position);
      event.editor.revealRange(new vscode.Range(position, position));
    }
    return { status: 'refused', message: check.message };
  }
  if (!(await confirmInvoke(aws, picked, qualifier))) return CANCELLED;

  const run = async (): Promise<InvokeOutcome> => {
    const panel = InvokeResultPanel.show(extensionUri);
    panel.running(name, () => void run());
    const base = {
      functionName: name,
      profile: picked.session.profile,
      region: picked.session.region,
      qualifier: qualifier || '$LATEST',
      invocationType,
      eventLabel: event.label,
      at: new Date().toISOString(),
    };
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Invoking ${name}${qualifier ? `:${qualifier}` : ''}…`, cancellable: true },
        (_progress, token) => {
          const controller = new AbortController();
          token.onCancellationRequested(() => controller.abort());
          return lambdaSdk().invokeFunction(client, { functionName: name, qualifier: qualifier || undefined, invocationType, payload: check.text }, controller.signal);
        },
      );
      panel.result({ ...base, ...viewOf(result) });
      return { status: 'invoked', result };
    } catch (error) {
      const problem = describeAwsError(error, picked.session, `invoke ${name}`, clients.endpointUrl);
      panel.result({ ...base, payload: '', elapsedMs: 0, error: { title: problem.title, detail: problem.detail } });
      void vscode.window.showErrorMessage(`${problem.title}: ${problem.detail}`);
      return { status: 'failed', message: problem.detail };
    }
  };
  return run();
}

/** A plain `{ session, fn }` (what a CodeLens passes), recognised by its shape: it may come through a command's arguments. */
function asPickedFunction(target: unknown): PickedFunction | undefined {
  if (!target || typeof target !== 'object') return undefined;
  const { session, fn } = target as { session?: { profile?: unknown; region?: unknown }; fn?: { name?: unknown; arn?: unknown } };
  const valid = typeof session?.profile === 'string' && typeof session.region === 'string' && typeof fn?.name === 'string' && typeof fn.arn === 'string';
  return valid ? (target as PickedFunction) : undefined;
}

function viewOf(result: InvokeResult): Omit<InvokeView, 'functionName' | 'profile' | 'region' | 'qualifier' | 'invocationType' | 'eventLabel' | 'at'> {
  let payload = result.payload;
  try {
    payload = JSON.stringify(JSON.parse(result.payload), null, 2);
  } catch {
    // not JSON: shown as it came
  }
  return { statusCode: result.statusCode, functionError: result.functionError, payload, logTail: result.logTail, report: result.report, executedVersion: result.executedVersion, requestId: result.requestId, elapsedMs: result.elapsedMs };
}

/** The services of the function's triggers (sqs, kinesis…, lambda for a function URL), to offer their events first. */
async function triggerServices(aws: AwsConnection, picked: PickedFunction): Promise<string[]> {
  const { clients } = aws;
  return lambdaSdk().listTriggers(clients.client(lambdaSdk().LambdaClient, picked.session), picked.fn.name)
    .then((triggers) => triggers.map((t) => (t.kind === 'function-url' ? 'lambda' : (t.arn?.split(':')[2] ?? ''))))
    .catch(() => []);
}

async function chooseInvocationType(name: string): Promise<InvocationType | undefined> {
  const choice = await vscode.window.showQuickPick(
    [
      { label: 'RequestResponse', description: 'synchronous: wait for the response and the log tail', type: 'RequestResponse' as const },
      { label: 'Event', description: 'asynchronous: queue it and return at once', type: 'Event' as const },
      { label: 'DryRun', description: 'check parameters and permissions without running', type: 'DryRun' as const },
    ],
    { title: `Invoke ${name}: how?` },
  );
  return choice?.type;
}

async function chooseQualifier(aws: AwsConnection, picked: PickedFunction): Promise<string | undefined> {
  const { clients } = aws;
  const client = clients.client(lambdaSdk().LambdaClient, picked.session);
  const [aliases, versions] = await Promise.all([
    lambdaSdk().listAliases(client, picked.fn.name).catch(() => []),
    lambdaSdk().listVersions(client, picked.fn.name).catch(() => []),
  ]);
  if (aliases.length === 0 && versions.length === 0) return '';
  const choice = await vscode.window.showQuickPick(
    [
      { label: '$LATEST', description: 'the unpublished code', value: '' },
      ...aliases.map((a) => ({ label: a.name, description: `alias → version ${a.version}`, value: a.name })),
      ...versions.map((v) => ({ label: v.version ?? '', description: `version${v.description ? ` — ${v.description}` : ''}`, value: v.version ?? '' })),
    ],
    { title: `Invoke ${picked.fn.name}: which version or alias?` },
  );
  return choice?.value;
}

/** Asks first when `serverlessExplorer.confirmInvoke` says so: always, or (the default) for what looks like production. */
async function confirmInvoke(aws: AwsConnection, picked: PickedFunction, qualifier: string): Promise<boolean> {
  const mode = setting('confirmInvoke');
  if (mode === 'never') return true;
  let reason: string | undefined;
  if (mode === 'production') {
    const { clients } = aws;
    const tags = await lambdaSdk().functionTags(clients.client(lambdaSdk().LambdaClient, picked.session), picked.fn.arn).catch(() => ({}));
    reason = looksLikeProduction(picked.fn.name, qualifier, tags);
    if (!reason) return true;
  }
  const where = `${picked.session.profile} · ${picked.session.region}`;
  const answer = await vscode.window.showWarningMessage(
    `Invoke ${picked.fn.name}${qualifier ? `:${qualifier}` : ''} (${where})?`,
    { modal: true, detail: reason ? `It looks like production: ${reason}. Real side effects may follow.` : 'serverlessExplorer.confirmInvoke is set to always.' },
    'Invoke',
  );
  return answer === 'Invoke';
}
