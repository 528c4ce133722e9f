// The Metrics tab's charts, one card per chart id, kept across refreshes so a refresh redraws in place.
import type { MetricsView } from '../../src/shared/monitorMessages';
import { MetricChartCard, type TimeWindow } from './charts';
import { el } from './dom';

/** The x range of a view, epoch seconds: the requested range, widened to the buckets CloudWatch returned. */
function windowOf(view: MetricsView, timestamps: readonly number[]): TimeWindow {
  const start = Math.min(view.start / 1000, timestamps[0] ?? Infinity);
  const end = Math.max(view.end / 1000, timestamps[timestamps.length - 1] ?? -Infinity);
  return [start, end];
}

export class MetricsGrid {
  readonly element = el('div', 'metrics-grid');
  private readonly cards = new Map<string, MetricChartCard>();

  render(view: MetricsView): void {
    const ids = new Set(view.charts.map((c) => c.id));
    for (const [id, card] of this.cards) {
      if (ids.has(id)) continue;
      card.destroy();
      this.cards.delete(id);
    }
    const ordered = view.charts.map((chart) => {
      const timeWindow = windowOf(view, chart.timestamps);
      let card = this.cards.get(chart.id);
      if (card) card.update(chart, timeWindow);
      else this.cards.set(chart.id, (card = new MetricChartCard(chart, timeWindow)));
      return card.element;
    });
    this.element.replaceChildren(...ordered);
    // New cards get their width only now that they are in the document.
    this.resize();
  }

  resize(): void {
    for (const card of this.cards.values()) card.resize();
  }

  restyle(): void {
    for (const card of this.cards.values()) card.restyle();
  }
}
