import * as assert from 'node:assert/strict';
import { CloudWatchClient, PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { fargateMetrics } from '../../../../src/core/metrics/fargateMetrics';
import { lambdaMetrics } from '../../../../src/core/metrics/lambdaMetrics';
import type { MetricChart, MetricsView } from '../../../../src/shared/metricsView';
import { useMoto } from '../../../support/useMoto';

// The Metrics tab's data as moto_server serves it: datapoints seeded with PutMetricData over the last hour come back
// in their minute of the chart, other functions' and services' data stays out, and moto's failure on percentiles
// (HTTP 500 for the whole request) degrades the duration chart instead of failing the tab.

const MINUTE = 60_000;

describe('core/metrics lambdaMetrics and fargateMetrics against moto', function () {
  this.timeout(30_000);
  const moto = useMoto();
  let cw: CloudWatchClient;
  let now: number;
  let lastHour: { start: number; end: number };
  /** The grid's first minute, epoch ms; `minute(k)` is the k-th point of the charts. */
  let gridStart: number;
  const minute = (k: number) => new Date(gridStart + k * MINUTE);

  beforeEach(() => {
    cw = new CloudWatchClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
    now = Date.now();
    lastHour = { start: now - 60 * MINUTE, end: now };
    gridStart = Math.floor(lastHour.start / MINUTE) * MINUTE;
  });
  afterEach(() => cw.destroy());

  const put = (namespace: string, data: MetricDatum[]) => cw.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: data }));
  const datum = (dimensions: Record<string, string>, name: string, k: number, value: number, unit: MetricDatum['Unit'] = 'Count'): MetricDatum => ({
    MetricName: name,
    Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })),
    Timestamp: minute(k),
    Value: value,
    Unit: unit,
  });
  const chartOf = (view: MetricsView, id: string): MetricChart => {
    const chart = view.charts.find((c) => c.id === id);
    assert.ok(chart, `chart ${id}`);
    return chart;
  };
  const seriesOf = (view: MetricsView, id: string, label: string) => chartOf(view, id).series.find((s) => s.label === label)!.values;
  /** The series as {minute: value}, leaving out the nulls. */
  const points = (values: readonly (number | null)[]) => Object.fromEntries(values.flatMap((v, k) => (v === null ? [] : [[k, v]])));
  /** A count series as {minute: value}, leaving out the minutes without any (0, not a gap: Lambda sends nothing then). */
  const counts = (values: readonly (number | null)[]) => {
    assert.ok(values.every((v) => v !== null), 'a count series has no gaps');
    return Object.fromEntries(values.flatMap((v, k) => (v === 0 ? [] : [[k, v]])));
  };

  describe('Lambda', () => {
    const orders = { FunctionName: 'orders' };
    beforeEach(async () => {
      await put('AWS/Lambda', [
        datum(orders, 'Invocations', 10, 10),
        datum(orders, 'Invocations', 20, 4),
        datum(orders, 'Errors', 10, 1),
        datum(orders, 'Errors', 20, 0),
        datum(orders, 'Throttles', 20, 2),
        datum(orders, 'Duration', 10, 100, 'Milliseconds'),
        datum(orders, 'Duration', 10, 200, 'Milliseconds'),
        datum(orders, 'ConcurrentExecutions', 10, 3),
        datum(orders, 'ConcurrentExecutions', 20, 5),
        datum(orders, 'IteratorAge', 20, 1500, 'Milliseconds'),
        datum({ FunctionName: 'payments' }, 'Invocations', 10, 99),
        datum({ FunctionName: 'payments' }, 'Errors', 15, 99),
      ]);
    });

    it('puts every datapoint in its minute, computes the success rate, and keeps other functions out', async () => {
      const view = await lambdaMetrics(cw, 'orders', lastHour, { now });

      assert.equal(view.periodSeconds, 60);
      assert.deepEqual(view.charts.map((c) => c.id), ['invocations', 'errors', 'successRate', 'throttles', 'duration', 'concurrency']);
      const timestamps = chartOf(view, 'invocations').timestamps;
      assert.equal(timestamps[0], gridStart / 1000);
      assert.equal(timestamps.length, Math.ceil(now / MINUTE) - gridStart / MINUTE);
      assert.deepEqual(counts(seriesOf(view, 'invocations', 'Invocations')), { 10: 10, 20: 4 });
      assert.deepEqual(counts(seriesOf(view, 'errors', 'Errors')), { 10: 1 });
      assert.deepEqual(points(seriesOf(view, 'successRate', 'Success rate')), { 10: 90, 20: 100 });
      assert.deepEqual(counts(seriesOf(view, 'throttles', 'Throttles')), { 20: 2 });
      assert.deepEqual(points(seriesOf(view, 'concurrency', 'Maximum')), { 10: 3, 20: 5 });
      assert.deepEqual(view.summary, [
        { label: 'Invocations', value: '14' },
        { label: 'Errors', value: '1' },
        { label: 'Success rate', value: '92.8 %' },
        { label: 'Average duration', value: '150 ms' },
        { label: 'Max concurrency', value: '5' },
        { label: 'Throttles', value: '2' },
      ]);
    });

    it('shows duration as average and maximum with a note, since moto fails percentile requests', async () => {
      const view = await lambdaMetrics(cw, 'orders', lastHour, { now });

      const duration = chartOf(view, 'duration');
      assert.equal(duration.unit, 'Milliseconds');
      assert.deepEqual(duration.series.map((s) => s.label), ['Average', 'Maximum']);
      assert.deepEqual(points(seriesOf(view, 'duration', 'Average')), { 10: 150 });
      assert.deepEqual(points(seriesOf(view, 'duration', 'Maximum')), { 10: 200 });
      assert.equal(duration.note, 'p50 and p99 were not returned by this endpoint: showing average and maximum');
    });

    it('adds the iterator age chart for a stream-triggered function', async () => {
      const view = await lambdaMetrics(cw, 'orders', lastHour, { now, streamTrigger: true });

      const iteratorAge = chartOf(view, 'iteratorAge');
      assert.equal(iteratorAge.unit, 'Milliseconds');
      assert.deepEqual(points(iteratorAge.series[0].values), { 20: 1500 });
    });
  });

  describe('Fargate service', () => {
    const web = { ClusterName: 'main', ServiceName: 'web' };
    const service = { clusterName: 'main', serviceName: 'web' };
    beforeEach(async () => {
      await put('AWS/ECS', [
        datum(web, 'CPUUtilization', 10, 20, 'Percent'),
        datum(web, 'CPUUtilization', 10, 40, 'Percent'),
        datum(web, 'MemoryUtilization', 10, 50, 'Percent'),
        datum(web, 'MemoryUtilization', 30, 70, 'Percent'),
        datum({ ClusterName: 'main', ServiceName: 'api' }, 'CPUUtilization', 10, 99, 'Percent'),
      ]);
    });

    it('charts CPU and memory (average and maximum) and says how to get task counts without Container Insights', async () => {
      const view = await fargateMetrics(cw, service, lastHour, { now, tasks: { running: 2, pending: 0, desired: 3 } });

      assert.deepEqual(view.charts.map((c) => c.id), ['cpu', 'memory']);
      assert.deepEqual(points(seriesOf(view, 'cpu', 'Average')), { 10: 30 });
      assert.deepEqual(points(seriesOf(view, 'cpu', 'Maximum')), { 10: 40 });
      assert.deepEqual(points(seriesOf(view, 'memory', 'Average')), { 10: 50, 30: 70 });
      assert.equal(view.notes.length, 1);
      assert.match(view.notes[0], /Container Insights/);
      assert.match(view.notes[0], /aws ecs update-cluster-settings --cluster main --settings name=containerInsights,value=enabled/);
      assert.deepEqual(view.summary, [
        { label: 'Tasks', value: '2 running · 0 pending · 3 desired' },
        { label: 'CPU average', value: '30 %' },
        { label: 'CPU maximum', value: '40 %' },
        { label: 'Memory average', value: '60 %' },
        { label: 'Memory maximum', value: '70 %' },
      ]);
    });

    it('charts running, pending and desired tasks from Container Insights', async () => {
      await put('ECS/ContainerInsights', [
        datum(web, 'RunningTaskCount', 10, 2),
        datum(web, 'RunningTaskCount', 11, 3),
        datum(web, 'PendingTaskCount', 10, 1),
        datum(web, 'DesiredTaskCount', 10, 3),
        datum(web, 'DesiredTaskCount', 11, 3),
      ]);
      const view = await fargateMetrics(cw, service, lastHour, { now });

      assert.deepEqual(view.notes, []);
      const tasks = chartOf(view, 'tasks');
      assert.deepEqual(tasks.series.map((s) => s.label), ['Running', 'Pending', 'Desired']);
      assert.deepEqual(points(seriesOf(view, 'tasks', 'Running')), { 10: 2, 11: 3 });
      assert.deepEqual(points(seriesOf(view, 'tasks', 'Pending')), { 10: 1 });
      assert.deepEqual(points(seriesOf(view, 'tasks', 'Desired')), { 10: 3, 11: 3 });
      assert.equal(view.summary[0].label, 'CPU average', 'no task figures without DescribeServices counts');
    });
  });
});
