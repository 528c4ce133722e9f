import type { CloudWatchAlarmEvent, EventBridgeEvent } from 'aws-lambda';
import { defineEvent } from '../../types';
import { METRIC_ALARM_PARAMS, alarmArn, metricAlarmData } from '../cloudwatch';
import { GROUP, envelope } from './envelope';

export const cloudwatchEvents = [
  defineEvent<EventBridgeEvent<'CloudWatch Alarm State Change', CloudWatchAlarmEvent['alarmData']>>()({
    service: 'eventbridge',
    event: 'cloudwatch-alarm-state-change',
    title: 'CloudWatch alarm state change (EventBridge rule)',
    group: GROUP,
    params: METRIC_ALARM_PARAMS,
    build: (p, ctx) => envelope(p, ctx, 'aws.cloudwatch', 'CloudWatch Alarm State Change', [alarmArn(p, p.alarm)], metricAlarmData(p, ctx)),
  }),
];
