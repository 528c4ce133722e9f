// The Logs tab's Logs Insights mode: a ready query (or one's own) over the panel's time range, run with
// StartQuery/GetQueryResults on the host; status while it runs, Cancel, the result table, copy and export as TSV.
import type { HostMessage } from '../../src/shared/monitorMessages';
import { errorBanner } from './banner';
import { button, select, type ValueControl } from './controls';
import { control, el } from './dom';
import { tableAsTsv } from './exportText';
import { count, exportFileName, plural, RANGE_LABELS } from './format';
import { InsightsTable } from './insightsTable';
import type { PageContext } from './tab';

type InsightsMessage = Extract<HostMessage, { type: 'insightsStatus' | 'insightsResult' | 'insightsError' }>;

export interface InsightsView {
  readonly element: HTMLElement;
  readonly modeSlot: HTMLElement;
  /** The panel's range changed: the next Run uses it (the empty state names it). */
  rangeChanged(): void;
  handle(message: InsightsMessage): void;
}

const MAX_QUERY = 10_000;

/** `showInvocation`: a request id in the results was clicked. */
export function createInsightsView(ctx: PageContext, showInvocation?: (requestId: string) => void): InsightsView {
  const presets = ctx.init.insightsPresets;
  let requestId = -1;
  let running = false;
  let fields: readonly string[] = [];
  let rows: readonly (readonly string[])[] = [];
  let scanned = '';

  const modeSlot = el('span', 'mode-slot');
  const picker = select('insights-preset', presets.map((p) => [p.id, p.label] as const), presets[0]?.id ?? '', 'Ready queries');
  picker.hidden = presets.length === 0;
  const query = control('vscode-textarea', { id: 'insights-query', rows: '5', monospace: true, resize: 'vertical', 'aria-label': 'Logs Insights query', maxlength: String(MAX_QUERY) }) as ValueControl;
  query.value = presets[0]?.query ?? '';
  picker.addEventListener('change', () => {
    const preset = presets.find((p) => p.id === picker.value);
    if (preset) query.value = preset.query;
  });
  const run = button('insights-run', 'Run', () => start(), { secondary: false, title: "Run the query over the panel's time range" });
  const cancel = button('insights-cancel', 'Cancel', () => stop());
  const copy = button('insights-copy', 'Copy', () => hand('copy'), { title: 'Copy the results as tab-separated text' });
  const save = button('insights-export', 'Export…', () => hand('export'), { title: 'Save the results as a .tsv file' });
  const status = el('div', 'status-line');
  status.id = 'insights-status';
  status.setAttribute('aria-live', 'polite');
  const errorSlot = el('div', 'slot');
  const table = new InsightsTable(showInvocation);
  const empty = el('div', 'empty');
  empty.id = 'insights-empty';
  const bar = el('div', 'toolbar');
  bar.append(modeSlot, picker, run, cancel, el('span', 'spacer'), copy, save);
  const listBox = el('div', 'list-box');
  listBox.append(table.element, empty);
  const element = el('section', 'insights-view');
  element.append(bar, query, errorSlot, status, listBox);
  setRunning(false);
  showResults();

  function setRunning(on: boolean): void {
    running = on;
    run.disabled = on;
    cancel.disabled = !on;
  }

  function showResults(): void {
    table.show(fields, rows);
    copy.disabled = save.disabled = rows.length === 0;
    empty.hidden = rows.length > 0 || running;
    const range = ctx.range();
    const over = range.preset === 'custom' ? 'the custom time range' : RANGE_LABELS[range.preset].toLowerCase();
    empty.textContent = fields.length > 0 ? 'The query returned no rows. Widen the time range or loosen the query.' : `Pick a ready query or write one, then Run. It searches ${over}.`;
  }

  function start(): void {
    const text = query.value.trim();
    const problem = text === '' ? 'Write a query first (or pick a ready one).' : text.length > MAX_QUERY ? `Queries are limited to ${count(MAX_QUERY)} characters.` : undefined;
    if (problem) return errorSlot.replaceChildren(errorBanner({ title: 'Cannot run this query', detail: problem }));
    errorSlot.replaceChildren();
    requestId = ctx.nextRequestId();
    setRunning(true);
    scanned = '';
    status.textContent = 'Starting…';
    ctx.post({ type: 'runInsights', requestId, query: text, range: ctx.range() });
  }

  function stop(): void {
    if (!running) return;
    ctx.post({ type: 'cancelInsights', requestId });
    // What the cancelled query still sends is ignored.
    requestId = -1;
    setRunning(false);
    status.textContent = 'Cancelled';
    showResults();
  }

  function hand(what: 'copy' | 'export'): void {
    if (rows.length === 0) return;
    const text = tableAsTsv(fields, rows);
    if (what === 'copy') ctx.post({ type: 'copy', text });
    else ctx.post({ type: 'export', suggestedName: exportFileName(`${ctx.init.title}-insights`, '.tsv'), content: text });
  }

  const figures = (matched?: number, scannedRecords?: number) =>
    [matched !== undefined ? `${count(matched)} records matched` : '', scannedRecords !== undefined ? `${count(scannedRecords)} scanned` : ''].filter(Boolean).join(' · ');

  return {
    element,
    modeSlot,
    rangeChanged: showResults,
    handle(message) {
      if (message.requestId !== requestId) return;
      switch (message.type) {
        case 'insightsStatus':
          scanned = figures(message.recordsMatched, message.recordsScanned);
          status.textContent = [message.status, scanned].filter(Boolean).join(' · ');
          break;
        case 'insightsResult':
          fields = message.fields;
          rows = message.rows;
          if (message.status !== 'Running' && message.status !== 'Scheduled') setRunning(false);
          status.textContent = [message.status, plural(rows.length, 'row'), scanned].filter(Boolean).join(' · ');
          showResults();
          break;
        case 'insightsError':
          setRunning(false);
          status.textContent = 'Failed';
          errorSlot.replaceChildren(errorBanner(message.error));
          showResults();
          break;
      }
    },
  };
}
