/**
 * A timeout that can be paused: a local invocation stopped on a breakpoint must not time out while the user
 * looks around, as its time does not count on Lambda either (there, nothing can stop it).
 */
export class PausableTimer {
  private timer?: NodeJS.Timeout;
  private startedAt = 0;
  private remaining: number;
  private pausedFor = 0;
  private pausedAt?: number;

  constructor(
    ms: number,
    private readonly onExpire: () => void,
  ) {
    this.remaining = ms;
    this.run();
  }

  pause(): void {
    if (this.pausedAt !== undefined || !this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pausedAt = performance.now();
    this.remaining -= this.pausedAt - this.startedAt;
  }

  resume(): void {
    if (this.pausedAt === undefined) return;
    this.pausedFor += performance.now() - this.pausedAt;
    this.pausedAt = undefined;
    this.run();
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Milliseconds spent paused so far (a pause in progress included). */
  get pausedMs(): number {
    return this.pausedFor + (this.pausedAt !== undefined ? performance.now() - this.pausedAt : 0);
  }

  private run(): void {
    this.startedAt = performance.now();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onExpire();
    }, Math.max(0, this.remaining));
    this.timer.unref?.();
  }
}
