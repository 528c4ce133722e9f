import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { isAbort, LogGroupMissingError } from './logErrors';
import { sortByTimestamp } from './logEvent';
import type { LogEvent } from './logEvent';
import type { LogSource } from './logSource';
import type { LogTail, LogTailOptions } from './logTailTypes';
import { readLogEvents, trimmedPattern } from './readLogEvents';
import { RecentEventIds } from './recentEventIds';

/**
 * A tail by polling FilterLogEvents: one poll at a time (the next is scheduled when the last has finished), each
 * reading from `overlapMs` before the previous poll began, since CloudWatch may ingest an event well after its timestamp;
 * what a re-read brings again is dropped by event id. A failed poll does not move the window, so nothing is skipped.
 */
export function startPollingTail(clientFor: (region?: string) => CloudWatchLogsClient, sources: readonly LogSource[], options: LogTailOptions): LogTail {
  const now = options.now ?? Date.now;
  const intervalMs = options.intervalMs ?? 2000;
  const overlapMs = options.overlapMs ?? 60_000;
  const maxFailures = options.maxConsecutiveFailures ?? 5;
  const filterPattern = trimmedPattern(options.filterPattern);
  const since = options.since ?? now();
  const delivered = new RecentEventIds();
  const reportedMissing = new Set<string>();
  let from = since;
  let failures = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: AbortController | undefined;

  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    inFlight?.abort();
  };

  const poll = async () => {
    inFlight = new AbortController();
    const startedAt = now();
    const fresh: LogEvent[] = [];
    const read = { start: from, filterPattern, signal: inFlight.signal };
    const outcomes = await Promise.allSettled(
      sources.map((source) => readLogEvents(clientFor(source.region), source, read, (page) => fresh.push(...delivered.keepNew(source.logGroupName, page)))),
    );
    if (stopped) return;
    if (fresh.length > 0) options.onEvents(sortByTimestamp(fresh));

    let failure: unknown;
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled') continue;
      const error: unknown = outcome.reason;
      // A group that does not exist yet (a function never invoked) may appear while tailing: say so once, keep asking.
      if (error instanceof LogGroupMissingError) {
        if (!reportedMissing.has(error.logGroupName)) options.onError(error);
        reportedMissing.add(error.logGroupName);
      } else if (!isAbort(error)) {
        failure ??= error;
      }
    }
    if (failure === undefined) {
      failures = 0;
      from = Math.max(since, startedAt - overlapMs);
      delivered.forgetBefore(from);
    } else {
      failures++;
      options.onError(failure);
      if (failures >= maxFailures) {
        stop();
        options.onStop?.(failure);
        return;
      }
    }
    timer = setTimeout(run, intervalMs);
  };
  // Only a throwing callback gets here.
  const run = () =>
    void poll().catch((error: unknown) => {
      stop();
      options.onStop?.(error);
    });

  run();
  return { mode: 'poll', stop };
}
