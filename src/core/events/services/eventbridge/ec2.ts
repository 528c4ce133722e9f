import type { EventBridgeEvent } from 'aws-lambda';
import { defineEvent } from '../../types';
import { arn } from '../../helpers';
import { GROUP, WHERE, envelope, oneOf } from './envelope';

const EC2_STATES = ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated'] as const;

// @types/aws-lambda has no detail type for this event; it follows EC2's documented format.
interface Ec2StateChangeDetail {
  'instance-id': string;
  state: (typeof EC2_STATES)[number];
}

export const ec2Events = [
  defineEvent<EventBridgeEvent<'EC2 Instance State-change Notification', Ec2StateChangeDetail>>()({
    service: 'eventbridge',
    event: 'ec2-instance-state-change',
    title: 'EC2 instance state-change notification',
    group: GROUP,
    params: {
      ...WHERE,
      instanceId: { default: 'i-0123456789abcdef0', description: 'EC2 instance id' },
      state: { default: 'running', description: `New state: ${EC2_STATES.join(', ')}` },
    },
    build: (p, ctx) =>
      envelope(p, ctx, 'aws.ec2', 'EC2 Instance State-change Notification', [arn('ec2', p.region, p.account, `instance/${p.instanceId}`)], {
        'instance-id': p.instanceId,
        state: oneOf('state', p.state, EC2_STATES),
      }),
  }),
];
