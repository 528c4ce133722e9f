import type { EventBridgeEvent } from 'aws-lambda';
import { defineEvent } from '../../types';
import { arn, md5 } from '../../helpers';
import { GROUP, WHERE, envelope, oneOf } from './envelope';
import type { Where } from './envelope';

// CodeDeploy's own terse states (not STARTED, STOPPED…); READY is a blue/green deployment waiting for traffic.
const STATES = ['START', 'SUCCESS', 'FAILURE', 'STOP', 'READY'] as const;

// @types/aws-lambda has no CodeDeploy event types; these follow CodeDeploy's documented state-change notifications.
interface DeploymentDetail {
  instanceGroupId: string;
  region: string;
  application: string;
  deploymentId: string;
  state: string;
  deploymentGroup: string;
}
interface InstanceDetail extends DeploymentDetail {
  instanceId: string;
}

const PARAMS = {
  ...WHERE,
  application: { default: 'my-application', description: 'CodeDeploy application name' },
  deploymentGroup: { default: 'my-deployment-group', description: 'Deployment group name' },
};
type Params = Where & { application: string; deploymentGroup: string };

/** The deployment's own fields, the same in both events: the ids are stable for an application and group. */
function deployment(p: Params, state: string): DeploymentDetail {
  const digest = md5(`${p.application}/${p.deploymentGroup}`);
  return {
    instanceGroupId: `${digest.slice(0, 8)}-${digest.slice(8, 12)}-4${digest.slice(13, 16)}-8${digest.slice(17, 20)}-${digest.slice(20, 32)}`,
    region: p.region,
    application: p.application,
    deploymentId: `d-${digest.slice(0, 9).toUpperCase()}`,
    state,
    deploymentGroup: p.deploymentGroup,
  };
}

function groupArns(p: Params): string[] {
  return [arn('codedeploy', p.region, p.account, `application:${p.application}`), arn('codedeploy', p.region, p.account, `deploymentgroup:${p.application}/${p.deploymentGroup}`)];
}

export const codedeployEvents = [
  defineEvent<EventBridgeEvent<'CodeDeploy Deployment State-change Notification', DeploymentDetail>>()({
    service: 'eventbridge',
    event: 'codedeploy-deployment-state-change',
    title: 'CodeDeploy deployment state-change notification',
    group: GROUP,
    params: { ...PARAMS, state: { default: 'SUCCESS', description: `Deployment state: ${STATES.join(', ')}` } },
    build: (p, ctx) =>
      envelope(p, ctx, 'aws.codedeploy', 'CodeDeploy Deployment State-change Notification', groupArns(p), deployment(p, oneOf('state', p.state, STATES))),
  }),
  defineEvent<EventBridgeEvent<'CodeDeploy Instance State-change Notification', InstanceDetail>>()({
    service: 'eventbridge',
    event: 'codedeploy-instance-state-change',
    title: 'CodeDeploy instance state-change notification',
    group: GROUP,
    params: {
      ...PARAMS,
      instanceId: { default: 'i-0123456789abcdef0', description: 'EC2 instance deployed to' },
      state: { default: 'SUCCESS', description: `Instance state: ${STATES.join(', ')}` },
    },
    build: (p, ctx) => {
      const [application, group] = groupArns(p);
      return envelope(p, ctx, 'aws.codedeploy', 'CodeDeploy Instance State-change Notification', [arn('ec2', p.region, p.account, `instance/${p.instanceId}`), group, application], {
        instanceId: p.instanceId,
        ...deployment(p, oneOf('state', p.state, STATES)),
      });
    },
  }),
];
