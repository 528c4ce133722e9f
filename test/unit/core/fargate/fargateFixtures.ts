import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateClusterCommand, CreateServiceCommand, ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import type { ContainerDefinition, Service, TaskDefinition } from '@aws-sdk/client-ecs';

// Seeding and stand-ins shared by the core/fargate suites.

export const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/** maxAttempts 1: a 500 from moto must fail at once, not after retries. */
export function clientConfig(endpoint: string, region = 'us-east-1') {
  return { endpoint, region, credentials: CREDENTIALS, maxAttempts: 1 };
}

export function container(name: string, extra: Partial<ContainerDefinition> = {}): ContainerDefinition {
  return {
    name,
    image: 'public.ecr.aws/docker/library/node:22-slim',
    essential: true,
    memory: 512, // moto's RunTask answers 500 without a container-level memory
    logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': `/ecs/${name}`, 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'jobs' } },
    ...extra,
  };
}

export interface SeededService {
  readonly ecs: ECSClient;
  readonly subnets: string[];
  readonly securityGroups: string[];
  readonly taskDefinitionArn: string;
}

/** A cluster with one Fargate (awsvpc) service on moto's default subnets and security group. */
export async function seedService(endpoint: string, options: { cluster?: string; service?: string; containers?: ContainerDefinition[]; desiredCount?: number } = {}): Promise<SeededService> {
  const { cluster = 'jobs', service = 'batch', containers = [container('app')], desiredCount = 1 } = options;
  const ecs = new ECSClient(clientConfig(endpoint));
  const ec2 = new EC2Client(clientConfig(endpoint));
  const found = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }));
  const subnets = found.Subnets!.slice(0, 2).map((s) => s.SubnetId!);
  const groups = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['default'] }] }));
  const securityGroups = groups.SecurityGroups!.slice(0, 1).map((g) => g.GroupId!);
  await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  const { taskDefinition } = await ecs.send(
    new RegisterTaskDefinitionCommand({ family: service, requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: containers }),
  );
  await ecs.send(
    new CreateServiceCommand({
      cluster,
      serviceName: service,
      taskDefinition: taskDefinition!.taskDefinitionArn,
      desiredCount,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets, securityGroups, assignPublicIp: 'DISABLED' } },
    }),
  );
  return { ecs, subnets, securityGroups, taskDefinitionArn: taskDefinition!.taskDefinitionArn! };
}

/** Lets moto move each task one status further on every DescribeTasks (RUNNING → … → STOPPED); keepTasksRunning undoes it. */
export async function advanceTasksOnDescribe(endpoint: string): Promise<void> {
  await setTaskTransition(endpoint, 1);
}

/** moto's setting in test/support/moto.ts: tasks stay RUNNING. It outlives a reset, so a suite that changes it restores it. */
export async function keepTasksRunning(endpoint: string): Promise<void> {
  await setTaskTransition(endpoint, 1_000_000_000);
}

async function setTaskTransition(endpoint: string, times: number): Promise<void> {
  const response = await fetch(`${endpoint}/moto-api/state-manager/set-transition`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model_name: 'ecs::task', transition: { progression: 'manual', times } }),
  });
  if (!response.ok) throw new Error(`moto refused the task transition: HTTP ${response.status}`);
}

/** A Fargate service as DescribeServices returns it, for the pure tests. */
export function serviceOf(extra: Partial<Service> = {}): Service {
  return {
    serviceName: 'batch',
    serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/jobs/batch',
    clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/jobs',
    status: 'ACTIVE',
    taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/batch:7',
    launchType: 'FARGATE',
    platformVersion: 'LATEST',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-1'], assignPublicIp: 'ENABLED' } },
    ...extra,
  };
}

export function taskDefinitionOf(containers: ContainerDefinition[] = [container('app')]): TaskDefinition {
  return { family: 'batch', revision: 7, taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/batch:7', containerDefinitions: containers };
}
