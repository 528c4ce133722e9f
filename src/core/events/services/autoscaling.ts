import type { AutoScalingScaleInEvent } from 'aws-lambda';
import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, int } from '../helpers';

const CAUSES = ['SCALE_IN', 'INSTANCE_REFRESH', 'MAX_INSTANCE_LIFETIME', 'REBALANCE'] as const;

export const autoscalingEvents = [
  // The event EC2 Auto Scaling sends to a Lambda function used as a custom termination policy.
  defineEvent<AutoScalingScaleInEvent>()({
    service: 'autoscaling',
    event: 'scale-in',
    title: 'Auto Scaling custom termination policy (scale in)',
    group: 'Amazon EC2 Auto Scaling',
    params: {
      region: REGION,
      account: ACCOUNT,
      groupName: { default: 'web-asg', description: 'Auto Scaling group name' },
      cause: { default: 'SCALE_IN', description: `Why instances are terminated: ${CAUSES.join(', ')}` },
      capacity: { default: '2', description: 'How many instances to terminate' },
    },
    build: (p, ctx) => {
      const cause = CAUSES.find((c) => c === p.cause);
      if (!cause) throw new TypeError(`Parameter cause must be one of ${CAUSES.join(', ')}, not "${p.cause}".`);
      const capacity = int('capacity', p.capacity);
      const zones = [`${p.region}a`, `${p.region}b`];
      const instanceId = (i: number) => `i-0${(ctx.now.getTime() + i).toString(16).padStart(16, '0').slice(-16)}`;
      return {
        AutoScalingGroupARN: arn('autoscaling', p.region, p.account, `autoScalingGroup:${ctx.uuid()}:autoScalingGroupName/${p.groupName}`),
        AutoScalingGroupName: p.groupName,
        CapacityToTerminate: [{ AvailabilityZone: zones[0], Capacity: capacity, InstanceMarketOption: 'on-demand' }],
        Instances: Array.from({ length: capacity + 1 }, (_, i) => ({
          AvailabilityZone: zones[i % 2],
          InstanceId: instanceId(i),
          InstanceType: 't3.medium',
          InstanceMarketOption: 'on-demand' as const,
        })),
        Cause: cause,
        HasMoreInstances: false,
      };
    },
  }),
];
