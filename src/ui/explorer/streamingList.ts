/**
 * A listing that arrives page by page: the first page is shown as soon as it is in, the rest streams
 * in behind it. `changed` is called (throttled) as pages arrive and when the listing ends.
 *
 * VS Code drops a refresh that arrives while it is still fetching the same node's children (the
 * in-flight fetch answers both), which can leave a stale "Loading more…" on screen. So the list counts
 * versions: each page and the end make a new one, `snapshot()` records which one the view was given,
 * and `changed` is called again until the view has asked for the newest.
 */
export class StreamingList<T> {
  private readonly all: T[] = [];
  private ended = false;
  private failure: unknown;
  private version = 0;
  private servedVersion = -1;
  private readonly controller = new AbortController();
  private firstPage?: Promise<void>;
  private resolveFirstPage?: () => void;
  private readonly endWaiters: (() => void)[] = [];
  private lastNotified = 0;
  private timer?: NodeJS.Timeout;
  private redraws = 0;

  constructor(
    private readonly load: (onPage: (items: T[]) => void, signal: AbortSignal) => Promise<void>,
    private readonly changed: () => void,
    private readonly throttleMs = 300,
  ) {}

  get items(): readonly T[] {
    return this.all;
  }

  get done(): boolean {
    return this.ended;
  }

  get error(): unknown {
    return this.failure;
  }

  /** Starts loading (once) and resolves when the first page is in, or the listing ended, failed or was disposed. */
  whenFirstPage(): Promise<void> {
    this.firstPage ??= new Promise<void>((resolve) => {
      this.resolveFirstPage = resolve;
      this.load((items) => this.addPage(items), this.controller.signal).then(
        () => this.finish(undefined),
        (error: unknown) => this.finish(error),
      );
    });
    return this.firstPage;
  }

  /** Resolves when the listing ends, or after `ms`, whichever is first. */
  whenDoneOr(ms: number): Promise<void> {
    if (this.ended || this.controller.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.endWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** What to show now; remembers that the view has seen this version. */
  snapshot(): { items: readonly T[]; done: boolean; error: unknown } {
    this.servedVersion = this.version;
    return { items: this.all, done: this.ended, error: this.failure };
  }

  dispose(): void {
    this.controller.abort();
    clearTimeout(this.timer);
    this.resolveFirstPage?.();
    this.endWaiters.splice(0).forEach((wake) => wake());
  }

  private addPage(items: T[]): void {
    if (this.controller.signal.aborted) return;
    this.all.push(...items);
    this.version++;
    if (this.resolveFirstPage) {
      this.resolveFirstPage();
      this.resolveFirstPage = undefined;
    }
    this.schedule(Math.max(0, this.lastNotified + this.throttleMs - Date.now()));
  }

  private finish(error: unknown): void {
    if (this.controller.signal.aborted) return;
    this.ended = true;
    this.failure = error;
    this.version++;
    this.resolveFirstPage?.();
    this.resolveFirstPage = undefined;
    this.endWaiters.splice(0).forEach((wake) => wake());
    clearTimeout(this.timer);
    this.timer = undefined;
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.controller.signal.aborted || this.servedVersion >= this.version) return;
      this.lastNotified = Date.now();
      this.changed();
      // Not seen within the throttle window: the refresh may have been dropped; ask again (a bounded number of times).
      if (++this.redraws < 50) this.schedule(this.throttleMs);
    }, delayMs);
  }
}
