import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LambdaLogGrouper, groupLambdaLogs, parseLambdaLogLine, type ParsedLogLine } from '../../../../src/core/logs/lambdaLogs';
import type { LogEvent as LogEventInput } from '../../../../src/shared/logEvent';

// What the Logs tab shows of a Lambda function's log group: each invocation as one row (START … END/REPORT) with its
// figures and its error / timeout / out-of-memory / cold-start marks, whatever runtime and log format wrote it.

const ID = '8f507cfc-1a2b-4c3d-9e8f-0123456789ab';
const ID2 = '0b9d1c2e-3f4a-4b5c-8d6e-7f8091a2b3c4';
const ISO = '2024-01-31T12:34:56.789Z';

/** The line as the function wrote it: the event's message without the newline Lambda appends. */
const written = (line: ParsedLogLine) => line.message.slice(0, -1);

let clock = 1_700_000_000_000;
/** Events as FilterLogEvents returns them: one stream unless told, Lambda's trailing newline, rising timestamps. */
function events(lines: (string | [stream: string, message: string])[]): LogEventInput[] {
  return lines.map((l) => {
    const [logStreamName, message] = typeof l === 'string' ? ['2024/01/31/[$LATEST]aaaa', l] : l;
    return { timestamp: clock++, message: `${message}\n`, logStreamName, eventId: String(clock) };
  });
}

describe('core/logs lambdaLogs: parsing and grouping Lambda log lines', () => {
  describe('platform lines (text format)', () => {
    it('START, END and a REPORT without Init Duration: a warm invocation with its figures', () => {
      const { invocations, entries } = groupLambdaLogs(
        events([`START RequestId: ${ID} Version: $LATEST`, `END RequestId: ${ID}`, `REPORT RequestId: ${ID}\tDuration: 2.13 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 68 MB\t`]),
      );
      assert.equal(entries.length, 1);
      const [inv] = invocations;
      assert.equal(inv.requestId, ID);
      assert.equal(inv.start?.version, '$LATEST');
      assert.equal(inv.end?.kind, 'end');
      assert.deepEqual(inv.report, { durationMs: 2.13, billedDurationMs: 3, memorySizeMb: 128, maxMemoryUsedMb: 68 });
      assert.deepEqual([inv.coldStart, inv.timedOut, inv.error, inv.outOfMemory], [false, false, false, false]);
      assert.equal(inv.lines.length, 3);
      assert.equal(inv.lines[0].text, `START RequestId: ${ID} Version: $LATEST`, 'shown without the trailing newline');
      assert.equal(inv.lines[0].message, `START RequestId: ${ID} Version: $LATEST\n`, 'kept as CloudWatch returned it');
      assert.ok(inv.lastTimestamp > inv.firstTimestamp);
    });

    it('a REPORT with Init Duration and an X-Ray trace: a cold start', () => {
      const [inv] = groupLambdaLogs(
        events([
          `START RequestId: ${ID} Version: 7`,
          `END RequestId: ${ID}`,
          `REPORT RequestId: ${ID}\tDuration: 105.22 ms\tBilled Duration: 106 ms\tMemory Size: 512 MB\tMax Memory Used: 81 MB\tInit Duration: 170.49 ms\t\nXRAY TraceId: 1-65ba3f2e-0123456789abcdef01234567\tSegmentId: 0123456789abcdef\tSampled: true\t`,
        ]),
      ).invocations;
      assert.equal(inv.start?.version, '7');
      assert.equal(inv.coldStart, true);
      assert.equal(inv.report?.initDurationMs, 170.49);
      assert.equal(inv.report?.xrayTraceId, '1-65ba3f2e-0123456789abcdef01234567');
      assert.equal(inv.report?.memorySizeMb, 512);
    });

    it('INIT_START before START marks the cold start even when the REPORT is not loaded yet, and stays ungrouped', () => {
      const { invocations, ungrouped, entries } = groupLambdaLogs(
        events([
          'INIT_START Runtime Version: nodejs:20.v13\tRuntime Version ARN: arn:aws:lambda:eu-west-1::runtime:0123',
          `${ISO}\tundefined\tINFO\tloading config`,
          `START RequestId: ${ID} Version: $LATEST`,
          `START RequestId: ${ID2} Version: $LATEST`,
        ]),
      );
      assert.deepEqual(
        invocations.map((i) => [i.requestId, i.coldStart]),
        [
          [ID, true],
          [ID2, false],
        ],
      );
      assert.deepEqual(
        ungrouped.map((l) => l.kind),
        ['initStart', 'app'],
      );
      assert.equal(ungrouped[1].text, 'loading config', 'init output: Node prints `undefined` as the request id');
      assert.equal(ungrouped[1].requestId, undefined);
      assert.deepEqual(
        entries.map((e) => e.kind),
        ['line', 'line', 'invocation', 'invocation'],
      );
    });

    it('a timeout: the "Task timed out" line (after the REPORT, as older runtimes write it) and Status: timeout', () => {
      const { invocations, ungrouped } = groupLambdaLogs(
        events([
          `START RequestId: ${ID} Version: $LATEST`,
          `END RequestId: ${ID}`,
          `REPORT RequestId: ${ID}\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\tStatus: timeout`,
          `${ISO} ${ID} Task timed out after 3.00 seconds`,
          'an extension line after the invocation',
        ]),
      );
      const [inv] = invocations;
      assert.equal(inv.timedOut, true);
      assert.equal(inv.error, false, 'a timeout is its own mark');
      assert.equal(inv.report?.status, 'timeout');
      const timeout = inv.lines.find((l) => l.kind === 'timeout');
      assert.equal(timeout?.timeoutSeconds, 3);
      assert.equal(inv.lines.length, 4);
      assert.deepEqual(
        ungrouped.map(written),
        ['an extension line after the invocation'],
        'the timeout line does not reopen a reported invocation',
      );
    });

    it('out of memory: Status: error with Error Type: Runtime.OutOfMemory', () => {
      const [inv] = groupLambdaLogs(
        events([
          `START RequestId: ${ID} Version: $LATEST`,
          `END RequestId: ${ID}`,
          `REPORT RequestId: ${ID}\tDuration: 1489.57 ms\tBilled Duration: 1490 ms\tMemory Size: 128 MB\tMax Memory Used: 128 MB\tInit Duration: 201.10 ms\tStatus: error\tError Type: Runtime.OutOfMemory`,
        ]),
      ).invocations;
      assert.deepEqual([inv.outOfMemory, inv.error, inv.timedOut, inv.coldStart], [true, true, false, true]);
      assert.equal(inv.report?.errorType, 'Runtime.OutOfMemory');
    });

    it('out of memory on older runtimes: "Runtime exited with error: signal: killed" with all the memory used', () => {
      const [inv] = groupLambdaLogs(
        events([
          `START RequestId: ${ID} Version: $LATEST`,
          `RequestId: ${ID} Error: Runtime exited with error: signal: killed\nRuntime.ExitError`,
          `END RequestId: ${ID}`,
          `REPORT RequestId: ${ID}\tDuration: 900.00 ms\tBilled Duration: 900 ms\tMemory Size: 128 MB\tMax Memory Used: 128 MB\t`,
        ]),
      ).invocations;
      assert.deepEqual([inv.outOfMemory, inv.error], [true, true]);
      assert.equal(inv.lines[1].kind, 'runtimeError');
    });

    it('a REPORT with all the memory used but no error is not called out of memory', () => {
      const [inv] = groupLambdaLogs(
        events([`START RequestId: ${ID} Version: $LATEST`, `REPORT RequestId: ${ID}\tDuration: 9.00 ms\tBilled Duration: 9 ms\tMemory Size: 128 MB\tMax Memory Used: 128 MB\t`]),
      ).invocations;
      assert.equal(inv.outOfMemory, false);
    });
  });

  describe("the function's own lines", () => {
    it('Node console lines: level, text; an Invoke Error marks the invocation failed', () => {
      const [inv] = groupLambdaLogs(
        events([
          `START RequestId: ${ID} Version: $LATEST`,
          `${ISO}\t${ID}\tINFO\tgot order 42`,
          `${ISO}\t${ID}\tWARN\tslow downstream`,
          `${ISO}\t${ID}\tERROR\tInvoke Error \t{"errorType":"Error","errorMessage":"boom","stack":["Error: boom","    at Runtime.handler (/var/task/index.js:3:9)"]}`,
          `END RequestId: ${ID}`,
        ]),
      ).invocations;
      assert.deepEqual(
        inv.lines.slice(1, 4).map((l) => [l.kind, l.level, l.requestId]),
        [
          ['app', 'INFO', ID],
          ['app', 'WARN', ID],
          ['app', 'ERROR', ID],
        ],
      );
      assert.equal(inv.lines[1].text, 'got order 42');
      assert.equal(inv.error, true);
    });

    it('an INFO line alone does not mark an error; a Node line without a level (older runtimes) keeps its text', () => {
      const [inv] = groupLambdaLogs(events([`START RequestId: ${ID} Version: $LATEST`, `${ISO}\t${ID}\tINFO\tfine`, `${ISO}\t${ID}\tplain old log`])).invocations;
      assert.equal(inv.error, false);
      assert.equal(inv.lines[2].text, 'plain old log');
      assert.equal(inv.lines[2].level, undefined);
    });

    it("Python console lines, and Python's uncaught exception (one event, \\r-separated, no request id) stays with its invocation", () => {
      const [inv] = groupLambdaLogs(
        events([
          `START RequestId: ${ID} Version: $LATEST`,
          `[INFO]\t${ISO}\t${ID}\tprocessing`,
          `[ERROR] KeyError: 'order'\rTraceback (most recent call last):\r  File "/var/task/app.py", line 3, in handler\r    return event['order']`,
          `END RequestId: ${ID}`,
        ]),
      ).invocations;
      assert.equal(inv.lines.length, 4);
      assert.deepEqual([inv.lines[1].level, inv.lines[1].text, inv.lines[1].requestId], ['INFO', 'processing', ID]);
      assert.deepEqual([inv.lines[2].level, inv.lines[2].requestId], ['ERROR', undefined]);
      assert.equal(inv.error, true);
    });

    it('a multi-line event (a Node stack trace) is one line of its invocation', () => {
      const stack = `${ISO}\t${ID}\tERROR\tError: boom\n    at handler (/var/task/index.js:3:9)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)`;
      const [inv] = groupLambdaLogs(events([`START RequestId: ${ID} Version: $LATEST`, stack, `END RequestId: ${ID}`])).invocations;
      assert.equal(inv.lines.length, 3);
      assert.ok(inv.lines[1].text.includes('\n    at handler'), inv.lines[1].text);
      assert.equal(inv.error, true);
    });

    it('continuation events without a request id join the invocation of the previous line of the same stream', () => {
      const { invocations, ungrouped } = groupLambdaLogs(
        events([
          ['a', `START RequestId: ${ID} Version: $LATEST`],
          ['b', `START RequestId: ${ID2} Version: $LATEST`],
          ['a', `${ISO}\t${ID}\tERROR\tError: boom`],
          ['b', 'a raw print of the second one'],
          ['a', '    at handler (/var/task/index.js:3:9)'],
          ['a', `END RequestId: ${ID}`],
          ['a', `REPORT RequestId: ${ID}\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\t`],
          ['a', 'after the REPORT: not part of it'],
          ['c', 'a stream with no invocation'],
        ]),
      );
      assert.deepEqual(
        invocations[0].lines.map(written),
        [`START RequestId: ${ID} Version: $LATEST`, `${ISO}\t${ID}\tERROR\tError: boom`, '    at handler (/var/task/index.js:3:9)', `END RequestId: ${ID}`, written(invocations[0].lines[4])],
      );
      assert.deepEqual(
        invocations[1].lines.map(written),
        [`START RequestId: ${ID2} Version: $LATEST`, 'a raw print of the second one'],
      );
      assert.deepEqual(
        ungrouped.map(written),
        ['after the REPORT: not part of it', 'a stream with no invocation'],
      );
      assert.equal(invocations[1].error, false);
    });
  });

  describe('JSON log formats', () => {
    const json = (o: unknown) => JSON.stringify(o);
    it("Lambda's JSON log format: platform.initStart/start/report and app lines, each with its parsed object", () => {
      const { invocations, ungrouped } = groupLambdaLogs(
        events([
          json({ time: ISO, type: 'platform.initStart', record: { initializationType: 'on-demand', phase: 'init', runtimeVersion: 'nodejs:20.v13' } }),
          json({ time: ISO, type: 'platform.start', record: { requestId: ID, version: '$LATEST' } }),
          json({ timestamp: ISO, level: 'INFO', requestId: ID, message: 'hello' }),
          json({ timestamp: ISO, level: 'ERROR', requestId: ID, message: { errorType: 'TypeError', errorMessage: 'x is undefined' } }),
          json({
            time: ISO,
            type: 'platform.report',
            record: { requestId: ID, metrics: { durationMs: 12.5, billedDurationMs: 13, memorySizeMB: 256, maxMemoryUsedMB: 70, initDurationMs: 150.2 }, status: 'error', errorType: 'TypeError' },
          }),
        ]),
      );
      assert.equal(ungrouped[0].kind, 'initStart');
      const [inv] = invocations;
      assert.equal(inv.start?.version, '$LATEST');
      assert.deepEqual(inv.report, { durationMs: 12.5, billedDurationMs: 13, memorySizeMb: 256, maxMemoryUsedMb: 70, initDurationMs: 150.2, status: 'error', errorType: 'TypeError' });
      assert.deepEqual([inv.coldStart, inv.error, inv.timedOut, inv.outOfMemory], [true, true, false, false]);
      assert.deepEqual([inv.lines[1].kind, inv.lines[1].level, inv.lines[1].text], ['app', 'INFO', 'hello']);
      assert.deepEqual(inv.lines[1].json, { timestamp: ISO, level: 'INFO', requestId: ID, message: 'hello' });
      assert.equal(inv.lines[2].text, '{"errorType":"TypeError","errorMessage":"x is undefined"}', 'an object message is shown as JSON');
    });

    it('a JSON-format timeout (platform.report status timeout)', () => {
      const [inv] = groupLambdaLogs(
        events([
          json({ time: ISO, type: 'platform.start', record: { requestId: ID, version: '$LATEST' } }),
          json({ time: ISO, type: 'platform.report', record: { requestId: ID, metrics: { durationMs: 3000, billedDurationMs: 3000, memorySizeMB: 128, maxMemoryUsedMB: 60 }, status: 'timeout' } }),
        ]),
      ).invocations;
      assert.deepEqual([inv.timedOut, inv.error, inv.coldStart], [true, false, false]);
    });

    it('Powertools-style lines (function_request_id) and pino numeric levels join their invocation', () => {
      const line = { level: 'ERROR', location: 'handler:12', message: 'payment failed', timestamp: '2024-01-31 12:34:56,789+0000', service: 'orders', function_request_id: ID, xray_trace_id: '1-65ba-abc' };
      const [inv] = groupLambdaLogs(events([`START RequestId: ${ID} Version: $LATEST`, json(line), json({ level: 30, msg: 'pino says hi' })])).invocations;
      assert.equal(inv.lines.length, 3);
      assert.deepEqual([inv.lines[1].requestId, inv.lines[1].level, inv.lines[1].text], [ID, 'ERROR', 'payment failed']);
      assert.deepEqual(inv.lines[1].json, line);
      assert.deepEqual([inv.lines[2].level, inv.lines[2].text], ['INFO', 'pino says hi']);
      assert.equal(inv.error, true);
    });

    it('a line that only looks like JSON stays text', () => {
      const line = parseLambdaLogLine({ timestamp: 1, message: '{not json}\n' });
      assert.deepEqual([line.kind, line.json, line.text], ['text', undefined, '{not json}']);
    });
  });

  describe('grouping', () => {
    it('concurrent invocations interleaved on one stream and across streams each keep their own lines', () => {
      const { invocations } = groupLambdaLogs(
        events([
          ['a', `START RequestId: ${ID} Version: $LATEST`],
          ['a', `START RequestId: ${ID2} Version: $LATEST`],
          ['b', `${ISO}\t${ID2}\tINFO\ttwo`],
          ['a', `${ISO}\t${ID}\tINFO\tone`],
          ['a', `END RequestId: ${ID2}`],
          ['b', `END RequestId: ${ID}`],
        ]),
      );
      assert.deepEqual(
        invocations.map((i) => [i.requestId, i.lines.map((l) => l.kind), i.lines[1].text]),
        [
          [ID, ['start', 'app', 'end'], 'one'],
          [ID2, ['start', 'app', 'end'], 'two'],
        ],
      );
    });

    it('pages added one after another (live tail) extend the invocations already seen', () => {
      const grouper = new LambdaLogGrouper();
      grouper.add(events([`START RequestId: ${ID} Version: $LATEST`, `${ISO}\t${ID}\tINFO\tfirst page`]));
      assert.equal(grouper.result().invocations[0].report, undefined);
      grouper.add(events(['    continuation of the first page', `END RequestId: ${ID}`, `REPORT RequestId: ${ID}\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\t`]));
      const { invocations, entries } = grouper.result();
      assert.equal(entries.length, 1);
      assert.equal(invocations[0].lines.length, 5);
      assert.equal(invocations[0].report?.durationMs, 1);
    });

    it('entries are ordered by first timestamp even when the input is not', () => {
      const { entries, invocations } = groupLambdaLogs([
        { timestamp: 30, message: `START RequestId: ${ID} Version: $LATEST\n`, logStreamName: 'a' },
        { timestamp: 10, message: 'init output\n', logStreamName: 'c' },
        { timestamp: 20, message: `START RequestId: ${ID2} Version: $LATEST\n`, logStreamName: 'b' },
        { timestamp: 5, message: `END RequestId: ${ID}\n`, logStreamName: 'a' },
      ]);
      assert.deepEqual(
        entries.map((e) => (e.kind === 'line' ? e.line.text : e.invocation.requestId)),
        [ID, 'init output', ID2],
      );
      assert.deepEqual(
        invocations.map((i) => [i.firstTimestamp, i.lastTimestamp]),
        [
          [5, 30],
          [20, 20],
        ],
      );
    });

    it('hostile text is kept verbatim, as text', () => {
      const hostile = `${ISO}\t${ID}\tINFO\t<img src=x onerror=alert(1)><script>alert(2)</script>`;
      const [inv] = groupLambdaLogs(events([`START RequestId: ${ID} Version: $LATEST`, hostile])).invocations;
      assert.equal(inv.lines[1].text, '<img src=x onerror=alert(1)><script>alert(2)</script>');
    });

    it('parsing never throws, whatever the message', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary' }), fc.constantFrom('', 'START RequestId: ', 'REPORT RequestId: ', '{', '[ERROR]\t', `${ISO}\t`, `${ISO} `, 'RequestId: '), (tail, head) => {
          const line = parseLambdaLogLine({ timestamp: 0, message: head + tail });
          assert.equal(typeof line.text, 'string');
        }),
      );
    });
  });

  describe('property: grouping recovers the invocations Lambda wrote', () => {
    interface AppLine {
      readonly runtime: 'node' | 'python' | 'print' | 'powertools' | 'lambdaJson';
      readonly level: 'INFO' | 'WARN' | 'ERROR' | 'DEBUG';
      readonly words: string;
      /** Continuation events without a request id (stack-trace lines) right after it. */
      readonly continuations: number;
      readonly multiline: boolean;
    }
    interface InvocationSpec {
      readonly lines: readonly AppLine[];
      readonly outcome: 'ok' | 'timeout' | 'error' | 'oom';
      readonly initMs: number;
    }
    interface StreamSpec {
      readonly format: 'text' | 'json';
      /** Several invocations at once in one stream (their lines interleave); no cold start then. */
      readonly concurrent: boolean;
      readonly coldFirst: boolean;
      readonly initLines: number;
      readonly invocations: readonly InvocationSpec[];
      /** Extension output after each invocation (sequential streams only). */
      readonly after: readonly number[];
    }
    interface Rendered {
      readonly stream: string;
      readonly message: string;
      readonly owner: string | undefined;
    }

    const words = fc
      .array(fc.constantFrom('order', '42', 'done', 'REPORT', 'START', '<img src=x onerror=alert(1)>', '{"a":1}', 'ünïcode', 'tab\there', 'ms'), { minLength: 1, maxLength: 5 })
      .map((w) => `msg ${w.join(' ')}`);
    const appLine: fc.Arbitrary<AppLine> = fc.record({
      runtime: fc.constantFrom('node', 'python', 'print', 'powertools', 'lambdaJson'),
      level: fc.constantFrom('INFO', 'WARN', 'ERROR', 'DEBUG'),
      words,
      continuations: fc.nat({ max: 2 }),
      multiline: fc.boolean(),
    });
    const invocationSpec: fc.Arbitrary<InvocationSpec> = fc.record({
      lines: fc.array(appLine, { maxLength: 5 }),
      outcome: fc.constantFrom('ok', 'ok', 'timeout', 'error', 'oom'),
      initMs: fc.integer({ min: 1, max: 99999 }).map((n) => n / 100),
    });
    const streamSpec: fc.Arbitrary<StreamSpec> = fc.record({
      format: fc.constantFrom('text', 'json'),
      concurrent: fc.boolean(),
      coldFirst: fc.boolean(),
      initLines: fc.nat({ max: 2 }),
      invocations: fc.array(invocationSpec, { minLength: 1, maxLength: 4 }),
      after: fc.array(fc.nat({ max: 2 }), { minLength: 4, maxLength: 4 }),
    });

    /** The events of one invocation, grouped in units that stay together (a line and its continuation events). */
    function render(spec: InvocationSpec, id: string, format: StreamSpec['format'], cold: boolean): string[][] {
      const units: string[][] = [];
      const json = format === 'json';
      units.push([json ? JSON.stringify({ time: ISO, type: 'platform.start', record: { requestId: id, version: '$LATEST' } }) : `START RequestId: ${id} Version: $LATEST`]);
      for (const line of spec.lines) {
        const text = line.multiline ? `${line.words}\n    at second line\n    at third line` : line.words;
        const first = (() => {
          switch (line.runtime) {
            case 'node':
              return `${ISO}\t${id}\t${line.level}\t${text}`;
            case 'python':
              return `[${line.level}]\t${ISO}\t${id}\t${text}`;
            case 'print':
              return text;
            case 'powertools':
              return JSON.stringify({ level: line.level, location: 'h:1', message: text, service: 's', function_request_id: id });
            case 'lambdaJson':
              return JSON.stringify({ timestamp: ISO, level: line.level, requestId: id, message: text });
          }
        })();
        const continuations = Array.from({ length: line.continuations }, (_, i) => `    at frame ${i} (/var/task/index.js:${i}:1)`);
        // A raw print carries no request id: like a continuation, it belongs to the line before it in its stream.
        if (line.runtime === 'print') units[units.length - 1].push(first, ...continuations);
        else units.push([first, ...continuations]);
      }
      const memory = spec.outcome === 'oom' ? 128 : 60;
      if (spec.outcome === 'error') {
        units.push([
          json
            ? JSON.stringify({ timestamp: ISO, level: 'ERROR', requestId: id, message: { errorType: 'Error', errorMessage: 'boom' } })
            : `${ISO}\t${id}\tERROR\tInvoke Error \t{"errorType":"Error","errorMessage":"boom","stack":["Error: boom"]}`,
        ]);
      }
      const status = spec.outcome === 'ok' ? undefined : spec.outcome === 'timeout' ? 'timeout' : 'error';
      if (json) {
        const metrics = { durationMs: 12.5, billedDurationMs: 13, memorySizeMB: 128, maxMemoryUsedMB: memory, ...(cold ? { initDurationMs: spec.initMs } : {}) };
        const record = { requestId: id, metrics, status: status ?? 'success', ...(spec.outcome === 'oom' ? { errorType: 'Runtime.OutOfMemory' } : {}) };
        units.push([JSON.stringify({ time: ISO, type: 'platform.report', record })]);
      } else {
        units.push([`END RequestId: ${id}`]);
        units.push([
          `REPORT RequestId: ${id}\tDuration: 12.50 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: ${memory} MB\t` +
            (cold ? `Init Duration: ${spec.initMs.toFixed(2)} ms\t` : '') +
            (status ? `Status: ${status}\t` : '') +
            (spec.outcome === 'oom' ? 'Error Type: Runtime.OutOfMemory\t' : ''),
        ]);
        if (spec.outcome === 'timeout') units.push([`${ISO} ${id} Task timed out after 3.00 seconds`]);
      }
      return units;
    }

    /** Merges lists at random, keeping each list's order. */
    function merge<T>(lists: T[][], random: () => number): T[] {
      const cursors = lists.map(() => 0);
      const out: T[] = [];
      const open = lists.map((_, i) => i).filter((i) => lists[i].length > 0);
      while (open.length) {
        const pick = Math.floor(random() * open.length);
        const i = open[pick];
        out.push(lists[i][cursors[i]++]);
        if (cursors[i] === lists[i].length) open.splice(pick, 1);
      }
      return out;
    }

    const mulberry32 = (seed: number) => () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };

    it('random invocations rendered as Lambda writes them, interleaved across streams, group back exactly', () => {
      fc.assert(
        fc.property(fc.array(streamSpec, { minLength: 1, maxLength: 4 }), fc.uniqueArray(fc.uuid(), { minLength: 16, maxLength: 16 }), fc.integer(), (streams, ids, seed) => {
          const random = mulberry32(seed);
          let nextId = 0;
          const expected = new Map<string, { coldStart: boolean; timedOut: boolean; error: boolean; outOfMemory: boolean; initMs?: number }>();
          const perStream: Rendered[][] = streams.map((stream, s) => {
            const name = `2024/01/31/[$LATEST]stream${s}`;
            const unit = (message: string, owner?: string): Rendered[] => [{ stream: name, message, owner }];
            const head: Rendered[][] = [];
            const cold = stream.coldFirst && !stream.concurrent;
            if (cold) {
              head.push(
                unit(
                  stream.format === 'json'
                    ? JSON.stringify({ time: ISO, type: 'platform.initStart', record: { initializationType: 'on-demand', phase: 'init' } })
                    : 'INIT_START Runtime Version: nodejs:20.v13\tRuntime Version ARN: arn:aws:lambda:eu-west-1::runtime:0123',
                ),
              );
            }
            for (let i = 0; i < stream.initLines; i++) head.push(unit(i % 2 ? `${ISO}\tundefined\tINFO\tinit ${i}` : `EXTENSION\tName: ext${i}\tState: Ready\tEvents: [INVOKE, SHUTDOWN]`));
            const bodies = stream.invocations.map((spec, k) => {
              const id = ids[nextId++];
              const isCold = cold && k === 0;
              expected.set(id, {
                coldStart: isCold,
                timedOut: spec.outcome === 'timeout',
                error: spec.outcome === 'error' || spec.outcome === 'oom' || spec.lines.some((l) => l.level === 'ERROR' && l.runtime !== 'print'),
                outOfMemory: spec.outcome === 'oom',
                ...(isCold ? { initMs: spec.initMs } : {}),
              });
              const units: Rendered[][] = render(spec, id, stream.format, isCold).map((u) => u.map((message) => ({ stream: name, message, owner: id })));
              if (!stream.concurrent) for (let i = 0; i < stream.after[k]; i++) units.push(unit(`[datadog] flushed ${i}`));
              return units;
            });
            const body = stream.concurrent ? merge(bodies, random) : bodies.flat();
            return [...head, ...body].flat();
          });
          const all = merge(perStream, random);
          let t = 1_700_000_000_000;
          const input: LogEventInput[] = all.map((r, i) => ({ timestamp: (t += Math.floor(random() * 3)), message: `${r.message}\n`, logStreamName: r.stream, eventId: String(i) }));

          const { invocations, ungrouped, entries } = groupLambdaLogs(input);

          const order = [...new Set(all.flatMap((r) => (r.owner ? [r.owner] : [])))];
          assert.deepEqual(
            invocations.map((i) => i.requestId),
            order,
          );
          for (const inv of invocations) {
            assert.deepEqual(
              inv.lines.map(written),
              all.filter((r) => r.owner === inv.requestId).map((r) => r.message),
            );
            const want = expected.get(inv.requestId);
            assert.deepEqual({ coldStart: inv.coldStart, timedOut: inv.timedOut, error: inv.error, outOfMemory: inv.outOfMemory, ...(want?.initMs ? { initMs: inv.report?.initDurationMs } : {}) }, want);
            assert.equal(inv.report?.durationMs, 12.5);
          }
          assert.deepEqual(
            ungrouped.map(written),
            all.filter((r) => !r.owner).map((r) => r.message),
          );
          assert.equal(entries.length, invocations.length + ungrouped.length);
        }),
        { numRuns: 300 },
      );
    });
  });
});
