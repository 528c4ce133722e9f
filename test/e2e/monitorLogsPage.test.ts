import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import type { LogEvent as WireLogEvent } from '../../src/shared/logEvent';
import type { HostMessage, MonitorInit } from '../../src/shared/monitorMessages';
import { launchChromium } from '../support/browser';
import { openMonitorHarness, type MonitorHarness } from '../support/monitorHarness';
import { ROOT } from '../support/paths';

// The Monitor page's shell and Logs tab alone in Chromium (dist/media/monitor.js with the panel's CSP), fed host
// messages as the panel sends them; what the page posts back is what the panel would act on.

const SCREENSHOTS = path.join(ROOT, 'out', 'screenshots');
const XSS_IMG = '<img src=x onerror="window.__xss=1">';
const XSS_SCRIPT = '<script>window.__xss=2</script>';

const PRESETS = [
  { id: 'slowest', label: 'Slowest invocations', query: 'filter @type = "REPORT"\n| sort @duration desc\n| limit 20' },
  { id: 'errors', label: 'Errors', query: 'fields @timestamp, @message\n| filter @message like /ERROR/\n| sort @timestamp desc' },
  { id: 'cold', label: 'Cold starts', query: 'filter @type = "REPORT" and ispresent(@initDuration)\n| stats count() by bin(5m)' },
];

const LAMBDA: MonitorInit = {
  target: { kind: 'lambda', profile: 'demo', region: 'eu-west-1', functionName: 'orders-api' },
  title: 'orders-api',
  tab: 'logs',
  range: { preset: '1h' },
  filterPattern: '',
  autoRefresh: false,
  insightsPresets: PRESETS,
  groupInvocations: true,
  maxEvents: 100_000,
};

const FARGATE: MonitorInit = {
  ...LAMBDA,
  target: { kind: 'fargate', profile: 'demo', region: 'eu-west-1', cluster: 'main', serviceName: 'web' },
  title: 'web (cluster main)',
  groupInvocations: false,
};

const ID = { cold: 'a1b2c3d4-0001-4c3d-9e8f-0123456789ab', timeout: 'a1b2c3d4-0002-4c3d-9e8f-0123456789ab', oom: 'a1b2c3d4-0003-4c3d-9e8f-0123456789ab', error: 'a1b2c3d4-0004-4c3d-9e8f-0123456789ab' };
const T0 = Date.now() - 30 * 60_000;
const STREAM = '2025/03/03/[$LATEST]0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const iso = (t: number) => new Date(t).toISOString();

/** Four invocations as Lambda writes them: a cold start with a Powertools JSON line, a timeout, an out-of-memory kill, an error. */
function lambdaEvents(): WireLogEvent[] {
  let t = T0;
  let n = 0;
  const ev = (message: string, step = 7): WireLogEvent => ({ timestamp: (t += step), message: `${message}\n`, logStreamName: STREAM, eventId: `ev-${++n}` });
  const report = (id: string, rest: string) => `REPORT RequestId: ${id}\tDuration: 812.34 ms\tBilled Duration: 813 ms\tMemory Size: 128 MB\t${rest}`;
  return [
    ev('INIT_START Runtime Version: nodejs:20.v13\tRuntime Version ARN: arn:aws:lambda:eu-west-1::runtime:0123'),
    ev(`START RequestId: ${ID.cold} Version: $LATEST`),
    ev(`${iso(t)}\t${ID.cold}\tINFO\tgot 3 records from the orders queue`),
    ev(JSON.stringify({ level: 'INFO', message: 'order stored', service: 'orders', timestamp: iso(t), function_request_id: ID.cold, order: { id: 'o-1017', total: 42.5, items: 3 } })),
    ev(`END RequestId: ${ID.cold}`),
    ev(report(ID.cold, 'Max Memory Used: 81 MB\tInit Duration: 170.49 ms\t')),
    ev(`START RequestId: ${ID.timeout} Version: $LATEST`, 60_000),
    ev(`${iso(t)}\t${ID.timeout}\tINFO\tcalling the payments service`),
    ev(`${iso(t)} ${ID.timeout} Task timed out after 3.00 seconds`, 3000),
    ev(`END RequestId: ${ID.timeout}`),
    ev(report(ID.timeout, 'Max Memory Used: 90 MB\tStatus: timeout')),
    ev(`START RequestId: ${ID.oom} Version: $LATEST`, 60_000),
    ev(`${iso(t)}\t${ID.oom}\tINFO\tbuilding the monthly report`),
    ev(`RequestId: ${ID.oom} Error: Runtime exited with error: signal: killed\nRuntime.ExitError`),
    ev(`END RequestId: ${ID.oom}`),
    ev(report(ID.oom, 'Max Memory Used: 128 MB\tStatus: error\tError Type: Runtime.OutOfMemory')),
    ev(`START RequestId: ${ID.error} Version: $LATEST`, 60_000),
    ev(JSON.stringify({ timestamp: iso(t), level: 'ERROR', requestId: ID.error, message: 'payment declined', errorType: 'PaymentError' })),
    ev(`${iso(t)}\t${ID.error}\tERROR\tInvoke Error \t{"errorType":"PaymentError","errorMessage":"payment declined"}`),
    ev(`END RequestId: ${ID.error}`),
    ev(report(ID.error, 'Max Memory Used: 77 MB\t')),
  ];
}

describe('Monitor page: shell and Logs tab (Chromium, page alone)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let h: MonitorHarness;

  before(async () => {
    browser = await launchChromium();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  after(async () => browser?.close());
  afterEach(async function () {
    if (!h) return;
    const violations = await h.cspViolations();
    const errors = [...h.errors];
    await h.close();
    assert.deepEqual(violations, [], 'Content Security Policy violations');
    assert.deepEqual(errors, [], 'page errors');
  });

  /** Delivers a host message as the harness does, and returns once the page has handled it (its listener runs first). */
  async function send(message: HostMessage): Promise<void> {
    await h.page.evaluate(
      (m) =>
        new Promise<void>((resolve) => {
          window.addEventListener('message', () => resolve(), { once: true });
          window.postMessage(m, '*');
        }),
      message as unknown as Record<string, unknown>,
    );
  }

  /** Opens the page, sends init, and returns the first loadLogs. */
  async function start(init: MonitorInit = LAMBDA) {
    h = await openMonitorHarness({ browser });
    await h.waitForPosted('ready');
    await send({ type: 'init', init });
    return h.waitForPosted('loadLogs');
  }

  /** Loads `events` in two batches, the second one first (batches may arrive in any order). */
  async function load(requestId: number, events: WireLogEvent[]) {
    const half = Math.ceil(events.length / 2);
    await send({ type: 'logSource', source: { description: '/aws/lambda/orders-api', logGroups: ['/aws/lambda/orders-api'] } });
    await send({ type: 'logs', requestId, events: events.slice(half), done: false });
    await send({ type: 'logs', requestId, events: events.slice(0, half), done: true });
  }

  const rows = (selector = '.vrow:not([hidden])') => h.page.locator(`.log-list ${selector}`);
  const invocationRow = (id: string) => rows(`.row.inv:has(.reqid:text-is("${id}"))`);
  const text = (selector: string) => h.page.locator(selector).innerText();

  it('posts ready, then loadLogs for the range and filter pattern once init arrives', async () => {
    const load = await start({ ...LAMBDA, filterPattern: 'ERROR' });
    assert.deepEqual(load.range, { preset: '1h' });
    assert.equal(load.filterPattern, 'ERROR');
    assert.equal((await h.posted())[0].type, 'ready');
    assert.equal(await text('#title'), 'orders-api');
    assert.match(await text('.page-header'), /Lambda function · demo · eu-west-1/);
  });

  it('groups invocations by request id, with duration, memory, init, timeout and out-of-memory badges', async () => {
    const { requestId } = await start();
    await load(requestId, lambdaEvents());
    await invocationRow(ID.cold).waitFor();
    assert.equal(await rows('.row.inv').count(), 4);
    const cold = await invocationRow(ID.cold).innerText();
    for (const badge of ['Duration', '812.34 ms', 'Billed', '813 ms', 'Memory', '81 / 128 MB', 'Init', '170.49 ms']) assert.ok(cold.includes(badge), `${badge} in ${cold}`);
    assert.match(await invocationRow(ID.timeout).getAttribute('class') ?? '', /\btimeout\b/);
    assert.match(await invocationRow(ID.timeout).innerText(), /Timed out[\s\S]*Task timed out after 3.00 seconds/);
    assert.match(await invocationRow(ID.oom).innerText(), /Out of memory/);
    assert.match(await invocationRow(ID.error).getAttribute('class') ?? '', /\berror\b/);
    assert.match(await invocationRow(ID.error).innerText(), /Error[\s\S]*payment declined/);
    assert.equal(await rows('.row.line:has-text("INIT_START")').count(), 1, 'INIT_START stays a plain row');
    assert.equal(await text('#logs-status'), '21 events · 4 invocations · 2 errors · 1 timeout · from /aws/lambda/orders-api');

    await invocationRow(ID.cold).locator('.toggle').click();
    await rows('.row.nested .toggle:text-is("{}")').click();
    await rows('.row.detail:has-text("o-1017")').waitFor();
    await h.page.screenshot({ path: path.join(SCREENSHOTS, 'monitor-logs-page.png') });
    await h.page.evaluate(() => {
      // VS Code's Light Modern colours, for the variables this page and its controls read.
      const light: Record<string, string> = {
        '--vscode-foreground': '#3b3b3b', '--vscode-descriptionForeground': '#717171', '--vscode-editor-background': '#ffffff', '--vscode-panel-border': '#e5e5e5',
        '--vscode-errorForeground': '#e51400', '--vscode-charts-blue': '#1a85ff', '--vscode-charts-orange': '#d18616', '--vscode-charts-yellow': '#bf8803',
        '--vscode-charts-green': '#388a34', '--vscode-list-hoverBackground': '#f2f2f2', '--vscode-editor-findMatchHighlightBackground': '#ea5c0055',
        '--vscode-badge-background': '#cccccc', '--vscode-badge-foreground': '#3b3b3b', '--vscode-inputValidation-errorBackground': '#f2dede',
        '--vscode-input-background': '#ffffff', '--vscode-input-foreground': '#3b3b3b', '--vscode-input-border': '#cecece', '--vscode-input-placeholderForeground': '#767676',
        '--vscode-dropdown-background': '#ffffff', '--vscode-dropdown-foreground': '#3b3b3b', '--vscode-dropdown-border': '#cecece',
        '--vscode-button-background': '#005fb8', '--vscode-button-foreground': '#ffffff', '--vscode-button-border': '#0000001a',
        '--vscode-button-secondaryBackground': '#e5e5e5', '--vscode-button-secondaryForeground': '#3b3b3b', '--vscode-button-secondaryHoverBackground': '#cccccc',
        '--vscode-panelTitle-activeForeground': '#3b3b3b', '--vscode-panelTitle-inactiveForeground': '#3b3b3b', '--vscode-panelTitle-activeBorder': '#005fb8',
        '--vscode-settings-headerBorder': '#e5e5e5', '--vscode-focusBorder': '#005fb8', '--vscode-textCodeBlock-background': '#f8f8f8',
        '--vscode-settings-textInputBackground': '#ffffff', '--vscode-settings-textInputForeground': '#3b3b3b', '--vscode-settings-textInputBorder': '#cecece',
        '--vscode-settings-dropdownBackground': '#ffffff', '--vscode-settings-dropdownForeground': '#3b3b3b', '--vscode-settings-dropdownBorder': '#cecece',
      };
      for (const [name, value] of Object.entries(light)) document.documentElement.style.setProperty(name, value);
    });
    await h.page.screenshot({ path: path.join(SCREENSHOTS, 'monitor-logs-page-light.png') });
  });

  it('expands and collapses invocations, and shows JSON lines structured', async () => {
    const { requestId } = await start();
    await load(requestId, lambdaEvents());
    await invocationRow(ID.error).click();
    const nested = rows('.row.nested');
    assert.equal(await nested.count(), 5);
    assert.match(await nested.nth(1).innerText(), /ERROR\s+payment declined/, 'a JSON line shows its level and message');
    await nested.nth(1).locator('.toggle').click();
    const details = await rows('.row.detail').allInnerTexts();
    assert.ok(details.some((d) => d.includes('"errorType": "PaymentError"')), details.join('\n'));
    await nested.nth(1).locator('.toggle').click();
    assert.equal(await rows('.row.detail').count(), 0);
    await h.page.click('#expand-all');
    assert.equal(await rows('.row.nested').count(), 20);
    await h.page.click('#collapse-all');
    assert.equal(await rows('.row.nested').count(), 0);
    await h.page.locator('.log-list').focus();
    for (const key of ['Home', 'ArrowDown', 'Enter']) await h.page.keyboard.press(key);
    assert.equal(await rows('.row.inv.active').getAttribute('aria-expanded'), 'true', 'Home, Down, Enter opens the first invocation');
    assert.equal(await rows('.row.nested').count(), 5);
  });

  it('find narrows the rows to matching lines, highlights them and counts them', async () => {
    const { requestId } = await start();
    await load(requestId, lambdaEvents());
    await h.page.locator('#find input').fill('TIMED out');
    assert.equal(await text('#find-count'), '1 of 21 lines');
    assert.equal(await rows('.row.inv').count(), 1);
    assert.equal(await rows('.row.nested').count(), 1, 'a matching invocation opens on its matching lines');
    assert.equal(await rows('mark').innerText(), 'timed out');
    await h.page.locator('#find input').fill('no such text');
    assert.match(await text('#logs-empty'), /No loaded line contains “no such text”/);
    await h.page.locator('#find input').fill('');
    assert.equal(await rows('.row.inv').count(), 4);
    assert.equal(await text('#find-count'), '');
  });

  it('ignores responses to an older load, and says when a range has no events', async () => {
    const first = await start();
    const posted = (await h.posted()).length;
    await h.page.click('#refresh');
    const second = await h.waitForPosted('loadLogs', posted);
    assert.ok(second.requestId > first.requestId);
    await send({ type: 'logs', requestId: first.requestId, events: lambdaEvents(), done: true });
    await send({ type: 'logs', requestId: second.requestId, events: [], done: true });
    assert.equal(await rows().count(), 0);
    // The start carries its date when the hour-long default range began yesterday (a run just after midnight).
    assert.match(await text('#logs-empty'), /^No log events between ([A-Z][a-z]{2} \d{1,2}, )?\d\d:\d\d and \d\d:\d\d\. Invoke the function or widen the range\.$/);
    await send({ type: 'logsError', requestId: second.requestId, error: { title: 'Could not read the logs of orders-api (profile demo, eu-west-1)', detail: 'AccessDeniedException: not authorized' } });
    assert.match(await text('.banner.error'), /Could not read the logs[\s\S]*AccessDeniedException/);
  });

  it('reloads on a new time range; a custom range needs its start before its end', async () => {
    await start();
    const before = (await h.posted()).length;
    await h.page.locator('#range-preset').click();
    await h.page.locator('#range-preset li[role=option]', { hasText: 'Custom range…' }).click();
    await h.page.locator('#range-custom').waitFor();
    await h.page.locator('#range-start input').fill('2025-03-03T11:00');
    await h.page.locator('#range-end input').fill('2025-03-03T10:00');
    await h.page.click('#range-apply');
    assert.equal(await text('#range-error'), 'The start must be before the end.');
    assert.equal((await h.posted()).length, before, 'nothing is loaded for an invalid range');
    await h.page.locator('#range-end input').fill('2025-03-03T12:30');
    await h.page.click('#range-apply');
    const reload = await h.waitForPosted('loadLogs', before);
    assert.deepEqual(reload.range, { preset: 'custom', start: new Date('2025-03-03T11:00').getTime(), end: new Date('2025-03-03T12:30').getTime() });
    assert.deepEqual((await h.waitForPosted('viewState', before)).range, reload.range);
  });

  it('live tail: toggles, shows its mode, appends new events once, follows a new filter pattern', async () => {
    const { requestId } = await start();
    const events = lambdaEvents();
    await load(requestId, events.slice(0, 6));
    await h.page.click('#tail');
    assert.deepEqual(await h.waitForPosted('tail'), { type: 'tail', on: true, filterPattern: '' });
    await send({ type: 'tailState', running: true, mode: 'poll' });
    assert.equal(await text('#tail-status'), 'Live tail (polling every 2 s)');
    const fresh = events.slice(5, 11);
    await send({ type: 'tailEvents', events: fresh });
    await send({ type: 'tailEvents', events: fresh });
    assert.equal(await rows('.row.inv').count(), 2);
    await h.page.click('#expand-all');
    assert.equal(await rows('.row.nested').count(), 10, 'the REPORT line sent twice (load and tail) shows once');
    let before = (await h.posted()).length;
    await h.page.locator('#filter-pattern input').fill('ERROR');
    await h.page.locator('#filter-pattern input').press('Enter');
    assert.deepEqual(await h.waitForPosted('tail', before), { type: 'tail', on: true, filterPattern: 'ERROR' }, 'a new filter pattern restarts the tail');
    assert.equal((await h.waitForPosted('loadLogs', before)).filterPattern, 'ERROR');
    before = (await h.posted()).length;
    await h.page.click('#tail');
    assert.deepEqual(await h.waitForPosted('tail', before), { type: 'tail', on: false, filterPattern: 'ERROR' });
  });

  it('Logs Insights: runs a ready query, cancels, shows the result table and copies it as TSV', async () => {
    await start();
    await h.page.click('#mode-insights');
    assert.equal(await h.page.locator('#insights-query').evaluate((e) => (e as HTMLElement & { value: string }).value), PRESETS[0].query);
    await h.page.click('#insights-run');
    const run = await h.waitForPosted('runInsights');
    assert.deepEqual({ query: run.query, range: run.range }, { query: PRESETS[0].query, range: { preset: '1h' } });
    await send({ type: 'insightsStatus', requestId: run.requestId, status: 'Running', recordsMatched: 1234, recordsScanned: 56789 });
    assert.equal(await text('#insights-status'), 'Running · 1,234 records matched · 56,789 scanned');
    await h.page.click('#insights-cancel');
    assert.equal((await h.waitForPosted('cancelInsights')).requestId, run.requestId);
    await send({ type: 'insightsResult', requestId: run.requestId, fields: ['late'], rows: [['ignored']], status: 'Complete' });
    assert.equal(await h.page.locator('.insights-list .vrow:not([hidden])').count(), 0, 'a cancelled query shows nothing more');

    const count = (await h.posted()).length;
    await h.page.click('#insights-run');
    const again = await h.waitForPosted('runInsights', count);
    const rowsOut = [
      [iso(T0), ID.timeout, '3000.00'],
      [iso(T0 + 1000), ID.cold, '812.34'],
    ];
    await send({ type: 'insightsResult', requestId: again.requestId, fields: ['@timestamp', '@requestId', '@duration'], rows: rowsOut, status: 'Complete' });
    assert.equal(await text('.insights-header'), '@timestamp\n@requestId\n@duration');
    assert.equal(await h.page.locator('.insights-list .vrow:not([hidden])').count(), 2);
    assert.match(await text('#insights-status'), /^Complete · 2 rows/);
    await h.page.screenshot({ path: path.join(SCREENSHOTS, 'monitor-logs-insights.png') });
    await h.page.click('#insights-copy');
    assert.equal((await h.waitForPosted('copy')).text, `@timestamp\t@requestId\t@duration\n${rowsOut.map((r) => r.join('\t')).join('\n')}\n`);
  });

  it('copy and export carry the lines shown', async () => {
    const { requestId } = await start();
    const events = lambdaEvents();
    await load(requestId, events);
    await h.page.locator('#find input').fill('order');
    await h.page.click('#copy');
    const copied = (await h.waitForPosted('copy')).text;
    const expected = events.filter((e) => e.message.toLowerCase().includes('order')).map((e) => `${iso(e.timestamp)}\t${e.message.slice(0, -1)}\n`).join('');
    assert.equal(copied, expected);
    await h.page.click('#export');
    const exported = await h.waitForPosted('export');
    assert.match(exported.suggestedName, /^orders-api-\d{4}-\d\d-\d\dT\d\d-\d\d\.log$/);
    assert.equal(exported.content, expected);
    let before = (await h.posted()).length;
    await h.page.locator('#export-format').click();
    await h.page.locator('#export-format li[role=option]', { hasText: 'JSON Lines' }).click();
    await h.page.click('#export');
    const jsonl = await h.waitForPosted('export', before);
    assert.match(jsonl.suggestedName, /^orders-api-.*\.jsonl$/);
    const records = jsonl.content.trimEnd().split('\n').map((line) => JSON.parse(line) as { timestamp: number; logStreamName: string; message: string });
    assert.deepEqual(records[0], { timestamp: events[2].timestamp, logStreamName: STREAM, message: events[2].message.slice(0, -1) });
    assert.equal(records.length, expected.split('\n').length - 1);
    before = (await h.posted()).length;
    await invocationRow(ID.cold).hover();
    await invocationRow(ID.cold).locator('.row-copy').click();
    assert.equal((await h.waitForPosted('copy', before)).text.split('\n').length - 1, 5, "the invocation's five lines");
  });

  it('keeps the view state (setState) and tells the host (viewState)', async () => {
    await start();
    await h.page.locator('#filter-pattern input').fill('"timed out"');
    await h.page.locator('#filter-pattern input').press('Enter');
    const view = await h.waitForPosted('viewState');
    assert.deepEqual(view, { type: 'viewState', tab: 'logs', range: { preset: '1h' }, filterPattern: '"timed out"', autoRefresh: false });
    assert.equal((await h.waitForPosted('loadLogs', 2)).filterPattern, '"timed out"');
    await h.page.click('.tab-metrics');
    await h.page.waitForFunction(() => (window as unknown as { __state?: { tab?: string } }).__state?.tab === 'metrics');
    assert.deepEqual(await h.state(), { target: LAMBDA.target, tab: 'metrics', range: { preset: '1h' }, filterPattern: '"timed out"', autoRefresh: false });
    await send({ type: 'showTab', tab: 'logs' });
    await h.page.locator('.panel-logs:not([hidden])').waitFor();
  });

  it('Fargate: one row per event with the task id, and the truncation notice', async () => {
    const { requestId } = await start(FARGATE);
    const stream = 'ecs/web/5f2b1c4a9d8e4f7a8b6c5d4e3f2a1b0c';
    const events = [0, 1, 2].map((i) => ({ timestamp: T0 + i, message: i === 1 ? '{"level":"error","msg":"db timeout"}' : `GET /health 200 ${i} ms`, logStreamName: stream, eventId: `f${i}` }));
    await send({ type: 'logs', requestId, events, done: true, truncated: true });
    assert.equal(await rows('.row.line').count(), 3);
    assert.match(await rows('.row.line').nth(1).innerText(), /5f2b1c4a\s+ERROR\s+db timeout/);
    assert.equal(await h.page.locator('#expand-all').count(), 0);
    assert.equal(await text('.banner.notice'), 'Showing the newest 3 events; narrow the time range or add a filter pattern to see older ones.');
    assert.match(await text('.page-header'), /Fargate service · cluster main/);
  });

  it('renders hostile text from AWS as text: log lines, JSON fields, streams, Insights cells, banners', async () => {
    const { requestId } = await start({ ...FARGATE, title: `web ${XSS_IMG}` });
    const hostile = `${XSS_IMG} ${XSS_SCRIPT}`;
    await send({ type: 'logSource', error: { title: `No log group ${XSS_IMG}`, detail: XSS_SCRIPT } });
    await send({
      type: 'logs',
      requestId,
      done: true,
      events: [
        { timestamp: T0, message: hostile, logStreamName: `ecs/web/${XSS_IMG}`, eventId: 'x1' },
        { timestamp: T0 + 1, message: JSON.stringify({ level: 'INFO', message: XSS_IMG, [XSS_SCRIPT]: XSS_IMG }), logStreamName: 'ecs/web/t', eventId: 'x2' },
      ],
    });
    await rows('.row.line').nth(1).locator('.toggle').click();
    await send({ type: 'logsError', requestId, error: { title: XSS_SCRIPT, detail: XSS_IMG } });
    await h.page.click('#mode-insights');
    await h.page.click('#insights-run');
    const run = await h.waitForPosted('runInsights');
    await send({ type: 'insightsResult', requestId: run.requestId, fields: [XSS_IMG], rows: [[XSS_SCRIPT]], status: 'Complete' });
    await h.page.click('#mode-events');
    const body = await h.page.evaluate(() => document.body.textContent ?? '');
    for (const part of [hostile, `No log group ${XSS_IMG}`, `"${XSS_SCRIPT.replace(/"/g, '\\"')}": "${XSS_IMG.replace(/"/g, '\\"')}"`]) assert.ok(body.includes(part), part);
    assert.equal(await h.page.evaluate(() => document.title), `web ${XSS_IMG}`);
    assert.equal(await h.page.locator('.insights-list .cell').innerText(), XSS_SCRIPT);
    assert.equal(await h.page.evaluate(() => document.querySelectorAll('img').length), 0);
    assert.equal(await h.page.evaluate(() => document.scripts.length), 1, 'only the page script');
    assert.equal(await h.page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  });

  it('ignores invalid host messages', async () => {
    const { requestId } = await start();
    await h.page.evaluate(() => window.postMessage({ type: 'logs', requestId: 1, events: [{ timestamp: 'soon', message: 1 }], done: true }, '*'));
    await h.page.evaluate(() => window.postMessage({ type: 'eval', code: 'window.__xss = 3' }, '*'));
    await load(requestId, lambdaEvents().slice(0, 6));
    assert.equal(await rows('.row.inv').count(), 1);
    assert.equal(await h.page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  });
});
