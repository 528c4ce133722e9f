// The contract between the Monitor page's shell (media/monitor.ts: header, time range, tabs) and each tab.
import type { HostMessage, MonitorInit, MonitorPanelState, PageMessage, TimeRange } from '../../src/shared/monitorMessages';

export interface PageContext {
  readonly init: MonitorInit;
  post(message: PageMessage): void;
  /** The panel-wide time range (one for both tabs, chosen in the header). */
  range(): TimeRange;
  /** Records view state for restoring after a reload (the shell merges, calls setState and posts `viewState`). */
  saveState(partial: Partial<Pick<MonitorPanelState, 'filterPattern' | 'autoRefresh'>>): void;
  /** A fresh request id; responses carrying an older one are stale and ignored. */
  nextRequestId(): number;
}

export interface TabController {
  /** The tab's content, placed by the shell into its panel. */
  readonly element: HTMLElement;
  /** The tab became visible (load on first show; resize charts). */
  activate(): void;
  /** The header's time range changed (reload if visible, else on next activate). */
  rangeChanged(): void;
  /** A validated host message meant for this tab. */
  handle(message: HostMessage): void;
}
