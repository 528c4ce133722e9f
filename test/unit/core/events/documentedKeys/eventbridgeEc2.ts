import { eventBridge } from '../../../../support/eventBridgeKeys';

/** EC2's state-change event (EC2 user guide, "EC2 instance state-change events"). */
export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'eventbridge ec2-instance-state-change': eventBridge('instance-id', 'state'),
};
