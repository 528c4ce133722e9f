import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { fetchLogEvents } from '../../../../src/core/logs/fetchLogs';
import type { FetchLogsOptions } from '../../../../src/core/logs/fetchLogs';
import { LogGroupMissingError } from '../../../../src/core/logs/logErrors';
import type { LogEvent } from '../../../../src/core/logs/logEvent';
import type { LogSource } from '../../../../src/core/logs/logSource';
import { useMoto } from '../../../support/useMoto';
import { awsError, CREDENTIALS, clientConfig, fakeLogsClient, seedLogGroup, untilAborted } from './logsFakes';

// What the Logs tab loads for a time range: the newest events of the function's or service's log groups.

const MINUTE = 60_000;
const LAMBDA: LogSource = { logGroupName: '/aws/lambda/orders', kind: 'lambda' };

/** Runs a fetch and collects what onPage delivered. */
async function fetchAll(client: CloudWatchLogsClient, sources: LogSource[], options: Omit<FetchLogsOptions, 'onPage'>) {
  const pages: LogEvent[][] = [];
  const result = await fetchLogEvents(() => client, sources, { ...options, onPage: (events) => pages.push(events) });
  const events = pages.flat().sort((a, b) => a.timestamp - b.timestamp);
  return { ...result, pages, events };
}

describe('core/logs fetchLogEvents', () => {
  describe('against moto', () => {
    const moto = useMoto();
    const now = Date.now();
    let logs: CloudWatchLogsClient;
    beforeEach(() => {
      logs = new CloudWatchLogsClient(clientConfig(moto.endpoint));
    });

    it('returns the events of every stream of the group in the range', async () => {
      await seedLogGroup(logs, LAMBDA.logGroupName, {
        '2026/01/01/[$LATEST]aaaa': [
          { timestamp: now - 20 * MINUTE, message: 'START a' },
          { timestamp: now - 2 * MINUTE, message: 'END a' },
        ],
        '2026/01/01/[$LATEST]bbbb': [{ timestamp: now - 9 * MINUTE, message: 'START b' }],
      });
      const { events, count, truncated } = await fetchAll(logs, [LAMBDA], { start: now - 3_600_000, end: now, maxEvents: 100 });
      assert.deepEqual(
        events.map((e) => [e.message, e.logStreamName]),
        [
          ['START a', '2026/01/01/[$LATEST]aaaa'],
          ['START b', '2026/01/01/[$LATEST]bbbb'],
          ['END a', '2026/01/01/[$LATEST]aaaa'],
        ],
      );
      assert.ok(events.every((e) => typeof e.eventId === 'string' && e.eventId.length > 0));
      assert.deepEqual([count, truncated], [3, false]);
    });

    it('honours the time range: nothing before start or after end', async () => {
      await seedLogGroup(logs, LAMBDA.logGroupName, {
        s: [50, 30, 10].map((ago) => ({ timestamp: now - ago * MINUTE, message: `${ago} minutes ago` })),
      });
      const { events } = await fetchAll(logs, [LAMBDA], { start: now - 40 * MINUTE, end: now - 20 * MINUTE, maxEvents: 100 });
      assert.deepEqual(events.map((e) => e.message), ['30 minutes ago']);
    });

    it('passes the filter pattern (trimmed) to FilterLogEvents', async () => {
      await seedLogGroup(logs, LAMBDA.logGroupName, {
        s: [
          { timestamp: now - 3 * MINUTE, message: 'INFO processed order 1' },
          { timestamp: now - 2 * MINUTE, message: 'ERROR order 2 has no items' },
        ],
      });
      const { events } = await fetchAll(logs, [LAMBDA], { start: now - 3_600_000, end: now, maxEvents: 100, filterPattern: '  ERROR ' });
      assert.deepEqual(events.map((e) => e.message), ['ERROR order 2 has no items']);
    });

    it('keeps the newest events when there are more than maxEvents, and says so', async () => {
      await seedLogGroup(logs, LAMBDA.logGroupName, {
        s: Array.from({ length: 30 }, (_, i) => ({ timestamp: now - (30 - i) * MINUTE, message: `line ${i}` })),
      });
      const { events, count, truncated } = await fetchAll(logs, [LAMBDA], { start: now - 3_600_000, end: now, maxEvents: 10 });
      assert.deepEqual(events.map((e) => e.message), Array.from({ length: 10 }, (_, i) => `line ${20 + i}`));
      assert.deepEqual([count, truncated], [10, true]);
    });

    it('fails with a clear error when the log group does not exist', async () => {
      await assert.rejects(fetchAll(logs, [{ logGroupName: '/aws/lambda/never-invoked', kind: 'lambda' }], { start: now - 3_600_000, end: now, maxEvents: 10 }), (error: Error) => {
        assert.ok(error instanceof LogGroupMissingError);
        assert.equal(
          error.message,
          'The log group /aws/lambda/never-invoked does not exist (yet): the function writes it on its first invocation, or it logs to another group (see its logging configuration).',
        );
        return true;
      });
    });
  });

  describe('with a stand-in client', () => {
    const END = 1_800_000_000_000;

    it('follows nextToken through every page', async () => {
      const { client, sent } = fakeLogsClient((_, input) => {
        const page = Number(input.nextToken ?? 0);
        const events = Array.from({ length: 4 }, (_, i) => ({ timestamp: END - 100_000 + page * 4 + i, message: `p${page} e${i}`, eventId: `${page}-${i}` }));
        return { events, nextToken: page < 24 ? String(page + 1) : undefined };
      });
      const { events, count } = await fetchAll(client, [LAMBDA], { start: END - 120_000, end: END, maxEvents: 1000 });
      assert.equal(count, 100);
      assert.equal(new Set(events.map((e) => e.eventId)).size, 100);
      assert.deepEqual(sent.map((c) => c.input.nextToken), [undefined, ...Array.from({ length: 24 }, (_, i) => String(i + 1))]);
      assert.ok(sent.every((c) => c.name === 'FilterLogEvents' && c.input.limit === 10_000 && c.input.logGroupName === LAMBDA.logGroupName));
    });

    it('reads windows backwards from the end: 5 minutes, then twice as long each time, down to the start', async () => {
      const { client, sent } = fakeLogsClient(() => ({ events: [] }));
      const { count, truncated } = await fetchAll(client, [LAMBDA], { start: END - 60 * MINUTE, end: END, maxEvents: 100 });
      assert.deepEqual([count, truncated], [0, false]);
      assert.deepEqual(
        sent.map((c) => [END - (c.input.startTime as number), END - (c.input.endTime as number)]),
        [
          [5 * MINUTE - 1, 0],
          [15 * MINUTE - 1, 5 * MINUTE],
          [35 * MINUTE - 1, 15 * MINUTE],
          [60 * MINUTE, 35 * MINUTE],
        ],
      );
    });

    it('stops at maxEvents with the newest events, without reading older windows', async () => {
      // One event every 10 s, answered in pages of 7 (oldest first, as FilterLogEvents does).
      const { client, sent } = fakeLogsClient((_, input) => {
        const all: { timestamp: number; message: string; eventId: string }[] = [];
        for (let t = Math.ceil(input.startTime / 10_000) * 10_000; t <= input.endTime; t += 10_000) all.push({ timestamp: t, message: `at ${t}`, eventId: String(t) });
        const from = Number(input.nextToken ?? 0);
        return { events: all.slice(from, from + 7), nextToken: from + 7 < all.length ? String(from + 7) : undefined };
      });
      const { events, count, truncated, pages } = await fetchAll(client, [LAMBDA], { start: END - 60 * MINUTE, end: END, maxEvents: 50 });
      assert.deepEqual([count, truncated], [50, true]);
      assert.deepEqual(
        events.map((e) => e.timestamp),
        Array.from({ length: 50 }, (_, i) => END - (49 - i) * 10_000),
        'the 50 newest',
      );
      assert.equal(pages.length, 2, 'one delivery per window');
      assert.deepEqual(new Set(sent.map((c) => END - (c.input.startTime as number))), new Set([5 * MINUTE - 1, 15 * MINUTE - 1]), 'the third window is never read');
    });

    it('skips a missing group among several and names it; fails when every group is missing', async () => {
      const missing: LogSource = { logGroupName: '/ecs/sidecar', logStreamNamePrefix: 'ecs/sidecar/', kind: 'ecs' };
      const present: LogSource = { logGroupName: '/ecs/web', logStreamNamePrefix: 'ecs/web/', kind: 'ecs' };
      const { client, sent } = fakeLogsClient((_, input) => {
        if (input.logGroupName === missing.logGroupName) throw awsError('ResourceNotFoundException', 'The specified log group does not exist.');
        const inRange = input.startTime <= END - 1000 && END - 1000 <= input.endTime;
        return { events: inRange ? [{ timestamp: END - 1000, message: 'GET /health 200', logStreamName: 'ecs/web/abc', eventId: '1' }] : [] };
      });
      const result = await fetchAll(client, [missing, present], { start: END - 60 * MINUTE, end: END, maxEvents: 100 });
      assert.deepEqual(result.events.map((e) => e.message), ['GET /health 200']);
      assert.deepEqual(result.missingLogGroups, ['/ecs/sidecar']);
      assert.equal(sent.filter((c) => c.input.logGroupName === missing.logGroupName).length, 1, 'asked once, not in every window');
      assert.equal(sent.find((c) => c.input.logGroupName === present.logGroupName)?.input.logStreamNamePrefix, 'ecs/web/');

      await assert.rejects(fetchAll(client, [missing], { start: END - 60 * MINUTE, end: END, maxEvents: 100 }), (error: Error) => {
        assert.ok(error instanceof LogGroupMissingError);
        assert.match(error.message, /The log group \/ecs\/sidecar does not exist: create it .*awslogs-create-group/);
        return true;
      });
    });

    it('stops reading when aborted', async () => {
      const controller = new AbortController();
      const { client, sent } = fakeLogsClient((_, _input, signal) => {
        setTimeout(() => controller.abort(), 5);
        return untilAborted(signal);
      });
      await assert.rejects(fetchAll(client, [LAMBDA], { start: END - 60 * MINUTE, end: END, maxEvents: 100, signal: controller.signal }), { name: 'AbortError' });
      assert.equal(sent.length, 1);
    });

    it('lets a throttling error through once the SDK has retried', async () => {
      let requests = 0;
      const server = http.createServer((req, res) => {
        requests++;
        req.resume();
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const client = new CloudWatchLogsClient({ endpoint, region: 'us-east-1', credentials: CREDENTIALS, retryMode: 'adaptive', maxAttempts: 2 });
        await assert.rejects(fetchAll(client, [LAMBDA], { start: END - MINUTE, end: END, maxEvents: 10 }), { name: 'ThrottlingException' });
        assert.equal(requests, 2);
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });
});
