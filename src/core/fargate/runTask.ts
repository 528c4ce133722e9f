import { DescribeTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import type { ContainerDefinition, ContainerOverride, ECSClient, Failure, RunTaskCommandInput, Service, TaskDefinition } from '@aws-sdk/client-ecs';
import { describeActiveService } from './activeService';
import { FargateError } from './fargateError';
import { toFargateService } from './services';
import { taskLogStream } from './taskLogStream';
import type { TaskLogStream } from './taskLogStream';

export interface RunTaskRequest {
  readonly cluster: string;
  readonly serviceName: string;
  /** The event as JSON text: passed byte for byte (no re-serialising). */
  readonly event: string;
  /** Environment variable that carries the event; default "EVENT". */
  readonly envName?: string;
  /** Container that gets the event (and command); default: the first essential container of the task definition. */
  readonly container?: string;
  /** Optional command override, e.g. ["node", "job.js"]. */
  readonly command?: readonly string[];
  /** Who started it (RunTask startedBy: up to 36 letters, digits, -, _ and /), default "serverless-explorer". */
  readonly startedBy?: string;
}

export interface StartedTask {
  readonly taskArn: string;
  readonly taskId: string;
  readonly cluster: string;
  /** The container that got the event. */
  readonly container: string;
  /** "family:revision" */
  readonly taskDefinition: string;
  /** "FARGATE", or the capacity provider strategy "FARGATE_SPOT:2, FARGATE:1". */
  readonly launch: string;
  readonly subnets: readonly string[];
  readonly securityGroups: readonly string[];
  readonly assignPublicIp?: string;
  /** The awslogs stream of the event's container, when it logs to CloudWatch Logs with a stream prefix. */
  readonly logStream?: TaskLogStream;
  /** The essential containers: the task succeeded when each of them exited with code 0. */
  readonly essentialContainers?: readonly string[];
}

/** Why a task could not be run; the message says what is wrong and how to fix it. */
export class RunTaskError extends FargateError {
  override readonly name: string = 'RunTaskError';
}

export const DEFAULT_EVENT_ENV_NAME = 'EVENT';
export const DEFAULT_STARTED_BY = 'serverless-explorer';
/** ECS's limit for a task's whole overrides JSON, formatting included. */
export const OVERRIDES_LIMIT_BYTES = 8192;

export const EVENT_ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const STARTED_BY = /^[A-Za-z0-9_/-]{1,36}$/;

// ECS errors that describe a problem with the request or the cluster: their message helps the user as it is.
const REFUSALS = new Set([
  'InvalidParameterException',
  'ClientException',
  'PlatformUnknownException',
  'PlatformTaskDefinitionIncompatibilityException',
  'UnsupportedFeatureException',
  'BlockedException',
  'ConflictException',
]);

/**
 * The RunTask request for a one-off task of the service: its current task definition, its network configuration as it
 * is, its launch type or capacity provider strategy (never both) and platform version, with the event in an environment
 * variable of one container. Tags propagate from the task definition when the service does so (RunTask refuses
 * SERVICE). The group stays ECS's default (`family:<family>`), so the task is not counted as one of the service's;
 * startedBy tells it apart. ECS Exec is not turned on.
 */
export function buildRunTaskInput(service: Service, taskDefinition: TaskDefinition, request: RunTaskRequest): RunTaskCommandInput {
  const definitionName = familyRevision(taskDefinition, service.taskDefinition);
  const container = chooseContainer(taskDefinition.containerDefinitions ?? [], request.container, definitionName);
  const envName = request.envName ?? DEFAULT_EVENT_ENV_NAME;
  if (!EVENT_ENV_NAME_PATTERN.test(envName)) {
    throw new RunTaskError(`"${envName}" is not a valid environment variable name: use letters, digits and underscores, not starting with a digit (for example ${DEFAULT_EVENT_ENV_NAME}).`);
  }
  const startedBy = request.startedBy ?? DEFAULT_STARTED_BY;
  if (!STARTED_BY.test(startedBy)) {
    throw new RunTaskError(`"${startedBy}" cannot be the task's startedBy: ECS takes up to 36 letters, digits, hyphens (-), underscores (_) and slashes (/).`);
  }
  const awsvpc = service.networkConfiguration?.awsvpcConfiguration;
  if (!awsvpc?.subnets?.length) {
    throw new RunTaskError(
      `The service ${service.serviceName} has no awsvpc network configuration (subnets, security groups), which a Fargate task needs. ` +
        `Only services whose task definition uses networkMode awsvpc can run a one-off task here.`,
    );
  }
  const override: ContainerOverride = {
    name: container.name,
    environment: [{ name: envName, value: request.event }],
    ...(request.command?.length && { command: [...request.command] }),
  };
  const overrides = { containerOverrides: [override] };
  const size = Buffer.byteLength(JSON.stringify(overrides), 'utf8');
  if (size > OVERRIDES_LIMIT_BYTES) {
    throw new RunTaskError(
      `The event is too large for a container override: the task's overrides would be ${size.toLocaleString('en-US')} bytes, and ECS accepts at most ` +
        `${OVERRIDES_LIMIT_BYTES.toLocaleString('en-US')}. Pass a reference instead, such as an S3 URI (s3://bucket/key) the task reads the event from.`,
    );
  }
  const strategy = service.capacityProviderStrategy ?? [];
  return {
    cluster: service.clusterArn ?? request.cluster,
    taskDefinition: service.taskDefinition,
    count: 1,
    ...(strategy.length > 0 ? { capacityProviderStrategy: strategy.map((s) => ({ ...s })) } : service.launchType ? { launchType: service.launchType } : {}),
    ...(service.platformVersion && { platformVersion: service.platformVersion }),
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: [...awsvpc.subnets],
        ...(awsvpc.securityGroups && { securityGroups: [...awsvpc.securityGroups] }),
        ...(awsvpc.assignPublicIp && { assignPublicIp: awsvpc.assignPublicIp }),
      },
    },
    overrides,
    startedBy,
    ...(service.propagateTags === 'TASK_DEFINITION' && { propagateTags: 'TASK_DEFINITION' as const }),
  };
}

/** Runs a one-off task of the service with the event (see buildRunTaskInput) and says where it runs and logs. */
export async function runServiceTask(ecs: ECSClient, request: RunTaskRequest, signal?: AbortSignal): Promise<StartedTask> {
  const service = await describeActiveService(ecs, request.cluster, request.serviceName, signal, (message, options) => new RunTaskError(message, options));
  const { taskDefinition } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: service.taskDefinition }), { abortSignal: signal });
  if (!taskDefinition) throw new RunTaskError(`The task definition ${service.taskDefinition} of service ${request.serviceName} could not be read: it may have been deregistered. Check the service's task definition, then try again.`);
  const input = buildRunTaskInput(service, taskDefinition, request);
  const definitionName = familyRevision(taskDefinition, service.taskDefinition);
  let output;
  try {
    output = await ecs.send(new RunTaskCommand(input), { abortSignal: signal });
  } catch (error) {
    throw refusal(error, definitionName, request.cluster, taskDefinition) ?? error;
  }
  if (output.failures?.length) {
    throw new RunTaskError(`ECS could not start a task of ${definitionName} in cluster ${request.cluster}: ${describeFailures(output.failures)}. Check the cluster's capacity and the service's subnets, then try again.`);
  }
  const task = output.tasks?.[0];
  if (!task?.taskArn) throw new RunTaskError(`ECS started no task of ${definitionName} in cluster ${request.cluster} and gave no reason. Try again.`);
  const containerName = input.overrides!.containerOverrides![0].name!;
  const container = taskDefinition.containerDefinitions!.find((c) => c.name === containerName)!;
  const taskId = task.taskArn.split('/').pop()!;
  const logStream = taskLogStream(container, taskId, await ecs.config.region());
  const awsvpc = input.networkConfiguration!.awsvpcConfiguration!;
  return {
    taskArn: task.taskArn,
    taskId,
    cluster: request.cluster,
    container: containerName,
    taskDefinition: definitionName,
    launch: toFargateService(service).capacity || 'the cluster default capacity provider strategy',
    subnets: awsvpc.subnets ?? [],
    securityGroups: awsvpc.securityGroups ?? [],
    ...(awsvpc.assignPublicIp && { assignPublicIp: awsvpc.assignPublicIp }),
    ...(logStream && { logStream }),
    essentialContainers: (taskDefinition.containerDefinitions ?? []).filter(isEssential).map((c) => c.name ?? ''),
  };
}

function chooseContainer(containers: readonly ContainerDefinition[], wanted: string | undefined, definitionName: string): ContainerDefinition & { name: string } {
  const named = containers.filter((c): c is ContainerDefinition & { name: string } => Boolean(c.name));
  if (named.length === 0) throw new RunTaskError(`The task definition ${definitionName} has no container definitions.`);
  if (wanted === undefined) return named.find(isEssential) ?? named[0];
  const found = named.find((c) => c.name === wanted);
  if (!found) throw new RunTaskError(`The task definition ${definitionName} has no container "${wanted}". Its containers: ${named.map((c) => c.name).join(', ')}.`);
  return found;
}

// A container is essential unless its definition says otherwise.
function isEssential(container: ContainerDefinition): boolean {
  return container.essential !== false;
}

function familyRevision(taskDefinition: TaskDefinition, arn: string | undefined): string {
  if (taskDefinition.family && taskDefinition.revision !== undefined) return `${taskDefinition.family}:${taskDefinition.revision}`;
  return (arn ?? '').split('/').pop() ?? '';
}

function describeFailures(failures: readonly Failure[]): string {
  return failures.map((f) => [f.reason, f.detail].filter(Boolean).join(': ') || 'no reason given').join('; ');
}

function refusal(error: unknown, definitionName: string, cluster: string, taskDefinition: TaskDefinition): RunTaskError | undefined {
  const { name = '', message = '', $metadata } = error as Error & { $metadata?: { httpStatusCode?: number } };
  if ($metadata?.httpStatusCode === 500) {
    // moto's RunTask fails with a 500 on a container without container-level memory; said only where that is so.
    const withoutMemory = (taskDefinition.containerDefinitions ?? []).filter((c) => c.memory === undefined).map((c) => c.name ?? '?');
    return new RunTaskError(
      `RunTask failed on the endpoint (HTTP 500) for ${definitionName} in cluster ${cluster}. On AWS this is an internal fault: try again in a moment.` +
        (withoutMemory.length > 0
          ? ` A local emulator such as moto fails this way when a container has no container-level memory, as ${withoutMemory.join(', ')} here: set "memory" on it.`
          : ''),
      { cause: error },
    );
  }
  if (REFUSALS.has(name)) return new RunTaskError(`ECS refused to run a task of ${definitionName} in cluster ${cluster}: ${message}`, { cause: error });
  return undefined;
}
