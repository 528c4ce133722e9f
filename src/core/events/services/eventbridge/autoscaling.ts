import type { EventBridgeEvent } from 'aws-lambda';
import { defineEvent } from '../../types';
import type { EventContext } from '../../types';
import { arn, isoSeconds } from '../../helpers';
import { GROUP, WHERE, envelope, secondsBefore } from './envelope';
import type { Where } from './envelope';

// @types/aws-lambda has no detail types for these EventBridge events; these follow EC2 Auto Scaling's documented formats.
interface LifecycleActionDetail {
  LifecycleActionToken: string;
  AutoScalingGroupName: string;
  LifecycleHookName: string;
  EC2InstanceId: string;
  LifecycleTransition: string;
  NotificationMetadata: string;
  Origin: string;
  Destination: string;
}
interface ActivityDetail {
  Origin: string;
  Destination: string;
  Description: string;
  AutoScalingGroupName: string;
  ActivityId: string;
  Details: { 'Availability Zone': string; 'Subnet ID': string };
  RequestId: string;
  StatusMessage: string;
  EndTime: string;
  EC2InstanceId: string;
  StartTime: string;
  Cause: string;
  StatusCode: 'InProgress' | 'Failed';
}

const INSTANCE = {
  ...WHERE,
  group: { default: 'my-asg', description: 'Auto Scaling group name' },
  instanceId: { default: 'i-0123456789abcdef0', description: 'EC2 instance id' },
};
type Params = Where & { group: string; instanceId: string };

/** Launching moves an instance from EC2 into the group; terminating moves it back. */
const LAUNCH = { verb: 'launch', Origin: 'EC2', Destination: 'AutoScalingGroup' } as const;
const TERMINATE = { verb: 'terminate', Origin: 'AutoScalingGroup', Destination: 'EC2' } as const;
type Direction = typeof LAUNCH | typeof TERMINATE;

function groupArn(p: Params, ctx: EventContext): string {
  return arn('autoscaling', p.region, p.account, `autoScalingGroup:${ctx.uuid()}:autoScalingGroupName/${p.group}`);
}

function lifecycleEvent(direction: Direction) {
  const detailType = direction === LAUNCH ? 'EC2 Instance-launch Lifecycle Action' : 'EC2 Instance-terminate Lifecycle Action';
  return defineEvent<EventBridgeEvent<typeof detailType, LifecycleActionDetail>>()({
    service: 'eventbridge',
    event: `autoscaling-instance-${direction.verb}-lifecycle`,
    title: `Auto Scaling instance-${direction.verb} lifecycle action`,
    group: GROUP,
    params: {
      ...INSTANCE,
      hook: { default: `my-${direction.verb}-hook`, description: 'Lifecycle hook name' },
      metadata: { default: 'additional-info', description: 'Notification metadata of the hook' },
    },
    build: (p, ctx) =>
      envelope(p, ctx, 'aws.autoscaling', detailType, [groupArn(p, ctx)], {
        LifecycleActionToken: ctx.uuid(),
        AutoScalingGroupName: p.group,
        LifecycleHookName: p.hook,
        EC2InstanceId: p.instanceId,
        LifecycleTransition: direction === LAUNCH ? 'autoscaling:EC2_INSTANCE_LAUNCHING' : 'autoscaling:EC2_INSTANCE_TERMINATING',
        NotificationMetadata: p.metadata,
        Origin: direction.Origin,
        Destination: direction.Destination,
      }),
  });
}

function activityEvent(direction: Direction, successful: boolean) {
  const noun = direction === LAUNCH ? 'Launch' : 'Terminate';
  const detailType = `EC2 Instance ${noun} ${successful ? 'Successful' : 'Unsuccessful'}` as const;
  return defineEvent<EventBridgeEvent<typeof detailType, ActivityDetail>>()({
    service: 'eventbridge',
    event: `autoscaling-instance-${direction.verb}-${successful ? 'successful' : 'unsuccessful'}`,
    title: `Auto Scaling EC2 instance ${direction.verb} ${successful ? 'successful' : 'unsuccessful'}`,
    group: GROUP,
    params: { ...INSTANCE, subnet: { default: 'subnet-0a1b2c3d4e5f67890', description: 'Subnet the instance is in' } },
    build: (p, ctx) => {
      const start = secondsBefore(ctx.now, 45);
      const [from, to] = direction === LAUNCH ? [1, 2] : [2, 1];
      const description = direction === LAUNCH ? `Launching a new EC2 instance: ${p.instanceId}` : `Terminating EC2 instance: ${p.instanceId}`;
      return envelope(p, ctx, 'aws.autoscaling', detailType, [groupArn(p, ctx), arn('ec2', p.region, p.account, `instance/${p.instanceId}`)], {
        Origin: direction.Origin,
        Destination: direction.Destination,
        Description: successful ? description : `${description}. Status Reason: ${direction === LAUNCH ? 'We currently do not have sufficient t3.micro capacity in the Availability Zone you requested.' : 'The instance could not be terminated.'}`,
        AutoScalingGroupName: p.group,
        ActivityId: ctx.uuid(),
        Details: { 'Availability Zone': `${p.region}a`, 'Subnet ID': p.subnet },
        RequestId: ctx.uuid(),
        StatusMessage: successful ? '' : direction === LAUNCH ? 'We currently do not have sufficient t3.micro capacity in the Availability Zone you requested.' : 'The instance could not be terminated.',
        EndTime: isoSeconds(ctx.now),
        EC2InstanceId: p.instanceId,
        StartTime: isoSeconds(start),
        Cause: `At ${isoSeconds(start)} a user request update of AutoScalingGroup constraints to min: ${to}, max: ${Math.max(from, to) + 1}, desired: ${to} changing the desired capacity from ${from} to ${to}.`,
        StatusCode: successful ? 'InProgress' : 'Failed',
      });
    },
  });
}

export const autoscalingEvents = [
  lifecycleEvent(LAUNCH),
  lifecycleEvent(TERMINATE),
  activityEvent(LAUNCH, true),
  activityEvent(LAUNCH, false),
  activityEvent(TERMINATE, true),
  activityEvent(TERMINATE, false),
];
