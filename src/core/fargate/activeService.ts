import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import type { ECSClient, Service } from '@aws-sdk/client-ecs';
import { FargateError } from './fargateError';

/**
 * The service as DescribeServices has it; a missing cluster, or a service that is missing or INACTIVE (deleted),
 * fails with an error made by `fail` that names them and says what to do.
 */
export async function describeActiveService(
  ecs: ECSClient,
  cluster: string,
  serviceName: string,
  signal?: AbortSignal,
  fail: (message: string, options?: ErrorOptions) => Error = (message, options) => new FargateError(message, options),
): Promise<Service> {
  let described;
  try {
    described = await ecs.send(new DescribeServicesCommand({ cluster, services: [serviceName] }), { abortSignal: signal });
  } catch (error) {
    if ((error as Error).name !== 'ClusterNotFoundException') throw error;
    throw fail(`There is no cluster ${cluster} in ${await ecs.config.region()}: it may have been deleted, or be in another region.`, { cause: error });
  }
  const service = described.services?.find((s) => s.status !== 'INACTIVE');
  if (!service) {
    throw fail(`There is no service ${serviceName} in cluster ${cluster} (${await ecs.config.region()}): it may have been deleted, or be in another region.`);
  }
  return service;
}
