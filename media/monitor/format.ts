// Formatting for the Logs tab: counts, durations, times and file names, all in the user's locale where it matters.
import type { RangePreset } from '../../src/shared/monitorMessages';

export const RANGE_LABELS: Record<RangePreset, string> = {
  '5m': 'Last 5 minutes',
  '15m': 'Last 15 minutes',
  '1h': 'Last hour',
  '3h': 'Last 3 hours',
  '12h': 'Last 12 hours',
  '24h': 'Last 24 hours',
  '3d': 'Last 3 days',
  '7d': 'Last 7 days',
  custom: 'Custom range…',
};

const counter = new Intl.NumberFormat('en-US');

/** 12345 → "12,345". */
export const count = (n: number): string => counter.format(n);

/** "1 invocation", "2 invocations". */
export const plural = (n: number, word: string, many = `${word}s`): string => `${count(n)} ${n === 1 ? word : many}`;

/** A duration as Lambda reports it: "12.50 ms", "1.24 s". */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${Number.isInteger(ms) ? ms : ms.toFixed(2)} ms`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "12:34:56.789" (local time), with "01-31 " before it when the loaded lines span more than one day. */
export function clockTime(timestamp: number, withDate: boolean): string {
  const d = new Date(timestamp);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
  return withDate ? `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}` : time;
}

/** "10:00" today, "Jan 31, 10:00" another day: for sentences like "No log events between … and …". */
export function shortDateTime(timestamp: number, now = Date.now()): string {
  const d = new Date(timestamp);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (d.toDateString() === new Date(now).toDateString()) return time;
  return `${d.toLocaleDateString('en-US', { month: 'short', day: 'numeric' })}, ${time}`;
}

/** The local `yyyy-mm-ddThh:mm` a datetime-local input shows. */
export function toDateTimeLocal(timestamp: number): string {
  const d = new Date(timestamp);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (local time) → epoch ms, or undefined when empty or invalid. */
export function fromDateTimeLocal(value: string): number | undefined {
  if (!value) return undefined;
  const t = new Date(value).getTime();
  return Number.isFinite(t) ? t : undefined;
}

/** `<title>-<yyyy-mm-ddThh-mm><suffix>`, with what file systems dislike in the title replaced by "-". */
export function exportFileName(title: string, suffix: string, now = Date.now()): string {
  const safe = title.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'logs';
  return `${safe}-${toDateTimeLocal(now).replace(':', '-')}${suffix}`;
}

/** The message as CloudWatch returned it, without the newline Lambda appends. */
export function withoutTrailingNewline(message: string): string {
  if (!message.endsWith('\n')) return message;
  return message.slice(0, message.endsWith('\r\n') ? -2 : -1);
}
