import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { describeAwsError } from '../../core/aws/errors';
import { listSavedEvents } from '../../core/events/savedEvents';
import type { SavedEvent } from '../../core/events/savedEvents';
import type { SampleEvent } from '../../core/events/types';
import type { InvokeResult } from '../../core/lambda/invoke';
import { looksLikeProduction } from '../../core/lambda/invoke';
import { checkPayload } from '../../core/lambda/payload';
import type { InvocationType } from '../../core/lambda/payload';
import type { AwsExplorer } from '../explorer/awsExplorer';
import { FunctionNode, SavedEventNode } from '../explorer/nodes/lambdaNodes';
import { buildSampleEvent } from '../events/eventParameters';
import { SECTION } from '../settings';
import { InvokeResultPanel } from '../webviews/invokeResultPanel';
import type { InvokeView } from '../webviews/invokeMessages';
import { pickFunction } from './pickFunction';
import type { PickedFunction } from './pickFunction';

/** For callers other than a person (tests, keybindings, other extensions): what to skip asking. */
export interface InvokeOptions {
  /** A catalogue id ("s3 put"), with optional parameters. */
  readonly eventId?: string;
  readonly params?: Readonly<Record<string, string>>;
  /** The event as JSON text. */
  readonly payload?: string;
  readonly invocationType?: InvocationType;
  /** Version or alias; "" or "$LATEST" for the latest. */
  readonly qualifier?: string;
}

export type InvokeOutcome =
  | { readonly status: 'invoked'; readonly result: InvokeResult }
  | { readonly status: 'refused' | 'failed'; readonly message: string }
  | { readonly status: 'cancelled' };

interface EventChoice {
  readonly label: string;
  readonly json: string;
  readonly editor?: vscode.TextEditor;
}

const CANCELLED: InvokeOutcome = { status: 'cancelled' };

/** `serverlessExplorer.invoke`: function → event → invocation type → qualifier → invoke, then the result view. */
export async function invokeCommand(explorer: AwsExplorer, extensionUri: vscode.Uri, target?: unknown, options: InvokeOptions = {}): Promise<InvokeOutcome> {
  const picked: PickedFunction | undefined =
    target instanceof FunctionNode
      ? { session: target.session, fn: target.fn }
      : target instanceof SavedEventNode
        ? { session: target.fn.session, fn: target.fn.fn }
        : await pickFunction(explorer, 'Invoke which function?');
  if (!picked) return CANCELLED;
  const { sdk, clients } = explorer.ctx;
  const client = clients.client(sdk.LambdaClient, picked.session);
  const name = picked.fn.name;

  const event = target instanceof SavedEventNode ? await readSaved(target.saved) : await chooseEvent(explorer, picked, options);
  if (!event) return CANCELLED;
  const invocationType = options.invocationType ?? (await chooseInvocationType(name));
  if (!invocationType) return CANCELLED;
  const qualifier = options.qualifier ?? (await chooseQualifier(explorer, picked));
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
  if (!(await confirmInvoke(explorer, picked, qualifier))) return CANCELLED;

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
          return sdk.invokeFunction(client, { functionName: name, qualifier: qualifier || undefined, invocationType, payload: check.text }, controller.signal);
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

function viewOf(result: InvokeResult): Omit<InvokeView, 'functionName' | 'profile' | 'region' | 'qualifier' | 'invocationType' | 'eventLabel' | 'at'> {
  let payload = result.payload;
  try {
    payload = JSON.stringify(JSON.parse(result.payload), null, 2);
  } catch {
    // not JSON: shown as it came
  }
  return { statusCode: result.statusCode, functionError: result.functionError, payload, logTail: result.logTail, report: result.report, executedVersion: result.executedVersion, requestId: result.requestId, elapsedMs: result.elapsedMs };
}

async function readSaved(saved: SavedEvent): Promise<EventChoice> {
  return { label: `saved: ${saved.name}`, json: await fs.readFile(saved.file, 'utf8') };
}

interface EventItem extends vscode.QuickPickItem {
  readonly choose?: () => Promise<EventChoice | undefined>;
}

async function chooseEvent(explorer: AwsExplorer, picked: PickedFunction, options: InvokeOptions): Promise<EventChoice | undefined> {
  const { sdk, clients } = explorer.ctx;
  if (options.payload !== undefined) return { label: 'given payload', json: options.payload };
  if (options.eventId) {
    const event = sdk.findEventById(options.eventId);
    return { label: options.eventId, json: JSON.stringify(sdk.generateEvent(event, options.params ?? {}), null, 2) };
  }
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const saved = root ? await listSavedEvents(root, picked.fn.name).catch(() => []) : [];
  // The function's own trigger sources first: SQS for an SQS mapping, Lambda for a function URL…
  const triggerServices = await sdk
    .listTriggers(clients.client(sdk.LambdaClient, picked.session), picked.fn.name)
    .then((triggers) => triggers.map((t) => (t.kind === 'function-url' ? 'lambda' : (t.arn?.split(':')[2] ?? ''))))
    .catch(() => [] as string[]);
  const editor = vscode.window.activeTextEditor;
  const items: EventItem[] = [];
  if (saved.length) {
    items.push({ label: 'Saved test events', kind: vscode.QuickPickItemKind.Separator });
    items.push(...saved.map((s) => ({ label: `$(beaker) ${s.name}`, description: vscode.workspace.asRelativePath(s.file), choose: () => readSaved(s) })));
  }
  if (editor && editor.document.getText().trim()) {
    items.push({ label: 'Editor', kind: vscode.QuickPickItemKind.Separator });
    items.push({
      label: '$(file-code) The JSON in the active editor',
      description: vscode.workspace.asRelativePath(editor.document.uri),
      choose: async () => ({ label: vscode.workspace.asRelativePath(editor.document.uri), json: editor.document.getText(), editor }),
    });
  }
  const groups = new Map<string, SampleEvent[]>();
  for (const event of sdk.CATALOG) groups.set(event.group, [...(groups.get(event.group) ?? []), event]);
  const ownGroups = new Set(sdk.CATALOG.filter((e) => triggerServices.includes(e.service)).map((e) => e.group));
  const ordered = [...groups].sort(([a], [b]) => Number(ownGroups.has(b)) - Number(ownGroups.has(a)) || a.localeCompare(b));
  for (const [group, events] of ordered) {
    items.push({ label: ownGroups.has(group) ? `${group} (a trigger of this function)` : group, kind: vscode.QuickPickItemKind.Separator });
    items.push(
      ...events.map((event) => ({
        label: event.title,
        description: sdk.eventId(event),
        choose: async () => {
          const built = await buildSampleEvent(event);
          return built && { label: sdk.eventId(event), json: built.json };
        },
      })),
    );
  }
  const choice = await vscode.window.showQuickPick(items, { title: `Invoke ${picked.fn.name} with which event?`, placeHolder: 'A saved event, the active editor, or a sample event', matchOnDescription: true });
  return choice?.choose?.();
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

async function chooseQualifier(explorer: AwsExplorer, picked: PickedFunction): Promise<string | undefined> {
  const { sdk, clients } = explorer.ctx;
  const client = clients.client(sdk.LambdaClient, picked.session);
  const [aliases, versions] = await Promise.all([
    sdk.listAliases(client, picked.fn.name).catch(() => []),
    sdk.listVersions(client, picked.fn.name).catch(() => []),
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
async function confirmInvoke(explorer: AwsExplorer, picked: PickedFunction, qualifier: string): Promise<boolean> {
  const mode = vscode.workspace.getConfiguration(SECTION).get<string>('confirmInvoke', 'production');
  if (mode === 'never') return true;
  let reason: string | undefined;
  if (mode === 'production') {
    const { sdk, clients } = explorer.ctx;
    const tags = await sdk.functionTags(clients.client(sdk.LambdaClient, picked.session), picked.fn.arn).catch(() => ({}));
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
