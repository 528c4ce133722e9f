import { sortByTimestamp } from './logEvent';
import type { LogEvent } from './logEvent';

/** Collects events but keeps only the newest `capacity` of them, in memory proportional to the capacity. */
export class NewestEvents {
  private events: LogEvent[] = [];
  /** Whether older events were let go. */
  dropped = false;

  constructor(private readonly capacity: number) {}

  add(events: readonly LogEvent[]): void {
    this.events.push(...events);
    // Trimming at twice the capacity keeps the sorting cost amortized over many pages.
    if (this.events.length > 2 * this.capacity) this.trim();
  }

  /** The kept events, oldest first. */
  take(): LogEvent[] {
    this.trim();
    return this.events;
  }

  private trim(): void {
    sortByTimestamp(this.events);
    if (this.events.length > this.capacity) {
      this.events = this.events.slice(this.events.length - this.capacity);
      this.dropped = true;
    }
  }
}
