// The loaded log events of the Logs tab: parsed once, de-duplicated, kept sorted by timestamp, and (Lambda) grouped
// into invocations. Batches arrive in any order; `commit` folds what arrived into the sorted lines, incrementally
// when the new lines all come after the loaded ones (the usual case), else by a stable re-sort and a regroup.
import { LambdaLogGrouper, parseLambdaLogLine, type LambdaLogEntry, type ParsedLogLine } from '../../src/core/logs/lambdaLogs';
import type { LogEvent } from '../../src/shared/logEvent';
import { withoutTrailingNewline } from './format';

/** A parsed line plus what the view computes once per line. */
export interface ViewLine extends ParsedLogLine {
  /** Its position in `LogStore.lines` (renumbered after a re-sort). */
  index: number;
  /** The message without its trailing newline, lower-cased: what find searches. */
  search: string;
}

export interface LogSummary {
  readonly events: number;
  readonly invocations: number;
  readonly errors: number;
  readonly timeouts: number;
}

/** The lines of entries, typed as the store made them (the grouper keeps the objects it was given). */
export const viewLines = (lines: readonly ParsedLogLine[]) => lines as readonly ViewLine[];

const byTimestamp = (a: ViewLine, b: ViewLine) => a.timestamp - b.timestamp;

export class LogStore {
  /** Every committed line, by timestamp (arrival order among equal ones). */
  lines: ViewLine[] = [];
  /** What the list shows: invocations and lines outside any (Lambda), or one entry per line (Fargate). */
  entries: LambdaLogEntry[] = [];
  /** Bumped by every commit that changed something: the view's cached matches are stale. */
  version = 0;
  /** The committed lines span more than one local day: times show their date. */
  spansDays = false;
  summary: LogSummary = { events: 0, invocations: 0, errors: 0, timeouts: 0 };

  private pending: ViewLine[] = [];
  private seen = new Set<string>();
  private grouper = new LambdaLogGrouper();
  private levelErrors = 0;

  constructor(readonly grouped: boolean) {}

  clear(): void {
    this.lines = [];
    this.entries = [];
    this.pending = [];
    this.seen = new Set();
    this.grouper = new LambdaLogGrouper();
    this.levelErrors = 0;
    this.spansDays = false;
    this.summary = { events: 0, invocations: 0, errors: 0, timeouts: 0 };
    this.version++;
  }

  /** Lines loaded or waiting to be committed. */
  get size(): number {
    return this.lines.length + this.pending.length;
  }

  /** Queues the events not seen before (by eventId) and returns how many were new. */
  add(events: readonly LogEvent[]): number {
    let added = 0;
    for (const event of events) {
      const key = event.eventId ?? `${event.timestamp}\u0000${event.logStreamName ?? ''}\u0000${event.message}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const line = parseLambdaLogLine(event) as ViewLine;
      line.index = -1;
      line.search = withoutTrailingNewline(event.message).toLowerCase();
      this.pending.push(line);
      added++;
    }
    return added;
  }

  /** Folds the queued lines into `lines` and `entries`; false when nothing was queued. */
  commit(): boolean {
    const pending = this.pending;
    if (pending.length === 0) return false;
    this.pending = [];
    const last = this.lines.length > 0 ? this.lines[this.lines.length - 1].timestamp : -Infinity;
    let inOrder = pending[0].timestamp >= last;
    for (let i = 1; inOrder && i < pending.length; i++) inOrder = pending[i].timestamp >= pending[i - 1].timestamp;
    if (inOrder) {
      for (const line of pending) {
        line.index = this.lines.length;
        this.lines.push(line);
        this.entryFor(line);
      }
    } else {
      // Array.prototype.sort is stable: loaded lines stay before new ones with the same timestamp.
      this.lines = this.lines.concat(pending).sort(byTimestamp);
      this.grouper = new LambdaLogGrouper();
      this.entries = [];
      this.levelErrors = 0;
      for (let i = 0; i < this.lines.length; i++) {
        this.lines[i].index = i;
        this.entryFor(this.lines[i]);
      }
    }
    if (this.grouped) this.entries = this.grouper.result().entries;
    this.updateSummary();
    this.version++;
    return true;
  }

  private entryFor(line: ViewLine): void {
    if (this.grouped) this.grouper.addLine(line);
    else {
      this.entries.push({ kind: 'line', line });
      if (line.level === 'ERROR' || line.level === 'FATAL') this.levelErrors++;
    }
  }

  private updateSummary(): void {
    const lines = this.lines;
    this.spansDays = lines.length > 1 && new Date(lines[0].timestamp).toDateString() !== new Date(lines[lines.length - 1].timestamp).toDateString();
    if (!this.grouped) {
      this.summary = { events: lines.length, invocations: 0, errors: this.levelErrors, timeouts: 0 };
      return;
    }
    const invocations = this.grouper.result().invocations;
    let errors = 0;
    let timeouts = 0;
    for (const invocation of invocations) {
      if (invocation.timedOut) timeouts++;
      else if (invocation.error || invocation.outOfMemory) errors++;
    }
    this.summary = { events: lines.length, invocations: invocations.length, errors, timeouts };
  }
}
