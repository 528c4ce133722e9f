import type { LogEvent } from './logEvent';

export interface LogTailOptions {
  readonly filterPattern?: string;
  /** Between the end of one poll and the start of the next. default 2000 */
  readonly intervalMs?: number;
  /** How far back each poll re-reads, since events arrive late (ingestion delay). default 60_000 */
  readonly overlapMs?: number;
  /** Show events from this time on (epoch ms); default: when the tail starts. */
  readonly since?: number;
  /** Consecutive failed polls after which polling stops (each failure goes to onError first). default 5 */
  readonly maxConsecutiveFailures?: number;
  readonly now?: () => number;
  /** Only new events, each once, sorted by timestamp. */
  onEvents(events: LogEvent[]): void;
  /** A failed poll (polling goes on), a log group that does not exist yet (reported once), or the end of a Live Tail session. */
  onError(error: unknown): void;
  /** The tail ended by itself (too many failed polls, the Live Tail session closed); not called after stop(). */
  onStop?(reason: unknown): void;
}

export interface LogTail {
  readonly mode: 'poll' | 'liveTail';
  /** Why a Live Tail request ended up polling, for the user. */
  readonly fallbackReason?: string;
  stop(): void;
}
