import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { LogGroupMissingError } from './logErrors';
import type { LogEvent } from './logEvent';
import type { LogSource } from './logSource';
import { NewestEvents } from './newestEvents';
import { readLogEvents, trimmedPattern } from './readLogEvents';

export interface FetchLogsOptions {
  /** Epoch ms, both inclusive. */
  readonly start: number;
  readonly end: number;
  /** A CloudWatch filter pattern, passed as is (trimmed; empty = none). */
  readonly filterPattern?: string;
  /** Stop after this many: the newest ones are kept. */
  readonly maxEvents: number;
  readonly signal?: AbortSignal;
  /** Called once per time window that has events, oldest first within the call; later calls bring older events. */
  onPage(events: LogEvent[]): void;
}

export interface FetchLogsResult {
  readonly count: number;
  /** maxEvents was reached: there may be older events in the range. */
  readonly truncated: boolean;
  /** Groups of several sources that do not exist; their sources were skipped (when every group is missing, it throws instead). */
  readonly missingLogGroups: string[];
}

const FIRST_WINDOW_MS = 5 * 60_000;

/**
 * The newest `maxEvents` events of the sources in [start, end].
 *
 * FilterLogEvents pages oldest first and cannot be asked for the newest events. So the range is read in windows
 * walking back from `end`: 5 minutes first, each next window twice as long, until `maxEvents` are in or the range
 * is covered. Doubling means the window where the budget runs out is about as long as all the windows before it,
 * so at most about twice the needed events are read, and a quiet group needs only a handful of windows for a week.
 * Each window is read completely (every page of every source) and only its newest events that fit are kept.
 *
 * A missing log group fails the fetch when it is the only group; among several (a task's containers), its sources
 * are skipped and named in `missingLogGroups`, so the other containers' logs still show.
 */
export async function fetchLogEvents(clientFor: (region?: string) => CloudWatchLogsClient, sources: readonly LogSource[], options: FetchLogsOptions): Promise<FetchLogsResult> {
  const filterPattern = trimmedPattern(options.filterPattern);
  const missing: LogGroupMissingError[] = [];
  let readable = [...sources];
  let count = 0;
  let windowEnd = options.end;
  let windowLength = FIRST_WINDOW_MS;

  while (windowEnd >= options.start && count < options.maxEvents && readable.length > 0) {
    const windowStart = Math.max(options.start, windowEnd - windowLength + 1);
    const newest = new NewestEvents(options.maxEvents - count);
    const read = { start: windowStart, end: windowEnd, filterPattern, signal: options.signal };
    const outcomes = await Promise.allSettled(readable.map((source) => readLogEvents(clientFor(source.region), source, read, (page) => newest.add(page))));
    options.signal?.throwIfAborted();

    const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected' && !(o.reason instanceof LogGroupMissingError));
    if (failure) throw failure.reason;
    const missingNow = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as LogGroupMissingError] : []));
    missing.push(...missingNow);
    readable = readable.filter((_, i) => outcomes[i].status === 'fulfilled');

    const events = newest.take();
    if (events.length > 0) options.onPage(events);
    count += events.length;
    if (newest.dropped) break;
    windowEnd = windowStart - 1;
    windowLength *= 2;
  }

  if (readable.length === 0 && missing.length > 0) throw missing[0];
  return {
    count,
    truncated: count >= options.maxEvents && windowEnd >= options.start,
    missingLogGroups: [...new Set(missing.map((e) => e.logGroupName))],
  };
}
