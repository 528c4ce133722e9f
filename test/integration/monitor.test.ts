import * as assert from 'node:assert/strict';
import { CloudWatchLogsClient, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import * as vscode from 'vscode';
import type { ServerlessExplorerApi } from '../../src/extension';
import type { MonitorPanel } from '../../src/ui/monitor/monitorPanel';
import type { LogEvent as WireLogEvent } from '../../src/shared/logEvent';
import type { HostMessage } from '../../src/shared/monitorMessages';
import { HOSTILE_LOG_TEXT } from '../support/seed';
import { activatedApi, resetSettings, setSetting, walk } from './helpers';

type Sent<T extends HostMessage['type']> = Extract<HostMessage, { type: T }>;

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What each panel posted to its page, recorded from the extension's onDidPostMonitorMessage. */
const posted = new WeakMap<MonitorPanel, HostMessage[]>();
const sentBy = (panel: MonitorPanel): HostMessage[] => posted.get(panel) ?? [];

function sent<T extends HostMessage['type']>(panel: MonitorPanel, type: T, where: (m: Sent<T>) => boolean = () => true): Sent<T> | undefined {
  return sentBy(panel).find((m): m is Sent<T> => m.type === type && where(m as Sent<T>));
}

/** Every event the host sent for one load (the page's requestId), once the load is done. */
async function loadedEvents(panel: MonitorPanel, requestId: number): Promise<WireLogEvent[]> {
  await until(`logs ${requestId} done`, () => sent(panel, 'logs', (m) => m.requestId === requestId && m.done) ?? sent(panel, 'logsError', (m) => m.requestId === requestId));
  const error = sent(panel, 'logsError', (m) => m.requestId === requestId);
  if (error) throw new Error(`${error.error.title}: ${error.error.detail}`);
  return sentBy(panel).flatMap((m) => (m.type === 'logs' && m.requestId === requestId ? m.events : []));
}

let nextId = 10_000;

/** Once the page's own first load (ids below 10,000) has answered: a later one would abort the test's load. */
const pageLoaded = (panel: MonitorPanel) =>
  until("the page's first load", () => sent(panel, 'logs', (m) => m.requestId < 10_000 && m.done) ?? sent(panel, 'logsError', (m) => m.requestId < 10_000));

describe('Monitor panel against moto', function () {
  this.timeout(60_000);
  let api: ServerlessExplorerApi;
  let recording: vscode.Disposable;

  before(async () => {
    api = await activatedApi();
    recording = api.onDidPostMonitorMessage(({ panel, message }) => posted.set(panel, [...sentBy(panel), message]));
    await setSetting('profiles', ['moto']);
    await setSetting('endpointUrl', process.env.SE_MOTO_ENDPOINT);
  });

  afterEach(async () => {
    for (const panel of api.monitors()) panel.dispose();
  });

  after(async () => {
    recording.dispose();
    await resetSettings();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens from a function node, and its page loads the invocations of /aws/lambda/<name>', async () => {
    const node = await walk(api, 'moto', 'us-east-1', 'Lambda', 'orders-api');
    const panel = (await vscode.commands.executeCommand('serverlessExplorer.openMonitor', node)) as MonitorPanel;
    assert.deepEqual(panel.target, { kind: 'lambda', profile: 'moto', region: 'us-east-1', functionName: 'orders-api' });
    const init = await until('init (the page said ready)', () => sent(panel, 'init'));
    assert.equal(init.init.groupInvocations, true);
    assert.ok(init.init.insightsPresets.some((q) => /slow/i.test(q.label)) && init.init.insightsPresets.some((q) => /cold/i.test(q.label)), 'ready queries');
    const source = await until('logSource', () => sent(panel, 'logSource'));
    assert.deepEqual(source.source?.logGroups, ['/aws/lambda/orders-api']);
    // The page itself asked for the last hour as soon as it was ready.
    const first = await until('the page to load logs', () => sent(panel, 'logs', (m) => m.done));
    const events = await loadedEvents(panel, first.requestId);
    assert.equal(events.filter((e) => e.message.startsWith('START RequestId:')).length, 6);
    assert.ok(events.some((e) => e.message.includes('Task timed out after 10.01 seconds')));
    for (const text of HOSTILE_LOG_TEXT) assert.ok(events.some((e) => e.message.includes(text)), `hostile text relayed as data: ${text}`);
    assert.ok(events.every((e) => e.eventId && e.logStreamName), 'event ids and streams, for de-duplication and display');
  });

  it('passes the filter pattern to FilterLogEvents and honours a custom time range', async () => {
    const panel = (await vscode.commands.executeCommand('serverlessExplorer.showLogs', { kind: 'lambda', profile: 'moto', region: 'us-east-1', functionName: 'orders-api' })) as MonitorPanel;
    await pageLoaded(panel);
    const filtered = nextId++;
    await panel.receive({ type: 'loadLogs', requestId: filtered, range: { preset: '1h' }, filterPattern: 'ValidationError' });
    const errors = await loadedEvents(panel, filtered);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /order 42 has no items/);

    const older = nextId++;
    await panel.receive({ type: 'loadLogs', requestId: older, range: { preset: 'custom', start: Date.now() - 3 * 3_600_000, end: Date.now() - 2 * 3_600_000 }, filterPattern: '' });
    assert.deepEqual(await loadedEvents(panel, older), []);

    // From the fifth invocation's START on: the last two (the seed's times are relative to when it ran).
    const all = nextId++;
    await panel.receive({ type: 'loadLogs', requestId: all, range: { preset: '1h' }, filterPattern: '' });
    const startTimes = (await loadedEvents(panel, all)).filter((e) => e.message.startsWith('START')).map((e) => e.timestamp).sort((a, b) => a - b);
    const recent = nextId++;
    await panel.receive({ type: 'loadLogs', requestId: recent, range: { preset: 'custom', start: startTimes[4], end: Date.now() }, filterPattern: '' });
    const starts = (await loadedEvents(panel, recent)).filter((e) => e.message.startsWith('START'));
    // Which invocations, not their order: events of one timestamp range may come from several streams, in any order.
    assert.deepEqual(starts.map((e) => e.timestamp).sort((a, b) => a - b), startTimes.slice(4), 'only the invocations in the range');
  });

  it('says clearly when a function has no log group yet', async () => {
    const panel = (await vscode.commands.executeCommand('serverlessExplorer.openMonitor', { kind: 'lambda', profile: 'moto', region: 'eu-west-1', functionName: 'edge-auth' })) as MonitorPanel;
    await pageLoaded(panel);
    const requestId = nextId++;
    await panel.receive({ type: 'loadLogs', requestId, range: { preset: '1h' }, filterPattern: '' });
    const error = await until('logsError', () => sent(panel, 'logsError', (m) => m.requestId === requestId));
    assert.match(error.error.detail, /\/aws\/lambda\/edge-auth/);
    assert.match(error.error.detail, /first invocation|invoke/i);
  });

  it('draws Lambda metrics from one GetMetricData refresh, degrading where percentiles are missing', async () => {
    const node = await walk(api, 'moto', 'us-east-1', 'Lambda', 'orders-api');
    const panel = (await vscode.commands.executeCommand('serverlessExplorer.showMetrics', node)) as MonitorPanel;
    assert.equal((await until('init', () => sent(panel, 'init'))).init.tab, 'metrics');
    // The page, opened on its Metrics tab, asks for the panel's range (the last hour) by itself.
    const metrics = await until('metrics', () => sent(panel, 'metrics') ?? sent(panel, 'metricsError'));
    assert.equal(metrics.type, 'metrics', JSON.stringify(metrics));
    const view = (metrics as Sent<'metrics'>).view;
    assert.equal(view.periodSeconds, 60);
    const ids = view.charts.map((c) => c.id);
    for (const id of ['invocations', 'errors', 'successRate', 'throttles', 'duration', 'concurrency']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
    const invocations = view.charts.find((c) => c.id === 'invocations')!;
    const total = invocations.series[0].values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
    assert.ok(total > 0, 'seeded invocations are drawn');
    const duration = view.charts.find((c) => c.id === 'duration')!;
    assert.match(duration.note ?? view.notes.join(' '), /p50|p99|percentile/i, 'moto refuses percentiles: the chart says so');
  });

  it("shows a Fargate service's awslogs group and CPU, memory and task metrics", async () => {
    const node = await walk(api, 'moto', 'us-east-1', 'Fargate', 'demo-cluster', 'web');
    const panel = (await vscode.commands.executeCommand('serverlessExplorer.openMonitor', node)) as MonitorPanel;
    assert.equal((await until('init', () => sent(panel, 'init'))).init.groupInvocations, false);
    const source = await until('logSource', () => sent(panel, 'logSource'));
    assert.deepEqual(source.source?.logGroups, ['/ecs/web']);
    const first = await until('the page to load logs', () => sent(panel, 'logs', (m) => m.done));
    const events = await loadedEvents(panel, first.requestId);
    assert.equal(events.length, 10);
    assert.ok(events.some((e) => e.message.includes('upstream timed out')));

    const requestId = nextId++;
    await panel.receive({ type: 'loadMetrics', requestId, range: { preset: '3h' } });
    const metrics = (await until('metrics', () => sent(panel, 'metrics', (m) => m.requestId === requestId))).view;
    const cpu = metrics.charts.find((c) => c.id === 'cpu')!;
    assert.deepEqual(
      cpu.series.map((s) => s.values.some((v) => v !== null)),
      [true, true],
      'average and maximum',
    );
    assert.ok(metrics.charts.some((c) => c.id === 'tasks' && c.series.some((s) => s.values.some((v) => v !== null))), 'Container Insights task counts');
  });

  it('runs a Logs Insights query and returns its rows', async () => {
    const panel = (await vscode.commands.executeCommand('serverlessExplorer.openMonitor', { kind: 'lambda', profile: 'moto', region: 'us-east-1', functionName: 'orders-api' })) as MonitorPanel;
    const requestId = nextId++;
    await panel.receive({ type: 'runInsights', requestId, range: { preset: '1h' }, query: 'fields @timestamp, @message | sort @timestamp desc | limit 5' });
    const result = await until('insightsResult', () => sent(panel, 'insightsResult', (m) => m.requestId === requestId) ?? sent(panel, 'insightsError', (m) => m.requestId === requestId));
    assert.equal(result.type, 'insightsResult', JSON.stringify(result));
    const { fields, rows } = result as Sent<'insightsResult'>;
    assert.ok(fields.includes('@message'));
    assert.equal(rows.length, 5);
    assert.match(rows[0][fields.indexOf('@message')], /^REPORT RequestId/, 'newest first');
  });

  it('live tail delivers a new event exactly once, then stops', async () => {
    const panel = (await vscode.commands.executeCommand('serverlessExplorer.openMonitor', { kind: 'lambda', profile: 'moto', region: 'us-east-1', functionName: 'thumbnail-generator' })) as MonitorPanel;
    await panel.receive({ type: 'tail', on: true, filterPattern: '' });
    const state = await until('tailState', () => sent(panel, 'tailState', (m) => m.running));
    assert.equal(state.mode, 'poll');
    const logs = new CloudWatchLogsClient({ endpoint: process.env.SE_MOTO_ENDPOINT, region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 });
    const stream = `${new Date().toISOString().slice(0, 10).replace(/-/g, '/')}/[$LATEST]0f1e2d3c4b5a69788796a5b4c3d2e1f0`;
    const marker = `tail marker ${Date.now()}`;
    await logs.send(new PutLogEventsCommand({ logGroupName: '/aws/lambda/thumbnail-generator', logStreamName: stream, logEvents: [{ timestamp: Date.now(), message: marker }] }));
    await until('the tailed event', () => sent(panel, 'tailEvents', (m) => m.events.some((e) => e.message === marker)), 15_000);
    await new Promise((r) => setTimeout(r, 4500)); // two more polls re-read the same window
    const deliveries = sentBy(panel).filter((m) => m.type === 'tailEvents').flatMap((m) => (m as Sent<'tailEvents'>).events.filter((e) => e.message === marker));
    assert.equal(deliveries.length, 1);
    await panel.receive({ type: 'tail', on: false, filterPattern: '' });
    assert.ok(sent(panel, 'tailState', (m) => !m.running));
  });

  it('copies what the page hands over to the clipboard', async () => {
    const panel = (await vscode.commands.executeCommand('serverlessExplorer.openMonitor', { kind: 'lambda', profile: 'moto', region: 'us-east-1', functionName: 'orders-api' })) as MonitorPanel;
    await panel.receive({ type: 'copy', text: `2026-01-01T00:00:00.000Z\t${HOSTILE_LOG_TEXT[1]}` });
    assert.equal(await vscode.env.clipboard.readText(), `2026-01-01T00:00:00.000Z\t${HOSTILE_LOG_TEXT[1]}`);
  });

  it('reuses one panel per function and switches it to the asked tab', async () => {
    const target = { kind: 'lambda', profile: 'moto', region: 'us-east-1', functionName: 'invoice-worker' } as const;
    const a = (await vscode.commands.executeCommand('serverlessExplorer.showLogs', target)) as MonitorPanel;
    const b = (await vscode.commands.executeCommand('serverlessExplorer.showMetrics', target)) as MonitorPanel;
    assert.equal(a, b);
    assert.equal(api.monitors().length, 1);
    await until('showTab metrics', () => sent(b, 'showTab', (m) => m.tab === 'metrics'));
  });
});
