import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import type { LogEvent as WireLogEvent } from '../../src/shared/logEvent';
import type { HostMessage, MonitorInit } from '../../src/shared/monitorMessages';
import { launchChromium } from '../support/browser';
import { openMonitorHarness, type MonitorHarness } from '../support/monitorHarness';
import { ROOT } from '../support/paths';

// The Monitor page alone in Chromium (dist/media/monitor.js, the panel's CSP): an invocation that logged its event
// offers Replay locally, Invoke deployed with this event and Save as test event, and hands the host that event; one
// that logged none offers nothing; a Logs Insights request id opens its invocation.

const SCREENSHOTS = path.join(ROOT, 'out', 'screenshots');
const INIT: MonitorInit = {
  target: { kind: 'lambda', profile: 'demo', region: 'eu-west-1', functionName: 'orders-api' },
  title: 'orders-api',
  tab: 'logs',
  range: { preset: '1h' },
  filterPattern: '',
  autoRefresh: false,
  insightsPresets: [{ id: 'slowest', label: 'Slowest invocations', query: 'filter @type = "REPORT" | sort @duration desc' }],
  groupInvocations: true,
  maxEvents: 100_000,
};

const ID = { powertools: 'c0ffee00-0001-4c3d-9e8f-0123456789ab', none: 'c0ffee00-0002-4c3d-9e8f-0123456789ab', cut: 'c0ffee00-0003-4c3d-9e8f-0123456789ab', plain: 'c0ffee00-0004-4c3d-9e8f-0123456789ab' };
const XSS = '<img src=x onerror="window.__xss=1">';
const EVENT = { version: '0', 'detail-type': 'Order Placed', source: 'orders', detail: { orderId: 'o-1017', note: XSS, items: [{ sku: 'A-1', qty: 3 }] } };
const T0 = Date.now() - 20 * 60_000;
const STREAM = '2026/01/01/[$LATEST]0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const iso = (t: number) => new Date(t).toISOString();

function events(): WireLogEvent[] {
  let t = T0;
  let n = 0;
  const ev = (message: string, step = 7): WireLogEvent => ({ timestamp: (t += step), message: `${message}\n`, logStreamName: STREAM, eventId: `ev-${++n}` });
  const report = (id: string) => `REPORT RequestId: ${id}\tDuration: 45.10 ms\tBilled Duration: 46 ms\tMemory Size: 512 MB\tMax Memory Used: 81 MB\t`;
  const invocation = (id: string, lines: string[], version = '$LATEST') => [ev(`START RequestId: ${id} Version: ${version}`, 60_000), ...lines.map((l) => ev(l)), ev(`END RequestId: ${id}`), ev(report(id))];
  return [
    ...invocation(ID.powertools, [
      JSON.stringify({ level: 'INFO', message: 'Lambda invocation event', service: 'orders', timestamp: iso(t), function_request_id: ID.powertools, event: EVENT }),
      `${iso(t)}\t${ID.powertools}\tINFO\tstored order o-1017`,
    ], '7'),
    ...invocation(ID.none, [`${iso(t)}\t${ID.none}\tINFO\tnothing to do`]),
    ...invocation(ID.cut, [`${iso(t)}\t${ID.cut}\tINFO\t${JSON.stringify({ Records: [{ body: 'x'.repeat(300_000) }] }).slice(0, 256 * 1024 - 26 - 60)}`]),
    ...invocation(ID.plain, [`${iso(t)}\t${ID.plain}\tINFO\t${JSON.stringify({ path: '/orders', httpMethod: 'POST' }, null, 2)}`]),
  ];
}

describe('Monitor page: replay an invocation from its logged event (Chromium, page alone)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let h: MonitorHarness;

  before(async () => {
    browser = await launchChromium();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  after(async () => browser?.close());
  afterEach(async () => {
    if (!h) return;
    const violations = await h.cspViolations();
    const errors = [...h.errors];
    const xss = await h.page.evaluate(() => (window as unknown as { __xss?: number }).__xss);
    await h.close();
    assert.deepEqual(violations, [], 'Content Security Policy violations');
    assert.deepEqual(errors, [], 'page errors');
    assert.equal(xss, undefined, 'hostile text ran');
  });

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

  async function loaded(): Promise<void> {
    h = await openMonitorHarness({ browser, width: 1400, height: 520 });
    await h.waitForPosted('ready');
    await send({ type: 'init', init: INIT });
    const { requestId } = await h.waitForPosted('loadLogs');
    await send({ type: 'logs', requestId, events: events(), done: true });
    await invocationRow(ID.powertools).waitFor();
  }

  const rows = (selector: string) => h.page.locator(`.log-list .vrow:not([hidden])${selector}`);
  const invocationRow = (id: string) => rows(`.row.inv:has(.reqid:text-is("${id}"))`);

  it('offers the three actions on an invocation that logged its event, says how it was found, and none where nothing was logged', async () => {
    await loaded();
    assert.match(await invocationRow(ID.powertools).innerText(), /\bEvent\b/, 'the collapsed row says it logged its event');
    assert.doesNotMatch(await invocationRow(ID.none).innerText(), /\bEvent\b/);
    await invocationRow(ID.powertools).locator('.toggle').click();
    const actions = rows('.row.actions');
    assert.equal(await actions.count(), 1);
    assert.match(await actions.innerText(), /event logged by Powertools/);
    assert.deepEqual(await actions.locator('button').allInnerTexts(), ['Replay locally', 'Invoke deployed with this event', 'Save as test event']);
    // The event line itself opens to the event, as text (its hostile field included).
    await rows('.row.nested:has-text("Lambda invocation event") .toggle').click();
    await rows(`.row.detail:has-text('onerror')`).first().waitFor();
    await h.page.screenshot({ path: path.join(SCREENSHOTS, 'monitor-replay-page.png') });
    await rows('.row.nested:has-text("Lambda invocation event") .toggle').click();

    await invocationRow(ID.none).locator('.toggle').click();
    assert.equal(await rows('.row.actions').count(), 1, 'no actions under the invocation that logged no event');
    await invocationRow(ID.plain).locator('.toggle').click();
    assert.equal(await rows('.row.actions').count(), 2);
    assert.match(await rows('.row.actions').nth(1).innerText(), /first JSON object the invocation logged/);
    await invocationRow(ID.cut).locator('.toggle').click();
    const cut = rows('.row.actions:has-text("cut by CloudWatch at 256 KB")');
    assert.equal(await cut.count(), 1);
    assert.equal(await cut.locator('button').count(), 0, 'a cut event offers nothing to replay');
  });

  it('hands the host the exact event, the request id, its time and the version that logged it', async () => {
    await loaded();
    await invocationRow(ID.powertools).locator('.toggle').click();
    for (const [button, action] of [['Invoke deployed with this event', 'invokeDeployed'], ['Replay locally', 'replayLocally'], ['Save as test event', 'saveTestEvent']] as const) {
      const count = (await h.posted()).length;
      await rows(`.row.actions button:text-is("${button}")`).click();
      const message = await h.waitForPosted('replayEvent', count);
      assert.equal(message.action, action);
      assert.equal(message.requestId, ID.powertools);
      assert.equal(message.version, '7');
      assert.equal(message.source, 'powertools');
      assert.deepEqual(JSON.parse(message.event), EVENT);
      assert.ok(message.timestamp > T0 && message.timestamp < Date.now());
    }
    assert.match(await h.page.locator('#logs-status').innerText(), /Saving the test event…/);

    // From the keyboard: Home, Down to the actions row, Enter focuses its first action, Tab the next, Enter runs it.
    await h.page.locator('.log-list').focus();
    for (const key of ['Home', 'ArrowDown', 'Enter']) await h.page.keyboard.press(key);
    assert.equal(await h.page.evaluate(() => document.activeElement?.textContent), 'Replay locally');
    const count = (await h.posted()).length;
    await h.page.keyboard.press('Tab');
    await h.page.keyboard.press('Enter');
    assert.equal((await h.waitForPosted('replayEvent', count)).action, 'invokeDeployed');
  });

  it('a request id in Logs Insights results opens that invocation in Events; one not loaded is loaded by its id', async () => {
    await loaded();
    await h.page.click('#mode-insights');
    await h.page.click('#insights-run');
    const run = await h.waitForPosted('runInsights');
    const missing = 'c0ffee00-0009-4c3d-9e8f-0123456789ab';
    await send({ type: 'insightsResult', requestId: run.requestId, fields: ['@timestamp', '@requestId', '@duration'], rows: [[iso(T0), ID.powertools, '45.10'], [iso(T0), missing, '9.00']], status: 'Complete' });
    const link = h.page.locator(`.insights-list .request-link:text-is("${ID.powertools}")`);
    await link.click();
    assert.equal(await h.page.locator('.events-view').isVisible(), true, 'Events mode');
    const opened = invocationRow(ID.powertools);
    assert.equal(await opened.getAttribute('aria-expanded'), 'true');
    assert.match((await opened.getAttribute('class')) ?? '', /\bactive\b/);
    assert.equal(await rows('.row.actions').count(), 1, 'its actions are right there');

    await h.page.click('#mode-insights');
    const count = (await h.posted()).length;
    await h.page.locator(`.insights-list .request-link:text-is("${missing}")`).click();
    const load = await h.waitForPosted('loadLogs', count);
    assert.equal(load.filterPattern, `"${missing}"`);
    assert.equal(await h.page.locator('#filter-pattern').evaluate((e) => (e as HTMLElement & { value: string }).value), `"${missing}"`);
  });
});
