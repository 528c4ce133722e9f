// What the Events view says about its data: error banners (log source, load, live tail), the truncation notice, and
// the status line ("Loading… 12,345 events", "12,345 events · 321 invocations · 4 errors · 2 timeouts · from …").
import type { LogSourceView, PanelError } from '../../src/shared/monitorMessages';
import { errorBanner, notice } from './banner';
import { el } from './dom';
import { count, plural } from './format';
import type { LogSummary } from './logStore';

export class EventsStatus {
  readonly element = el('div', 'status-area');
  private readonly sourceSlot = el('div', 'slot');
  private readonly loadSlot = el('div', 'slot');
  private readonly tailSlot = el('div', 'slot');
  private readonly noticeSlot = el('div', 'slot');
  private readonly line = el('div', 'status-line');
  private readonly main = el('span', 'status-main');
  private readonly tail = el('span', 'status-tail');
  private readonly flashed = el('span', 'status-flash');
  private source = '';
  private mainText = '';
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.line.id = 'logs-status';
    this.line.setAttribute('aria-live', 'polite');
    this.tail.id = 'tail-status';
    this.line.append(this.main, this.tail, this.flashed);
    this.element.append(this.sourceSlot, this.loadSlot, this.tailSlot, this.noticeSlot, this.line);
  }

  setSource(source: LogSourceView | undefined, error: PanelError | undefined): void {
    this.source = source?.description ?? '';
    this.sourceSlot.replaceChildren(...(error ? [errorBanner(error)] : []));
    this.render();
  }

  setLoadError(error: PanelError | undefined): void {
    this.loadSlot.replaceChildren(...(error ? [errorBanner(error)] : []));
  }

  setTailError(error: PanelError | undefined): void {
    this.tailSlot.replaceChildren(...(error ? [errorBanner(error)] : []));
  }

  /** `shown` events were kept of more: say so, and how to see the older ones. */
  setTruncated(shown: number | undefined): void {
    const text = `Showing the newest ${count(shown ?? 0)} events; narrow the time range or add a filter pattern to see older ones.`;
    this.noticeSlot.replaceChildren(...(shown !== undefined ? [notice(text)] : []));
  }

  setLoading(events: number): void {
    this.mainText = `Loading… ${plural(events, 'event')}`;
    this.render();
  }

  setSummary(summary: LogSummary, grouped: boolean): void {
    const parts = [plural(summary.events, 'event')];
    if (grouped) parts.push(plural(summary.invocations, 'invocation'), plural(summary.errors, 'error'), plural(summary.timeouts, 'timeout'));
    else if (summary.errors > 0) parts.push(plural(summary.errors, 'error'));
    this.mainText = parts.join(' · ');
    this.render();
  }

  setTail(text: string | undefined): void {
    this.tail.textContent = text ?? '';
    this.tail.hidden = text === undefined;
  }

  /** A short-lived note ("Copied 1,234 lines"). */
  flash(text: string): void {
    this.flashed.textContent = text;
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => (this.flashed.textContent = ''), 4000);
  }

  private render(): void {
    this.main.textContent = this.source ? `${this.mainText} · from ${this.source}` : this.mainText;
  }
}
