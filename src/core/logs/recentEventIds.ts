import type { LogEvent } from './logEvent';

/**
 * The events a tail has already delivered, by key, with their timestamps: a re-read window brings them again and
 * they must not show twice. Forgetting those older than the window keeps the memory to one window's worth.
 */
export class RecentEventIds {
  private readonly seen = new Map<string, number>();

  get size(): number {
    return this.seen.size;
  }

  /** The events not seen before (remembering them); `group` scopes event ids, which are unique per log group. */
  keepNew(group: string, events: readonly LogEvent[]): LogEvent[] {
    const fresh: LogEvent[] = [];
    for (const event of events) {
      const key = `${group}\u0000${event.eventId ?? `${event.logStreamName}\u0000${event.timestamp}\u0000${event.message}`}`;
      if (this.seen.has(key)) continue;
      this.seen.set(key, event.timestamp);
      fresh.push(event);
    }
    return fresh;
  }

  /** Forgets events older than `timestamp`: a read from there on cannot return them again. */
  forgetBefore(timestamp: number): void {
    for (const [key, at] of this.seen) if (at < timestamp) this.seen.delete(key);
  }
}
