import type { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import type { Deployment, ECSClient, Service } from '@aws-sdk/client-ecs';
import { describeActiveService } from './activeService';
import { describeServiceAutoScaling } from './serviceAutoScaling';
import { toFargateService } from './services';
import type { DeploymentSummary, ServiceDetails, ServiceSummary } from './serviceDetailsTypes';
import { summarizeTaskDefinition } from './taskDefinitionSummary';

export { serviceDetailsMarkdown } from './serviceDetailsMarkdown';
export type { DeploymentSummary, ServiceDetails, ServiceEventSummary, ServiceLoadBalancer, ServiceNetwork, ServiceSummary } from './serviceDetailsTypes';
export type { ContainerSummary, SecretReference, TaskDefinitionSummary } from './taskDefinitionSummary';
export type { ScalingPolicySummary, ServiceAutoScaling } from './serviceAutoScaling';

export interface ServiceDetailsClients {
  readonly ecs: ECSClient;
  readonly autoScaling: ApplicationAutoScalingClient;
  /** To name the VPC of the service's subnets; left out, or failing, the VPC stays unnamed. */
  readonly ec2?: EC2Client;
}

const EVENTS_SHOWN = 20;

/** Everything about a service for its read-only overview, in a few calls made side by side. */
export async function describeServiceDetails(clients: ServiceDetailsClients, cluster: string, serviceName: string, signal?: AbortSignal): Promise<ServiceDetails> {
  const service = await describeActiveService(clients.ecs, cluster, serviceName, signal);
  const clusterName = (service.clusterArn ?? cluster).split('/').pop()!;
  const awsvpc = service.networkConfiguration?.awsvpcConfiguration;
  const [described, autoScaling, vpcId, region] = await Promise.all([
    clients.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: service.taskDefinition }), { abortSignal: signal }),
    describeServiceAutoScaling(clients.autoScaling, clusterName, serviceName, signal),
    clients.ec2 && awsvpc?.subnets?.length ? vpcOf(clients.ec2, awsvpc.subnets, signal) : undefined,
    clients.ecs.config.region(),
  ]);
  return {
    cluster: clusterName,
    region,
    service: summarizeService(service),
    taskDefinition: summarizeTaskDefinition(described.taskDefinition ?? { taskDefinitionArn: service.taskDefinition }),
    ...(awsvpc && {
      network: {
        ...(vpcId && { vpcId }),
        subnets: awsvpc.subnets ?? [],
        securityGroups: awsvpc.securityGroups ?? [],
        ...(awsvpc.assignPublicIp && { assignPublicIp: awsvpc.assignPublicIp }),
      },
    }),
    loadBalancers: (service.loadBalancers ?? []).map((lb) => ({
      ...(lb.targetGroupArn && { targetGroupArn: lb.targetGroupArn }),
      ...(lb.loadBalancerName && { loadBalancerName: lb.loadBalancerName }),
      ...(lb.containerName && { containerName: lb.containerName }),
      ...(lb.containerPort !== undefined && { containerPort: lb.containerPort }),
    })),
    autoScaling,
    deployments: (service.deployments ?? []).map(summarizeDeployment).sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0)),
    events: (service.events ?? [])
      .slice()
      .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))
      .slice(0, EVENTS_SHOWN)
      .map((e) => ({ ...(e.createdAt && { createdAt: e.createdAt }), message: e.message ?? '' })),
  };
}

function summarizeService(service: Service): ServiceSummary {
  const brief = toFargateService(service);
  return {
    name: brief.name,
    arn: brief.arn,
    status: brief.status,
    desired: brief.desired,
    running: brief.running,
    pending: brief.pending,
    launch: brief.capacity || 'the cluster default capacity provider strategy',
    ...(service.platformVersion && { platformVersion: service.platformVersion }),
    ...(service.platformFamily && { platformFamily: service.platformFamily }),
    ...(service.createdAt && { createdAt: service.createdAt }),
    ...(service.schedulingStrategy && { schedulingStrategy: service.schedulingStrategy }),
    ...(service.deploymentController?.type && { deploymentController: service.deploymentController.type }),
    ...(service.healthCheckGracePeriodSeconds !== undefined && { healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds }),
    enableExecuteCommand: service.enableExecuteCommand ?? false,
  };
}

function summarizeDeployment(deployment: Deployment): DeploymentSummary {
  return {
    id: deployment.id ?? '',
    status: deployment.status ?? 'UNKNOWN',
    ...(deployment.rolloutState && { rolloutState: deployment.rolloutState }),
    ...(deployment.rolloutStateReason && { rolloutStateReason: deployment.rolloutStateReason }),
    desired: deployment.desiredCount ?? 0,
    running: deployment.runningCount ?? 0,
    pending: deployment.pendingCount ?? 0,
    failed: deployment.failedTasks ?? 0,
    taskDefinition: (deployment.taskDefinition ?? '').split('/').pop() ?? '',
    ...(deployment.createdAt && { createdAt: deployment.createdAt }),
    ...(deployment.updatedAt && { updatedAt: deployment.updatedAt }),
  };
}

// The VPC is a nicety: without ec2:DescribeSubnets, the details still show.
async function vpcOf(ec2: EC2Client, subnets: readonly string[], signal?: AbortSignal): Promise<string | undefined> {
  try {
    const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [...subnets] }), { abortSignal: signal });
    return Subnets?.find((s) => s.VpcId)?.VpcId;
  } catch (error) {
    if (signal?.aborted) throw error;
    return undefined;
  }
}
