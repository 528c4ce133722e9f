import type { MonitorInit } from '../src/shared/monitorMessages';
import { openMonitorHarness } from '../test/support/monitorHarness';
import { generateLambdaLogEvents } from './lambdaLogsBench';
import { percentile } from './stats';

// Find in the Monitor panel's Logs tab (media/monitor/logView.ts) with 100,000 Lambda log lines loaded: the built
// page (dist/media/monitor.js) in headless Chromium with its real CSP, fed the lines as the panel sends them, then
// single keystrokes typed into the find box and deleted again. Each sample runs from the input event's dispatch to
// the first task after the next frame was painted (requestAnimationFrame, then a message-channel task: what a user
// sees), measured inside the page with performance.now().

const INIT: MonitorInit = {
  target: { kind: 'lambda', profile: 'bench', region: 'eu-west-1', functionName: 'orders-api' },
  title: 'orders-api',
  tab: 'logs',
  range: { preset: '7d' },
  filterPattern: '',
  autoRefresh: false,
  insightsPresets: [],
  groupInvocations: true,
  maxEvents: 100_000,
};

/** FilterLogEvents returns at most 10,000 events a page. */
const BATCH = 10_000;

/** The find box's successive values: one keystroke each, typed then partly deleted, then a miss and its deletion. */
function keystrokes(): string[] {
  const values: string[] = [];
  const typed = 'slow downstream';
  for (let i = 1; i <= typed.length; i++) values.push(typed.slice(0, i));
  for (let i = typed.length - 1; i >= 'slow down'.length; i--) values.push(typed.slice(0, i));
  values.push('slow downx', 'slow down');
  return values;
}

export async function benchMonitorFilter(lines = 100_000): Promise<{ p50Ms: number; p95Ms: number; maxMs: number; lines: number }> {
  const h = await openMonitorHarness({ width: 1400, height: 900 });
  try {
    await h.waitForPosted('ready');
    await h.send({ type: 'init', init: INIT });
    const { requestId } = await h.waitForPosted('loadLogs');
    const events = generateLambdaLogEvents(lines);
    for (let i = 0; i < events.length; i += BATCH) {
      await h.send({ type: 'logs', requestId, events: events.slice(i, i + BATCH), done: i + BATCH >= events.length });
    }
    const loaded = `${events.length.toLocaleString('en-US')} events`;
    await h.page.waitForFunction((text) => document.getElementById('logs-status')?.textContent?.startsWith(text), loaded, { timeout: 60_000 });

    const samples = await h.page.evaluate(async (values: string[]) => {
      const input = document.getElementById('find')?.shadowRoot?.querySelector('input');
      if (!input) throw new Error('no find box');
      const channel = new MessageChannel();
      const nextTask = () => new Promise<void>((resolve) => {
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(0);
      });
      const afterNextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => void nextTask().then(resolve)));
      const out: number[] = [];
      let previous = '';
      for (const value of values) {
        await afterNextPaint();
        const t0 = performance.now();
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: value.length > previous.length ? 'insertText' : 'deleteContentBackward' }));
        await afterNextPaint();
        out.push(performance.now() - t0);
        previous = value;
      }
      return out;
    }, keystrokes());
    if (h.errors.length) throw new Error(`the page reported errors: ${h.errors.join('; ')}`);
    const sorted = [...samples].sort((a, b) => a - b);
    return { p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), maxMs: sorted[sorted.length - 1], lines: events.length };
  } finally {
    await h.close();
  }
}

if (require.main === module) {
  benchMonitorFilter().then(
    (r) => console.log(`Monitor find, ${r.lines.toLocaleString('en-US')} lines: p50 ${r.p50Ms.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms, max ${r.maxMs.toFixed(1)} ms`),
    (error: Error) => {
      console.error(error.message);
      process.exitCode = 1;
    },
  );
}
