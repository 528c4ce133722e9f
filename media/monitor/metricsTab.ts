// The Monitor page's Metrics tab: one loadMetrics (one GetMetricData request on the host) per refresh, drawn with uPlot.
import type { HostMessage, MetricsView, PanelError } from '../../src/shared/monitorMessages';
import { el } from './dom';
import { AUTO_REFRESH_MS, AutoRefresh } from './metricsAutoRefresh';
import { MetricsGrid } from './metricsGrid';
import { errorBanner, notices, summaryTiles } from './metricsOverview';
import { createMetricsToolbar, type MetricsToolbar } from './metricsToolbar';
import type { PageContext, TabController } from './tab';

export function createMetricsTab(ctx: PageContext): TabController {
  return new MetricsTab(ctx);
}

class MetricsTab implements TabController {
  readonly element = el('div', 'metrics-tab');
  private readonly toolbar: MetricsToolbar;
  private readonly errorSlot = el('div', 'metrics-error-slot');
  private readonly overviewSlot = el('div', 'metrics-overview');
  private readonly grid = new MetricsGrid();
  private readonly autoRefresh: AutoRefresh;
  private view: MetricsView | undefined;
  /** The request whose answer is awaited; answers to any other are stale. */
  private requestId: number | undefined;
  private pending = false;
  private answeredAt = 0;
  /** Nothing loaded yet, or the range changed while the tab was hidden. */
  private stale = true;

  constructor(private readonly ctx: PageContext) {
    this.autoRefresh = new AutoRefresh(
      () => this.isVisible(),
      () => this.load(),
    );
    this.toolbar = createMetricsToolbar({
      autoRefresh: ctx.init.autoRefresh,
      onRefresh: () => this.load(),
      onAutoRefresh: (on) => {
        this.autoRefresh.set(on);
        ctx.saveState({ autoRefresh: on });
      },
    });
    this.autoRefresh.set(ctx.init.autoRefresh);
    this.element.append(this.toolbar.element, this.errorSlot, this.overviewSlot, this.grid.element);
    document.addEventListener('visibilitychange', () => {
      if (this.autoRefresh.on && this.isVisible() && this.isDue()) this.load();
    });
    // VS Code restyles <html> and <body> when the colour theme changes; canvases do not follow CSS, so redraw.
    const restyle = new MutationObserver(() => this.grid.restyle());
    restyle.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
    restyle.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  }

  activate(): void {
    if (this.isDue()) this.load();
    this.grid.resize();
  }

  rangeChanged(): void {
    this.stale = true;
    if (this.isVisible()) this.load();
  }

  handle(message: HostMessage): void {
    if (message.type !== 'metrics' && message.type !== 'metricsError') return;
    if (message.requestId !== this.requestId) return;
    this.pending = false;
    this.answeredAt = Date.now();
    this.toolbar.setLoading(false);
    if (message.type === 'metrics') this.show(message.view);
    else this.showError(message.error);
  }

  private load(): void {
    this.requestId = this.ctx.nextRequestId();
    this.pending = true;
    this.stale = false;
    this.toolbar.setLoading(true);
    this.ctx.post({ type: 'loadMetrics', requestId: this.requestId, range: this.ctx.range() });
  }

  /** Whether the charts no longer show what the range asks for: a range ending now moves on one period at a time. */
  private isDue(): boolean {
    if (this.stale) return true;
    if (this.pending || this.ctx.range().preset === 'custom') return false;
    const periodMs = (this.view?.periodSeconds ?? 60) * 1000;
    const maxAge = this.autoRefresh.on ? AUTO_REFRESH_MS : Math.max(periodMs, AUTO_REFRESH_MS);
    return Date.now() - this.answeredAt >= maxAge;
  }

  private isVisible(): boolean {
    return document.visibilityState === 'visible' && this.element.isConnected && this.element.checkVisibility();
  }

  private show(view: MetricsView): void {
    this.view = view;
    this.errorSlot.replaceChildren();
    const notes = view.charts.length === 0 && view.notes.length === 0 ? ['CloudWatch has no metrics to chart for this resource.'] : view.notes;
    this.overviewSlot.replaceChildren(notices(notes), summaryTiles(view.summary));
    this.grid.render(view);
    this.toolbar.setUpdated(new Date(), view.periodSeconds);
  }

  private showError(error: PanelError): void {
    this.errorSlot.replaceChildren(errorBanner(error, this.view !== undefined, () => this.load()));
  }
}
