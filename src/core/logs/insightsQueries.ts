/** A ready Logs Insights query offered in the Monitor page's picker. */
export interface InsightsPreset {
  readonly id: string;
  readonly label: string;
  readonly query: string;
}

// Lambda's text log format: Logs Insights discovers @type, @requestId, @duration, @billedDuration, @memorySize and
// @maxMemoryUsed (both in bytes) and @initDuration (cold starts only) in REPORT lines.
export const LAMBDA_INSIGHTS_QUERIES: readonly InsightsPreset[] = [
  {
    id: 'slowest',
    label: 'Slowest invocations',
    query: [
      'filter @type = "REPORT"',
      '| fields @timestamp, @requestId, @duration, @billedDuration, @maxMemoryUsed / 1000 / 1000 as maxMemoryUsedMB, @memorySize / 1000 / 1000 as memorySizeMB, @initDuration',
      '| sort @duration desc',
      '| limit 100',
    ].join('\n'),
  },
  {
    id: 'errors',
    label: 'Errors, exceptions and timeouts',
    query: ['fields @timestamp, @logStream, @message', '| filter @message like /(?i)(error|exception|task timed out)/', '| sort @timestamp desc', '| limit 200'].join('\n'),
  },
  {
    id: 'coldStarts',
    label: 'Cold starts',
    query: [
      'filter @type = "REPORT" and ispresent(@initDuration)',
      '| fields @timestamp, @requestId, @initDuration, @duration, @maxMemoryUsed / 1000 / 1000 as maxMemoryUsedMB',
      '| sort @timestamp desc',
      '| limit 100',
    ].join('\n'),
  },
  {
    id: 'durationStats',
    label: 'Duration statistics per 5 minutes',
    query: [
      'filter @type = "REPORT"',
      '| stats count(*) as invocations, avg(@duration) as avgMs, pct(@duration, 95) as p95Ms, max(@duration) as maxMs, count(@initDuration) as coldStarts by bin(5m)',
    ].join('\n'),
  },
  {
    id: 'memory',
    label: 'Memory: configured and used',
    query: [
      'filter @type = "REPORT"',
      '| stats max(@memorySize / 1000 / 1000) as memorySizeMB, avg(@maxMemoryUsed / 1000 / 1000) as avgUsedMB, max(@maxMemoryUsed / 1000 / 1000) as maxUsedMB',
    ].join('\n'),
  },
];

// Lambda's JSON log format: platform lines are {"type": "platform.report", "record": {"requestId", "metrics": {…}}} and
// application lines carry "level" and "message", so the text format's discovered fields are not there.
export const LAMBDA_JSON_INSIGHTS_QUERIES: readonly InsightsPreset[] = [
  {
    id: 'slowest',
    label: 'Slowest invocations',
    query: [
      'filter type = "platform.report"',
      '| fields @timestamp, record.requestId as requestId, record.metrics.durationMs as durationMs, record.metrics.billedDurationMs as billedDurationMs, record.metrics.maxMemoryUsedMB as maxMemoryUsedMB, record.metrics.memorySizeMB as memorySizeMB, record.metrics.initDurationMs as initDurationMs',
      '| sort durationMs desc',
      '| limit 100',
    ].join('\n'),
  },
  {
    id: 'errors',
    label: 'Errors, exceptions and timeouts',
    query: [
      'fields @timestamp, @logStream, @message',
      '| filter level = "ERROR" or level = "FATAL" or record.status = "timeout" or record.status = "error" or @message like /(?i)(exception|task timed out)/',
      '| sort @timestamp desc',
      '| limit 200',
    ].join('\n'),
  },
  {
    id: 'coldStarts',
    label: 'Cold starts',
    query: [
      'filter type = "platform.report" and ispresent(record.metrics.initDurationMs)',
      '| fields @timestamp, record.requestId as requestId, record.metrics.initDurationMs as initDurationMs, record.metrics.durationMs as durationMs, record.metrics.maxMemoryUsedMB as maxMemoryUsedMB',
      '| sort @timestamp desc',
      '| limit 100',
    ].join('\n'),
  },
  {
    id: 'durationStats',
    label: 'Duration statistics per 5 minutes',
    query: [
      'filter type = "platform.report"',
      '| stats count(*) as invocations, avg(record.metrics.durationMs) as avgMs, pct(record.metrics.durationMs, 95) as p95Ms, max(record.metrics.durationMs) as maxMs, count(record.metrics.initDurationMs) as coldStarts by bin(5m)',
    ].join('\n'),
  },
  {
    id: 'memory',
    label: 'Memory: configured and used',
    query: [
      'filter type = "platform.report"',
      '| stats max(record.metrics.memorySizeMB) as memorySizeMB, avg(record.metrics.maxMemoryUsedMB) as avgUsedMB, max(record.metrics.maxMemoryUsedMB) as maxUsedMB',
    ].join('\n'),
  },
];

export const FARGATE_INSIGHTS_QUERIES: readonly InsightsPreset[] = [
  {
    id: 'recent',
    label: 'Most recent lines',
    query: ['fields @timestamp, @logStream, @message', '| sort @timestamp desc', '| limit 200'].join('\n'),
  },
  {
    id: 'errors',
    label: 'Errors and exceptions',
    query: ['fields @timestamp, @logStream, @message', '| filter @message like /(?i)(error|exception|fatal|panic|traceback)/', '| sort @timestamp desc', '| limit 200'].join('\n'),
  },
  {
    id: 'linesPerTask',
    label: 'Lines per task stream per 5 minutes',
    query: 'stats count(*) as lines by bin(5m), @logStream',
  },
];

/** The Lambda presets that fit the function's log format. */
export function lambdaInsightsQueries(logFormat?: 'Text' | 'JSON'): readonly InsightsPreset[] {
  return logFormat === 'JSON' ? LAMBDA_JSON_INSIGHTS_QUERIES : LAMBDA_INSIGHTS_QUERIES;
}
