/** Periods CloudWatch users know from the console, finest first (seconds). */
const PERIODS = [60, 300, 900, 3600, 10_800, 21_600, 86_400] as const;

/** About what a chart a few hundred pixels wide can show point by point; also keeps one request small. */
const MAX_POINTS = 360;

const DAY_MS = 86_400_000;

// CloudWatch keeps 1-minute datapoints for 15 days and 5-minute ones for 63 days, then only hourly aggregates: a finer
// period over older data returns nothing at all, so the range's start decides the finest period worth asking for.
const RETENTION: readonly { olderThanMs: number; minPeriod: number }[] = [
  { olderThanMs: 63 * DAY_MS, minPeriod: 3600 },
  { olderThanMs: 15 * DAY_MS, minPeriod: 300 },
];

/** The GetMetricData period (seconds) for a range in epoch ms: the finest giving at most ~360 points that CloudWatch still keeps. */
export function choosePeriod(range: { start: number; end: number }, now = Date.now()): number {
  const rangeSeconds = Math.max(0, (range.end - range.start) / 1000);
  const age = now - range.start;
  const retained = RETENTION.find((r) => age > r.olderThanMs)?.minPeriod ?? PERIODS[0];
  return PERIODS.find((p) => p >= retained && rangeSeconds / p <= MAX_POINTS) ?? PERIODS[PERIODS.length - 1];
}
