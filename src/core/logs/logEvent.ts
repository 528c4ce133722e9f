import type { FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
// Declared in shared, not here: the Monitor page receives these events too, and this file names an SDK type.
import type { LogEvent } from '../../shared/logEvent';

export type { LogEvent };

export function toLogEvent(event: FilteredLogEvent): LogEvent {
  return {
    timestamp: event.timestamp ?? 0,
    message: event.message ?? '',
    ...(event.logStreamName !== undefined && { logStreamName: event.logStreamName }),
    ...(event.eventId !== undefined && { eventId: event.eventId }),
  };
}

/** Oldest first; stable, so events of one timestamp keep the order CloudWatch gave them. */
export function sortByTimestamp<T extends LogEvent>(events: T[]): T[] {
  return events.sort((a, b) => a.timestamp - b.timestamp);
}
