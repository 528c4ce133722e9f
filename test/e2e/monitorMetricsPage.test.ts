import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import type { MetricChart, MetricsView, MonitorInit } from '../../src/shared/monitorMessages';
import { launchChromium } from '../support/browser';
import { openMonitorHarness, type MonitorHarness } from '../support/monitorHarness';
import { ROOT } from '../support/paths';

// The Monitor page's Metrics tab alone in Chromium (dist/media/monitor.js with the panel's CSP), fed host messages.

const SCREENSHOTS = path.join(ROOT, 'out', 'screenshots');
const XSS_IMG = '<img src=x onerror="window.__xss=1">';
const XSS_SCRIPT = '<script>window.__xss=2</script>';

/** 10:00–11:00 UTC on a Monday, one-minute buckets. */
const START = Date.UTC(2025, 2, 3, 10, 0, 0) / 1000;
const BUCKETS = 60;
const TIMESTAMPS = Array.from({ length: BUCKETS }, (_, i) => START + i * 60);
/** Minutes without traffic: no datapoints, so gaps in every Lambda series. */
const QUIET = new Set([20, 21, 22, 23, 24]);
const DURATION_NOTE = 'p50 and p99 were not returned by this endpoint: showing average and maximum';

const wave = (i: number, base: number, swing: number) => base + swing * Math.sin(i / 6) + (swing / 3) * Math.sin(i * 1.7);
const withGaps = (f: (i: number) => number) => TIMESTAMPS.map((_, i) => (QUIET.has(i) ? null : Math.max(0, f(i))));

function chart(id: string, title: string, unit: string, series: MetricChart['series'], note?: string): MetricChart {
  return note ? { id, title, unit, timestamps: TIMESTAMPS, series, note } : { id, title, unit, timestamps: TIMESTAMPS, series };
}

function lambdaView(extra: MetricChart[] = []): MetricsView {
  const invocations = withGaps((i) => Math.round(wave(i, 420, 180)));
  const errors = withGaps((i) => (i % 17 === 3 ? 4 : i % 9 === 0 ? 1 : 0));
  const successRate = invocations.map((n, i) => (n === null || !n ? null : (100 * (n - (errors[i] ?? 0))) / n));
  return {
    periodSeconds: 60,
    start: START * 1000,
    end: (START + BUCKETS * 60) * 1000,
    notes: [],
    summary: [
      { label: 'Invocations', value: '21,840' },
      { label: 'Errors', value: '37' },
      { label: 'Success rate', value: '99.8 %' },
      { label: 'Average duration', value: '182 ms' },
      { label: 'Max concurrency', value: '14' },
      { label: 'Throttles', value: '3' },
    ],
    charts: [
      chart('invocations', 'Invocations', 'Count', [{ label: 'Invocations', values: invocations }]),
      chart('errors', 'Errors', 'Count', [{ label: 'Errors', values: errors }]),
      chart('successRate', 'Success rate', 'Percent', [{ label: 'Success rate', values: successRate }]),
      chart('throttles', 'Throttles', 'Count', [{ label: 'Throttles', values: withGaps((i) => (i === 41 ? 3 : 0)) }]),
      chart(
        'duration',
        'Duration',
        'Milliseconds',
        [
          { label: 'Average', values: withGaps((i) => wave(i, 180, 40)) },
          { label: 'Maximum', values: withGaps((i) => wave(i, 900, 500)) },
        ],
        DURATION_NOTE,
      ),
      chart('concurrency', 'Concurrent executions', 'Count', [{ label: 'Maximum', values: withGaps((i) => Math.round(wave(i, 8, 5))) }]),
      ...extra,
    ],
  };
}

function fargateView(): MetricsView {
  const percent = (base: number, swing: number) => TIMESTAMPS.map((_, i) => Math.min(100, Math.max(0, wave(i, base, swing))));
  return {
    periodSeconds: 60,
    start: START * 1000,
    end: (START + BUCKETS * 60) * 1000,
    charts: [
      chart('cpu', 'CPU utilization', 'Percent', [
        { label: 'Average', values: percent(23, 8) },
        { label: 'Maximum', values: percent(61, 25) },
      ]),
      chart('memory', 'Memory utilization', 'Percent', [
        { label: 'Average', values: percent(41, 3) },
        { label: 'Maximum', values: percent(48, 4) },
      ]),
    ],
    notes: [
      'Task counts over time need Container Insights on cluster "main". Enable it with: aws ecs update-cluster-settings --cluster main ' +
        '--settings name=containerInsights,value=enabled (CloudWatch charges for its metrics; charts fill from then on).',
    ],
    summary: [
      { label: 'Tasks', value: '2 running · 0 pending · 2 desired' },
      { label: 'CPU average', value: '23.1 %' },
      { label: 'CPU maximum', value: '94.2 %' },
      { label: 'Memory average', value: '41.3 %' },
      { label: 'Memory maximum', value: '52.7 %' },
    ],
  };
}

function init(overrides: Partial<MonitorInit> = {}): MonitorInit {
  return {
    target: { kind: 'lambda', profile: 'demo', region: 'us-east-1', functionName: 'orders-api' },
    title: 'orders-api',
    tab: 'metrics',
    range: { preset: '1h' },
    filterPattern: '',
    autoRefresh: false,
    insightsPresets: [],
    groupInvocations: true,
    maxEvents: 10_000,
    ...overrides,
  };
}

describe('e2e: the Monitor page, Metrics tab (Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let h: MonitorHarness;

  before(async () => {
    browser = await launchChromium();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  after(async () => browser?.close());

  beforeEach(async () => {
    h = await openMonitorHarness({ browser });
  });

  afterEach(async function () {
    if (!h) return;
    // A test that passed with a Content Security Policy violation or a page error fails here.
    const violations = await h.cspViolations();
    const errors = [...h.errors];
    await h.close();
    if (this.currentTest?.state === 'passed') {
      assert.deepEqual(violations, [], 'Content Security Policy violations');
      assert.deepEqual(errors, [], 'page errors');
    }
  });

  /** Opens the page on the Metrics tab and returns the request it makes. */
  async function openMetrics(options: Partial<MonitorInit> = {}) {
    await h.send({ type: 'init', init: init(options) });
    return h.waitForPosted('loadMetrics');
  }

  const tab = () => h.page.locator('.metrics-tab');
  const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const card = (title: string): Locator => h.page.locator('.metric-card', { has: h.page.locator('.metric-title', { hasText: exactly(title) }) });
  const loadCount = async () => (await h.posted()).filter((m) => m.type === 'loadMetrics').length;

  async function showView(requestId: number, view: MetricsView, canvases = view.charts.length) {
    await h.send({ type: 'metrics', requestId, view });
    await h.page.waitForFunction((n) => document.querySelectorAll('.metrics-grid canvas').length === n, canvases);
  }

  /** Moves the mouse over bucket `index` of a chart's plot (x spans the view's range: START to START + 60 buckets). */
  async function hover(title: string, index: number) {
    await card(title).scrollIntoViewIfNeeded();
    const box = await card(title).locator('.u-over').boundingBox();
    assert.ok(box, `the plot of ${title}`);
    await h.page.mouse.move(box.x + (box.width * (index + 0.2)) / BUCKETS, box.y + box.height / 2);
  }

  it('asks for the panel range on first show and draws one chart per metric, with titles, notes and summary figures', async () => {
    const load = await openMetrics({ range: { preset: '1h' } });
    assert.deepEqual(load.range, { preset: '1h' });
    await showView(load.requestId, lambdaView());

    assert.deepEqual(await tab().locator('.metric-title').allTextContents(), [
      'Invocations',
      'Errors',
      'Success rate',
      'Throttles',
      'Duration',
      'Concurrent executions',
    ]);
    assert.equal(await card('Duration').locator('.metric-note').textContent(), DURATION_NOTE);
    assert.ok(await card('Duration').locator('.metric-note').isVisible());
    assert.equal(await card('Invocations').locator('.metric-note').isVisible(), false);
    assert.deepEqual(await tab().locator('.metrics-tile-label').allTextContents(), ['Invocations', 'Errors', 'Success rate', 'Average duration', 'Max concurrency', 'Throttles']);
    assert.equal(await tab().locator('.metrics-tile-value').first().textContent(), '21,840');
    assert.match((await tab().locator('.metrics-status').textContent()) ?? '', /^Updated \d{1,2}:\d{2}:\d{2}.* · period 1 min$/);
    assert.equal(await tab().locator('.metrics-loading').isVisible(), false);
    // The legend names every series (axis labels are drawn on the canvas).
    assert.deepEqual(await card('Duration').locator('.u-legend .u-label').allTextContents(), ['Time', 'Average', 'Maximum']);
    // Only one request for one refresh.
    assert.equal(await loadCount(), 1);
    await h.page.screenshot({ path: path.join(SCREENSHOTS, 'monitor-metrics-page.png') });
  });

  it('shows the hovered time and each series value with its unit, and a dash where there is no datapoint', async () => {
    const load = await openMetrics();
    await showView(load.requestId, lambdaView());

    await hover('Duration', 30);
    const legend = card('Duration').locator('.u-legend');
    await h.page.waitForFunction(() => /\d+(\.\d+)? m?s/.test(document.querySelectorAll('.metric-card')[4].querySelector('.u-legend')?.textContent ?? ''));
    const values = await legend.locator('.u-value').allTextContents();
    assert.equal(values.length, 3);
    assert.match(values[0], /Mar 3/);
    assert.match(values[1], /^\d+(\.\d+)? ms$/);
    assert.match(values[2], /^\d+(\.\d+)? m?s$/);

    await hover('Invocations', 22);
    await h.page.waitForFunction(() => document.querySelectorAll('.metric-card')[0].querySelectorAll('.u-value')[1]?.textContent === '–');

    await hover('Success rate', 10);
    await h.page.waitForFunction(() => / %$/.test(document.querySelectorAll('.metric-card')[2].querySelectorAll('.u-value')[1]?.textContent ?? ''));
    await hover('Invocations', 10);
    const count = (await card('Invocations').locator('.u-value').allTextContents())[1];
    assert.match(count, /^\d{1,3}(,\d{3})*$/, 'counts are whole numbers with thousands separators');
  });

  it('zooms into a dragged stretch of time and back out on double-click', async () => {
    const load = await openMetrics();
    await showView(load.requestId, lambdaView());
    const leftmostTime = async () => {
      await hover('Duration', 0);
      return (await card('Duration').locator('.u-value').first().textContent()) ?? '';
    };
    const whole = await leftmostTime();
    assert.match(whole, /10:00/);

    const box = (await card('Duration').locator('.u-over').boundingBox())!;
    await h.page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
    await h.page.mouse.down();
    await h.page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
    await h.page.mouse.up();
    assert.match(await leftmostTime(), /10:1[45]/);

    await h.page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
    assert.equal(await leftmostTime(), whole);
  });

  it('reloads on a range change: at once when showing, on the next show when the Logs tab is in front', async () => {
    const first = await openMetrics();
    await showView(first.requestId, lambdaView());
    const pickRange = (preset: string) =>
      h.page.locator('#range-preset').evaluate((select, value) => {
        (select as HTMLElement & { value: string }).value = value;
        select.dispatchEvent(new Event('change'));
      }, preset);

    let since = (await h.posted()).length;
    await pickRange('3h');
    const visible = await h.waitForPosted('loadMetrics', since);
    assert.deepEqual(visible.range, { preset: '3h' });
    await showView(visible.requestId, lambdaView());

    await h.page.locator('vscode-tab-header.tab-logs').click();
    await tab().waitFor({ state: 'hidden' });
    const loads = await loadCount();
    await pickRange('24h');
    assert.equal(await loadCount(), loads, 'no request for a hidden tab');

    since = (await h.posted()).length;
    await h.page.locator('vscode-tab-header.tab-metrics').click();
    const shown = await h.waitForPosted('loadMetrics', since);
    assert.deepEqual(shown.range, { preset: '24h' });
    await showView(shown.requestId, lambdaView());
    assert.equal(await loadCount(), loads + 1);
  });

  it('redraws in the new colours when the VS Code theme changes', async () => {
    const load = await openMetrics();
    await showView(load.requestId, lambdaView());
    const marker = card('Invocations').locator('.u-marker').nth(1);
    const colour = () => marker.evaluate((m) => getComputedStyle(m).backgroundColor);
    assert.equal(await colour(), 'rgb(55, 148, 255)');
    await h.page.evaluate(() => document.documentElement.style.setProperty('--vscode-charts-blue', '#0000ff'));
    await h.page.waitForFunction(() => getComputedStyle(document.querySelectorAll('.metric-card .u-marker')[1]).backgroundColor === 'rgb(0, 0, 255)');
    assert.equal(await h.page.locator('.metrics-grid canvas').count(), 6);
  });

  it('says "No data in this range" for a chart without a single datapoint instead of drawing an empty plot', async () => {
    const load = await openMetrics();
    const iteratorAge = chart('iteratorAge', 'Iterator age', 'Milliseconds', [{ label: 'Maximum', values: TIMESTAMPS.map(() => null) }]);
    await showView(load.requestId, lambdaView([iteratorAge]), 6);
    assert.equal(await card('Iterator age').locator('.metric-empty').textContent(), 'No data in this range');
    assert.ok(await card('Iterator age').locator('.metric-empty').isVisible());
    assert.equal(await card('Iterator age').locator('canvas').count(), 0);
    assert.equal(await card('Invocations').locator('.metric-empty').count(), 0);
  });

  it('ignores an answer to a superseded request', async () => {
    const first = await openMetrics();
    const before = (await h.posted()).length;
    await tab().locator('.metrics-refresh').click();
    const second = await h.waitForPosted('loadMetrics', before);
    assert.ok(second.requestId !== first.requestId);

    const stale = lambdaView();
    await h.send({ type: 'metrics', requestId: first.requestId, view: { ...stale, charts: [chart('old', 'Stale chart', 'Count', [{ label: 'x', values: TIMESTAMPS.map(() => 1) }])] } });
    await h.send({ type: 'metricsError', requestId: first.requestId, error: { title: 'Stale error', detail: 'from the first request' } });
    await showView(second.requestId, lambdaView());
    assert.equal(await card('Stale chart').count(), 0);
    assert.equal(await tab().locator('.metrics-error').count(), 0);
  });

  it('shows a failed refresh as a banner above the charts it keeps, and Retry asks again', async () => {
    const first = await openMetrics();
    await showView(first.requestId, lambdaView());
    let since = (await h.posted()).length;
    await tab().locator('.metrics-refresh').click();
    const failing = await h.waitForPosted('loadMetrics', since);
    const detail = 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: cloudwatch:GetMetricData <b>(profile demo, us-east-1)</b>';
    await h.send({ type: 'metricsError', requestId: failing.requestId, error: { title: 'Could not load metrics for orders-api', detail } });

    const banner = tab().locator('.metrics-error');
    await banner.waitFor();
    assert.equal(await banner.locator('.metrics-error-title').textContent(), 'Could not load metrics for orders-api');
    assert.equal(await banner.locator('.metrics-error-detail').textContent(), detail);
    assert.equal(await banner.locator('b').count(), 0);
    assert.equal(await tab().locator('.metrics-grid canvas').count(), 6, 'the previous charts stay');
    assert.equal(await tab().locator('.metrics-loading').isVisible(), false);

    since = (await h.posted()).length;
    await banner.locator('.metrics-retry').click();
    const retry = await h.waitForPosted('loadMetrics', since);
    await showView(retry.requestId, lambdaView());
    assert.equal(await tab().locator('.metrics-error').count(), 0);
  });

  it('redraws in place on refresh: no chart left behind, and the grid follows the page width', async () => {
    let load = await openMetrics();
    await showView(load.requestId, lambdaView());
    for (const view of [lambdaView(), fargateView(), lambdaView([chart('iteratorAge', 'Iterator age', 'Milliseconds', [{ label: 'Maximum', values: TIMESTAMPS.map((_, i) => i * 10) }])])]) {
      const since = (await h.posted()).length;
      await tab().locator('.metrics-refresh').click();
      load = await h.waitForPosted('loadMetrics', since);
      await showView(load.requestId, view);
      assert.equal(await h.page.locator('.uplot').count(), view.charts.length);
      assert.equal(await h.page.locator('.u-legend').count(), view.charts.length);
    }

    const columns = () => h.page.locator('.metrics-grid').evaluate((grid) => getComputedStyle(grid).gridTemplateColumns.split(' ').length);
    const fits = () =>
      h.page.locator('.metric-card').evaluateAll((cards) => cards.every((c) => (c.querySelector('canvas')?.getBoundingClientRect().width ?? 0) <= c.getBoundingClientRect().width));
    assert.equal(await columns(), 2);
    await h.page.setViewportSize({ width: 640, height: 800 });
    await h.page.waitForFunction(() => {
      const card = document.querySelector('.metric-card')!.getBoundingClientRect();
      const canvas = document.querySelector('.metric-card canvas')!.getBoundingClientRect();
      return canvas.width <= card.width && canvas.width > card.width * 0.8;
    });
    assert.equal(await columns(), 1);
    assert.ok(await fits());
  });

  it('saves the auto-refresh choice and refreshes every minute while the page is visible', async () => {
    const first = await openMetrics();
    await showView(first.requestId, lambdaView());
    await h.page.clock.install();

    await tab().locator('.metrics-auto-refresh').click();
    const viewState = await h.waitForPosted('viewState');
    assert.equal(viewState.autoRefresh, true);
    assert.equal((await h.state()) && ((await h.state()) as { autoRefresh: boolean }).autoRefresh, true);

    const since = (await h.posted()).length;
    await h.page.clock.fastForward(60_000);
    const tick = await h.waitForPosted('loadMetrics', since);
    await showView(tick.requestId, lambdaView());

    // Hidden (another editor tab in front): no requests; visible again: one catch-up.
    let loads = await loadCount();
    await h.page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await h.page.clock.fastForward(130_000);
    assert.equal(await loadCount(), loads);
    await h.page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    assert.equal(await loadCount(), loads + 1);

    // Off: no more requests.
    await tab().locator('.metrics-auto-refresh').click();
    await h.page.waitForFunction(() => (window as unknown as { __state?: { autoRefresh?: boolean } }).__state?.autoRefresh === false);
    loads = await loadCount();
    await h.page.clock.fastForward(180_000);
    assert.equal(await loadCount(), loads);
  });

  it('starts auto-refreshing when the panel was saved with it on', async () => {
    await h.page.clock.install();
    const first = await openMetrics({ autoRefresh: true });
    assert.equal(await tab().locator('.metrics-auto-refresh').evaluate((c) => (c as HTMLElement & { checked: boolean }).checked), true);
    await showView(first.requestId, lambdaView());
    const since = (await h.posted()).length;
    await h.page.clock.fastForward(60_000);
    const tick = await h.waitForPosted('loadMetrics', since);
    assert.deepEqual(tick.range, { preset: '1h' });
  });

  it('renders every string from the host as text: markup in titles, labels, notes and figures never runs', async () => {
    const load = await openMetrics();
    const view = lambdaView();
    const hostile: MetricsView = {
      ...view,
      notes: [`Note ${XSS_IMG}`],
      summary: [{ label: XSS_SCRIPT, value: XSS_IMG }],
      charts: [
        { ...view.charts[0], title: `Invocations ${XSS_IMG}`, series: [{ label: XSS_IMG, values: view.charts[0].series[0].values }] },
        { ...view.charts[4], title: XSS_SCRIPT, unit: XSS_IMG, note: XSS_IMG, series: view.charts[4].series.map((s) => ({ ...s, label: XSS_SCRIPT })) },
      ],
    };
    await showView(load.requestId, hostile);
    await hover(`Invocations ${XSS_IMG}`, 30);
    const since = (await h.posted()).length;
    await tab().locator('.metrics-refresh').click();
    const next = await h.waitForPosted('loadMetrics', since);
    await h.send({ type: 'metricsError', requestId: next.requestId, error: { title: XSS_SCRIPT, detail: XSS_IMG } });
    await tab().locator('.metrics-error').waitFor();
    await h.page.waitForTimeout(300);

    const text = (await tab().textContent()) ?? '';
    for (const expected of [`Invocations ${XSS_IMG}`, XSS_SCRIPT, `Note ${XSS_IMG}`]) assert.ok(text.includes(expected), `shows ${expected} literally`);
    assert.deepEqual(await tab().locator('.metric-card').first().locator('.u-legend .u-label').allTextContents(), ['Time', XSS_IMG]);
    assert.equal(await tab().locator('.metrics-error-detail').textContent(), XSS_IMG);
    assert.equal(await tab().locator('img, script').count(), 0);
    assert.equal(await h.page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  });

  it('draws a Fargate service: CPU and memory average and maximum, and why task counts are missing', async () => {
    const load = await openMetrics({ target: { kind: 'fargate', profile: 'demo', region: 'us-east-1', cluster: 'main', serviceName: 'web' }, title: 'web (cluster main)', groupInvocations: false });
    await showView(load.requestId, fargateView());
    assert.deepEqual(await tab().locator('.metric-title').allTextContents(), ['CPU utilization', 'Memory utilization']);
    assert.match((await tab().locator('.metrics-notice').textContent()) ?? '', /Container Insights on cluster "main"/);
    assert.deepEqual(await card('CPU utilization').locator('.u-legend .u-label').allTextContents(), ['Time', 'Average', 'Maximum']);
    await hover('CPU utilization', 12);
    await h.page.waitForFunction(() => /^\d+(\.\d+)? %$/.test(document.querySelectorAll('.metric-card')[0].querySelectorAll('.u-value')[2]?.textContent ?? ''));
    await h.page.mouse.move(0, 0);
    await h.page.screenshot({ path: path.join(SCREENSHOTS, 'monitor-metrics-fargate-page.png') });
  });
});
