// What the Monitor panel's Metrics tab draws: the result of one GetMetricData refresh, shaped for uPlot.

/** A chart of the Metrics tab: every series on the same time axis (`timestamps`, epoch seconds). */
export interface MetricChart {
  readonly id: string;
  readonly title: string;
  /** e.g. "Count", "Milliseconds", "Percent". */
  readonly unit: string;
  readonly timestamps: readonly number[];
  readonly series: readonly { readonly label: string; readonly values: readonly (number | null)[] }[];
  /** Why the chart has less than asked for (e.g. "p50 and p99 not returned by this endpoint"). */
  readonly note?: string;
}

export interface MetricsView {
  readonly periodSeconds: number;
  readonly start: number;
  readonly end: number;
  readonly charts: readonly MetricChart[];
  /** Notes for the whole tab (degraded queries, missing Container Insights…). */
  readonly notes: readonly string[];
  /** Figures shown above the charts, e.g. "Running tasks: 2 of 3". */
  readonly summary: readonly { readonly label: string; readonly value: string }[];
}
