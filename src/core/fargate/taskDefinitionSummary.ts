import type { ContainerDefinition, PortMapping, TaskDefinition } from '@aws-sdk/client-ecs';

export interface SecretReference {
  readonly name: string;
  /** Where ECS fetches the value from; the value, and its ARN, are never kept. */
  readonly source: 'Secrets Manager' | 'SSM Parameter Store';
}

export interface ContainerSummary {
  readonly name: string;
  readonly image: string;
  readonly essential: boolean;
  readonly cpu?: number;
  /** Hard limit, MiB. */
  readonly memory?: number;
  /** Soft limit, MiB. */
  readonly memoryReservation?: number;
  /** "8080/tcp", or "80→8080/tcp" when the host port differs. */
  readonly ports: readonly string[];
  /** Names only: a plain environment variable may hold a secret all the same. */
  readonly environmentNames: readonly string[];
  readonly secrets: readonly SecretReference[];
  readonly logDriver?: string;
  readonly logGroup?: string;
}

export interface TaskDefinitionSummary {
  /** "family:revision" */
  readonly name: string;
  readonly arn: string;
  readonly cpu?: string;
  readonly memory?: string;
  readonly networkMode?: string;
  /** "LINUX/ARM64" */
  readonly runtimePlatform?: string;
  readonly taskRoleArn?: string;
  readonly executionRoleArn?: string;
  readonly containers: readonly ContainerSummary[];
}

/** What a reader of the service needs from its task definition, without any environment or secret value. */
export function summarizeTaskDefinition(definition: TaskDefinition): TaskDefinitionSummary {
  const platform = [definition.runtimePlatform?.operatingSystemFamily, definition.runtimePlatform?.cpuArchitecture].filter(Boolean).join('/');
  return {
    name: definition.family ? `${definition.family}:${definition.revision}` : (definition.taskDefinitionArn ?? '').split('/').pop() ?? '',
    arn: definition.taskDefinitionArn ?? '',
    ...(definition.cpu && { cpu: definition.cpu }),
    ...(definition.memory && { memory: definition.memory }),
    ...(definition.networkMode && { networkMode: definition.networkMode }),
    ...(platform && { runtimePlatform: platform }),
    ...(definition.taskRoleArn && { taskRoleArn: definition.taskRoleArn }),
    ...(definition.executionRoleArn && { executionRoleArn: definition.executionRoleArn }),
    containers: (definition.containerDefinitions ?? []).map(summarizeContainer),
  };
}

function summarizeContainer(container: ContainerDefinition): ContainerSummary {
  const { logDriver, options = {} } = container.logConfiguration ?? {};
  return {
    name: container.name ?? '',
    image: container.image ?? '',
    essential: container.essential !== false,
    ...(container.cpu !== undefined && { cpu: container.cpu }),
    ...(container.memory !== undefined && { memory: container.memory }),
    ...(container.memoryReservation !== undefined && { memoryReservation: container.memoryReservation }),
    ports: (container.portMappings ?? []).map(describePort),
    environmentNames: (container.environment ?? []).map((e) => e.name ?? '').filter(Boolean),
    secrets: (container.secrets ?? []).map((s) => ({ name: s.name ?? '', source: secretSource(s.valueFrom) })),
    ...(logDriver && { logDriver }),
    ...(options['awslogs-group'] && { logGroup: options['awslogs-group'] }),
  };
}

// Secrets Manager references are always ARNs; SSM parameters are ARNs or parameter names.
function secretSource(valueFrom: string | undefined): SecretReference['source'] {
  return /^arn:[^:]+:secretsmanager:/.test(valueFrom ?? '') ? 'Secrets Manager' : 'SSM Parameter Store';
}

function describePort(port: PortMapping): string {
  const protocol = port.protocol ?? 'tcp';
  const container = port.containerPort ?? port.containerPortRange ?? '?';
  const host = port.hostPort !== undefined && port.hostPort !== port.containerPort ? `${port.hostPort}→` : '';
  return `${host}${container}/${protocol}${port.name ? ` (${port.name})` : ''}`;
}
