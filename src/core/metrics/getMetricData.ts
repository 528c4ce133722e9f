import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { MetricDataQuery, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { alignWindow, gridOf, placeOnGrid, type AlignedWindow } from './timeGrid';

export { CloudWatchClient };

export interface MetricQuery {
  /** Unique within a refresh; CloudWatch wants a lowercase letter first. */
  readonly id: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
  /** "Sum", "Average", "Maximum", or a percentile such as "p99". */
  readonly stat: string;
}

export interface MetricSeries {
  readonly periodSeconds: number;
  /** The grid every series is placed on, epoch seconds. */
  readonly timestamps: readonly number[];
  /** By query id, each as long as `timestamps`. */
  readonly values: ReadonlyMap<string, readonly (number | null)[]>;
  /** Percentile queries the endpoint refused, or left empty while another statistic of the same metric has data. */
  readonly missingPercentiles: ReadonlySet<string>;
}

export const isPercentile = (stat: string): boolean => /^p\d/i.test(stat);

/**
 * Every query of a refresh in ONE GetMetricData request (its NextToken pages included), placed on one time grid.
 * A request with percentiles that fails is retried once without them: some endpoints (moto, older emulators) fail
 * the whole request for a percentile, and average and maximum are still worth showing. Other failures propagate.
 */
export async function fetchMetricSeries(
  cw: CloudWatchClient,
  queries: readonly MetricQuery[],
  range: { start: number; end: number },
  periodSeconds: number,
  signal?: AbortSignal,
): Promise<MetricSeries> {
  const aligned = alignWindow(range, periodSeconds);
  const percentileIds = queries.filter((q) => isPercentile(q.stat)).map((q) => q.id);
  let asked = queries;
  let results: Map<string, MetricDataResult>;
  try {
    results = await getAllPages(cw, asked, aligned, signal);
  } catch (error) {
    if (percentileIds.length === 0 || signal?.aborted || !mayRejectPercentiles(error)) throw error;
    asked = queries.filter((q) => !isPercentile(q.stat));
    results = await getAllPages(cw, asked, aligned, signal);
  }

  const values = new Map<string, (number | null)[]>();
  for (const query of queries) {
    const result = results.get(query.id);
    values.set(query.id, placeOnGrid(aligned, result?.Timestamps ?? [], result?.Values ?? []));
  }
  const refused = asked.length < queries.length;
  const hasData = (id: string) => values.get(id)!.some((v) => v !== null);
  const otherStatHasData = (percentile: MetricQuery) => queries.some((q) => !isPercentile(q.stat) && sameMetric(q, percentile) && hasData(q.id));
  const missing = queries.filter((q) => isPercentile(q.stat) && (refused || (!hasData(q.id) && otherStatHasData(q))));
  return { periodSeconds, timestamps: gridOf(aligned), values, missingPercentiles: new Set(missing.map((q) => q.id)) };
}

async function getAllPages(
  cw: CloudWatchClient,
  queries: readonly MetricQuery[],
  aligned: AlignedWindow,
  signal: AbortSignal | undefined,
): Promise<Map<string, MetricDataResult>> {
  const merged = new Map<string, MetricDataResult>();
  let nextToken: string | undefined;
  do {
    const page = await cw.send(
      new GetMetricDataCommand({
        MetricDataQueries: queries.map((q) => toDataQuery(q, aligned.periodSeconds)),
        StartTime: new Date(aligned.startSeconds * 1000),
        EndTime: new Date(aligned.endSeconds * 1000),
        ScanBy: 'TimestampAscending',
        NextToken: nextToken,
      }),
      { abortSignal: signal },
    );
    for (const result of page.MetricDataResults ?? []) {
      if (!result.Id) continue;
      const before = merged.get(result.Id);
      merged.set(result.Id, {
        ...result,
        Timestamps: [...(before?.Timestamps ?? []), ...(result.Timestamps ?? [])],
        Values: [...(before?.Values ?? []), ...(result.Values ?? [])],
      });
    }
    // An endpoint that hands back the token it was given would otherwise keep the refresh going forever.
    nextToken = page.NextToken && page.NextToken !== nextToken ? page.NextToken : undefined;
  } while (nextToken);
  return merged;
}

function toDataQuery(query: MetricQuery, periodSeconds: number): MetricDataQuery {
  return {
    Id: query.id,
    MetricStat: {
      Metric: {
        Namespace: query.namespace,
        MetricName: query.metricName,
        Dimensions: Object.entries(query.dimensions).map(([Name, Value]) => ({ Name, Value })),
      },
      Period: periodSeconds,
      Stat: query.stat,
    },
    ReturnData: true,
  };
}

/** The service answered, and the answer may be about the request's content: a server error or an invalid parameter. */
function mayRejectPercentiles(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  const status = e?.$metadata?.httpStatusCode ?? 0;
  return status >= 500 || (status === 400 && /Invalid|Validation/i.test(e?.name ?? ''));
}

function sameMetric(a: MetricQuery, b: MetricQuery): boolean {
  return a.namespace === b.namespace && a.metricName === b.metricName && JSON.stringify(a.dimensions) === JSON.stringify(b.dimensions);
}
