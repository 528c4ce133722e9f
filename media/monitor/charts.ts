// One chart of the Metrics tab: a card with the chart's title and note, and a uPlot drawn at the card's width.
import uPlot from 'uplot';
import type { MetricChart } from '../../src/shared/monitorMessages';
import { el } from './dom';
import { axisSteps, axisUnitLabel, formatAxisTicks, formatHoverTime, formatMetricValue } from './metricsFormat';
import { readChartTheme, seriesColours, withAlpha } from './metricsTheme';

/** Height of the plot and its axes; the legend sits below. */
export const PLOT_HEIGHT = 190;

/** The x range every chart of a refresh shares, epoch seconds: the requested range, not just where data is. */
export type TimeWindow = readonly [start: number, end: number];

const hasData = (chart: MetricChart) => chart.series.some((s) => s.values.some((v) => v !== null));

/** What decides the plot's options: when it is unchanged a refresh only swaps the data. */
const shapeOf = (chart: MetricChart) => JSON.stringify([chart.unit, chart.series.map((s) => s.label)]);

/** Non-null values with no neighbour: a line has nothing to join them to, so they are drawn as dots. */
function isolatedPoints(u: uPlot, seriesIdx: number, show: boolean): number[] | null {
  if (show) return null;
  const values = u.data[seriesIdx];
  const isolated: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (values[i] != null && values[i - 1] == null && values[i + 1] == null) isolated.push(i);
  }
  return isolated.length > 0 ? isolated : null;
}

function plotOptions(chart: MetricChart, width: number, timeWindow: () => TimeWindow, legendHost: HTMLElement): uPlot.Options {
  const theme = readChartTheme();
  const colours = seriesColours(chart.series.map((s) => s.label), theme);
  // A filled area reads as volume: right for one count or duration, clutter for several lines or a 0–100 % scale.
  const filled = chart.series.length === 1 && chart.unit !== 'Percent';
  const yMax = (u: uPlot) => u.scales.y.max ?? 0;
  return {
    width,
    height: PLOT_HEIGHT,
    legend: {
      live: true,
      mount: (_u, table) => legendHost.replaceChildren(table),
      markers: { width: 0, fill: (_u, i) => colours[i - 1] },
    },
    hooks: { setLegend: [(u) => legendHost.classList.toggle('is-hovering', u.legend.idx != null)] },
    cursor: { y: false, points: { size: 7 }, drag: { x: true, y: false } },
    scales: {
      x: {
        time: true,
        // Auto-ranging (first draw, new data, double-click) spans the whole window; a drag-zoom keeps what was dragged.
        range: (u, min, max) => {
          const xs = u.data[0];
          const auto = min === xs[0] && (max === xs[xs.length - 1] || xs.length === 1);
          return auto ? [...timeWindow()] : [min, max];
        },
      },
      y: {
        // Metrics here are never negative: start at 0 so a flat line does not look like a swing.
        range: (_u, min, max) => {
          const low = Math.min(0, min ?? 0);
          // Percentages against the whole 0–100 scale: 50 % memory should look half full.
          const high = Math.max(max ?? 0, low, chart.unit === 'Percent' ? 100 : 0);
          return [low, high > low ? high * 1.06 : low + 1];
        },
      },
    },
    series: [
      { label: 'Time', value: (_u, v: number | null, _s, idx) => (idx == null || v == null ? '' : formatHoverTime(v)) },
      ...chart.series.map((s, i): uPlot.Series => ({
        label: s.label,
        stroke: colours[i],
        fill: filled ? withAlpha(colours[i], 0.12) : undefined,
        width: 1.5,
        spanGaps: false,
        points: { filter: isolatedPoints, size: 5, fill: colours[i] },
        // Off the plot (idx null) the legend is a plain key; on it, the hovered value with its unit.
        value: (_u, v: number | null, _s, idx) => (idx == null ? '' : formatMetricValue(chart.unit, v)),
      })),
    ],
    axes: [
      { stroke: theme.axis, font: theme.font, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.grid, width: 1 } },
      {
        stroke: theme.axis,
        font: theme.font,
        labelFont: theme.labelFont,
        label: (u) => axisUnitLabel(chart.unit, yMax(u)),
        labelSize: 18,
        size: 52,
        incrs: axisSteps(chart.unit),
        values: (u, ticks, _axis, _space, step) => formatAxisTicks(chart.unit, ticks, step, yMax(u)),
        grid: { stroke: theme.grid, width: 1 },
        ticks: { stroke: theme.grid, width: 1 },
      },
    ],
  };
}

function plotData(chart: MetricChart): uPlot.AlignedData {
  return [chart.timestamps as number[], ...chart.series.map((s) => s.values as (number | null)[])];
}

export class MetricChartCard {
  readonly element = el('section', 'metric-card');
  private readonly title = el('h3', 'metric-title');
  private readonly note = el('p', 'metric-note');
  private readonly plotHost = el('div', 'metric-plot');
  private readonly legendHost = el('div', 'metric-legend');
  private readonly empty = el('div', 'metric-empty', 'No data in this range');
  private readonly resizeObserver = new ResizeObserver(() => this.scheduleResize());
  private plot?: uPlot;
  private shape = '';
  private resizeFrame = 0;

  constructor(
    private chart: MetricChart,
    private timeWindow: TimeWindow,
  ) {
    this.plotHost.style.height = `${PLOT_HEIGHT}px`;
    this.element.append(this.title, this.note, this.plotHost, this.legendHost);
    this.resizeObserver.observe(this.plotHost);
    this.show(chart);
  }

  /** Shows a refresh's version of the chart; keeps the uPlot when only the numbers changed. */
  update(chart: MetricChart, timeWindow: TimeWindow): void {
    this.chart = chart;
    this.timeWindow = timeWindow;
    this.show(chart);
  }

  /** Draws at the card's current width: on activate, since a hidden tab has no width to draw at. */
  resize(): void {
    const width = Math.floor(this.plotHost.clientWidth);
    if (width === 0 || !hasData(this.chart)) return;
    if (!this.plot) {
      this.plot = new uPlot(plotOptions(this.chart, width, () => this.timeWindow, this.legendHost), plotData(this.chart), this.plotHost);
      this.shape = shapeOf(this.chart);
    } else if (this.plot.width !== width) {
      this.plot.setSize({ width, height: PLOT_HEIGHT });
    }
  }

  /** Redraws with the current theme's colours. */
  restyle(): void {
    this.destroyPlot();
    this.resize();
  }

  destroy(): void {
    cancelAnimationFrame(this.resizeFrame);
    this.resizeObserver.disconnect();
    this.destroyPlot();
    this.element.remove();
  }

  private show(chart: MetricChart): void {
    this.title.textContent = chart.title;
    this.plotHost.setAttribute('role', 'img');
    this.plotHost.setAttribute('aria-label', `${chart.title} chart (${chart.unit}): ${chart.series.map((s) => s.label).join(', ')}`);
    this.note.textContent = chart.note ?? '';
    this.note.hidden = !chart.note;
    if (!hasData(chart)) {
      this.destroyPlot();
      this.plotHost.replaceChildren(this.empty);
      return;
    }
    this.empty.remove();
    if (this.plot && this.shape === shapeOf(chart)) {
      // Auto-ranges x again, to the new window (see the x scale's range).
      this.plot.setData(plotData(chart));
      return;
    }
    this.destroyPlot();
    this.resize();
  }

  private destroyPlot(): void {
    this.plot?.destroy();
    this.plot = undefined;
    this.shape = '';
  }

  // Resizing inside the observer's callback would change the observed box again within the same frame.
  private scheduleResize(): void {
    cancelAnimationFrame(this.resizeFrame);
    this.resizeFrame = requestAnimationFrame(() => this.resize());
  }
}
