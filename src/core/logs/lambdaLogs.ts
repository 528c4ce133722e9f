// Lambda log lines, parsed and grouped into invocations by request id: what the Monitor panel's Logs tab shows as
// one collapsible row per invocation (START … END/REPORT) with its duration, memory and init-duration badges.
// Plain Node, no AWS call: the input is CloudWatch log events as FilterLogEvents returns them.
//
// Speed matters (a Logs tab may hold hundreds of thousands of lines): no regex anywhere; every line is classified by
// its first character and `startsWith`, fields are cut with `indexOf`, REPORT figures are read in place, and
// `JSON.parse` runs only on lines that start with `{` and end with `}`.

import type { LogEvent } from '../../shared/logEvent';
import { REPORT_PREFIX, parseReportFields, reportRequestIdEnd, type LambdaReport } from '../lambda/report';

export type LogLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL';

/**
 * What a line is. `start`, `end`, `report`, `timeout` belong to one invocation; `initStart` (INIT_START,
 * platform.initStart) announces a cold start in its stream; `platform` is another platform line (INIT_REPORT,
 * EXTENSION, platform.runtimeDone…); `runtimeError` is `RequestId: … Error: Runtime exited…`; `app` is the
 * function's own output with a request id or level; `text` is anything else (raw prints, stack-trace continuations).
 */
export type LambdaLineKind = 'start' | 'end' | 'report' | 'timeout' | 'initStart' | 'platform' | 'runtimeError' | 'app' | 'text';

export interface ParsedLogLine {
  readonly timestamp: number;
  /** The event's message as CloudWatch returned it (with the newline Lambda appends): for copy and export. */
  readonly message: string;
  readonly logStreamName?: string;
  readonly eventId?: string;
  readonly kind: LambdaLineKind;
  readonly requestId?: string;
  readonly level?: LogLevel;
  /**
   * What to show: the message without its trailing newline and without its timestamp / request id / level prefix
   * (the `message` field of JSON lines, the event type of JSON platform lines).
   */
  readonly text: string;
  /** The parsed object of a JSON line (Lambda's JSON log format, Powertools, any structured logger). */
  readonly json?: Record<string, unknown>;
  /** On `report` lines. */
  readonly report?: LambdaReport;
  /** On `start` lines: the function version that ran. */
  readonly version?: string;
  /** On `timeout` lines: the configured timeout Lambda reports. */
  readonly timeoutSeconds?: number;
}

export interface LambdaInvocation {
  readonly requestId: string;
  start?: ParsedLogLine;
  end?: ParsedLogLine;
  report?: LambdaReport;
  /** Every line of the invocation, START and REPORT included, in input order. */
  readonly lines: ParsedLogLine[];
  /** Init Duration (or Restore Duration) in the REPORT, or an INIT_START just before its START in the same stream. */
  coldStart: boolean;
  timedOut: boolean;
  /** An ERROR/FATAL line, an Invoke Error, an uncaught exception, a `Status: error`, a runtime exit. */
  error: boolean;
  outOfMemory: boolean;
  firstTimestamp: number;
  lastTimestamp: number;
  /** The stream of its first line. */
  readonly logStreamName?: string;
}

/** One row of the timeline: an invocation, or a line outside any (init output, extension logs, INIT_START…). */
export type LambdaLogEntry = { readonly kind: 'invocation'; readonly invocation: LambdaInvocation } | { readonly kind: 'line'; readonly line: ParsedLogLine };

export interface GroupedLambdaLogs {
  /** Invocations and ungrouped lines, by first timestamp (input order among equals). */
  readonly entries: LambdaLogEntry[];
  /** The invocations alone, by first timestamp. */
  readonly invocations: LambdaInvocation[];
  /** The lines outside any invocation, in input order. */
  readonly ungrouped: ParsedLogLine[];
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing one line

const START = 'START RequestId: ';
const END = 'END RequestId: ';
const RUNTIME_ERROR = 'RequestId: ';
const TIMED_OUT = 'Task timed out after ';

/** `8f507cfc-1a2b-4c3d-9e8f-0123456789ab`: Lambda request ids are UUIDs; checking the shape keeps ordinary text out. */
function isRequestId(s: string, from: number, to: number): boolean {
  return to - from === 36 && s.charCodeAt(from + 8) === 45 && s.charCodeAt(from + 13) === 45 && s.charCodeAt(from + 18) === 45 && s.charCodeAt(from + 23) === 45;
}

/** `2024-01-31T12:34:56.789Z` at the start of the line (a cheap shape check, no regex). */
function startsWithIsoTime(s: string, from: number): boolean {
  return s.charCodeAt(from + 4) === 45 && s.charCodeAt(from + 7) === 45 && s.charCodeAt(from + 10) === 84 && s.charCodeAt(from + 13) === 58;
}

function normaliseLevel(value: unknown): LogLevel | undefined {
  if (typeof value === 'number') {
    // pino's numeric levels
    return value >= 60 ? 'FATAL' : value >= 50 ? 'ERROR' : value >= 40 ? 'WARN' : value >= 30 ? 'INFO' : value >= 20 ? 'DEBUG' : 'TRACE';
  }
  if (typeof value !== 'string') return undefined;
  switch (value.length <= 8 ? value.toUpperCase() : '') {
    case 'TRACE':
      return 'TRACE';
    case 'DEBUG':
      return 'DEBUG';
    case 'INFO':
      return 'INFO';
    case 'WARN':
    case 'WARNING':
      return 'WARN';
    case 'ERROR':
      return 'ERROR';
    case 'FATAL':
    case 'CRITICAL':
      return 'FATAL';
    default:
      return undefined;
  }
}

/** The level word of Node's console lines (`INFO`) and Python's (`[INFO]` without brackets). */
function consoleLevel(s: string, from: number, to: number): LogLevel | undefined {
  // No allocation on the hot path: the words Lambda's runtimes write, compared in place.
  switch (to - from) {
    case 4:
      return s.startsWith('INFO', from) ? 'INFO' : s.startsWith('WARN', from) ? 'WARN' : undefined;
    case 5:
      return s.startsWith('ERROR', from) ? 'ERROR' : s.startsWith('DEBUG', from) ? 'DEBUG' : s.startsWith('TRACE', from) ? 'TRACE' : s.startsWith('FATAL', from) ? 'FATAL' : undefined;
    case 7:
      return s.startsWith('WARNING', from) ? 'WARN' : undefined;
    case 8:
      return s.startsWith('CRITICAL', from) ? 'FATAL' : undefined;
    default:
      return undefined;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Every line has the same fields, in the same order (absent ones undefined): one hidden class keeps V8 fast. */
function lineOf(event: LogEvent, message: string, kind: LambdaLineKind, text: string): Mutable<ParsedLogLine> {
  return {
    timestamp: event.timestamp,
    message,
    logStreamName: event.logStreamName,
    eventId: event.eventId,
    kind,
    requestId: undefined,
    level: undefined,
    text,
    json: undefined,
    report: undefined,
    version: undefined,
    timeoutSeconds: undefined,
  };
}

const num = (value: unknown): number => (typeof value === 'number' ? value : NaN);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function parseJsonLine(event: LogEvent, message: string, whole: () => string): ParsedLogLine | undefined {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const json = value as Record<string, unknown>;
  const type = json.type;
  if (typeof type === 'string' && type.startsWith('platform.')) {
    const record = (json.record && typeof json.record === 'object' ? json.record : {}) as Record<string, unknown>;
    const requestId = str(record.requestId);
    let kind: LambdaLineKind = 'platform';
    switch (type) {
      case 'platform.start':
        kind = 'start';
        break;
      case 'platform.report':
        kind = 'report';
        break;
      case 'platform.initStart':
        kind = 'initStart';
        break;
    }
    const line = lineOf(event, message, kind, type);
    line.json = json;
    if (requestId !== undefined) line.requestId = requestId;
    if (kind === 'start' && typeof record.version === 'string') line.version = record.version;
    if (kind === 'report') {
      const metrics = (record.metrics && typeof record.metrics === 'object' ? record.metrics : {}) as Record<string, unknown>;
      const report: Mutable<LambdaReport> = {
        durationMs: num(metrics.durationMs),
        billedDurationMs: num(metrics.billedDurationMs),
        memorySizeMb: num(metrics.memorySizeMB),
        maxMemoryUsedMb: num(metrics.maxMemoryUsedMB),
      };
      if (typeof metrics.initDurationMs === 'number') report.initDurationMs = metrics.initDurationMs;
      if (typeof metrics.restoreDurationMs === 'number') report.restoreDurationMs = metrics.restoreDurationMs;
      if (typeof record.status === 'string') report.status = record.status;
      if (typeof record.errorType === 'string') report.errorType = record.errorType;
      const tracing = record.tracing as { value?: unknown } | undefined;
      if (tracing && typeof tracing.value === 'string') report.xrayTraceId = tracing.value;
      line.report = report;
    }
    return line;
  }
  // An application line: Lambda's JSON format (`requestId`), Powertools (`function_request_id`), others.
  const requestId = str(json.requestId) ?? str(json.function_request_id) ?? str(json.request_id) ?? str(json.awsRequestId);
  const level = normaliseLevel(json.level ?? json.log_level ?? json.severity);
  const m = json.message ?? json.msg ?? json.errorMessage;
  const text = typeof m === 'string' ? m : m === undefined ? whole() : JSON.stringify(m);
  const line = lineOf(event, message, 'app', text);
  line.json = json;
  if (requestId !== undefined) line.requestId = requestId;
  if (level !== undefined) line.level = level;
  return line;
}

/** Parses one CloudWatch log event of a Lambda function. Never throws: what it does not recognise is `text`. */
export function parseLambdaLogLine(event: LogEvent): ParsedLogLine {
  return parseLine(event, undefined);
}

/** The request id in message[from, to), trimmed; `hint` (the id the stream's previous line had) when it is that one, to share one string. */
function idAt(message: string, from: number, to: number, hint: string | undefined): string {
  while (from < to && message.charCodeAt(from) <= 32) from++;
  while (to > from && message.charCodeAt(to - 1) <= 32) to--;
  return hint !== undefined && to - from === hint.length && message.startsWith(hint, from) ? hint : message.slice(from, to);
}

function parseLine(event: LogEvent, hint: string | undefined): ParsedLogLine {
  const message = event.message;
  // Everything below reads message[0, n): the message without its trailing newline, sliced only where needed.
  let n = message.length;
  if (n > 0 && message.charCodeAt(n - 1) === 10) n -= message.charCodeAt(n - 2) === 13 ? 2 : 1;
  const whole = () => (n === message.length ? message : message.slice(0, n));
  const c = message.charCodeAt(0);
  switch (c) {
    case 83: // S
      if (message.startsWith(START)) {
        let idEnd = message.indexOf(' ', START.length);
        if (idEnd < 0) idEnd = n;
        const line = lineOf(event, message, 'start', whole());
        line.requestId = idAt(message, START.length, idEnd, hint);
        const v = message.indexOf('Version: ', idEnd);
        if (v >= 0) line.version = message.slice(v + 9, n).trim();
        return line;
      }
      break;
    case 69: // E
      if (message.startsWith(END)) {
        const line = lineOf(event, message, 'end', whole());
        line.requestId = idAt(message, END.length, n, hint);
        return line;
      }
      break;
    case 82: // R
      if (message.startsWith(REPORT_PREFIX)) {
        const idEnd = reportRequestIdEnd(message);
        const line = lineOf(event, message, 'report', whole());
        line.requestId = idAt(message, REPORT_PREFIX.length, idEnd, hint);
        line.report = parseReportFields(message, idEnd + 1);
        return line;
      }
      if (message.startsWith(RUNTIME_ERROR)) {
        // `RequestId: <id> Error: Runtime exited with error: signal: killed` (older runtimes, crashes and OOM)
        const idEnd = message.indexOf(' ', RUNTIME_ERROR.length);
        if (idEnd > 0 && isRequestId(message, RUNTIME_ERROR.length, idEnd)) {
          const line = lineOf(event, message, 'runtimeError', message.slice(idEnd + 1, n));
          line.requestId = idAt(message, RUNTIME_ERROR.length, idEnd, hint);
          line.level = 'ERROR';
          return line;
        }
      }
      break;
    case 73: // I
      if (message.startsWith('INIT_START')) return lineOf(event, message, 'initStart', whole());
      if (message.startsWith('INIT_REPORT')) return lineOf(event, message, 'platform', whole());
      break;
    case 123: // {
      if (message.charCodeAt(n - 1) === 125) {
        const line = parseJsonLine(event, message, whole);
        if (line) return line;
      }
      break;
    case 91: {
      // [ — Python: `[INFO]\t2024-01-31T12:34:56.789Z\t<id>\t<message>`, or `[ERROR] KeyError: 'x'\r Traceback…`
      const close = message.indexOf(']', 1);
      if (close > 0 && close < 10) {
        const level = consoleLevel(message, 1, close);
        if (level) {
          if (message.charCodeAt(close + 1) === 9 && startsWithIsoTime(message, close + 2)) {
            const t2 = message.indexOf('\t', close + 2);
            const t3 = t2 < 0 ? -1 : message.indexOf('\t', t2 + 1);
            if (t3 > 0 && isRequestId(message, t2 + 1, t3)) {
              const line = lineOf(event, message, 'app', message.slice(t3 + 1, n));
              line.requestId = idAt(message, t2 + 1, t3, hint);
              line.level = level;
              return line;
            }
          }
          const line = lineOf(event, message, 'app', whole());
          line.level = level;
          return line;
        }
      }
      break;
    }
    case 49: // 1
    case 50: // 2
      if (startsWithIsoTime(message, 0)) {
        // Find the end of the timestamp: Node console lines use a tab, the timeout line a space.
        let t1 = 19;
        while (t1 < n && t1 < 40 && message.charCodeAt(t1) !== 9 && message.charCodeAt(t1) !== 32) t1++;
        const sep = message.charCodeAt(t1);
        if (sep === 9) {
          // Node: `<iso>\t<id>\t<LEVEL>\t<message>` (older runtimes: no level); `undefined` as id during init.
          const t2 = message.indexOf('\t', t1 + 1);
          if (t2 > 0) {
            const t3 = message.indexOf('\t', t2 + 1);
            const level = t3 > 0 ? consoleLevel(message, t2 + 1, t3) : undefined;
            const text = level ? message.slice(t3 + 1, n) : message.slice(t2 + 1, n);
            const line = lineOf(event, message, 'app', text);
            if (isRequestId(message, t1 + 1, t2)) line.requestId = idAt(message, t1 + 1, t2, hint);
            if (level) line.level = level;
            return line;
          }
        } else if (sep === 32) {
          // `<iso> <id> Task timed out after 3.00 seconds`
          const t2 = message.indexOf(' ', t1 + 1);
          if (t2 > 0 && isRequestId(message, t1 + 1, t2) && message.startsWith(TIMED_OUT, t2 + 1)) {
            const line = lineOf(event, message, 'timeout', message.slice(t2 + 1, n));
            line.requestId = idAt(message, t1 + 1, t2, hint);
            line.timeoutSeconds = parseFloat(message.slice(t2 + 1 + TIMED_OUT.length));
            line.level = 'ERROR';
            return line;
          }
        }
      }
      break;
  }
  if (message.startsWith('EXTENSION') || message.startsWith('TELEMETRY') || message.startsWith('RESTORE_') || message.startsWith('LOGS\t')) {
    return lineOf(event, message, 'platform', whole());
  }
  return lineOf(event, message, 'text', whole());
}

// ---------------------------------------------------------------------------------------------------------------
// Grouping

interface StreamState {
  /** The invocation of the stream's previous line, while that invocation has not reported. */
  current: LambdaInvocation | undefined;
  /** An INIT_START was seen and no START since: the next START is a cold start. */
  initPending: boolean;
}

const INVOKE_ERROR = 'Invoke Error';

/** Older runtimes report an out-of-memory kill only as a runtime exit with all the memory used. */
function checkMemoryExhausted(invocation: LambdaInvocation): void {
  const report = invocation.report;
  if (report?.maxMemoryUsedMb !== undefined && invocation.error && report.maxMemoryUsedMb >= report.memorySizeMb) invocation.outOfMemory = true;
}

/**
 * Groups Lambda log lines into invocations, incrementally: `add` each page of FilterLogEvents (or each live-tail
 * poll) as it arrives, read `result()` when the view needs it. Lines with a request id join that invocation
 * whatever their stream; lines without one (raw prints, continuation lines of a stack trace) join the invocation of
 * the previous line of the same stream while that invocation has not reported; the rest stays ungrouped.
 * Events are expected per stream in the order Lambda wrote them (FilterLogEvents' order).
 */
export class LambdaLogGrouper {
  private readonly byId = new Map<string, LambdaInvocation>();
  private readonly streams = new Map<string, StreamState>();
  private readonly entries: LambdaLogEntry[] = [];
  private readonly invocations: LambdaInvocation[] = [];
  private readonly ungrouped: ParsedLogLine[] = [];
  private lastStreamName: string | undefined = undefined;
  private lastStream: StreamState | undefined = undefined;
  private ordered = true;
  private lastEntryTimestamp = -Infinity;

  add(events: readonly LogEvent[]): this {
    for (let i = 0; i < events.length; i++) {
      const event = events[i];
      const stream = this.stream(event.logStreamName ?? '');
      this.addTo(stream, parseLine(event, stream.current?.requestId));
    }
    return this;
  }

  /** Adds one already parsed line. */
  addLine(line: ParsedLogLine): void {
    this.addTo(this.stream(line.logStreamName ?? ''), line);
  }

  private addTo(stream: StreamState, line: ParsedLogLine): void {
    const id = line.requestId;
    let invocation: LambdaInvocation | undefined;
    if (id !== undefined) {
      // Most lines belong to the invocation running in their stream: no map lookup for them.
      invocation = stream.current !== undefined && stream.current.requestId === id ? stream.current : this.byId.get(id);
      if (invocation === undefined) {
        invocation = {
          requestId: id,
          start: undefined,
          end: undefined,
          report: undefined,
          lines: [],
          coldStart: false,
          timedOut: false,
          error: false,
          outOfMemory: false,
          firstTimestamp: line.timestamp,
          lastTimestamp: line.timestamp,
          logStreamName: line.logStreamName,
        };
        this.byId.set(id, invocation);
        this.invocations.push(invocation);
        this.pushEntry({ kind: 'invocation', invocation }, line.timestamp);
      }
    } else if (stream.current !== undefined) {
      invocation = stream.current;
    }
    if (invocation === undefined) {
      if (line.kind === 'initStart') stream.initPending = true;
      this.ungrouped.push(line);
      this.pushEntry({ kind: 'line', line }, line.timestamp);
      stream.current = undefined;
      return;
    }
    invocation.lines.push(line);
    if (line.timestamp < invocation.firstTimestamp) {
      invocation.firstTimestamp = line.timestamp;
      this.ordered = false;
    }
    if (line.timestamp > invocation.lastTimestamp) invocation.lastTimestamp = line.timestamp;
    // A line of an invocation that has reported (the old-style timeout line comes after REPORT) does not reopen it.
    stream.current = invocation.report === undefined ? invocation : undefined;
    switch (line.kind) {
      case 'start':
        invocation.start = line;
        if (stream.initPending) {
          invocation.coldStart = true;
          stream.initPending = false;
        }
        break;
      case 'end':
        invocation.end = line;
        break;
      case 'report': {
        const report = line.report as LambdaReport;
        invocation.report = report;
        if (report.initDurationMs !== undefined || report.restoreDurationMs !== undefined) invocation.coldStart = true;
        if (report.status === 'timeout') invocation.timedOut = true;
        else if (report.status === 'error' || report.status === 'failure') invocation.error = true;
        if (report.errorType === 'Runtime.OutOfMemory') invocation.outOfMemory = true;
        else checkMemoryExhausted(invocation);
        stream.current = undefined;
        break;
      }
      case 'timeout':
        invocation.timedOut = true;
        break;
      case 'runtimeError':
        invocation.error = true;
        checkMemoryExhausted(invocation);
        break;
      case 'platform': {
        // platform.runtimeDone (JSON format) carries the outcome too
        const status = (line.json?.record as { status?: unknown } | undefined)?.status;
        if (status === 'timeout') invocation.timedOut = true;
        else if (status === 'error' || status === 'failure') invocation.error = true;
        break;
      }
      default:
        if (line.level === 'ERROR' || line.level === 'FATAL') {
          invocation.error = true;
          if (line.text.startsWith(TIMED_OUT)) invocation.timedOut = true;
        } else if (line.text.startsWith(INVOKE_ERROR)) invocation.error = true;
    }
  }

  /** The grouping so far. The arrays are the grouper's own: copy them before keeping them across `add` calls. */
  result(): GroupedLambdaLogs {
    if (!this.ordered) {
      // Array.prototype.sort is stable: equal timestamps keep input order.
      this.entries.sort((a, b) => entryTimestamp(a) - entryTimestamp(b));
      this.invocations.sort((a, b) => a.firstTimestamp - b.firstTimestamp);
      this.ordered = true;
    }
    return { entries: this.entries, invocations: this.invocations, ungrouped: this.ungrouped };
  }

  private pushEntry(entry: LambdaLogEntry, timestamp: number): void {
    if (timestamp < this.lastEntryTimestamp) this.ordered = false;
    else this.lastEntryTimestamp = timestamp;
    this.entries.push(entry);
  }

  private stream(name: string): StreamState {
    if (name === this.lastStreamName && this.lastStream !== undefined) return this.lastStream;
    let state = this.streams.get(name);
    if (state === undefined) {
      state = { current: undefined, initPending: false };
      this.streams.set(name, state);
    }
    this.lastStreamName = name;
    this.lastStream = state;
    return state;
  }
}

const entryTimestamp = (entry: LambdaLogEntry) => (entry.kind === 'invocation' ? entry.invocation.firstTimestamp : entry.line.timestamp);

/** Parses and groups a batch of Lambda log events (see LambdaLogGrouper). */
export function groupLambdaLogs(events: readonly LogEvent[]): GroupedLambdaLogs {
  return new LambdaLogGrouper().add(events).result();
}
