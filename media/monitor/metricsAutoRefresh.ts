// Auto-refresh of the Metrics tab: a tick every interval, acted on only while the tab and the page are visible.

export const AUTO_REFRESH_MS = 60_000;

export class AutoRefresh {
  private timer: ReturnType<typeof setInterval> | undefined;

  /** `refresh` runs on each tick at which `isVisible()`; a hidden tab catches up when shown (see MetricsTab.activate). */
  constructor(
    private readonly isVisible: () => boolean,
    private readonly refresh: () => void,
  ) {}

  get on(): boolean {
    return this.timer !== undefined;
  }

  set(on: boolean): void {
    if (on === this.on) return;
    if (on) {
      this.timer = setInterval(() => {
        if (this.isVisible()) this.refresh();
      }, AUTO_REFRESH_MS);
    } else {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}
