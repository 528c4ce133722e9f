import type { EventBridgeEvent } from 'aws-lambda';
import { defineEvent } from '../../types';
import { arn, isoTime, md5, sha256 } from '../../helpers';
import { GROUP, WHERE, envelope, internalDns, oneOf, secondsBefore } from './envelope';

const TASK_STATUSES = ['RUNNING', 'STOPPED'] as const;
const INSTANCE_STATUSES = ['ACTIVE', 'DRAINING'] as const;
const DEPLOYMENT_EVENTS = ['SERVICE_DEPLOYMENT_IN_PROGRESS', 'SERVICE_DEPLOYMENT_COMPLETED', 'SERVICE_DEPLOYMENT_FAILED'] as const;

// @types/aws-lambda has no ECS event types; these follow ECS's "Task State Change", "Container Instance State Change"
// and "Deployment State Change" formats.
interface EcsDeploymentDetail {
  eventType: 'INFO' | 'ERROR';
  eventName: (typeof DEPLOYMENT_EVENTS)[number];
  deploymentId: string;
  updatedAt: string;
  reason: string;
}
interface EcsResource {
  name: string;
  type: 'INTEGER' | 'STRINGSET';
  integerValue?: number;
  stringSetValue?: string[];
}
interface EcsContainerInstanceDetail {
  agentConnected: boolean;
  attributes: { name: string; value?: string }[];
  clusterArn: string;
  containerInstanceArn: string;
  ec2InstanceId: string;
  registeredResources: EcsResource[];
  remainingResources: EcsResource[];
  status: (typeof INSTANCE_STATUSES)[number];
  version: number;
  versionInfo: { agentHash: string; agentVersion: string; dockerVersion: string };
  updatedAt: string;
}

const CLUSTER = { cluster: { default: 'my-cluster', description: 'ECS cluster name' } };

/** An ECS id of 32 hex digits (task, container instance), stable for what it names. */
function ecsId(seed: string): string {
  return md5(seed);
}

function resources(cpu: number, memory: number): EcsResource[] {
  return [
    { name: 'CPU', type: 'INTEGER', integerValue: cpu },
    { name: 'MEMORY', type: 'INTEGER', integerValue: memory },
    { name: 'PORTS', type: 'STRINGSET', stringSetValue: ['22', '2375', '2376', '51678', '51679'] },
    { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: [] },
  ];
}

export const ecsEvents = [
  defineEvent<EventBridgeEvent<'ECS Task State Change', Record<string, unknown>>>()({
    service: 'eventbridge',
    event: 'ecs-task-state-change',
    title: 'ECS task state change (Fargate task running or stopped)',
    group: GROUP,
    params: {
      ...WHERE,
      ...CLUSTER,
      taskDefinition: { default: 'web-app:3', description: 'Task definition family:revision' },
      container: { default: 'web', description: 'Container name' },
      image: { default: 'public.ecr.aws/nginx/nginx:1.27', description: 'Container image' },
      service: { default: 'web-service', description: 'Service that started the task (startedBy is its deployment)' },
      lastStatus: { default: 'RUNNING', description: `Task status: ${TASK_STATUSES.join(', ')} (a stopped task has its exit code and stop reason)` },
    },
    build: (p, ctx) => {
      const status = oneOf('lastStatus', p.lastStatus, TASK_STATUSES);
      const stopped = status === 'STOPPED';
      const taskId = ctx.uuid().replace(/-/g, '');
      const taskArn = arn('ecs', p.region, p.account, `task/${p.cluster}/${taskId}`);
      const eni = `eni-${md5(taskId).slice(0, 17)}`;
      // A stopped task ran for ten minutes before; a running one started seconds ago.
      const at = (seconds: number) => isoTime(secondsBefore(ctx.now, seconds + (stopped ? 600 : 0)));
      const reason = 'Essential container in task exited';
      const stop = stopped
        ? { executionStoppedAt: isoTime(secondsBefore(ctx.now, 20)), stopCode: 'EssentialContainerExited', stoppedAt: isoTime(ctx.now), stoppedReason: reason, stoppingAt: isoTime(secondsBefore(ctx.now, 30)) }
        : {};
      return envelope(p, ctx, 'aws.ecs', 'ECS Task State Change', [taskArn], {
        attachments: [
          {
            id: ctx.uuid(),
            type: 'eni',
            status: stopped ? 'DELETED' : 'ATTACHED',
            details: [
              { name: 'subnetId', value: 'subnet-0a1b2c3d4e5f67890' },
              { name: 'networkInterfaceId', value: eni },
              { name: 'macAddress', value: '0a:1b:2c:3d:4e:5f' },
              { name: 'privateDnsName', value: internalDns(p.region, '10.0.1.25') },
              { name: 'privateIPv4Address', value: '10.0.1.25' },
            ],
          },
        ],
        attributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }],
        availabilityZone: `${p.region}a`,
        clusterArn: arn('ecs', p.region, p.account, `cluster/${p.cluster}`),
        connectivity: 'CONNECTED',
        connectivityAt: at(40),
        containers: [
          {
            containerArn: arn('ecs', p.region, p.account, `container/${p.cluster}/${taskId}/${ctx.uuid()}`),
            ...(stopped ? { exitCode: 1 } : {}),
            lastStatus: status,
            name: p.container,
            image: p.image,
            imageDigest: `sha256:${sha256(p.image)}`,
            runtimeId: `${taskId}-${md5(p.container).slice(0, 10)}`,
            taskArn,
            networkInterfaces: [{ attachmentId: ctx.uuid(), privateIpv4Address: '10.0.1.25' }],
            cpu: '0',
          },
        ],
        cpu: '256',
        createdAt: at(45),
        desiredStatus: status,
        enableExecuteCommand: false,
        ephemeralStorage: { sizeInGiB: 20 },
        ...stop,
        group: `service:${p.service}`,
        launchType: 'FARGATE',
        lastStatus: status,
        memory: '512',
        overrides: { containerOverrides: [{ name: p.container }] },
        platformVersion: '1.4.0',
        pullStartedAt: at(30),
        pullStoppedAt: at(12),
        startedAt: at(5),
        startedBy: `ecs-svc/${String(BigInt(`0x${md5(p.service).slice(0, 15)}`))}`,
        taskArn,
        taskDefinitionArn: arn('ecs', p.region, p.account, `task-definition/${p.taskDefinition}`),
        updatedAt: isoTime(ctx.now),
        version: stopped ? 5 : 3,
      });
    },
  }),
  defineEvent<EventBridgeEvent<'ECS Container Instance State Change', EcsContainerInstanceDetail>>()({
    service: 'eventbridge',
    event: 'ecs-container-instance-state-change',
    title: 'ECS container instance state change (EC2 capacity)',
    group: GROUP,
    params: {
      ...WHERE,
      ...CLUSTER,
      instanceId: { default: 'i-0123456789abcdef0', description: 'EC2 instance id of the container instance' },
      status: { default: 'ACTIVE', description: `Container instance status: ${INSTANCE_STATUSES.join(', ')}` },
    },
    build: (p, ctx) => {
      const containerInstanceArn = arn('ecs', p.region, p.account, `container-instance/${p.cluster}/${ecsId(`${p.cluster}/${p.instanceId}`)}`);
      const status = oneOf('status', p.status, INSTANCE_STATUSES);
      return envelope(p, ctx, 'aws.ecs', 'ECS Container Instance State Change', [containerInstanceArn], {
        agentConnected: true,
        attributes: [
          { name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' },
          { name: 'com.amazonaws.ecs.capability.task-iam-role' },
          { name: 'ecs.capability.execution-role-awslogs' },
          { name: 'ecs.availability-zone', value: `${p.region}a` },
          { name: 'ecs.instance-type', value: 't3.medium' },
          { name: 'ecs.os-type', value: 'linux' },
          { name: 'ecs.cpu-architecture', value: 'x86_64' },
        ],
        clusterArn: arn('ecs', p.region, p.account, `cluster/${p.cluster}`),
        containerInstanceArn,
        ec2InstanceId: p.instanceId,
        registeredResources: resources(2048, 3904),
        remainingResources: status === 'DRAINING' ? resources(2048, 3904) : resources(1792, 3392),
        status,
        version: status === 'DRAINING' ? 8 : 7,
        versionInfo: { agentHash: '3b8e3f2c', agentVersion: '1.88.0', dockerVersion: 'DockerVersion: 25.0.6' },
        updatedAt: isoTime(ctx.now),
      });
    },
  }),
  defineEvent<EventBridgeEvent<'ECS Deployment State Change', EcsDeploymentDetail>>()({
    service: 'eventbridge',
    event: 'ecs-deployment-state-change',
    title: 'ECS service deployment state change',
    group: GROUP,
    params: {
      ...WHERE,
      ...CLUSTER,
      service: { default: 'web-service', description: 'ECS service name' },
      eventName: { default: 'SERVICE_DEPLOYMENT_COMPLETED', description: `Deployment event: ${DEPLOYMENT_EVENTS.join(', ')}` },
    },
    build: (p, ctx) => {
      const eventName = oneOf('eventName', p.eventName, DEPLOYMENT_EVENTS);
      const deploymentId = `ecs-svc/${String(BigInt(`0x${md5(`${p.cluster}/${p.service}`).slice(0, 15)}`))}`;
      const reason = {
        SERVICE_DEPLOYMENT_IN_PROGRESS: `ECS deployment ${deploymentId} in progress.`,
        SERVICE_DEPLOYMENT_COMPLETED: `ECS deployment ${deploymentId} completed.`,
        SERVICE_DEPLOYMENT_FAILED: 'ECS deployment circuit breaker: tasks failed to start.',
      }[eventName];
      return envelope(p, ctx, 'aws.ecs', 'ECS Deployment State Change', [arn('ecs', p.region, p.account, `service/${p.cluster}/${p.service}`)], {
        eventType: eventName === 'SERVICE_DEPLOYMENT_FAILED' ? 'ERROR' : 'INFO',
        eventName,
        deploymentId,
        updatedAt: isoTime(ctx.now),
        reason,
      });
    },
  }),
];
