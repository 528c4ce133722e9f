import * as assert from 'node:assert/strict';
import { CloudWatchLogsClient, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { LogGroupMissingError } from '../../../../src/core/logs/logErrors';
import type { LogEvent } from '../../../../src/core/logs/logEvent';
import type { LogSource } from '../../../../src/core/logs/logSource';
import { startLogTail, startPollingTail } from '../../../../src/core/logs/logTail';
import type { LogTail, LogTailOptions } from '../../../../src/core/logs/logTail';
import { RecentEventIds } from '../../../../src/core/logs/recentEventIds';
import { useMoto } from '../../../support/useMoto';
import { awsError, clientConfig, eventually, fakeLogsClient, seedLogGroup, untilAborted, wait } from './logsFakes';

// Live tail in the Logs tab: every new event once, in order, while the tail runs; Live Tail when asked for and available.

const GROUP = '/aws/lambda/orders';
const SOURCE: LogSource = { logGroupName: GROUP, kind: 'lambda' };
const T0 = 1_800_000_000_000;
const event = (id: number, timestamp = T0 + id * 1000): LogEvent => ({ timestamp, message: `event ${id}`, logStreamName: 's', eventId: String(id) });

/** What a tail reported, for asserting. */
function recorder(extra: Partial<LogTailOptions> = {}) {
  const batches: LogEvent[][] = [];
  const errors: unknown[] = [];
  const stops: unknown[] = [];
  const options: LogTailOptions = {
    intervalMs: 5,
    onEvents: (events) => batches.push(events),
    onError: (error) => errors.push(error),
    onStop: (reason) => stops.push(reason),
    ...extra,
  };
  return { batches, errors, stops, options, messages: () => batches.flat().map((e) => e.message) };
}

describe('core/logs tail', () => {
  let tail: LogTail | undefined;
  afterEach(() => {
    tail?.stop();
    tail = undefined;
  });

  describe('RecentEventIds', () => {
    it('lets each event through once, per log group', () => {
      const ids = new RecentEventIds();
      assert.deepEqual(ids.keepNew('a', [event(1), event(2)]), [event(1), event(2)]);
      assert.deepEqual(ids.keepNew('a', [event(1), event(2), event(3)]), [event(3)]);
      assert.deepEqual(ids.keepNew('b', [event(1)]), [event(1)], 'event ids are unique per group only');
    });

    it('forgets events older than the re-read window, so it stays small', () => {
      const ids = new RecentEventIds();
      for (let i = 0; i < 1000; i++) {
        ids.keepNew('a', [event(i)]);
        ids.forgetBefore(T0 + (i - 59) * 1000);
      }
      assert.equal(ids.size, 60);
    });
  });

  describe('polling, with a stand-in client', () => {
    it('delivers re-read events once, and reads from the overlap before the previous poll', async () => {
      let clock = T0;
      const recent = (id: number) => event(id, T0 + 60_000 + id * 1000);
      const answers = [[recent(1), recent(2)], [recent(1), recent(2), recent(3)], [recent(3), recent(4), recent(2)]];
      const { client, sent } = fakeLogsClient(() => ({ events: answers.shift() ?? [] }));
      const r = recorder({ now: () => (clock += 10_000), overlapMs: 15_000 });
      tail = startPollingTail(() => client, [SOURCE], r.options);
      await eventually(() => sent.length >= 4);
      tail.stop();
      assert.deepEqual(r.batches.map((b) => b.map((e) => e.eventId)), [['1', '2'], ['3'], ['4']]);
      // since = T0 + 10 s; the polls start at T0 + 20 s, 30 s, 40 s…: each reads from 15 s before the previous one began.
      assert.deepEqual(sent.slice(0, 4).map((c) => (c.input.startTime as number) - T0), [10_000, 10_000, 15_000, 25_000]);
      assert.ok(sent.every((c) => c.input.endTime === undefined), 'reads up to the newest event, whatever the clocks say');
      assert.deepEqual(r.errors, []);
    });

    it('sorts the new events of a poll by timestamp, across sources', async () => {
      const other: LogSource = { logGroupName: '/ecs/web', logStreamNamePrefix: 'ecs/web/', kind: 'ecs' };
      const { client } = fakeLogsClient((_, input) => ({ events: input.logGroupName === GROUP ? [event(3)] : [event(1), event(5)] }));
      const r = recorder();
      tail = startPollingTail(() => client, [SOURCE, other], r.options);
      await eventually(() => r.batches.length >= 1);
      assert.deepEqual(r.batches[0].map((e) => e.eventId), ['1', '3', '5']);
    });

    it('reports a failed poll, re-reads the same window next time, and gives up after the set number of failures', async () => {
      let calls = 0;
      const { client, sent } = fakeLogsClient(() => {
        calls++;
        if (calls === 1) return { events: [event(1)] };
        throw awsError('ThrottlingException', 'Rate exceeded');
      });
      let clock = T0;
      const r = recorder({ now: () => (clock += 10_000), maxConsecutiveFailures: 3, since: T0 });
      tail = startPollingTail(() => client, [SOURCE], r.options);
      await eventually(() => r.stops.length === 1);
      await wait(30);
      assert.equal(sent.length, 4, 'one good poll, three failed ones, then none');
      assert.deepEqual(r.errors.map((e) => (e as Error).name), ['ThrottlingException', 'ThrottlingException', 'ThrottlingException']);
      assert.equal((r.stops[0] as Error).name, 'ThrottlingException');
      const starts = sent.map((c) => c.input.startTime);
      assert.deepEqual(starts.slice(2), [starts[1], starts[1]], 'a failed poll does not move the window');
    });

    it('says once that the log group does not exist yet, and keeps polling until it does', async () => {
      let calls = 0;
      const { client } = fakeLogsClient(() => {
        if (++calls <= 3) throw awsError('ResourceNotFoundException', 'The specified log group does not exist.');
        return { events: [event(1)] };
      });
      const r = recorder();
      tail = startPollingTail(() => client, [SOURCE], r.options);
      await eventually(() => r.batches.length === 1);
      assert.equal(r.errors.length, 1);
      assert.ok(r.errors[0] instanceof LogGroupMissingError);
      assert.deepEqual(r.stops, []);
    });

    it('stop() cancels the request in flight and polls no more', async () => {
      const signals: AbortSignal[] = [];
      const { client, sent } = fakeLogsClient((_, _input, signal) => {
        signals.push(signal!);
        return untilAborted(signal);
      });
      const r = recorder();
      tail = startPollingTail(() => client, [SOURCE], r.options);
      await eventually(() => sent.length === 1);
      tail.stop();
      await wait(30);
      assert.equal(signals[0].aborted, true);
      assert.equal(sent.length, 1);
      assert.deepEqual([r.batches, r.errors, r.stops], [[], [], []]);
    });
  });

  describe('Live Tail, with a stand-in client', () => {
    /** An event stream whose every next() is `next`. */
    const stream = (next: () => Promise<IteratorResult<unknown>>) => ({ [Symbol.asyncIterator]: () => ({ next }) });
    const ARN = `arn:aws:logs:us-east-1:123456789012:log-group:${GROUP}`;

    it('streams the session updates once the session has started', async () => {
      let closed = false;
      const { client, sent } = fakeLogsClient((name, _input, signal) => {
        if (name === 'DescribeLogGroups') return { logGroups: [{ logGroupName: `${GROUP}-v2`, logGroupArn: `${ARN}-v2` }, { logGroupName: GROUP, logGroupArn: ARN }] };
        async function* stream() {
          try {
            yield { sessionStart: { sessionId: 'sess' } };
            yield { sessionUpdate: { sessionResults: [{ timestamp: T0 + 2, message: 'b', logStreamName: 's' }, { timestamp: T0 + 1, message: 'a', logStreamName: 's' }] } };
            yield { sessionUpdate: { sessionResults: [] } };
            await untilAborted(signal);
          } finally {
            closed = true;
          }
        }
        return { responseStream: stream() };
      });
      const r = recorder({ filterPattern: ' ERROR ' });
      tail = await startLogTail('liveTail', () => client, [SOURCE], r.options);
      assert.equal(tail.mode, 'liveTail');
      assert.equal(tail.fallbackReason, undefined);
      await eventually(() => r.batches.length === 1);
      assert.deepEqual(r.messages(), ['a', 'b']);
      assert.deepEqual(sent.at(-1), { name: 'StartLiveTail', input: { logGroupIdentifiers: [ARN], logStreamNamePrefixes: undefined, logEventFilterPattern: 'ERROR' } });
      tail.stop();
      await eventually(() => closed);
      assert.deepEqual([r.errors, r.stops], [[], []]);
    });

    it('reports the end of the session', async () => {
      const { client } = fakeLogsClient((name) => {
        if (name === 'DescribeLogGroups') return { logGroups: [{ logGroupName: GROUP, logGroupArn: ARN }] };
        async function* stream() {
          yield { sessionStart: { sessionId: 'sess' } };
          throw awsError('SessionTimeoutException', 'Session timed out after 3 hours');
        }
        return { responseStream: stream() };
      });
      const r = recorder();
      tail = await startLogTail('liveTail', () => client, [SOURCE], r.options);
      await eventually(() => r.stops.length === 1);
      assert.equal((r.errors[0] as Error).name, 'SessionTimeoutException');
    });

    for (const [what, answer, reason] of [
      ['the operation is unknown', () => Promise.reject(awsError('UnknownOperationException', 'Unknown operation StartLiveTail')), /UnknownOperationException: Unknown operation StartLiveTail/],
      ['access is denied', () => Promise.reject(awsError('AccessDeniedException', 'not authorized to perform: logs:StartLiveTail')), /AccessDeniedException: not authorized/],
      ['the stream fails before the session starts', () => ({ responseStream: stream(() => Promise.reject(awsError('SessionStreamingException', 'internal error'))) }), /SessionStreamingException/],
      ['no session starts in time', () => ({ responseStream: stream(() => wait(1000).then(() => ({ done: true, value: undefined }))) }), /no Live Tail session started within 0\.05 s/],
    ] as const) {
      it(`polls instead when ${what}, and says why`, async () => {
        const { client, sent } = fakeLogsClient((name, _input, signal) => {
          if (name === 'DescribeLogGroups') return { logGroups: [{ logGroupName: GROUP, logGroupArn: ARN }] };
          if (name === 'StartLiveTail') return Promise.race([answer(), untilAborted(signal)]);
          return { events: [event(1)] };
        });
        const r = recorder();
        tail = await startLogTail('liveTail', () => client, [SOURCE], { ...r.options, startTimeoutMs: 50 });
        assert.equal(tail.mode, 'poll');
        assert.match(tail.fallbackReason ?? '', reason);
        assert.match(tail.fallbackReason ?? '', /Showing new events by polling every 0\.005 s instead\.$/);
        await eventually(() => r.batches.length === 1);
        assert.ok(sent.some((c) => c.name === 'FilterLogEvents'));
      });
    }

    it('polls when Live Tail cannot serve the sources (stream prefixes in several groups)', async () => {
      const { client, sent } = fakeLogsClient(() => ({ events: [] }));
      const sources: LogSource[] = [
        { logGroupName: '/ecs/web', logStreamNamePrefix: 'ecs/app/', kind: 'ecs' },
        { logGroupName: '/ecs/otel', logStreamNamePrefix: 'ecs/otel/', kind: 'ecs' },
      ];
      tail = await startLogTail('liveTail', () => client, sources, recorder().options);
      assert.equal(tail.mode, 'poll');
      assert.match(tail.fallbackReason ?? '', /^Live Tail filters streams by prefix only within a single log group\. Showing new events by polling/);
      assert.ok(sent.every((c) => c.name === 'FilterLogEvents'));
    });
  });

  describe('against moto', () => {
    const moto = useMoto();
    let logs: CloudWatchLogsClient;
    beforeEach(async () => {
      logs = new CloudWatchLogsClient(clientConfig(moto.endpoint));
      await seedLogGroup(logs, GROUP, { s: [{ timestamp: Date.now() - 30_000, message: 'before the tail' }] });
    });

    it('polling delivers an event put after the start exactly once over several polls', async () => {
      const r = recorder({ intervalMs: 50 });
      let polls = 0;
      const counting = () => {
        polls++;
        return logs;
      };
      tail = startPollingTail(counting, [SOURCE], r.options);
      await eventually(() => polls >= 2);
      await logs.send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: 's', logEvents: [{ timestamp: Date.now(), message: 'after the start' }] }));
      const after = polls;
      await eventually(() => polls >= after + 4);
      assert.deepEqual(r.messages(), ['after the start']);
      assert.deepEqual(r.errors, []);
    });

    for (const [client, reason] of [
      // Where "stream-127.0.0.1" fails to resolve (getaddrinfo ENOTFOUND), or whatever else goes wrong on the way.
      ['as the extension builds it', /\(.+\)/],
      ['without the host prefix', /\(the endpoint answered StartLiveTail with HTTP 500 and no AWS error: it does not seem to implement it\)/],
    ] as const) {
      it(`'liveTail' falls back to polling with a client ${client}, since moto has no StartLiveTail, and says why`, async () => {
        const r = recorder({ intervalMs: 50 });
        // The SDK sends StartLiveTail to "stream-" + the endpoint's host.
        const disableHostPrefix = client === 'without the host prefix';
        tail = await startLogTail('liveTail', (region) => new CloudWatchLogsClient({ ...clientConfig(moto.endpoint, region), disableHostPrefix }), [SOURCE], r.options);
        assert.equal(tail.mode, 'poll');
        assert.match(tail.fallbackReason ?? '', /^Live Tail is not available here \(.+\)\. Showing new events by polling every 0\.05 s instead\.$/);
        assert.match(tail.fallbackReason ?? '', reason);
        await logs.send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: 's', logEvents: [{ timestamp: Date.now(), message: 'tailed' }] }));
        await eventually(() => r.batches.length === 1);
        assert.deepEqual(r.messages(), ['tailed']);
      });
    }
  });
});
