import type { SNSEvent } from 'aws-lambda';
import { defineEvent } from '../types';
import { arn, headers, int } from '../helpers';
import { METRIC_ALARM_PARAMS, alarmTime, shortTime } from './cloudwatch';
import { notification } from './sns';

const GROUP = 'Amazon SNS';

// @types/aws-lambda has no type for the alarm notification CloudWatch publishes to SNS; this is its documented JSON (the SNS Message).
interface AlarmDimension {
  value: string;
  name: string;
}

interface AlarmTrigger {
  MetricName?: string;
  Namespace?: string;
  StatisticType?: 'Statistic' | 'ExtendedStatistic';
  Statistic?: string;
  Unit?: string | null;
  Dimensions?: AlarmDimension[];
  Metrics?: {
    Id: string;
    Expression?: string;
    Label?: string;
    MetricStat?: { Metric: { Dimensions: AlarmDimension[]; MetricName: string; Namespace: string }; Period: number; Stat: string };
    ReturnData: boolean;
  }[];
  Period: number;
  EvaluationPeriods: number;
  DatapointsToAlarm: number;
  ComparisonOperator: string;
  Threshold: number;
  TreatMissingData: string;
  EvaluateLowSampleCountPercentile: string;
}

export interface CloudWatchAlarmSnsMessage {
  AlarmName: string;
  AlarmDescription: string | null;
  AWSAccountId: string;
  AlarmConfigurationUpdatedTimestamp: string;
  NewStateValue: 'ALARM' | 'OK' | 'INSUFFICIENT_DATA';
  NewStateReason: string;
  StateChangeTime: string;
  Region: string;
  AlarmArn: string;
  OldStateValue: 'ALARM' | 'OK' | 'INSUFFICIENT_DATA';
  OKActions: string[];
  AlarmActions: string[];
  InsufficientDataActions: string[];
  Trigger: AlarmTrigger;
}

/** The alarm message names the region as the console does; a region not listed here keeps its code. */
const REGION_NAMES: Readonly<Record<string, string>> = {
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-1': 'US West (N. California)',
  'us-west-2': 'US West (Oregon)',
  'eu-west-1': 'EU (Ireland)',
  'eu-west-2': 'EU (London)',
  'eu-central-1': 'EU (Frankfurt)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
};

const ALARM_PARAMS = {
  ...METRIC_ALARM_PARAMS,
  topic: { default: 'alarm-notifications', description: 'Topic the alarm action publishes to' },
  description: { default: 'CPU above 80% for 5 minutes', description: 'Alarm description (empty: none, sent as null)' },
};

type AlarmParams = Readonly<Record<keyof typeof ALARM_PARAMS, string>>;

/** The alarm's message around its trigger: ALARM when the datapoint is above the threshold, else OK. */
function alarmMessage(p: AlarmParams, now: Date, trigger: AlarmTrigger): CloudWatchAlarmSnsMessage {
  const value = decimal('datapoint', p.datapoint);
  const alarming = value > trigger.Threshold;
  const start = new Date(Math.floor(now.getTime() / 1000 / trigger.Period) * trigger.Period * 1000 - trigger.Period * 1000);
  const topicArn = arn('sns', p.region, p.account, p.topic);
  return {
    AlarmName: p.alarm,
    AlarmDescription: p.description === '' ? null : p.description,
    AWSAccountId: p.account,
    AlarmConfigurationUpdatedTimestamp: alarmTime(new Date(now.getTime() - 86_400_000)),
    NewStateValue: alarming ? 'ALARM' : 'OK',
    NewStateReason: `Threshold Crossed: 1 out of the last 1 datapoints [${value.toFixed(1)} (${shortTime(start)})] was ${alarming ? '' : 'not '}greater than the threshold (${trigger.Threshold.toFixed(1)}) (minimum 1 datapoint for ${alarming ? 'OK -> ALARM' : 'ALARM -> OK'} transition).`,
    StateChangeTime: alarmTime(now),
    Region: REGION_NAMES[p.region] ?? p.region,
    AlarmArn: arn('cloudwatch', p.region, p.account, `alarm:${p.alarm}`),
    OldStateValue: alarming ? 'OK' : 'ALARM',
    OKActions: [topicArn],
    AlarmActions: [topicArn],
    InsufficientDataActions: [],
    Trigger: trigger,
  };
}

/** A threshold or datapoint: CloudWatch takes any number, decimals included. */
function decimal(name: string, value: string): number {
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n)) throw new TypeError(`Parameter ${name} must be a number, not "${value}".`);
  return n;
}

function dimensions(p: AlarmParams): AlarmDimension[] {
  return Object.entries(headers('dimensions', p.dimensions)).map(([name, value]) => ({ value: String(value), name }));
}

function period(p: AlarmParams): number {
  const seconds = int('period', p.period);
  if (seconds < 1) throw new TypeError(`Parameter period must be positive, not ${seconds}.`);
  return seconds;
}

const EVALUATION = { EvaluationPeriods: 1, DatapointsToAlarm: 1, ComparisonOperator: 'GreaterThanThreshold', TreatMissingData: 'missing', EvaluateLowSampleCountPercentile: '' };

/** The SNS event a subscribed function gets: the alarm JSON as the message, with the subject CloudWatch gives it. */
function delivered(p: AlarmParams, ctx: { now: Date; uuid(): string }, message: CloudWatchAlarmSnsMessage): SNSEvent {
  const subject = `${message.NewStateValue}: "${p.alarm}" in ${message.Region}`;
  return notification({ region: p.region, account: p.account, topic: p.topic, subject, message: JSON.stringify(message) }, ctx, {});
}

export const snsAlarmEvents = [
  defineEvent<SNSEvent>()({
    service: 'sns',
    event: 'cloudwatch-alarm',
    title: 'SNS notification of a CloudWatch alarm (one metric)',
    group: GROUP,
    params: ALARM_PARAMS,
    build: (p, ctx) => {
      const trigger: AlarmTrigger = {
        MetricName: p.metric,
        Namespace: p.namespace,
        StatisticType: 'Statistic',
        Statistic: 'AVERAGE',
        Unit: null,
        Dimensions: dimensions(p),
        Period: period(p),
        ...EVALUATION,
        Threshold: decimal('threshold', p.threshold),
      };
      return delivered(p, ctx, alarmMessage(p, ctx.now, trigger));
    },
  }),
  defineEvent<SNSEvent>()({
    service: 'sns',
    event: 'cloudwatch-alarm-metric-math',
    title: 'SNS notification of a CloudWatch alarm on a metric math expression',
    group: GROUP,
    params: {
      ...ALARM_PARAMS,
      expression: { default: 'm1 * 100 / 4', description: 'Metric math expression over m1 (the metric); the alarm watches its result' },
      label: { default: 'CPU per vCPU', description: 'Label of the expression' },
    },
    build: (p, ctx) => {
      const seconds = period(p);
      const trigger: AlarmTrigger = {
        Period: seconds,
        ...EVALUATION,
        Threshold: decimal('threshold', p.threshold),
        Metrics: [
          { Expression: p.expression, Id: 'e1', Label: p.label, ReturnData: true },
          { Id: 'm1', MetricStat: { Metric: { Dimensions: dimensions(p), MetricName: p.metric, Namespace: p.namespace }, Period: seconds, Stat: 'Average' }, ReturnData: false },
        ],
      };
      return delivered(p, ctx, alarmMessage(p, ctx.now, trigger));
    },
  }),
];
