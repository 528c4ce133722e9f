import * as assert from 'node:assert/strict';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import {
  FARGATE_INSIGHTS_QUERIES,
  InsightsQueryError,
  LAMBDA_INSIGHTS_QUERIES,
  LAMBDA_JSON_INSIGHTS_QUERIES,
  lambdaInsightsQueries,
  runInsightsQuery,
} from '../../../../src/core/logs/insights';
import { useMoto } from '../../../support/useMoto';
import { awsError, clientConfig, fakeLogsClient, seedLogGroup, untilAborted } from './logsFakes';

// The Logs tab's Insights mode: ready queries, and a query run to its end as a table.

const START = 1_800_000_000_123;
const END = 1_800_003_600_456;
const field = (name: string, value: string) => ({ field: name, value });

describe('core/logs insights', () => {
  describe('against moto', () => {
    const moto = useMoto();

    it('runs a query and returns its fields (without @ptr) and rows, newest first, limited', async () => {
      const logs = new CloudWatchLogsClient(clientConfig(moto.endpoint));
      const now = Date.now();
      await seedLogGroup(logs, '/aws/lambda/orders', { s: Array.from({ length: 5 }, (_, i) => ({ timestamp: now - (5 - i) * 60_000, message: `line ${i}` })) });
      const statuses: string[] = [];
      const result = await runInsightsQuery(logs, ['/aws/lambda/orders'], 'fields @timestamp, @message | sort @timestamp desc | limit 3', {
        start: now - 3_600_000,
        end: now,
        pollMs: 10,
        onStatus: (status) => statuses.push(status),
      });
      assert.deepEqual(result.fields, ['@timestamp', '@message']);
      assert.deepEqual(result.rows.map((r) => r[1]), ['line 4', 'line 3', 'line 2']);
      assert.equal(result.status, 'Complete');
      assert.deepEqual(statuses, ['Complete']);
    });
  });

  describe('with a stand-in client', () => {
    it('polls through Scheduled and Running to Complete, and aligns rows to the union of fields', async () => {
      const statuses = ['Scheduled', 'Running', 'Complete'];
      const { client, sent } = fakeLogsClient((name) => {
        if (name === 'StartQuery') return { queryId: 'q-1' };
        const status = statuses.shift();
        return {
          status,
          statistics: { recordsMatched: 2, recordsScanned: 40 },
          results:
            status === 'Complete'
              ? [
                  [field('@timestamp', '2027-01-15 08:00:00.000'), field('@requestId', 'r1'), field('@duration', '812.5'), field('@ptr', 'xyz')],
                  [field('@timestamp', '2027-01-15 08:01:00.000'), field('@duration', '640.1'), field('@initDuration', '201.3'), field('@ptr', 'abc')],
                ]
              : [],
        };
      });
      const seen: [string, number | undefined][] = [];
      const result = await runInsightsQuery(client, ['/aws/lambda/orders', '/aws/lambda/orders-v2'], LAMBDA_INSIGHTS_QUERIES[0].query, {
        start: START,
        end: END,
        limit: 50,
        pollMs: 1,
        onStatus: (status, stats) => seen.push([status, stats?.recordsScanned]),
      });
      assert.deepEqual(seen, [
        ['Scheduled', 40],
        ['Running', 40],
        ['Complete', 40],
      ]);
      assert.deepEqual(result, {
        fields: ['@timestamp', '@requestId', '@duration', '@initDuration'],
        rows: [
          ['2027-01-15 08:00:00.000', 'r1', '812.5', ''],
          ['2027-01-15 08:01:00.000', '', '640.1', '201.3'],
        ],
        status: 'Complete',
        recordsMatched: 2,
        recordsScanned: 40,
      });
      assert.deepEqual(sent[0], {
        name: 'StartQuery',
        input: { logGroupNames: ['/aws/lambda/orders', '/aws/lambda/orders-v2'], startTime: 1_800_000_000, endTime: 1_800_003_601, queryString: LAMBDA_INSIGHTS_QUERIES[0].query, limit: 50 },
      });
      assert.deepEqual(sent.slice(1).map((c) => [c.name, c.input.queryId]), [
        ['GetQueryResults', 'q-1'],
        ['GetQueryResults', 'q-1'],
        ['GetQueryResults', 'q-1'],
      ]);
    });

    it('stops the query on AWS when aborted', async () => {
      const controller = new AbortController();
      const { client, sent } = fakeLogsClient((name, _input, signal) => {
        if (name === 'StartQuery') return { queryId: 'q-2' };
        if (name === 'StopQuery') return { success: true };
        if (sent.filter((c) => c.name === 'GetQueryResults').length === 2) {
          setTimeout(() => controller.abort(), 5);
          return untilAborted(signal);
        }
        return { status: 'Running', results: [] };
      });
      await assert.rejects(runInsightsQuery(client, ['/ecs/web'], 'fields @message', { start: START, end: END, pollMs: 1, signal: controller.signal }), { name: 'AbortError' });
      assert.deepEqual(sent.at(-1), { name: 'StopQuery', input: { queryId: 'q-2' } });
    });

    it('stops the query also when aborted between two polls, and ignores StopQuery failing', async () => {
      const controller = new AbortController();
      const { client, sent } = fakeLogsClient((name) => {
        if (name === 'StartQuery') return { queryId: 'q-3' };
        if (name === 'StopQuery') throw awsError('InvalidParameterException', 'query already finished');
        setTimeout(() => controller.abort(), 5);
        return { status: 'Running', results: [] };
      });
      await assert.rejects(runInsightsQuery(client, ['/ecs/web'], 'fields @message', { start: START, end: END, pollMs: 10_000, signal: controller.signal }), { name: 'AbortError' });
      assert.equal(sent.at(-1)?.name, 'StopQuery');
    });

    for (const [status, expected] of [
      ['Failed', /failed on the CloudWatch side\. Run it again/],
      ['Timeout', /ran out of time \(60 minutes\)\. Query a shorter time range/],
      ['Cancelled', /was cancelled/],
    ] as const) {
      it(`fails clearly when the query ends ${status}`, async () => {
        const { client } = fakeLogsClient((name) => (name === 'StartQuery' ? { queryId: 'q' } : { status, results: [] }));
        await assert.rejects(runInsightsQuery(client, ['/ecs/web'], 'fields @message', { start: START, end: END, pollMs: 1 }), (error: Error) => {
          assert.ok(error instanceof InsightsQueryError);
          assert.match(error.message, expected);
          return true;
        });
      });
    }

    it("reports a syntax error with AWS's own message, which says where it is", async () => {
      const { client, sent } = fakeLogsClient(() => {
        throw awsError('MalformedQueryException', 'unexpected symbol found | at line 1 and position 9');
      });
      await assert.rejects(runInsightsQuery(client, ['/ecs/web'], 'fields @@message', { start: START, end: END }), (error: Error) => {
        assert.ok(error instanceof InsightsQueryError);
        assert.equal(error.message, 'The query is not valid Logs Insights syntax: unexpected symbol found | at line 1 and position 9. Correct it and run it again.');
        return true;
      });
      assert.equal(sent.length, 1);
    });
  });

  describe('ready queries', () => {
    const all = [LAMBDA_INSIGHTS_QUERIES, LAMBDA_JSON_INSIGHTS_QUERIES, FARGATE_INSIGHTS_QUERIES];

    it('have unique ids and labels within each list', () => {
      for (const list of all) {
        assert.equal(new Set(list.map((q) => q.id)).size, list.length);
        assert.equal(new Set(list.map((q) => q.label)).size, list.length);
      }
    });

    it('offer the slowest invocations, errors and cold starts for Lambda, in both log formats', () => {
      for (const format of ['Text', 'JSON'] as const) {
        assert.deepEqual(lambdaInsightsQueries(format).map((q) => q.id).slice(0, 3), ['slowest', 'errors', 'coldStarts']);
      }
      const text = Object.fromEntries(LAMBDA_INSIGHTS_QUERIES.map((q) => [q.id, q.query]));
      assert.match(text.slowest, /^filter @type = "REPORT"\n\| fields .*@requestId, @duration, @billedDuration, .*@initDuration\n\| sort @duration desc/);
      assert.match(text.coldStarts, /ispresent\(@initDuration\)/);
      assert.match(text.errors, /\| sort @timestamp desc/);
      assert.match(lambdaInsightsQueries('JSON')[0].query, /type = "platform\.report"/);
      assert.equal(lambdaInsightsQueries(), LAMBDA_INSIGHTS_QUERIES);
    });

    it('are balanced and pipe-separated Logs Insights commands', () => {
      const commands = /^(fields|filter|stats|sort|limit|parse|display|dedup)\b/;
      for (const { query } of all.flat()) {
        for (const part of query.split(/\n?\| /)) assert.match(part.trim(), commands, query);
        assert.equal((query.match(/\(/g) ?? []).length, (query.match(/\)/g) ?? []).length, query);
        assert.equal((query.match(/"/g) ?? []).length % 2, 0, query);
      }
    });
  });
});
