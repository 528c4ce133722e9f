import * as assert from 'node:assert/strict';
import type { CloudWatchClient, GetMetricDataCommand, GetMetricDataCommandInput, GetMetricDataCommandOutput, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { fargateMetrics } from '../../../../src/core/metrics/fargateMetrics';
import { lambdaMetrics } from '../../../../src/core/metrics/lambdaMetrics';
import type { MetricChart } from '../../../../src/shared/metricsView';

// What a refresh asks of CloudWatch, with a stand-in client that counts requests: one GetMetricData request holding
// every query, its pages merged, percentiles dropped with a note when an endpoint does not give them.

const NOW = Date.UTC(2026, 10, 26, 14, 7, 30);
const LAST_HOUR = { start: NOW - 3_600_000, end: NOW };
/** The one-minute grid of LAST_HOUR: 13:07 … 14:07 (the bucket holding `end` included). */
const GRID_START = Date.UTC(2026, 10, 26, 13, 7) / 1000;
const at = (minute: number) => new Date((GRID_START + minute * 60) * 1000);

type Answer = (input: GetMetricDataCommandInput, call: number) => Partial<GetMetricDataCommandOutput> | Error;

function standInCloudWatch(answer: Answer) {
  const requests: GetMetricDataCommandInput[] = [];
  const send = async (command: GetMetricDataCommand, options?: { abortSignal?: AbortSignal }) => {
    requests.push(command.input);
    const signal = options?.abortSignal;
    if (signal) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (signal.aborted) throw Object.assign(new Error('Request aborted'), { name: 'AbortError' });
    }
    const result = answer(command.input, requests.length);
    if (result instanceof Error) throw result;
    return { $metadata: {}, ...result };
  };
  return { client: { send } as unknown as CloudWatchClient, requests };
}

/** A result for every query of the request, with `points` datapoints [minute, value] unless `byId` says otherwise. */
function everyQuery(input: GetMetricDataCommandInput, byId: Record<string, [number, number][]> = {}, points: [number, number][] = [[5, 7]]): MetricDataResult[] {
  return input.MetricDataQueries!.map((q) => {
    const data = byId[q.Id!] ?? points;
    return { Id: q.Id, Timestamps: data.map(([m]) => at(m)), Values: data.map(([, v]) => v), StatusCode: 'Complete' };
  });
}

const serviceError = (name: string, status: number) => Object.assign(new Error(`${name} from the service`), { name, $metadata: { httpStatusCode: status } });
const chartOf = (charts: readonly MetricChart[], id: string) => charts.find((c) => c.id === id)!;
const labels = (chart: MetricChart) => chart.series.map((s) => s.label);

describe('core/metrics one GetMetricData request per refresh', () => {
  it('asks every Lambda chart in one request: lowercase ids, ascending, period-aligned times', async () => {
    const { client, requests } = standInCloudWatch((input) => ({ MetricDataResults: everyQuery(input) }));
    const view = await lambdaMetrics(client, 'orders', LAST_HOUR, { now: NOW, streamTrigger: true });

    assert.equal(requests.length, 1);
    const [request] = requests;
    assert.deepEqual(
      request.MetricDataQueries!.map((q) => `${q.MetricStat!.Metric!.MetricName} ${q.MetricStat!.Stat}`),
      ['Invocations Sum', 'Errors Sum', 'Throttles Sum', 'Duration Average', 'Duration p50', 'Duration p99', 'Duration Maximum', 'ConcurrentExecutions Maximum', 'IteratorAge Maximum'],
    );
    for (const q of request.MetricDataQueries!) {
      assert.match(q.Id!, /^[a-z][a-zA-Z0-9_]*$/);
      assert.deepEqual(q.MetricStat!.Metric!.Dimensions, [{ Name: 'FunctionName', Value: 'orders' }]);
      assert.equal(q.MetricStat!.Metric!.Namespace, 'AWS/Lambda');
      assert.equal(q.MetricStat!.Period, 60);
    }
    assert.equal(request.ScanBy, 'TimestampAscending');
    assert.equal(request.StartTime!.getTime(), GRID_START * 1000);
    assert.equal(request.EndTime!.getTime(), Date.UTC(2026, 10, 26, 14, 8));

    assert.deepEqual(view.charts.map((c) => c.id), ['invocations', 'errors', 'successRate', 'throttles', 'duration', 'concurrency', 'iteratorAge']);
    const duration = chartOf(view.charts, 'duration');
    assert.deepEqual(labels(duration), ['Average', 'p50', 'p99', 'Maximum']);
    assert.equal(duration.note, undefined);
    for (const chart of view.charts) {
      assert.equal(chart.timestamps.length, 61);
      assert.deepEqual([chart.timestamps[0], chart.timestamps[1] - chart.timestamps[0]], [GRID_START, 60]);
      for (const s of chart.series) assert.equal(s.values.length, 61, `${chart.id} ${s.label}`);
    }
  });

  it('follows NextToken pages of the request and merges their results by id', async () => {
    const { client, requests } = standInCloudWatch((input, call) =>
      call === 1
        ? { MetricDataResults: everyQuery(input, { invocations: [[1, 10], [2, 20]] }, []).filter((r) => r.Id === 'invocations'), NextToken: 'page-2' }
        : { MetricDataResults: everyQuery(input, { invocations: [[3, 30]], errors: [[2, 5]] }, []) },
    );
    const view = await lambdaMetrics(client, 'orders', LAST_HOUR, { now: NOW });

    assert.equal(requests.length, 2);
    assert.equal(requests[1].NextToken, 'page-2');
    assert.deepEqual(requests[1].MetricDataQueries, requests[0].MetricDataQueries, 'the same request, continued');
    assert.deepEqual(chartOf(view.charts, 'invocations').series[0].values.slice(0, 5), [0, 10, 20, 30, 0]);
    assert.deepEqual(chartOf(view.charts, 'successRate').series[0].values.slice(0, 5), [null, 100, 75, 100, null]);
    assert.deepEqual(view.summary.slice(0, 3), [
      { label: 'Invocations', value: '60' },
      { label: 'Errors', value: '5' },
      { label: 'Success rate', value: '91.6 %' },
    ]);
  });

  it('shows average and maximum with a note when percentiles come back empty while the average has data', async () => {
    const { client, requests } = standInCloudWatch((input) => ({ MetricDataResults: everyQuery(input, { durationP50: [], durationP99: [] }) }));
    const view = await lambdaMetrics(client, 'orders', LAST_HOUR, { now: NOW });

    assert.equal(requests.length, 1);
    const duration = chartOf(view.charts, 'duration');
    assert.deepEqual(labels(duration), ['Average', 'Maximum']);
    assert.equal(duration.note, 'p50 and p99 were not returned by this endpoint: showing average and maximum');
  });

  it('adds no note when the function has no duration data at all', async () => {
    const { client } = standInCloudWatch((input) => ({ MetricDataResults: everyQuery(input, {}, []) }));
    const view = await lambdaMetrics(client, 'orders', LAST_HOUR, { now: NOW });

    const duration = chartOf(view.charts, 'duration');
    assert.deepEqual(labels(duration), ['Average', 'p50', 'p99', 'Maximum']);
    assert.equal(duration.note, undefined);
    assert.ok(duration.series.every((s) => s.values.every((v) => v === null)));
    assert.deepEqual(view.summary.map((s) => s.value), ['0', '0', '—', '—', '—', '0']);
  });

  it('retries once without percentiles when the request with them fails on the server', async () => {
    const { client, requests } = standInCloudWatch((input, call) => (call === 1 ? serviceError('InternalServiceError', 500) : { MetricDataResults: everyQuery(input) }));
    const view = await lambdaMetrics(client, 'orders', LAST_HOUR, { now: NOW });

    assert.equal(requests.length, 2);
    assert.deepEqual(requests[1].MetricDataQueries!.map((q) => q.MetricStat!.Stat).filter((s) => s!.startsWith('p')), []);
    assert.equal(chartOf(view.charts, 'duration').note, 'p50 and p99 were not returned by this endpoint: showing average and maximum');
  });

  it('lets any other failure through without retrying', async () => {
    const denied = standInCloudWatch(() => serviceError('AccessDenied', 403));
    await assert.rejects(lambdaMetrics(denied.client, 'orders', LAST_HOUR, { now: NOW }), { name: 'AccessDenied' });
    assert.equal(denied.requests.length, 1);

    const throttled = standInCloudWatch(() => serviceError('Throttling', 400));
    await assert.rejects(lambdaMetrics(throttled.client, 'orders', LAST_HOUR, { now: NOW }), { name: 'Throttling' });
    assert.equal(throttled.requests.length, 1);

    const fargate = standInCloudWatch(() => serviceError('InternalServiceError', 500));
    await assert.rejects(fargateMetrics(fargate.client, { clusterName: 'main', serviceName: 'web' }, LAST_HOUR, { now: NOW }), { name: 'InternalServiceError' });
    assert.equal(fargate.requests.length, 1, 'no percentiles to drop: nothing to retry');

    const twice = standInCloudWatch(() => serviceError('InternalServiceError', 500));
    await assert.rejects(lambdaMetrics(twice.client, 'orders', LAST_HOUR, { now: NOW }), { name: 'InternalServiceError' });
    assert.equal(twice.requests.length, 2, 'retried once, not more');
  });

  it('stops when the refresh is cancelled', async () => {
    const { client, requests } = standInCloudWatch((input) => ({ MetricDataResults: everyQuery(input) }));
    const controller = new AbortController();
    const refresh = lambdaMetrics(client, 'orders', LAST_HOUR, { now: NOW, signal: controller.signal });
    controller.abort();
    await assert.rejects(refresh, { name: 'AbortError' });
    assert.equal(requests.length, 1);
  });
});
