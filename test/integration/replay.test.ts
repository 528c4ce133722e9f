import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, DeleteLogGroupCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateFunctionCommand, DeleteFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import * as vscode from 'vscode';
import { groupLambdaLogs } from '../../src/core/logs/lambdaLogs';
import { findLoggedEvent } from '../../src/core/logs/loggedEvent';
import type { ServerlessExplorerApi } from '../../src/extension';
import type { LogEvent } from '../../src/shared/logEvent';
import type { HostMessage, ReplayEventMessage } from '../../src/shared/monitorMessages';
import type { MonitorPanel } from '../../src/ui/monitor/monitorPanel';
import type { ReplayOutcome } from '../../src/ui/monitor/replayLoggedEvent';
import { DEMO } from '../support/seed';
import { activatedApi, resetSettings, setSetting } from './helpers';

// Replay from the logs, in the real extension host against moto: a deployed function named like a workspace function
// (HelloNode of the sample app) whose log group holds an invocation that logged its event with Powertools, and one
// that logged none. The Monitor relays them; its actions run the workspace function, invoke the deployed one (moto
// answers with the payload it received) and save the event under .vscode/lambda-events/.

const FUNCTION = 'HelloNode';
const GROUP = `/aws/lambda/${FUNCTION}`;
const WITH_EVENT = '5e6f7a8b-0000-4000-8000-00000000e001';
const WITHOUT_EVENT = '5e6f7a8b-0000-4000-8000-00000000e002';
const EVENT = { Records: [{ eventSource: 'aws:sqs', messageId: 'm-1', body: '{"orderId":42,"note":"<b>not html</b>"}' }] };
const EMPTY_ZIP = Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

const config = () => ({ endpoint: process.env.SE_MOTO_ENDPOINT, region: DEMO.region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 });

async function until<T>(what: string | (() => string), probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Monitor: replay an invocation from its logged event (moto)', function () {
  this.timeout(90_000);
  let api: ServerlessExplorerApi;
  let recording: vscode.Disposable;
  const posted: HostMessage[] = [];
  const started = Date.now() - 10 * 60_000;
  let root: string;

  before(async () => {
    api = await activatedApi();
    root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    recording = api.onDidPostMonitorMessage(({ message }) => posted.push(message));
    await setSetting('profiles', ['moto']);
    await setSetting('endpointUrl', process.env.SE_MOTO_ENDPOINT);
    await new LambdaClient(config()).send(
      new CreateFunctionCommand({ FunctionName: FUNCTION, Runtime: 'nodejs20.x', Handler: 'index.handler', Role: `arn:aws:iam::${DEMO.account}:role/demo-lambda-role`, Code: { ZipFile: EMPTY_ZIP } }),
    );
    const logs = new CloudWatchLogsClient(config());
    const stream = '2026/01/01/[$LATEST]replay0000000000000000000000000';
    await logs.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: stream }));
    const iso = (t: number) => new Date(t).toISOString();
    const powertools = { level: 'INFO', message: 'Lambda invocation event', service: 'orders', timestamp: iso(started + 1), cold_start: true, function_name: FUNCTION, function_request_id: WITH_EVENT, event: EVENT };
    const lines = [
      `START RequestId: ${WITH_EVENT} Version: $LATEST`,
      JSON.stringify(powertools),
      `${iso(started + 2)}\t${WITH_EVENT}\tINFO\trecords 1`,
      `END RequestId: ${WITH_EVENT}`,
      `REPORT RequestId: ${WITH_EVENT}\tDuration: 12.00 ms\tBilled Duration: 12 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\t`,
      `START RequestId: ${WITHOUT_EVENT} Version: $LATEST`,
      `${iso(started + 60_002)}\t${WITHOUT_EVENT}\tINFO\trecords 0`,
      `END RequestId: ${WITHOUT_EVENT}`,
      `REPORT RequestId: ${WITHOUT_EVENT}\tDuration: 3.00 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\t`,
    ];
    const at = [0, 1, 2, 3, 4, 60_000, 60_002, 60_003, 60_004];
    await logs.send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: stream, logEvents: lines.map((message, i) => ({ timestamp: started + at[i], message })) }));
  });

  afterEach(() => {
    for (const panel of api.monitors()) panel.dispose();
  });

  after(async () => {
    recording.dispose();
    await new LambdaClient(config()).send(new DeleteFunctionCommand({ FunctionName: FUNCTION })).catch(() => undefined);
    await new CloudWatchLogsClient(config()).send(new DeleteLogGroupCommand({ logGroupName: GROUP })).catch(() => undefined);
    fs.rmSync(path.join(root, '.vscode', 'lambda-events', FUNCTION), { recursive: true, force: true });
    await resetSettings();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const open = async (functionName = FUNCTION) => (await vscode.commands.executeCommand('serverlessExplorer.openMonitor', { kind: 'lambda', profile: 'moto', region: DEMO.region, functionName })) as MonitorPanel;

  /** Every event of the page's first load, once it is done. */
  async function loadedEvents(): Promise<LogEvent[]> {
    const done = await until(() => `the page to load the last hour (so far: ${JSON.stringify(posted.filter((m) => m.type !== 'init'))})`, () => posted.find((m): m is Extract<HostMessage, { type: 'logs' }> => m.type === 'logs' && m.done));
    return posted.flatMap((m) => (m.type === 'logs' && m.requestId === done.requestId ? m.events : []));
  }

  /** The replay message the page posts for the invocation that logged its event (what the page's actions row sends). */
  async function replayMessage(action: ReplayEventMessage['action']): Promise<ReplayEventMessage> {
    const events = await loadedEvents();
    const invocations = groupLambdaLogs(events).invocations;
    const logged = findLoggedEvent(invocations.find((i) => i.requestId === WITH_EVENT)!);
    assert.ok(logged?.found);
    return { type: 'replayEvent', action, requestId: WITH_EVENT, timestamp: started, version: '$LATEST', source: logged.source, event: JSON.stringify(logged.event, null, 2) };
  }

  it('relays the invocations so that one offers its Powertools event and the other nothing', async () => {
    posted.length = 0;
    await open();
    const message = await replayMessage('invokeDeployed');
    assert.equal(message.source, 'powertools');
    assert.deepEqual(JSON.parse(message.event), EVENT);
    const without = groupLambdaLogs(await loadedEvents()).invocations.find((i) => i.requestId === WITHOUT_EVENT);
    assert.ok(without, 'the invocation without an event is loaded too');
    assert.equal(findLoggedEvent(without), undefined);
  });

  it('Invoke deployed with this event: the deployed function receives exactly that payload, on the version that logged it', async () => {
    posted.length = 0;
    const panel = await open();
    const outcome = (await panel.receive(await replayMessage('invokeDeployed'))) as ReplayOutcome;
    assert.equal(outcome.status, 'ran', JSON.stringify(outcome));
    assert.equal((outcome as { outcome: { status: string } }).outcome.status, 'invoked');
    const view = api.invokeResult()!.lastView!;
    assert.equal(view.functionName, FUNCTION);
    assert.equal(view.qualifier, '$LATEST');
    assert.equal(view.eventLabel, `logged event of ${WITH_EVENT}`);
    // moto echoes the request payload: the response is the event that was sent.
    assert.deepEqual(JSON.parse(view.payload), EVENT);
  });

  it('Replay locally: runs the workspace function of that name with the event, and its result shows', async () => {
    posted.length = 0;
    const panel = await open();
    const outcome = (await panel.receive(await replayMessage('replayLocally'))) as ReplayOutcome;
    assert.equal(outcome.status, 'ran', JSON.stringify(outcome));
    const view = api.invokeResult()!.lastView!;
    assert.equal(view.functionName, FUNCTION);
    assert.equal(view.eventLabel, `logged event of ${WITH_EVENT}`);
    const result = JSON.parse(view.payload) as { fn: string; source: string; stage: string };
    assert.deepEqual([result.fn, result.source, result.stage], [FUNCTION, 'aws:sqs', 'local'], 'the local handler got the SQS event');
    assert.match(view.logTail ?? '', /INFO\trecords 1/);
  });

  it('Replay locally on a function the workspace does not have: says so (and offers to pull it) without running anything', async () => {
    posted.length = 0;
    const panel = await open('orders-api');
    await until('orders-api logs', () => posted.find((m) => m.type === 'logs' && m.done));
    const before = api.invokeResult()?.lastView;
    const message = { ...(await replayMessageFor()), action: 'replayLocally' as const };
    const outcome = (await panel.receive(message)) as ReplayOutcome;
    assert.deepEqual(outcome, { status: 'noLocalFunction', message: 'orders-api' });
    assert.equal(api.invokeResult()?.lastView, before, 'nothing ran');
  });

  it('Save as test event: the name the user confirms (by default from the time and request id), in .vscode/lambda-events/<function>/', async () => {
    posted.length = 0;
    const panel = await open();
    const saving = panel.receive(await replayMessage('saveTestEvent'));
    // The input box, with its suggested name: the user presses Enter.
    await new Promise((r) => setTimeout(r, 800));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const outcome = (await saving) as ReplayOutcome;
    assert.equal(outcome.status, 'saved', JSON.stringify(outcome));
    const name = `logged-${new Date(started).toISOString().slice(0, 19).replace(/:/g, '-')}-${WITH_EVENT.slice(0, 8)}.json`;
    const file = path.join(root, '.vscode', 'lambda-events', FUNCTION, name);
    assert.equal((outcome as { file: string }).file, file);
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), EVENT);
  });

  /** A replay message whose event is the seeded one, for a panel of another function. */
  async function replayMessageFor(): Promise<ReplayEventMessage> {
    return { type: 'replayEvent', action: 'replayLocally', requestId: WITH_EVENT, timestamp: started, source: 'powertools', event: JSON.stringify(EVENT) };
  }
});
