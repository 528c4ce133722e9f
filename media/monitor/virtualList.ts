// A virtualised list of fixed-height rows: a scroll container holding a spacer as tall as every row, and only the
// rows in view (plus some overscan) as elements, a pool reused as the view scrolls. Keyboard: Up/Down/PageUp/PageDown/Home/End move the active row,
// Enter/Space toggle it.
import { el } from './dom';

export interface VirtualListOptions {
  readonly className: string;
  readonly rowHeight: number;
  /** Fills a row element (cleared by the renderer) with row `index`. */
  render(row: HTMLElement, index: number): void;
  /** Enter or Space on the active row. */
  onToggle?(index: number): void;
  readonly overscan?: number;
  readonly label?: string;
}

let nextListId = 0;

export class VirtualList {
  readonly element: HTMLDivElement;
  private readonly spacer: HTMLDivElement;
  private readonly pool: HTMLElement[] = [];
  private readonly shown: number[] = [];
  private count = 0;
  private active = -1;
  private readonly activeId = `vlist-${++nextListId}-active`;

  constructor(private readonly options: VirtualListOptions) {
    this.element = el('div', `vlist ${options.className}`);
    this.element.tabIndex = 0;
    this.element.setAttribute('role', 'tree');
    if (options.label) this.element.setAttribute('aria-label', options.label);
    this.spacer = el('div', 'vlist-spacer');
    this.element.append(this.spacer);
    this.element.addEventListener('scroll', () => this.render(false));
    this.element.addEventListener('keydown', (e) => this.onKey(e));
    new ResizeObserver(() => this.render(true)).observe(this.element);
  }

  get rowCount(): number {
    return this.count;
  }

  /** The rows changed (count or content): re-render what is in view. */
  setCount(count: number): void {
    this.count = count;
    this.spacer.style.height = `${count * this.options.rowHeight}px`;
    if (this.active >= count) this.active = count - 1;
    this.render(true);
  }

  /** The row index of the row element holding `target`, or -1. */
  indexOf(target: EventTarget | null): number {
    const row = target instanceof Element ? target.closest<HTMLElement>('.vrow') : null;
    return row && this.element.contains(row) ? Number(row.dataset.index) : -1;
  }

  setActive(index: number): void {
    this.active = Math.max(-1, Math.min(index, this.count - 1));
    if (this.active >= 0) this.scrollToRow(this.active);
    this.render(true);
  }

  isAtBottom(): boolean {
    const e = this.element;
    return e.scrollTop + e.clientHeight >= e.scrollHeight - this.options.rowHeight;
  }

  scrollToBottom(): void {
    this.element.scrollTop = this.element.scrollHeight;
    this.render(false);
  }

  scrollToRow(index: number): void {
    const h = this.options.rowHeight;
    const e = this.element;
    if (index * h < e.scrollTop) e.scrollTop = index * h;
    else if ((index + 1) * h > e.scrollTop + e.clientHeight) e.scrollTop = (index + 1) * h - e.clientHeight;
  }

  private render(force: boolean): void {
    const h = this.options.rowHeight;
    const overscan = this.options.overscan ?? 10;
    const top = this.element.scrollTop;
    const first = Math.max(0, Math.floor(top / h) - overscan);
    const last = Math.min(this.count, Math.ceil((top + this.element.clientHeight) / h) + overscan);
    while (this.pool.length < last - first) {
      const row = el('div', 'vrow');
      row.hidden = true;
      this.pool.push(row);
      this.shown.push(-1);
      this.element.append(row);
    }
    // Pool element i shows row first + i: the DOM order is the visual order (text selection, screen readers).
    for (let i = 0; i < this.pool.length; i++) {
      const row = this.pool[i];
      const index = first + i;
      if (index >= last) {
        if (this.shown[i] === -1) continue;
        this.shown[i] = -1;
        row.hidden = true;
        row.className = 'vrow';
        row.replaceChildren();
        continue;
      }
      if (!force && this.shown[i] === index) continue;
      this.shown[i] = index;
      this.options.render(row, index);
      row.classList.add('vrow');
      row.classList.toggle('active', index === this.active);
      row.id = index === this.active ? this.activeId : '';
      row.dataset.index = String(index);
      row.style.transform = `translateY(${index * h}px)`;
      row.hidden = false;
    }
    if (this.active >= first && this.active < last) this.element.setAttribute('aria-activedescendant', this.activeId);
    else this.element.removeAttribute('aria-activedescendant');
  }

  private onKey(e: KeyboardEvent): void {
    if (e.target !== this.element) return;
    const page = Math.max(1, Math.floor(this.element.clientHeight / this.options.rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in moves) this.setActive(Math.max(0, this.active + moves[e.key]));
    else if (e.key === 'Home') this.setActive(0);
    else if (e.key === 'End') this.setActive(this.count - 1);
    else if ((e.key === 'Enter' || e.key === ' ') && this.active >= 0) this.options.onToggle?.(this.active);
    else return;
    e.preventDefault();
  }
}
