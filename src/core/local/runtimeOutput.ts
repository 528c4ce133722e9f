import { randomBytes } from 'node:crypto';
import { OUTPUT_END_MARK } from './runtimes/outputEndMark';

export { OUTPUT_MARKER_VARIABLE } from './runtimes/outputEndMark';

export function newOutputNonce(): string {
  return randomBytes(12).toString('hex');
}

export interface OutputLimits {
  /** What one invocation's log keeps, in bytes: its first and its last half. */
  readonly maxBytes: number;
  /** A longer line is cut into lines of this many characters (CloudWatch takes events of up to 256 KB). */
  readonly maxLineChars: number;
}

export const DEFAULT_OUTPUT_LIMITS: OutputLimits = { maxBytes: 10 * 1024 * 1024, maxLineChars: 256 * 1024 };

type Stream = 'stdout' | 'stderr';

/** Room kept at the end of a line that is cut, so that a mark written after it is never cut in two. */
const MARK_ROOM = 128;

/** One invocation's lines: all of them up to half the budget, then a rolling tail of the last half. */
class InvocationLog {
  private readonly head: string[] = [];
  private headBytes = 0;
  private tail: string[] = [];
  private tailStart = 0;
  private tailBytes = 0;
  private omittedBytes = 0;
  private omittedLines = 0;
  private totalBytes = 0;

  constructor(private readonly maxBytes: number) {}

  add(line: string): void {
    const bytes = Buffer.byteLength(line) + 1;
    this.totalBytes += bytes;
    const half = this.maxBytes / 2;
    if (this.tail.length === this.tailStart && this.headBytes + bytes <= half) {
      this.head.push(line);
      this.headBytes += bytes;
      return;
    }
    this.tail.push(line);
    this.tailBytes += bytes;
    while (this.tailBytes > half && this.tail.length - this.tailStart > 1) {
      const dropped = this.tail[this.tailStart++];
      this.tailBytes -= Buffer.byteLength(dropped) + 1;
      this.omittedBytes += Buffer.byteLength(dropped) + 1;
      this.omittedLines++;
    }
    // Drop the consumed front now and then, not on every line (a shift would be quadratic).
    if (this.tailStart > 4096 && this.tailStart * 2 > this.tail.length) {
      this.tail = this.tail.slice(this.tailStart);
      this.tailStart = 0;
    }
  }

  lines(): string[] {
    const tail = this.tail.slice(this.tailStart);
    if (!this.omittedBytes) return [...this.head, ...tail];
    const note =
      `[Serverless Explorer: ${formatBytes(this.omittedBytes)} (${this.omittedLines} ${this.omittedLines === 1 ? 'line' : 'lines'}) of output left out here. ` +
      `This invocation wrote ${formatBytes(this.totalBytes)}; its log keeps the first and the last ${formatBytes(this.maxBytes / 2)}.]`;
    return [...this.head, note, ...tail];
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * What a runtime process writes, split into lines and told apart by invocation. Between `begin()` and `take()`
 * lines belong to the invocation running; once a stream has passed that invocation's end mark, its lines belong
 * to the next one (as on Lambda, a timer that fires after the response shows in the next invocation's log).
 */
export class RuntimeOutput {
  private current: InvocationLog;
  private next?: InvocationLog;
  private readonly partial: Record<Stream, { pieces: string[]; chars: number }> = { stdout: { pieces: [], chars: 0 }, stderr: { pieces: [], chars: 0 } };
  private readonly ended: Record<Stream, boolean> = { stdout: false, stderr: false };
  private requestId?: string;
  private lastOutputAt = 0;
  private closed = false;
  /** Each says whether it is done (and has resolved). */
  private waiters: Array<() => boolean> = [];
  private readonly mark?: string;

  /** `nonce`: the marks' nonce when the runtime client writes them; without one, marks are never looked for. */
  constructor(
    nonce?: string,
    private readonly limits: OutputLimits = DEFAULT_OUTPUT_LIMITS,
  ) {
    this.mark = nonce ? `${OUTPUT_END_MARK} ${nonce} ` : undefined;
    this.current = new InvocationLog(limits.maxBytes);
  }

  /** The invocation whose end mark to wait for. */
  begin(requestId: string): void {
    this.requestId = requestId;
  }

  write(stream: Stream, text: string): void {
    if (!text) return;
    this.lastOutputAt = performance.now();
    const partial = this.partial[stream];
    let start = 0;
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
      const piece = text.slice(start, newline);
      start = newline + 1;
      if (partial.pieces.length) {
        partial.pieces.push(piece);
        this.line(stream, partial.pieces.join(''));
        partial.pieces = [];
        partial.chars = 0;
      } else {
        this.line(stream, piece);
      }
    }
    if (start < text.length) {
      partial.pieces.push(text.slice(start));
      partial.chars += text.length - start;
    }
    while (partial.chars > this.limits.maxLineChars + MARK_ROOM) {
      const joined = partial.pieces.join('');
      this.line(stream, joined.slice(0, this.limits.maxLineChars));
      partial.pieces = [joined.slice(this.limits.maxLineChars)];
      partial.chars = joined.length - this.limits.maxLineChars;
    }
  }

  /** The process's pipes closed: its last unended lines are in, and nothing more will come. */
  close(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const partial = this.partial[stream];
      if (partial.pieces.length) this.line(stream, partial.pieces.join(''));
      partial.pieces = [];
      partial.chars = 0;
    }
    this.closed = true;
    this.wake();
  }

  /** Once both streams have passed the running invocation's end mark, or the pipes closed, or `ms` passed. */
  untilMarked(ms: number): Promise<void> {
    return this.until(() => this.closed || !this.mark || (this.ended.stdout && this.ended.stderr), ms);
  }

  /** Once the pipes closed, or `ms` passed. */
  untilClosed(ms: number): Promise<void> {
    return this.until(() => this.closed, ms);
  }

  /** For a runtime that writes no marks: once nothing has arrived for `quietMs`, at most `maxMs` from now. */
  async untilQuiet(quietMs: number, maxMs: number): Promise<void> {
    const deadline = performance.now() + maxMs;
    for (;;) {
      const now = performance.now();
      const idle = now - this.lastOutputAt;
      if (this.closed || idle >= quietMs || now >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(quietMs - idle, deadline - now)));
    }
  }

  /** The running invocation's lines; what was written after its end mark starts the next invocation's. */
  take(): string[] {
    const lines = this.current.lines();
    this.current = this.next ?? new InvocationLog(this.limits.maxBytes);
    this.next = undefined;
    this.ended.stdout = this.ended.stderr = false;
    this.requestId = undefined;
    return lines;
  }

  private line(stream: Stream, line: string): void {
    const at = this.mark ? line.indexOf(this.mark) : -1;
    if (at < 0) {
      this.add(stream, line);
      return;
    }
    // Output without a final newline ends at the mark: it is the invocation's last line.
    if (at > 0) this.add(stream, line.slice(0, at));
    const id = line.slice(at + this.mark!.length);
    // A mark of an invocation given up on (its wait timed out) ends nothing now.
    if (id === this.requestId || (id === 'init' && this.requestId !== undefined)) {
      this.ended[stream] = true;
      this.wake();
    }
  }

  private add(stream: Stream, line: string): void {
    const log = this.ended[stream] ? (this.next ??= new InvocationLog(this.limits.maxBytes)) : this.current;
    const max = this.limits.maxLineChars;
    if (line.length <= max) return log.add(line);
    for (let from = 0; from < line.length; from += max) log.add(line.slice(from, from + max));
  }

  private until(done: () => boolean, ms: number): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = () => {
        if (!done()) return false;
        clearTimeout(timer);
        resolve();
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve();
      }, ms);
      this.waiters.push(waiter);
    });
  }

  private wake(): void {
    this.waiters = this.waiters.filter((waiter) => !waiter());
  }
}
