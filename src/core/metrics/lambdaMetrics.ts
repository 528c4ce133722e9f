import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { missingPercentilesNote } from './chartNotes';
import { formatCount, formatDuration, formatSuccessRate } from './formatFigures';
import { fetchMetricSeries, type MetricQuery } from './getMetricData';
import { choosePeriod } from './period';
import { maximum, mean, successRate, successRates, total, weightedMean } from './seriesMath';
import type { MetricChart, MetricsView } from '../../shared/metricsView';

export interface LambdaMetricsOptions {
  /** The function reads a Kinesis or DynamoDB stream: adds the IteratorAge chart. */
  readonly streamTrigger?: boolean;
  readonly signal?: AbortSignal;
  readonly now?: number;
}

/** The Metrics tab of a Lambda function over a range (epoch ms), from one GetMetricData request. */
export async function lambdaMetrics(
  cw: CloudWatchClient,
  functionName: string,
  range: { start: number; end: number },
  options: LambdaMetricsOptions = {},
): Promise<MetricsView> {
  const metric = (id: string, metricName: string, stat: string): MetricQuery => ({
    id,
    namespace: 'AWS/Lambda',
    metricName,
    dimensions: { FunctionName: functionName },
    stat,
  });
  const durationQueries = [
    { label: 'Average', query: metric('durationAverage', 'Duration', 'Average') },
    { label: 'p50', query: metric('durationP50', 'Duration', 'p50') },
    { label: 'p99', query: metric('durationP99', 'Duration', 'p99') },
    { label: 'Maximum', query: metric('durationMaximum', 'Duration', 'Maximum') },
  ];
  const queries = [
    metric('invocations', 'Invocations', 'Sum'),
    metric('errors', 'Errors', 'Sum'),
    metric('throttles', 'Throttles', 'Sum'),
    ...durationQueries.map((d) => d.query),
    metric('concurrency', 'ConcurrentExecutions', 'Maximum'),
    ...(options.streamTrigger ? [metric('iteratorAge', 'IteratorAge', 'Maximum')] : []),
  ];

  const period = choosePeriod(range, options.now);
  const data = await fetchMetricSeries(cw, queries, range, period, options.signal);
  const { timestamps } = data;
  const values = (id: string) => data.values.get(id)!;
  const chart = (id: string, title: string, unit: string, series: MetricChart['series'], note?: string): MetricChart =>
    note ? { id, title, unit, timestamps, series, note } : { id, title, unit, timestamps, series };

  // Lambda sends no Invocations/Errors/Throttles datapoint for a minute without any: that is a count of 0, not a gap.
  const counted = (id: string) => values(id).map((v) => v ?? 0);
  const invocations = counted('invocations');
  const errors = counted('errors');
  const durationShown = durationQueries.filter((d) => !data.missingPercentiles.has(d.query.id));
  const durationMissing = durationQueries.filter((d) => data.missingPercentiles.has(d.query.id));

  const charts: MetricChart[] = [
    chart('invocations', 'Invocations', 'Count', [{ label: 'Invocations', values: invocations }]),
    chart('errors', 'Errors', 'Count', [{ label: 'Errors', values: errors }]),
    chart('successRate', 'Success rate', 'Percent', [{ label: 'Success rate', values: successRates(invocations, errors) }]),
    chart('throttles', 'Throttles', 'Count', [{ label: 'Throttles', values: counted('throttles') }]),
    chart(
      'duration',
      'Duration',
      'Milliseconds',
      durationShown.map((d) => ({ label: d.label, values: values(d.query.id) })),
      durationMissing.length ? missingPercentilesNote(durationMissing.map((d) => d.label), durationShown.map((d) => d.label)) : undefined,
    ),
    chart('concurrency', 'Concurrent executions', 'Count', [{ label: 'Maximum', values: values('concurrency') }]),
  ];
  if (options.streamTrigger) {
    charts.push(chart('iteratorAge', 'Iterator age', 'Milliseconds', [{ label: 'Maximum', values: values('iteratorAge') }]));
  }

  const invocationCount = total(invocations);
  const errorCount = total(errors);
  const durationAverage = values('durationAverage');
  return {
    periodSeconds: period,
    start: range.start,
    end: range.end,
    charts,
    notes: [],
    summary: [
      { label: 'Invocations', value: formatCount(invocationCount) },
      { label: 'Errors', value: formatCount(errorCount) },
      { label: 'Success rate', value: formatSuccessRate(successRate(invocationCount, errorCount)) },
      { label: 'Average duration', value: formatDuration(weightedMean(durationAverage, invocations) ?? mean(durationAverage)) },
      { label: 'Max concurrency', value: formatCount(maximum(values('concurrency'))) },
      { label: 'Throttles', value: formatCount(total(counted('throttles'))) },
    ],
  };
}
