// The event an invocation logged, found among its log lines: what the Monitor's Replay locally, Invoke deployed with
// this event and Save as test event act on. Plain code, no Node import: the Monitor page bundles it too, next to the
// grouping of lambdaLogs.ts, and the host checks what the page hands back.
//
// In order of trust: Powertools' own event line, a line of Lambda's JSON log format whose message is an object, the
// first JSON object the invocation logged after START. START/END/REPORT and other platform lines are never the
// event; nor is a line CloudWatch cut at 256 KB, an error, or what looks like the handler's answer.

import type { LoggedEventSource } from '../../shared/monitorMessages';
import type { LambdaInvocation, ParsedLogLine } from './lambdaLogs';

export type { LoggedEventSource };

/** How the Monitor words each way an event was found. */
export const LOGGED_EVENT_LABELS: Record<LoggedEventSource, string> = {
  powertools: 'event logged by Powertools',
  jsonLogFormat: "event logged in Lambda's JSON log format",
  firstJsonObject: 'first JSON object the invocation logged',
};

export type LoggedEvent =
  | { readonly found: true; readonly event: unknown; readonly source: LoggedEventSource; readonly line: ParsedLogLine }
  /** A line that would have been the event was cut by CloudWatch: it cannot be replayed. */
  | { readonly found: false; readonly truncatedLine: ParsedLogLine };

/** CloudWatch Logs keeps at most 256 KB of an event (less its 26 bytes of overhead) and drops the rest. */
export const CLOUDWATCH_EVENT_LIMIT = 256 * 1024 - 26;
/** UTF-8 may take up to three bytes a UTF-16 unit: a message this long in units may already be at the limit. */
const MAY_BE_CUT = Math.floor(CLOUDWATCH_EVENT_LIMIT / 3);

/** The TypeScript Logger's `logEvent: true` / POWERTOOLS_LOGGER_LOG_EVENT line: `info('Lambda invocation event', { event })`. */
const TS_POWERTOOLS_MESSAGE = 'Lambda invocation event';

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: Record<string, unknown>, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** A structured log record (Lambda's JSON format, Powertools, pino, …) rather than a raw object printed as is. */
function isLogRecord(json: Record<string, unknown>): boolean {
  return (has(json, 'level') || has(json, 'log_level') || has(json, 'severity')) && (has(json, 'message') || has(json, 'msg'));
}

/** Python Powertools writes the event as the message of the line its decorator (`decorate`) logs. */
function isPythonPowertoolsEventLine(json: Record<string, unknown>): boolean {
  const location = json.location;
  return isLogRecord(json) && typeof location === 'string' && location.startsWith('decorate:') && (has(json, 'function_request_id') || has(json, 'service'));
}

/** What a handler returns or throws, logged: an API Gateway-style answer or an error, never an incoming event. */
function looksLikeAnswer(value: Record<string, unknown>): boolean {
  if (typeof value.statusCode === 'number' && (has(value, 'body') || has(value, 'headers')) && !has(value, 'requestContext') && !has(value, 'httpMethod') && !has(value, 'routeKey')) return true;
  return typeof value.errorMessage === 'string' && (typeof value.errorType === 'string' || Array.isArray(value.stackTrace) || Array.isArray(value.stack));
}

function parseObjectText(text: string): Record<string, unknown> | undefined {
  const t = text.trim();
  if (t.charCodeAt(0) !== 123 || t.charCodeAt(t.length - 1) !== 125) return undefined;
  try {
    const value: unknown = JSON.parse(t);
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The lines the function wrote during the invocation, after its START (all of them when START is not loaded). */
function appLines(invocation: LambdaInvocation): ParsedLogLine[] {
  const lines = invocation.lines;
  const start = invocation.start ? lines.indexOf(invocation.start) : -1;
  return lines.slice(start + 1).filter((line) => line.kind === 'app' || line.kind === 'text');
}

function powertoolsEvent(line: ParsedLogLine): unknown {
  const json = line.json;
  if (!json) return undefined;
  if (json.message === TS_POWERTOOLS_MESSAGE && has(json, 'event') && json.event !== undefined) return json.event;
  if (isPythonPowertoolsEventLine(json) && typeof json.message === 'object' && json.message !== null) return json.message;
  return undefined;
}

function jsonLogFormatEvent(line: ParsedLogLine): Record<string, unknown> | undefined {
  const json = line.json;
  if (!json || typeof json.requestId !== 'string' || !isLogRecord(json)) return undefined;
  const message = json.message;
  const value = isPlainObject(message) ? message : typeof message === 'string' ? parseObjectText(message) : undefined;
  return value && !looksLikeAnswer(value) ? value : undefined;
}

/** The JSON object a line carries: a raw object line, a record's object message, or a text line's JSON text. */
function jsonObjectOf(line: ParsedLogLine): Record<string, unknown> | undefined {
  const json = line.json;
  let value: Record<string, unknown> | undefined;
  if (json) {
    if (!isLogRecord(json)) value = json;
    else if (isPlainObject(json.message)) value = json.message;
    else if (typeof json.message === 'string') value = parseObjectText(json.message);
  } else if (line.level !== 'ERROR' && line.level !== 'FATAL') value = parseObjectText(line.text);
  return value && !looksLikeAnswer(value) ? value : undefined;
}

/** A line that starts like JSON, does not parse, and is as long as CloudWatch keeps: the rest of it was dropped. */
function wasCut(line: ParsedLogLine): boolean {
  if (line.message.length < MAY_BE_CUT) return false;
  const text = line.json ? '' : line.text.trimStart();
  return text.startsWith('{') && parseObjectText(text) === undefined && new TextEncoder().encode(line.message).length >= CLOUDWATCH_EVENT_LIMIT - 4;
}

/** The event `invocation` logged, how it was found; or why not (a cut line); undefined when it logged none. */
export function findLoggedEvent(invocation: LambdaInvocation): LoggedEvent | undefined {
  const lines = appLines(invocation);
  for (const line of lines) {
    const event = powertoolsEvent(line);
    if (event !== undefined) return { found: true, event, source: 'powertools', line };
  }
  for (const line of lines) {
    const event = jsonLogFormatEvent(line);
    if (event !== undefined) return { found: true, event, source: 'jsonLogFormat', line };
  }
  for (const line of lines) {
    if (wasCut(line)) return { found: false, truncatedLine: line };
    const event = jsonObjectOf(line);
    if (event !== undefined) return { found: true, event, source: 'firstJsonObject', line };
  }
  return undefined;
}
