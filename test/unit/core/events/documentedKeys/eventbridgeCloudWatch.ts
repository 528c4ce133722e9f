import { eventBridge } from '../../../../support/eventBridgeKeys';

/**
 * CloudWatch's scheduled rule event (EventBridge user guide, "Scheduled events") and its alarm actions that invoke a
 * function (CloudWatch user guide, "Lambda alarm actions": the event a function gets, not an EventBridge envelope).
 */
const ALARM = ['source', 'alarmArn', 'accountId', 'time', 'region', 'alarmData.alarmName'];
const STATES = ['state', 'previousState'].flatMap((s) => ['value', 'reason', 'reasonData', 'timestamp'].map((k) => `alarmData.${s}.${k}`));
const METRIC = 'alarmData.configuration.metrics[]';

export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'cloudwatch scheduled-event': eventBridge(),
  'cloudwatch alarm-state-change': [
    ...ALARM,
    ...STATES,
    'alarmData.configuration.description',
    `${METRIC}.id`,
    `${METRIC}.metricStat.metric.namespace`,
    `${METRIC}.metricStat.metric.name`,
    `${METRIC}.metricStat.metric.dimensions`,
    `${METRIC}.metricStat.period`,
    `${METRIC}.metricStat.stat`,
    `${METRIC}.returnData`,
  ],
  // CloudWatch user guide, "Alarm events and EventBridge": the alarm data under detail.
  'eventbridge cloudwatch-alarm-state-change': eventBridge(
    'alarmName',
    ...['state', 'previousState'].flatMap((s) => ['value', 'reason', 'reasonData', 'timestamp'].map((k) => `${s}.${k}`)),
    'configuration.description',
    ...['id', 'metricStat.metric.namespace', 'metricStat.metric.name', 'metricStat.metric.dimensions', 'metricStat.period', 'metricStat.stat', 'returnData'].map((k) => `configuration.metrics[].${k}`),
  ),
  'cloudwatch composite-alarm-state-change': [
    ...ALARM,
    ...STATES,
    'alarmData.configuration.alarmRule',
    'alarmData.configuration.actionsSuppressor',
    'alarmData.configuration.actionsSuppressorWaitPeriod',
    'alarmData.configuration.actionsSuppressorExtensionPeriod',
    'alarmData.previousState.actionsSuppressedBy',
    'alarmData.previousState.actionsSuppressedReason',
  ],
};
