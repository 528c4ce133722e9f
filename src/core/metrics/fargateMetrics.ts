import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { formatPercent } from './formatFigures';
import { fetchMetricSeries, type MetricQuery } from './getMetricData';
import { choosePeriod } from './period';
import { maximum, mean } from './seriesMath';
import type { MetricChart, MetricsView } from '../../shared/metricsView';

export interface FargateMetricsOptions {
  /** The service's task counts now, from DescribeServices. */
  readonly tasks?: { readonly running: number; readonly pending: number; readonly desired: number };
  readonly signal?: AbortSignal;
  readonly now?: number;
}

/** The Metrics tab of an ECS (Fargate) service over a range (epoch ms), from one GetMetricData request. */
export async function fargateMetrics(
  cw: CloudWatchClient,
  service: { clusterName: string; serviceName: string },
  range: { start: number; end: number },
  options: FargateMetricsOptions = {},
): Promise<MetricsView> {
  const dimensions = { ClusterName: service.clusterName, ServiceName: service.serviceName };
  const ecs = (id: string, metricName: string, stat: string): MetricQuery => ({ id, namespace: 'AWS/ECS', metricName, dimensions, stat });
  // Maximum, not Average: Container Insights reports counts every minute, and a count of 2.4 tasks reads as a bug.
  const insights = (id: string, metricName: string): MetricQuery => ({ id, namespace: 'ECS/ContainerInsights', metricName, dimensions, stat: 'Maximum' });
  const taskQueries = [
    { label: 'Running', query: insights('runningTasks', 'RunningTaskCount') },
    { label: 'Pending', query: insights('pendingTasks', 'PendingTaskCount') },
    { label: 'Desired', query: insights('desiredTasks', 'DesiredTaskCount') },
  ];
  const queries = [
    ecs('cpuAverage', 'CPUUtilization', 'Average'),
    ecs('cpuMaximum', 'CPUUtilization', 'Maximum'),
    ecs('memoryAverage', 'MemoryUtilization', 'Average'),
    ecs('memoryMaximum', 'MemoryUtilization', 'Maximum'),
    ...taskQueries.map((t) => t.query),
  ];

  const period = choosePeriod(range, options.now);
  const data = await fetchMetricSeries(cw, queries, range, period, options.signal);
  const { timestamps } = data;
  const values = (id: string) => data.values.get(id)!;

  const charts: MetricChart[] = [
    { id: 'cpu', title: 'CPU utilization', unit: 'Percent', timestamps, series: [{ label: 'Average', values: values('cpuAverage') }, { label: 'Maximum', values: values('cpuMaximum') }] },
    { id: 'memory', title: 'Memory utilization', unit: 'Percent', timestamps, series: [{ label: 'Average', values: values('memoryAverage') }, { label: 'Maximum', values: values('memoryMaximum') }] },
  ];
  const notes: string[] = [];
  const taskSeries = taskQueries.map((t) => ({ label: t.label, values: values(t.query.id) }));
  if (taskSeries.some((s) => s.values.some((v) => v !== null))) {
    charts.push({ id: 'tasks', title: 'Tasks', unit: 'Count', timestamps, series: taskSeries });
  } else {
    notes.push(
      `Task counts over time need Container Insights on cluster "${service.clusterName}". ` +
        `Enable it with: aws ecs update-cluster-settings --cluster ${service.clusterName} --settings name=containerInsights,value=enabled ` +
        '(CloudWatch charges for its metrics; charts fill from then on).',
    );
  }

  const summary: { label: string; value: string }[] = [];
  if (options.tasks) {
    const { running, pending, desired } = options.tasks;
    summary.push({ label: 'Tasks', value: `${running} running · ${pending} pending · ${desired} desired` });
  }
  summary.push(
    { label: 'CPU average', value: formatPercent(mean(values('cpuAverage'))) },
    { label: 'CPU maximum', value: formatPercent(maximum(values('cpuMaximum'))) },
    { label: 'Memory average', value: formatPercent(mean(values('memoryAverage'))) },
    { label: 'Memory maximum', value: formatPercent(maximum(values('memoryMaximum'))) },
  );
  return { periodSeconds: period, start: range.start, end: range.end, charts, notes, summary };
}
