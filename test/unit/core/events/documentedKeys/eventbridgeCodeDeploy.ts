import { eventBridge } from '../../../../support/eventBridgeKeys';

/** CodeDeploy's EventBridge events (CodeDeploy user guide, "Monitoring deployments with Amazon EventBridge"). */
const DEPLOYMENT = ['instanceGroupId', 'region', 'application', 'deploymentId', 'state', 'deploymentGroup'];

export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'eventbridge codedeploy-deployment-state-change': eventBridge(...DEPLOYMENT),
  'eventbridge codedeploy-instance-state-change': eventBridge('instanceId', ...DEPLOYMENT),
};
