/**
 * A listing that arrives page by page: the first page is shown as soon as it is in, the rest streams
 * in behind it. `changed` is called (throttled) as pages arrive and once when the listing ends.
 */
export class StreamingList<T> {
  readonly items: T[] = [];
  done = false;
  error: unknown;
  private readonly controller = new AbortController();
  private firstPage?: Promise<void>;
  private lastNotified = 0;
  private pendingNotify?: NodeJS.Timeout;

  constructor(
    private readonly load: (onPage: (items: T[]) => void, signal: AbortSignal) => Promise<void>,
    private readonly changed: () => void,
    private readonly throttleMs = 300,
  ) {}

  /** Starts loading (once) and resolves when the first page is in, or the listing ended or failed. */
  whenFirstPage(): Promise<void> {
    this.firstPage ??= new Promise<void>((resolve) => {
      let first = true;
      const onPage = (items: T[]) => {
        if (this.controller.signal.aborted) return;
        this.items.push(...items);
        if (first) {
          first = false;
          resolve();
        } else {
          this.notify();
        }
      };
      this.load(onPage, this.controller.signal).then(
        () => this.finish(undefined, resolve),
        (error: unknown) => this.finish(error, resolve),
      );
    });
    return this.firstPage;
  }

  dispose(): void {
    this.controller.abort();
    clearTimeout(this.pendingNotify);
  }

  private finish(error: unknown, resolveFirst: () => void): void {
    if (this.controller.signal.aborted) return;
    this.done = true;
    this.error = error;
    clearTimeout(this.pendingNotify);
    resolveFirst();
    this.changed();
  }

  private notify(): void {
    if (this.pendingNotify) return;
    const wait = Math.max(0, this.lastNotified + this.throttleMs - Date.now());
    this.pendingNotify = setTimeout(() => {
      this.pendingNotify = undefined;
      this.lastNotified = Date.now();
      if (!this.done && !this.controller.signal.aborted) this.changed();
    }, wait);
  }
}
