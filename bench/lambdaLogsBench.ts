import { groupLambdaLogs } from '../src/core/logs/lambdaLogs';
import type { LogEvent } from '../src/shared/logEvent';

// Parsing and grouping Lambda log lines (src/core/logs/lambdaLogs.ts), what the Monitor panel's Logs tab does with
// every page FilterLogEvents returns. The lines are generated as Lambda writes them: 16 execution environments
// (streams) interleaved, Node console lines, Python console lines, raw prints and stack-trace continuations, one
// invocation in ten in Lambda's JSON log format, one in twenty cold, some timeouts and errors.

const STREAMS = 16;
const RUNS = 5;

function requestId(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `8f507cfc-1a2b-4c3d-9e8f-${hex}`;
}

/** About `count` log events of `count / 10` invocations, interleaved across streams as FilterLogEvents returns them. */
export function generateLambdaLogEvents(count: number): LogEvent[] {
  const perStream: string[][] = Array.from({ length: STREAMS }, () => []);
  const iso = '2024-01-31T12:34:56.789Z';
  let lines = 0;
  for (let n = 0; lines < count; n++) {
    const id = requestId(n);
    const out = perStream[n % STREAMS];
    const before = out.length;
    const cold = n % 20 === 0;
    if (n % 10 === 9) {
      if (cold) out.push(JSON.stringify({ time: iso, type: 'platform.initStart', record: { initializationType: 'on-demand', phase: 'init' } }));
      out.push(JSON.stringify({ time: iso, type: 'platform.start', record: { requestId: id, version: '$LATEST' } }));
      for (let i = 0; i < 7; i++) out.push(JSON.stringify({ timestamp: iso, level: 'INFO', requestId: id, message: `processed record ${i} of order ${n}` }));
      out.push(JSON.stringify({ time: iso, type: 'platform.report', record: { requestId: id, metrics: { durationMs: 12.5, billedDurationMs: 13, memorySizeMB: 128, maxMemoryUsedMB: 70 }, status: 'success' } }));
    } else {
      if (cold) out.push('INIT_START Runtime Version: nodejs:20.v13\tRuntime Version ARN: arn:aws:lambda:eu-west-1::runtime:0123');
      out.push(`START RequestId: ${id} Version: $LATEST`);
      out.push(`${iso}\t${id}\tINFO\tgot event for order ${n} from the queue`);
      out.push(`[INFO]\t${iso}\t${id}\tcalling the payments service`);
      out.push(`payments answered 200 in ${n % 97} ms`);
      if (n % 13 === 0) {
        out.push(`${iso}\t${id}\tERROR\tInvoke Error \t{"errorType":"Error","errorMessage":"boom"}`);
        out.push('    at Runtime.handler (/var/task/index.js:3:9)');
      } else {
        out.push(`${iso}\t${id}\tWARN\tslow downstream: ${n % 1000} ms`);
        out.push(`${iso}\t${id}\tINFO\tdone`);
      }
      out.push(`END RequestId: ${id}`);
      const status = n % 50 === 7 ? 'Status: timeout\t' : '';
      out.push(
        `REPORT RequestId: ${id}\tDuration: 12.50 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\t` + (cold ? 'Init Duration: 170.49 ms\t' : '') + status,
      );
    }
    lines += out.length - before;
  }
  // Round-robin across streams, one line at a time: concurrent invocations interleave.
  const events: LogEvent[] = [];
  const cursors = new Array<number>(STREAMS).fill(0);
  let t = 1_700_000_000_000;
  for (let open = true; open && events.length < count; ) {
    open = false;
    for (let s = 0; s < STREAMS && events.length < count; s++) {
      if (cursors[s] < perStream[s].length) {
        open = true;
        events.push({ timestamp: t++, message: `${perStream[s][cursors[s]++]}\n`, logStreamName: `2024/01/31/[$LATEST]${s.toString(16).padStart(32, '0')}`, eventId: String(t) });
      }
    }
  }
  return events;
}

export interface LambdaLogsFigures {
  readonly lines: number;
  readonly invocations: number;
  /** Best of RUNS runs, lines parsed and grouped per second. */
  readonly linesPerSecond: number;
}

/** Parses and groups `count` generated Lambda log lines, best of a few runs (the first one warms V8 up). */
export function benchLambdaLogs(count = 1_000_000): LambdaLogsFigures {
  const events = generateLambdaLogEvents(count);
  let best = Infinity;
  let invocations = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    invocations = groupLambdaLogs(events).invocations.length;
    best = Math.min(best, performance.now() - t0);
  }
  return { lines: events.length, invocations, linesPerSecond: (events.length / best) * 1000 };
}
