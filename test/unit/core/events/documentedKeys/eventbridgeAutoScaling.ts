import { eventBridge } from '../../../../support/eventBridgeKeys';

/** EC2 Auto Scaling's EventBridge events (Auto Scaling user guide, "Amazon EC2 Auto Scaling event reference"). */
const LIFECYCLE = ['LifecycleActionToken', 'AutoScalingGroupName', 'LifecycleHookName', 'EC2InstanceId', 'LifecycleTransition', 'NotificationMetadata', 'Origin', 'Destination'];
const ACTIVITY = [
  'Origin',
  'Destination',
  'Description',
  'AutoScalingGroupName',
  'ActivityId',
  'Details["Availability Zone"]',
  'Details["Subnet ID"]',
  'RequestId',
  'StatusMessage',
  'EndTime',
  'EC2InstanceId',
  'StartTime',
  'Cause',
  'StatusCode',
];

export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'eventbridge autoscaling-instance-launch-lifecycle': eventBridge(...LIFECYCLE),
  'eventbridge autoscaling-instance-terminate-lifecycle': eventBridge(...LIFECYCLE),
  'eventbridge autoscaling-instance-launch-successful': eventBridge(...ACTIVITY),
  'eventbridge autoscaling-instance-launch-unsuccessful': eventBridge(...ACTIVITY),
  'eventbridge autoscaling-instance-terminate-successful': eventBridge(...ACTIVITY),
  'eventbridge autoscaling-instance-terminate-unsuccessful': eventBridge(...ACTIVITY),
};
