// Lambda's REPORT line: `REPORT RequestId: <id>\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\t
// Max Memory Used: 70 MB\tInit Duration: 150.00 ms\t`. One model for every place that reads or writes it: the
// Monitor panel's log grouping (a hot path, hence no regex and no allocation but the report), a deployed
// invocation's log tail, and the log of a local invocation. Plain code, no Node: the Monitor page bundles it.

/** The figures of a REPORT line (or a JSON platform.report record). A figure the line lacks is NaN. */
export interface LambdaReport {
  readonly durationMs: number;
  readonly billedDurationMs: number;
  readonly memorySizeMb: number;
  /** Absent when nothing measured it (a local runtime that cannot tell its peak). */
  readonly maxMemoryUsedMb?: number;
  readonly initDurationMs?: number;
  readonly restoreDurationMs?: number;
  /** `timeout` or `error` (Lambda adds `Status:` only when the invocation did not succeed); `success` in JSON format. */
  readonly status?: string;
  /** e.g. `Runtime.OutOfMemory`, `Runtime.ExitError`. */
  readonly errorType?: string;
  readonly xrayTraceId?: string;
}

export const REPORT_PREFIX = 'REPORT RequestId: ';

/** Where the request id of a REPORT line ends: at the tab after it (a space in older formats), else the line's end. */
export function reportRequestIdEnd(line: string): number {
  let idEnd = line.indexOf('\t', REPORT_PREFIX.length);
  if (idEnd < 0) idEnd = line.indexOf(' ', REPORT_PREFIX.length);
  if (idEnd < 0) idEnd = line.length;
  return idEnd;
}

/** `12.34 ms` at `from` → 12.34, without allocating (REPORT figures are plain decimals). */
function decimalAt(s: string, from: number, to: number): number {
  let value = 0;
  let scale = 0;
  let digits = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      if (scale) scale *= 10;
      digits++;
    } else if (c === 46 && !scale) scale = 1;
    else if (c === 32 && digits === 0) continue;
    else break;
  }
  if (digits === 0) return NaN;
  return scale > 1 ? value / scale : value;
}

/** `Duration: 12.34 ms\tBilled Duration: 13 ms\t…` from `from` to the end of `s` → the report. */
export function parseReportFields(s: string, from: number): LambdaReport {
  let durationMs = NaN;
  let billedDurationMs = NaN;
  let memorySizeMb = NaN;
  let maxMemoryUsedMb = NaN;
  let initDurationMs: number | undefined;
  let restoreDurationMs: number | undefined;
  let status: string | undefined;
  let errorType: string | undefined;
  let xrayTraceId: string | undefined;
  let i = from;
  const n = s.length;
  while (i < n) {
    let tab = s.indexOf('\t', i);
    if (tab < 0) tab = n;
    while (i < tab && s.charCodeAt(i) <= 32) i++; // the newline before XRAY TraceId
    const colon = s.indexOf(': ', i);
    if (colon > i && colon < tab) {
      const v = colon + 2;
      switch (colon - i) {
        case 8: // Duration
          if (s.startsWith('Duration', i)) durationMs = decimalAt(s, v, tab);
          break;
        case 15: // Billed Duration, Max Memory Used
          if (s.startsWith('Billed Duration', i)) billedDurationMs = decimalAt(s, v, tab);
          else if (s.startsWith('Max Memory Used', i)) maxMemoryUsedMb = decimalAt(s, v, tab);
          break;
        case 11: // Memory Size
          if (s.startsWith('Memory Size', i)) memorySizeMb = decimalAt(s, v, tab);
          break;
        case 13: // Init Duration
          if (s.startsWith('Init Duration', i)) initDurationMs = decimalAt(s, v, tab);
          break;
        case 16: // Restore Duration
          if (s.startsWith('Restore Duration', i)) restoreDurationMs = decimalAt(s, v, tab);
          break;
        case 6: // Status
          if (s.startsWith('Status', i)) status = s.slice(v, tab).trim();
          break;
        case 10: // Error Type
          if (s.startsWith('Error Type', i)) errorType = s.slice(v, tab).trim();
          break;
        case 12: // XRAY TraceId
          if (s.startsWith('XRAY TraceId', i)) xrayTraceId = s.slice(v, tab).trim();
          break;
      }
    }
    i = tab + 1;
  }
  const report: { -readonly [K in keyof LambdaReport]: LambdaReport[K] } = { durationMs, billedDurationMs, memorySizeMb, maxMemoryUsedMb };
  if (initDurationMs !== undefined) report.initDurationMs = initDurationMs;
  if (restoreDurationMs !== undefined) report.restoreDurationMs = restoreDurationMs;
  if (status !== undefined) report.status = status;
  if (errorType !== undefined) report.errorType = errorType;
  if (xrayTraceId !== undefined) report.xrayTraceId = xrayTraceId;
  return report;
}

/** The report of the last REPORT line of a log text (a log tail), read from that line alone. */
export function parseLastReport(log: string): LambdaReport | undefined {
  const start = log.lastIndexOf(`\n${REPORT_PREFIX}`) + 1;
  if (start === 0 && !log.startsWith(REPORT_PREFIX)) return undefined;
  let end = log.indexOf('\n', start);
  if (end < 0) end = log.length;
  const line = log.slice(start, end);
  return parseReportFields(line, reportRequestIdEnd(line) + 1);
}

/** The REPORT line Lambda writes, for a local invocation's log (`?` for a memory peak nobody measured). */
export function formatReportLine(requestId: string, report: LambdaReport): string {
  const maxMemoryUsed = Number.isFinite(report.maxMemoryUsedMb) ? report.maxMemoryUsedMb : '?';
  return (
    `REPORT RequestId: ${requestId}\tDuration: ${report.durationMs.toFixed(2)} ms\tBilled Duration: ${report.billedDurationMs} ms\t` +
    `Memory Size: ${report.memorySizeMb} MB\tMax Memory Used: ${maxMemoryUsed} MB\t` +
    (report.initDurationMs !== undefined ? `Init Duration: ${report.initDurationMs.toFixed(2)} ms\t` : '')
  );
}
