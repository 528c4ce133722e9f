// The messages between the Monitor panel's host (src/ui/webviews/monitorPanel.ts) and its page (media/monitor.ts).
// Plain data only, and every string is rendered as text. Both sides validate what they receive with the guards below:
// the page trusts nothing the host relays from AWS, and the host acts on nothing the page sends unchecked.
// No `vscode` and no Node import: the page bundles this file too.

import type { LogEvent } from './logEvent';
import type { MetricChart, MetricsView } from './metricsView';

export type { MetricChart, MetricsView };

export type MonitorTab = 'logs' | 'metrics';

/** What a panel monitors; also the serialized state that restores it after a reload. Never holds credentials. */
export type MonitorTarget =
  | { readonly kind: 'lambda'; readonly profile: string; readonly region: string; readonly functionName: string }
  | { readonly kind: 'fargate'; readonly profile: string; readonly region: string; readonly cluster: string; readonly serviceName: string };

export const RANGE_PRESETS = ['5m', '15m', '1h', '3h', '12h', '24h', '3d', '7d', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** A time range: a preset ending now, or `custom` with both ends (epoch ms). */
export interface TimeRange {
  readonly preset: RangePreset;
  readonly start?: number;
  readonly end?: number;
}

export const PRESET_MS: Record<Exclude<RangePreset, 'custom'>, number> = {
  '5m': 5 * 60_000,
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '3h': 3 * 3_600_000,
  '12h': 12 * 3_600_000,
  '24h': 24 * 3_600_000,
  '3d': 3 * 24 * 3_600_000,
  '7d': 7 * 24 * 3_600_000,
};

/** The absolute [start, end] of a range at `now`. */
export function resolveRange(range: TimeRange, now = Date.now()): { start: number; end: number } {
  if (range.preset === 'custom') return { start: range.start ?? now - PRESET_MS['1h'], end: range.end ?? now };
  return { start: now - PRESET_MS[range.preset], end: now };
}

/** A ready Logs Insights query offered in the page's picker. */
export interface InsightsPreset {
  readonly id: string;
  readonly label: string;
  readonly query: string;
}

export interface PanelError {
  readonly title: string;
  readonly detail: string;
}

/** What the panel knows about where the logs come from. */
export interface LogSourceView {
  /** e.g. "/aws/lambda/orders-api", or "/ecs/web (streams ecs/web/…)". */
  readonly description: string;
  readonly logGroups: readonly string[];
}

export interface MonitorInit {
  readonly target: MonitorTarget;
  /** "orders-api" or "web (cluster main)". */
  readonly title: string;
  readonly tab: MonitorTab;
  readonly range: TimeRange;
  readonly filterPattern: string;
  readonly autoRefresh: boolean;
  readonly insightsPresets: readonly InsightsPreset[];
  /** Groups invocations by request id (Lambda) or shows plain lines (Fargate). */
  readonly groupInvocations: boolean;
  /** The most events one load keeps (setting serverlessExplorer.monitor.maxLogEvents). */
  readonly maxEvents: number;
}

export type HostMessage =
  | { readonly type: 'init'; readonly init: MonitorInit }
  | { readonly type: 'showTab'; readonly tab: MonitorTab }
  | { readonly type: 'logSource'; readonly source?: LogSourceView; readonly error?: PanelError }
  /** A batch of a load; `requestId` echoes the page's loadLogs. `done` ends it; `truncated` when maxEvents was reached. */
  | { readonly type: 'logs'; readonly requestId: number; readonly events: readonly LogEvent[]; readonly done: boolean; readonly truncated?: boolean }
  | { readonly type: 'logsError'; readonly requestId: number; readonly error: PanelError }
  /** New events from live tail, already de-duplicated. */
  | { readonly type: 'tailEvents'; readonly events: readonly LogEvent[] }
  | { readonly type: 'tailState'; readonly running: boolean; readonly mode?: 'poll' | 'liveTail'; readonly error?: PanelError }
  | { readonly type: 'insightsStatus'; readonly requestId: number; readonly status: string; readonly recordsMatched?: number; readonly recordsScanned?: number }
  | { readonly type: 'insightsResult'; readonly requestId: number; readonly fields: readonly string[]; readonly rows: readonly (readonly string[])[]; readonly status: string }
  | { readonly type: 'insightsError'; readonly requestId: number; readonly error: PanelError }
  | { readonly type: 'metrics'; readonly requestId: number; readonly view: MetricsView }
  | { readonly type: 'metricsError'; readonly requestId: number; readonly error: PanelError };

export type PageMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'loadLogs'; readonly requestId: number; readonly range: TimeRange; readonly filterPattern: string }
  | { readonly type: 'tail'; readonly on: boolean; readonly filterPattern: string }
  | { readonly type: 'runInsights'; readonly requestId: number; readonly query: string; readonly range: TimeRange }
  | { readonly type: 'cancelInsights'; readonly requestId: number }
  | { readonly type: 'loadMetrics'; readonly requestId: number; readonly range: TimeRange }
  | { readonly type: 'copy'; readonly text: string }
  /** Save `content` to a file the user picks; `suggestedName` like "orders-api-logs.log". */
  | { readonly type: 'export'; readonly suggestedName: string; readonly content: string }
  /** The page's view state changed (tab, range, filter, auto-refresh): kept for restoring the panel after a reload. */
  | { readonly type: 'viewState'; readonly tab: MonitorTab; readonly range: TimeRange; readonly filterPattern: string; readonly autoRefresh: boolean }
  /** One of an invocation's actions on the event it logged (found by core/logs/loggedEvent.ts). */
  | ReplayEventMessage;

/** What can be done with the event an invocation logged. */
export const REPLAY_ACTIONS = ['replayLocally', 'invokeDeployed', 'saveTestEvent'] as const;
export type ReplayAction = (typeof REPLAY_ACTIONS)[number];

/** How the event was found in the invocation's lines, most trusted first. */
export const LOGGED_EVENT_SOURCES = ['powertools', 'jsonLogFormat', 'firstJsonObject'] as const;
export type LoggedEventSource = (typeof LOGGED_EVENT_SOURCES)[number];

export interface ReplayEventMessage {
  readonly type: 'replayEvent';
  readonly action: ReplayAction;
  /** The invocation's request id (a UUID). */
  readonly requestId: string;
  /** When the invocation started (epoch ms). */
  readonly timestamp: number;
  /** The version its START line names ("$LATEST", "7"), when loaded. */
  readonly version?: string;
  readonly source: LoggedEventSource;
  /** The event as JSON text. */
  readonly event: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Guards

type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isOptional = <T>(v: unknown, guard: (x: unknown) => x is T): boolean => v === undefined || guard(v);
const isArrayOf = <T>(v: unknown, guard: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.every(guard);
const isTab = (v: unknown): v is MonitorTab => v === 'logs' || v === 'metrics';

export function isTimeRange(v: unknown): v is TimeRange {
  if (!isObject(v) || !(RANGE_PRESETS as readonly unknown[]).includes(v.preset)) return false;
  if (!isOptional(v.start, isFiniteNumber) || !isOptional(v.end, isFiniteNumber)) return false;
  if (v.preset !== 'custom') return true;
  return isFiniteNumber(v.start) && isFiniteNumber(v.end) && v.start < v.end;
}

export function isMonitorTarget(v: unknown): v is MonitorTarget {
  if (!isObject(v) || !isString(v.profile) || !isString(v.region)) return false;
  if (v.kind === 'lambda') return isString(v.functionName) && v.functionName.length > 0;
  if (v.kind === 'fargate') return isString(v.cluster) && v.cluster.length > 0 && isString(v.serviceName) && v.serviceName.length > 0;
  return false;
}

const isPanelError = (v: unknown): v is PanelError => isObject(v) && isString(v.title) && isString(v.detail);
const isRequestId = (v: unknown): v is number => Number.isSafeInteger(v);

export function isLogEvent(v: unknown): v is LogEvent {
  return isObject(v) && isFiniteNumber(v.timestamp) && isString(v.message) && isOptional(v.logStreamName, isString) && isOptional(v.eventId, isString);
}

const isInsightsPreset = (v: unknown): v is InsightsPreset => isObject(v) && isString(v.id) && isString(v.label) && isString(v.query);
const isNullableNumber = (v: unknown): v is number | null => v === null || isFiniteNumber(v);

function isMetricChart(v: unknown): v is MetricChart {
  if (!isObject(v) || !isString(v.id) || !isString(v.title) || !isString(v.unit) || !isOptional(v.note, isString)) return false;
  if (!isArrayOf(v.timestamps, isFiniteNumber)) return false;
  const length = v.timestamps.length;
  return isArrayOf(v.series, (s): s is MetricChart['series'][number] => isObject(s) && isString(s.label) && isArrayOf(s.values, isNullableNumber) && s.values.length === length);
}

export function isMetricsView(v: unknown): v is MetricsView {
  return (
    isObject(v) &&
    isFiniteNumber(v.periodSeconds) &&
    isFiniteNumber(v.start) &&
    isFiniteNumber(v.end) &&
    isArrayOf(v.charts, isMetricChart) &&
    isArrayOf(v.notes, isString) &&
    isArrayOf(v.summary, (s): s is MetricsView['summary'][number] => isObject(s) && isString(s.label) && isString(s.value))
  );
}

function isMonitorInit(v: unknown): v is MonitorInit {
  return (
    isObject(v) &&
    isMonitorTarget(v.target) &&
    isString(v.title) &&
    isTab(v.tab) &&
    isTimeRange(v.range) &&
    isString(v.filterPattern) &&
    typeof v.autoRefresh === 'boolean' &&
    isArrayOf(v.insightsPresets, isInsightsPreset) &&
    typeof v.groupInvocations === 'boolean' &&
    Number.isSafeInteger(v.maxEvents)
  );
}

const isLogSourceView = (v: unknown): v is LogSourceView => isObject(v) && isString(v.description) && isArrayOf(v.logGroups, isString);

/** For the page: a message from the host it can act on. */
export function isHostMessage(v: unknown): v is HostMessage {
  if (!isObject(v)) return false;
  switch (v.type) {
    case 'init':
      return isMonitorInit(v.init);
    case 'showTab':
      return isTab(v.tab);
    case 'logSource':
      return isOptional(v.source, isLogSourceView) && isOptional(v.error, isPanelError);
    case 'logs':
      return isRequestId(v.requestId) && isArrayOf(v.events, isLogEvent) && typeof v.done === 'boolean' && isOptional(v.truncated, (x): x is boolean => typeof x === 'boolean');
    case 'logsError':
    case 'insightsError':
    case 'metricsError':
      return isRequestId(v.requestId) && isPanelError(v.error);
    case 'tailEvents':
      return isArrayOf(v.events, isLogEvent);
    case 'tailState':
      return typeof v.running === 'boolean' && (v.mode === undefined || v.mode === 'poll' || v.mode === 'liveTail') && isOptional(v.error, isPanelError);
    case 'insightsStatus':
      return isRequestId(v.requestId) && isString(v.status) && isOptional(v.recordsMatched, isFiniteNumber) && isOptional(v.recordsScanned, isFiniteNumber);
    case 'insightsResult':
      return isRequestId(v.requestId) && isArrayOf(v.fields, isString) && isArrayOf(v.rows, (r): r is string[] => isArrayOf(r, isString)) && isString(v.status);
    case 'metrics':
      return isRequestId(v.requestId) && isMetricsView(v.view);
    default:
      return false;
  }
}

/** The most text the page may hand the host to copy or export (a generous 256 MB: 100,000 long lines). */
export const MAX_PAGE_TEXT = 256 * 1024 * 1024;
const isPageText = (v: unknown): v is string => isString(v) && v.length <= MAX_PAGE_TEXT;

/** For the host: a message from the page it can act on. */
export function isPageMessage(v: unknown): v is PageMessage {
  if (!isObject(v)) return false;
  switch (v.type) {
    case 'ready':
      return true;
    case 'loadLogs':
      return isRequestId(v.requestId) && isTimeRange(v.range) && isString(v.filterPattern) && v.filterPattern.length <= 1024;
    case 'tail':
      return typeof v.on === 'boolean' && isString(v.filterPattern) && v.filterPattern.length <= 1024;
    case 'runInsights':
      // Logs Insights accepts queries up to 10,000 characters.
      return isRequestId(v.requestId) && isString(v.query) && v.query.trim().length > 0 && v.query.length <= 10_000 && isTimeRange(v.range);
    case 'cancelInsights':
      return isRequestId(v.requestId);
    case 'loadMetrics':
      return isRequestId(v.requestId) && isTimeRange(v.range);
    case 'copy':
      return isPageText(v.text);
    case 'export':
      return isString(v.suggestedName) && v.suggestedName.length <= 255 && isPageText(v.content);
    case 'viewState':
      return isTab(v.tab) && isTimeRange(v.range) && isString(v.filterPattern) && typeof v.autoRefresh === 'boolean';
    case 'replayEvent':
      return isReplayEventMessage(v);
    default:
      return false;
  }
}

/** Lambda's largest payload (6 MB, synchronous): a logged event is far smaller, as CloudWatch keeps 256 KB a line. */
export const MAX_EVENT_TEXT = 6 * 1024 * 1024;
const REQUEST_ID_SHAPE = /^[0-9A-Za-z-]{1,64}$/;

function isJsonText(v: unknown): v is string {
  if (!isString(v) || v.length === 0 || v.length > MAX_EVENT_TEXT) return false;
  try {
    JSON.parse(v);
    return true;
  } catch {
    return false;
  }
}

function isReplayEventMessage(v: Loose): boolean {
  return (
    (REPLAY_ACTIONS as readonly unknown[]).includes(v.action) &&
    isString(v.requestId) &&
    REQUEST_ID_SHAPE.test(v.requestId) &&
    isFiniteNumber(v.timestamp) &&
    isOptional(v.version, (x): x is string => isString(x) && x.length <= 64) &&
    (LOGGED_EVENT_SOURCES as readonly unknown[]).includes(v.source) &&
    isJsonText(v.event)
  );
}

/** The state a Monitor panel is restored from (WebviewPanelSerializer): what the host keeps via the page's setState. */
export interface MonitorPanelState {
  readonly target: MonitorTarget;
  readonly tab: MonitorTab;
  readonly range: TimeRange;
  readonly filterPattern: string;
  readonly autoRefresh: boolean;
}

export function isMonitorPanelState(v: unknown): v is MonitorPanelState {
  return isObject(v) && isMonitorTarget(v.target) && isTab(v.tab) && isTimeRange(v.range) && isString(v.filterPattern) && typeof v.autoRefresh === 'boolean';
}
