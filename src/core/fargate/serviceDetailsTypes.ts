// What a Fargate service's details document shows: read by describeServiceDetails, written by serviceDetailsMarkdown.
import type { ServiceAutoScaling } from './serviceAutoScaling';
import type { TaskDefinitionSummary } from './taskDefinitionSummary';

export interface ServiceSummary {
  readonly name: string;
  readonly arn: string;
  readonly status: string;
  readonly desired: number;
  readonly running: number;
  readonly pending: number;
  /** "FARGATE", or the capacity provider strategy "FARGATE_SPOT:2, FARGATE:1". */
  readonly launch: string;
  readonly platformVersion?: string;
  readonly platformFamily?: string;
  readonly createdAt?: Date;
  readonly schedulingStrategy?: string;
  /** ECS (rolling update), CODE_DEPLOY or EXTERNAL. */
  readonly deploymentController?: string;
  readonly healthCheckGracePeriodSeconds?: number;
  readonly enableExecuteCommand: boolean;
}

export interface ServiceNetwork {
  /** From EC2 DescribeSubnets; undefined when it could not be read. */
  readonly vpcId?: string;
  readonly subnets: readonly string[];
  readonly securityGroups: readonly string[];
  readonly assignPublicIp?: string;
}

export interface ServiceLoadBalancer {
  readonly targetGroupArn?: string;
  /** Classic Load Balancers only. */
  readonly loadBalancerName?: string;
  readonly containerName?: string;
  readonly containerPort?: number;
}

export interface DeploymentSummary {
  readonly id: string;
  /** PRIMARY, ACTIVE or INACTIVE */
  readonly status: string;
  readonly rolloutState?: string;
  readonly rolloutStateReason?: string;
  readonly desired: number;
  readonly running: number;
  readonly pending: number;
  readonly failed: number;
  /** "family:revision" */
  readonly taskDefinition: string;
  readonly createdAt?: Date;
  readonly updatedAt?: Date;
}

export interface ServiceEventSummary {
  readonly createdAt?: Date;
  readonly message: string;
}

export interface ServiceDetails {
  readonly cluster: string;
  readonly region: string;
  readonly service: ServiceSummary;
  readonly taskDefinition: TaskDefinitionSummary;
  /** Undefined for a service without awsvpc networking. */
  readonly network?: ServiceNetwork;
  readonly loadBalancers: readonly ServiceLoadBalancer[];
  readonly autoScaling: ServiceAutoScaling;
  /** Newest first. */
  readonly deployments: readonly DeploymentSummary[];
  /** The newest 20 service events, newest first. */
  readonly events: readonly ServiceEventSummary[];
}
