import type { FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';

/** One CloudWatch log event as core hands it on (the same shape as the Monitor page's WireLogEvent). */
export interface LogEvent {
  readonly timestamp: number;
  readonly message: string;
  readonly logStreamName?: string;
  readonly eventId?: string;
}

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
