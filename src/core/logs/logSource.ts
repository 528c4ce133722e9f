import { DescribeServicesCommand, DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import type { ContainerDefinition, ECSClient } from '@aws-sdk/client-ecs';
import { GetFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { isResourceNotFound } from './logErrors';
import type { LogSource } from './logSourceTypes';

export type { LogSource };

/** Why no log source could be found; the message says what is wrong and how to fix it. */
export class LogSourceError extends Error {
  override readonly name = 'LogSourceError';
}

export async function lambdaLogSources(lambda: LambdaClient, functionName: string, signal?: AbortSignal): Promise<LogSource[]> {
  let config;
  try {
    config = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: functionName }), { abortSignal: signal });
  } catch (error) {
    if (!isResourceNotFound(error)) throw error;
    const region = await lambda.config.region();
    throw new LogSourceError(`There is no function ${functionName} in ${region}: it may have been deleted or renamed. Refresh the explorer and open it again.`, { cause: error });
  }
  // FunctionName, not the argument: that may be an ARN or carry a qualifier.
  const name = config.FunctionName ?? functionName;
  const logFormat = config.LoggingConfig?.LogFormat;
  return [{ logGroupName: config.LoggingConfig?.LogGroup || `/aws/lambda/${name}`, kind: 'lambda', ...(logFormat && { logFormat }) }];
}

export async function fargateLogSources(ecs: ECSClient, cluster: string, serviceName: string, signal?: AbortSignal): Promise<LogSource[]> {
  const notFound = () => new LogSourceError(`There is no service ${serviceName} in cluster ${cluster}: it may have been deleted. Refresh the explorer and open it again.`);
  let described;
  try {
    described = await ecs.send(new DescribeServicesCommand({ cluster, services: [serviceName] }), { abortSignal: signal });
  } catch (error) {
    if ((error as Error).name !== 'ClusterNotFoundException') throw error;
    throw new LogSourceError(`There is no cluster ${cluster}: it may have been deleted. Refresh the explorer.`, { cause: error });
  }
  const service = described.services?.find((s) => s.status !== 'INACTIVE');
  if (!service?.taskDefinition) throw notFound();

  const { taskDefinition } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: service.taskDefinition }), { abortSignal: signal });
  const containers = taskDefinition?.containerDefinitions ?? [];
  const serviceRegion = await ecs.config.region();
  const sources = new Map<string, LogSource>();
  for (const container of containers) {
    const source = awslogsSource(container, serviceRegion);
    if (source) sources.set(`${source.region ?? ''}\u0000${source.logGroupName}\u0000${source.logStreamNamePrefix ?? ''}`, source);
  }
  if (sources.size === 0) {
    const name = taskDefinition?.family ? `${taskDefinition.family}:${taskDefinition.revision}` : service.taskDefinition.split('/').pop();
    const drivers = [...new Set(containers.map((c) => c.logConfiguration?.logDriver).filter((d) => d !== undefined))];
    const uses = drivers.length ? `its containers use the ${drivers.join(', ')} log driver` : 'no container has a log configuration';
    throw new LogSourceError(
      `The task definition ${name} sends no container's logs to CloudWatch Logs (${uses}, not awslogs). ` +
        `Add a logConfiguration with logDriver awslogs (and awslogs-group, awslogs-stream-prefix) to its containers to see their logs here.`,
    );
  }
  return [...sources.values()];
}

function awslogsSource(container: ContainerDefinition, serviceRegion: string): LogSource | undefined {
  const { logDriver, options = {} } = container.logConfiguration ?? {};
  const group = options['awslogs-group'];
  if (logDriver !== 'awslogs' || !group) return undefined;
  const prefix = options['awslogs-stream-prefix'];
  const region = options['awslogs-region'];
  return {
    logGroupName: group,
    ...(prefix && container.name && { logStreamNamePrefix: `${prefix}/${container.name}/` }),
    ...(region && region !== serviceRegion && { region }),
    ...(container.name && { containerName: container.name }),
    kind: 'ecs',
  };
}

/** For display: "/aws/lambda/orders", "/ecs/web (streams ecs/web/…)", several joined by ", ". */
export function describeLogSources(sources: readonly LogSource[]): string {
  return sources
    .map((s) => `${s.logGroupName}${s.logStreamNamePrefix ? ` (streams ${s.logStreamNamePrefix}…)` : ''}${s.region ? ` in ${s.region}` : ''}`)
    .join(', ');
}
