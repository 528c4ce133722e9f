import * as assert from 'node:assert/strict';
import { EventLookupError, findEventById, generateEvent } from '../../../../src/core/events/catalog';
import type { EventContext } from '../../../../src/core/events/types';
import { missingPaths } from '../../../support/eventKeyPaths';

const FIXED: EventContext = { now: new Date('2026-11-26T14:05:09.123Z'), uuid: () => '11111111-2222-4333-8444-555555555555' };

/** The SNS record and its Message parsed: the alarm notification a subscribed function reads. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function delivered(id: string, values: Record<string, string> = {}): { sns: any; alarm: any } {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const sns = (generateEvent(findEventById(id), values, FIXED) as any).Records[0].Sns;
  return { sns, alarm: JSON.parse(sns.Message) };
}

/** CloudWatch's documented alarm notification (the SNS message of an alarm action). */
const ALARM = [
  'AlarmName',
  'AlarmDescription',
  'AWSAccountId',
  'AlarmConfigurationUpdatedTimestamp',
  'NewStateValue',
  'NewStateReason',
  'StateChangeTime',
  'Region',
  'AlarmArn',
  'OldStateValue',
  'OKActions',
  'AlarmActions',
  'InsufficientDataActions',
  'Trigger.Period',
  'Trigger.EvaluationPeriods',
  'Trigger.DatapointsToAlarm',
  'Trigger.ComparisonOperator',
  'Trigger.Threshold',
  'Trigger.TreatMissingData',
  'Trigger.EvaluateLowSampleCountPercentile',
];

const SINGLE = [...ALARM, 'Trigger.MetricName', 'Trigger.Namespace', 'Trigger.StatisticType', 'Trigger.Statistic', 'Trigger.Unit', 'Trigger.Dimensions[].name', 'Trigger.Dimensions[].value'];

const MATH = [
  ...ALARM,
  'Trigger.Metrics[].Id',
  'Trigger.Metrics[].Expression',
  'Trigger.Metrics[].Label',
  'Trigger.Metrics[].ReturnData',
  'Trigger.Metrics[].MetricStat.Metric.Dimensions[].name',
  'Trigger.Metrics[].MetricStat.Metric.Dimensions[].value',
  'Trigger.Metrics[].MetricStat.Metric.MetricName',
  'Trigger.Metrics[].MetricStat.Metric.Namespace',
  'Trigger.Metrics[].MetricStat.Period',
  'Trigger.Metrics[].MetricStat.Stat',
];

describe('core/events catalogue: CloudWatch alarm notifications through SNS', () => {
  it('cloudwatch-alarm: the Message is the documented alarm JSON of one metric, its dimensions as name/value pairs', () => {
    const { alarm } = delivered('sns cloudwatch-alarm', { dimensions: 'AutoScalingGroupName: web; InstanceType: m7g.large', metric: 'CPUUtilization' });
    assert.deepEqual(missingPaths(alarm, SINGLE), []);
    assert.equal(alarm.Trigger.Metrics, undefined);
    assert.deepEqual(alarm.Trigger.Dimensions, [
      { value: 'web', name: 'AutoScalingGroupName' },
      { value: 'm7g.large', name: 'InstanceType' },
    ]);
  });

  it('cloudwatch-alarm-metric-math: the Trigger has the expression and its metric query instead of one metric', () => {
    const { alarm } = delivered('sns cloudwatch-alarm-metric-math', { expression: 'm1 / 2', namespace: 'App/Orders', metric: 'Latency' });
    assert.deepEqual(missingPaths(alarm, MATH), []);
    assert.equal(alarm.Trigger.MetricName, undefined);
    const [expression, query] = alarm.Trigger.Metrics;
    assert.deepEqual([expression.Expression, expression.ReturnData], ['m1 / 2', true]);
    assert.deepEqual([query.Id, query.MetricStat.Metric.Namespace, query.MetricStat.Metric.MetricName, query.ReturnData], ['m1', 'App/Orders', 'Latency', false]);
  });

  it('the datapoint decides the state: above the threshold ALARM (from OK), else OK (from ALARM), the subject saying which', () => {
    const high = delivered('sns cloudwatch-alarm', { datapoint: '91', threshold: '90', alarm: 'p99' });
    assert.deepEqual([high.alarm.OldStateValue, high.alarm.NewStateValue], ['OK', 'ALARM']);
    assert.equal(high.sns.Subject, 'ALARM: "p99" in US East (N. Virginia)');
    assert.match(high.alarm.NewStateReason, /\[91\.0 \(26\/11\/26 14:00:00\)\] was greater than the threshold \(90\.0\)/);
    const low = delivered('sns cloudwatch-alarm-metric-math', { datapoint: '12', threshold: '90', region: 'ap-south-2' });
    assert.deepEqual([low.alarm.OldStateValue, low.alarm.NewStateValue], ['ALARM', 'OK']);
    assert.equal(low.alarm.Region, 'ap-south-2', 'a region without a known name keeps its code');
    assert.match(low.alarm.NewStateReason, /was not greater than/);
    const decimal = delivered('sns cloudwatch-alarm', { datapoint: '90.5', threshold: '90' });
    assert.deepEqual([decimal.alarm.NewStateValue, decimal.alarm.Trigger.Threshold], ['ALARM', 90]);
    assert.match(decimal.alarm.NewStateReason, /\[90\.5 /);
    assert.throws(() => delivered('sns cloudwatch-alarm', { threshold: 'high' }), (e: Error) => e instanceof EventLookupError && /threshold must be a number, not "high"/.test(e.message));
  });

  it('the alarm actions publish to the topic the event comes from; an empty description is null', () => {
    const { sns, alarm } = delivered('sns cloudwatch-alarm', { topic: 'ops-pager', account: '210987654321', region: 'eu-west-1', description: '' });
    assert.equal(sns.TopicArn, 'arn:aws:sns:eu-west-1:210987654321:ops-pager');
    assert.deepEqual(alarm.AlarmActions, [sns.TopicArn]);
    assert.equal(alarm.AlarmArn, 'arn:aws:cloudwatch:eu-west-1:210987654321:alarm:cpu-high');
    assert.equal(alarm.AlarmDescription, null);
    assert.equal(alarm.Region, 'EU (Ireland)');
  });
});
