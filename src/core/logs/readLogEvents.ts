import { paginateFilterLogEvents } from '@aws-sdk/client-cloudwatch-logs';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { isResourceNotFound, LogGroupMissingError } from './logErrors';
import { toLogEvent } from './logEvent';
import type { LogEvent } from './logEvent';
import type { LogSource } from './logSource';

/** FilterLogEvents' largest page. */
export const FILTER_PAGE_SIZE = 10_000;

export interface ReadLogEventsOptions {
  /** Epoch ms, both inclusive (as FilterLogEvents takes them); no end reads up to the newest event. */
  readonly start: number;
  readonly end?: number;
  /** Already trimmed; undefined for none. */
  readonly filterPattern?: string;
  readonly signal?: AbortSignal;
}

/** Every FilterLogEvents page of one source in the time range, oldest first per stream; a missing group throws LogGroupMissingError. */
export async function readLogEvents(client: CloudWatchLogsClient, source: LogSource, options: ReadLogEventsOptions, onPage: (events: LogEvent[]) => void): Promise<void> {
  const pages = paginateFilterLogEvents(
    { client, pageSize: FILTER_PAGE_SIZE },
    {
      logGroupName: source.logGroupName,
      logStreamNamePrefix: source.logStreamNamePrefix,
      startTime: options.start,
      endTime: options.end,
      filterPattern: options.filterPattern,
    },
    { abortSignal: options.signal },
  );
  try {
    for await (const page of pages) {
      options.signal?.throwIfAborted();
      onPage((page.events ?? []).map(toLogEvent));
    }
  } catch (error) {
    if (isResourceNotFound(error)) throw LogGroupMissingError.forSource(source);
    throw error;
  }
}

export function trimmedPattern(filterPattern: string | undefined): string | undefined {
  return filterPattern?.trim() || undefined;
}
