import { gzipSync } from 'node:zlib';
import type { CloudWatchAlarmEvent, CloudWatchAlarmState, CloudWatchLogsDecodedData, CloudWatchLogsEvent } from 'aws-lambda';
import { defineEvent, type EventContext } from '../types';
import { ACCOUNT, REGION, arn, headers, int } from '../helpers';

const LOGS_GROUP = 'Amazon CloudWatch Logs';
const ALARMS_GROUP = 'Amazon CloudWatch';

/** CloudWatch alarms write times as ISO 8601 with milliseconds and "+0000": 2026-11-26T14:05:09.123+0000 */
export function alarmTime(date: Date): string {
  return date.toISOString().replace(/Z$/, '+0000');
}

/** A composite alarm's reason: "Thursday 26 November, 2026 14:05:09 UTC". */
function longTime(date: Date): string {
  const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${days[date.getUTCDay()]} ${String(date.getUTCDate()).padStart(2, '0')} ${months[date.getUTCMonth()]}, ${date.getUTCFullYear()} ${date.toISOString().slice(11, 19)} UTC`;
}

/** A datapoint's time in a metric alarm's reason: "26/11/26 14:00:00". */
export function shortTime(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(2, 4)} ${iso.slice(11, 19)}`;
}


/** The state of a one-datapoint threshold alarm: ALARM when the datapoint is above the threshold, else OK. */
function metricState(value: number, threshold: number, period: number, at: Date, statistic: string): CloudWatchAlarmState {
  const alarming = value > threshold;
  const start = new Date(Math.floor(at.getTime() / 1000 / period) * period * 1000 - period * 1000);
  const transition = alarming ? 'OK -> ALARM' : 'ALARM -> OK';
  return {
    value: alarming ? 'ALARM' : 'OK',
    reason: `Threshold Crossed: 1 out of the last 1 datapoints [${value.toFixed(1)} (${shortTime(start)})] was ${alarming ? '' : 'not '}greater than the threshold (${threshold.toFixed(1)}) (minimum 1 datapoint for ${transition} transition).`,
    reasonData: JSON.stringify({
      version: '1.0',
      queryDate: alarmTime(at),
      startDate: alarmTime(start),
      statistic,
      period,
      recentDatapoints: [value],
      threshold,
      evaluatedDatapoints: [{ timestamp: alarmTime(start), sampleCount: 5, value }],
    }),
    timestamp: alarmTime(at),
  };
}

/** A metric alarm on one metric's Average: what its Lambda action and its EventBridge event both carry. */
export const METRIC_ALARM_PARAMS = {
  region: REGION,
  account: ACCOUNT,
  alarm: { default: 'cpu-high', description: 'Alarm name' },
  description: { default: 'CPU above 80% for 5 minutes', description: 'Alarm description' },
  namespace: { default: 'AWS/EC2', description: 'Metric namespace' },
  metric: { default: 'CPUUtilization', description: 'Metric name' },
  dimensions: { default: 'InstanceId: i-0123456789abcdef0', description: 'Metric dimensions: "Name: value" pairs or a JSON object' },
  period: { default: '300', description: 'Period in seconds' },
  threshold: { default: '80', description: 'Threshold (the alarm is in ALARM when the datapoint is greater)' },
  datapoint: { default: '93', description: 'The evaluated datapoint (decides ALARM or OK)' },
};

type MetricAlarmParams = Readonly<Record<keyof typeof METRIC_ALARM_PARAMS, string>>;

export function alarmArn(p: { region: string; account: string }, name: string): string {
  return arn('cloudwatch', p.region, p.account, `alarm:${name}`);
}

/** The alarm's name, its new and previous state and its configuration (the metric it watches). */
export function metricAlarmData(p: MetricAlarmParams, ctx: EventContext): CloudWatchAlarmEvent['alarmData'] {
  const period = int('period', p.period);
  if (period < 1) throw new TypeError(`Parameter period must be positive, not ${period}.`);
  const threshold = int('threshold', p.threshold);
  const value = int('datapoint', p.datapoint);
  const state = metricState(value, threshold, period, ctx.now, 'Average');
  const earlier = new Date(ctx.now.getTime() - period * 1000);
  const previousValue = state.value === 'ALARM' ? threshold - 1 : threshold + 1;
  return {
    alarmName: p.alarm,
    state,
    previousState: metricState(previousValue, threshold, period, earlier, 'Average'),
    configuration: {
      description: p.description,
      metrics: [
        {
          id: ctx.uuid(),
          metricStat: {
            metric: { namespace: p.namespace, name: p.metric, dimensions: Object.fromEntries(Object.entries(headers('dimensions', p.dimensions)).map(([k, v]) => [k, String(v)])) },
            period,
            stat: 'Average',
          },
          returnData: true,
        },
      ],
    },
  };
}

/** One record (or log event) per non-blank line; a value with no line at all is one record as it is. */
export function lines(value: string): string[] {
  const found = value.split(/\r?\n/).filter((line) => line.trim() !== '');
  return found.length > 0 ? found : [value];
}

/** A subscription filter's batch of log events, as CloudWatch Logs sends it (before gzip and base64). */
export function logsBatch(
  p: { account: string; logGroup: string; logStream: string; filterName: string; messages: string },
  now: Date,
): CloudWatchLogsDecodedData {
  return {
    messageType: 'DATA_MESSAGE',
    owner: p.account,
    logGroup: p.logGroup,
    logStream: p.logStream,
    subscriptionFilters: [p.filterName],
    logEvents: lines(p.messages).map((message, i) => ({
      id: `${String(now.getTime()).padStart(20, '0')}${String(i).padStart(36, '0')}`,
      timestamp: now.getTime(),
      message,
    })),
  };
}

export const cloudwatchEvents = [
  defineEvent<CloudWatchLogsEvent>()({
    service: 'cloudwatch',
    event: 'logs',
    title: 'CloudWatch Logs subscription',
    group: LOGS_GROUP,
    params: {
      account: ACCOUNT,
      logGroup: { default: '/aws/lambda/my-function', description: 'Log group of the subscription filter' },
      logStream: { default: '2026/11/26/[$LATEST]94fa867e5374431291a7fc14e2f56ae7', description: 'Log stream' },
      filterName: { default: 'LambdaStream_my-function', description: 'Subscription filter name' },
      messages: {
        default: 'START RequestId: 6234bffe-149a-b642-81ff-2e8e376d8aff Version: $LATEST\nREPORT RequestId: 6234bffe-149a-b642-81ff-2e8e376d8aff\tDuration: 46.84 ms\tBilled Duration: 47 ms\tMemory Size: 192 MB\tMax Memory Used: 72 MB',
        description: 'Log messages, one per line',
      },
    },
    // awslogs.data is the documented JSON document, gzip-compressed, then base64-encoded.
    build: (p, ctx) => ({ awslogs: { data: gzipSync(JSON.stringify(logsBatch(p, ctx.now))).toString('base64') } }),
  }),
  defineEvent<CloudWatchAlarmEvent>()({
    service: 'cloudwatch',
    event: 'alarm-state-change',
    title: 'CloudWatch metric alarm action (Lambda)',
    group: ALARMS_GROUP,
    params: METRIC_ALARM_PARAMS,
    build: (p, ctx) => ({
      source: 'aws.cloudwatch',
      alarmArn: alarmArn(p, p.alarm),
      accountId: p.account,
      time: alarmTime(ctx.now),
      region: p.region,
      alarmData: metricAlarmData(p, ctx),
    }),
  }),
  defineEvent<CloudWatchAlarmEvent>()({
    service: 'cloudwatch',
    event: 'composite-alarm-state-change',
    title: 'CloudWatch composite alarm action (Lambda)',
    group: ALARMS_GROUP,
    params: {
      region: REGION,
      account: ACCOUNT,
      alarm: { default: 'app-health', description: 'Composite alarm name' },
      alarmRule: { default: 'ALARM(cpu-high) OR ALARM(error-rate)', description: 'Alarm rule' },
      triggeringAlarm: { default: 'cpu-high', description: 'The child alarm that went into ALARM' },
      actionsSuppressor: { default: 'maintenance-window', description: 'Actions suppressor alarm (empty: none)' },
    },
    build: (p, ctx) => {
      const childArn = alarmArn(p, p.triggeringAlarm);
      const earlier = new Date(ctx.now.getTime() - 3_600_000);
      // `childAt`: when the child alarm changed, which the reason names; `at`: when the composite's state was set.
      const state = (value: 'ALARM' | 'OK', at: Date, childAt = at): CloudWatchAlarmState => ({
        value,
        reason: `${childArn} transitioned to ${value} at ${longTime(childAt)}`,
        reasonData: JSON.stringify({ triggeringAlarms: [{ arn: childArn, state: { value, timestamp: alarmTime(childAt) } }] }),
        timestamp: alarmTime(at),
      });
      const suppressed = p.actionsSuppressor.trim() !== '';
      const waitPeriod = 120;
      const suppressor = suppressed ? { actionsSuppressor: p.actionsSuppressor, actionsSuppressorWaitPeriod: waitPeriod, actionsSuppressorExtensionPeriod: 180 } : {};
      // With a suppressor, the composite went into ALARM a wait period ago with its actions held (the suppressor did
      // not go into ALARM in time); now the wait is over and its actions run.
      const heldSince = new Date(ctx.now.getTime() - waitPeriod * 1000);
      const previousState: CloudWatchAlarmState = suppressed
        ? { ...state('ALARM', heldSince), actionsSuppressedBy: 'WaitPeriod', actionsSuppressedReason: 'Actions suppressed by WaitPeriod' }
        : state('OK', earlier);
      return {
        source: 'aws.cloudwatch',
        alarmArn: alarmArn(p, p.alarm),
        accountId: p.account,
        time: alarmTime(ctx.now),
        region: p.region,
        alarmData: {
          alarmName: p.alarm,
          state: state('ALARM', ctx.now, suppressed ? heldSince : ctx.now),
          previousState,
          configuration: { alarmRule: p.alarmRule, ...suppressor },
        },
      };
    },
  }),
];
