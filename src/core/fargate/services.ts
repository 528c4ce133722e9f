import { DescribeClustersCommand, DescribeServicesCommand, DescribeTasksCommand, ECSClient, paginateListClusters, paginateListServices, paginateListTasks } from '@aws-sdk/client-ecs';
import type { Service, Task } from '@aws-sdk/client-ecs';
import { chunks, forEachPage } from '../paging';

export { ECSClient };

export interface EcsCluster {
  readonly name: string;
  readonly arn: string;
  readonly status?: string;
  readonly runningTasks: number;
  readonly activeServices: number;
}

export interface FargateService {
  readonly name: string;
  readonly arn: string;
  readonly clusterArn: string;
  readonly status: string;
  readonly running: number;
  readonly desired: number;
  readonly pending: number;
  /** More than one deployment, or the primary one still rolling out. */
  readonly deploying: boolean;
  readonly rolloutState?: string;
  readonly taskDefinition: string;
  /** FARGATE, or the capacity providers, e.g. "FARGATE_SPOT:3, FARGATE:1". */
  readonly capacity: string;
}

export interface FargateTask {
  readonly id: string;
  readonly arn: string;
  readonly lastStatus: string;
  readonly desiredStatus?: string;
  readonly health?: string;
  readonly startedAt?: Date;
  /** "family:revision" */
  readonly taskDefinition: string;
  readonly cpu?: string;
  readonly memory?: string;
  readonly group?: string;
  readonly stoppedReason?: string;
}

const FARGATE_PROVIDERS = new Set(['FARGATE', 'FARGATE_SPOT']);

export function isFargateService(service: Pick<Service, 'launchType' | 'capacityProviderStrategy'>): boolean {
  if (service.launchType === 'FARGATE') return true;
  return (service.capacityProviderStrategy ?? []).some((s) => FARGATE_PROVIDERS.has(s.capacityProvider ?? ''));
}

export function toFargateService(service: Service): FargateService {
  const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
  return {
    name: service.serviceName ?? '',
    arn: service.serviceArn ?? '',
    clusterArn: service.clusterArn ?? '',
    status: service.status ?? 'UNKNOWN',
    running: service.runningCount ?? 0,
    desired: service.desiredCount ?? 0,
    pending: service.pendingCount ?? 0,
    deploying: (service.deployments?.length ?? 0) > 1 || primary?.rolloutState === 'IN_PROGRESS',
    rolloutState: primary?.rolloutState,
    taskDefinition: lastSegment(service.taskDefinition),
    capacity: service.launchType ?? (service.capacityProviderStrategy ?? []).map((s) => `${s.capacityProvider}:${s.weight ?? 0}`).join(', '),
  };
}

export function toFargateTask(task: Task): FargateTask {
  const arn = task.taskArn ?? '';
  return {
    id: arn.split('/').pop() ?? arn,
    arn,
    lastStatus: task.lastStatus ?? 'UNKNOWN',
    desiredStatus: task.desiredStatus,
    health: task.healthStatus,
    startedAt: task.startedAt,
    taskDefinition: lastSegment(task.taskDefinitionArn),
    cpu: task.cpu,
    memory: task.memory,
    group: task.group,
    stoppedReason: task.stoppedReason,
  };
}

function lastSegment(arn: string | undefined): string {
  return (arn ?? '').split('/').pop() ?? '';
}

export async function listClusters(client: ECSClient, signal?: AbortSignal): Promise<EcsCluster[]> {
  const arns: string[] = [];
  await forEachPage(paginateListClusters({ client }, {}, { abortSignal: signal }), (p) => p.clusterArns, (items) => arns.push(...items), signal);
  const clusters: EcsCluster[] = [];
  for (const batch of chunks(arns, 100)) {
    const described = await client.send(new DescribeClustersCommand({ clusters: batch }), { abortSignal: signal });
    for (const c of described.clusters ?? []) {
      clusters.push({
        name: c.clusterName ?? '',
        arn: c.clusterArn ?? '',
        status: c.status,
        runningTasks: c.runningTasksCount ?? 0,
        activeServices: c.activeServicesCount ?? 0,
      });
    }
  }
  return clusters.sort((a, b) => a.name.localeCompare(b.name));
}

/** The cluster's Fargate services only (launch type FARGATE, or a FARGATE/FARGATE_SPOT capacity provider strategy), page by page. */
export async function listFargateServices(client: ECSClient, cluster: string, onPage: (services: FargateService[]) => void, signal?: AbortSignal): Promise<void> {
  for await (const page of paginateListServices({ client, pageSize: 10 }, { cluster }, { abortSignal: signal })) {
    if (signal?.aborted) return;
    const arns = page.serviceArns ?? [];
    const found: FargateService[] = [];
    for (const batch of chunks(arns, 10)) {
      const described = await client.send(new DescribeServicesCommand({ cluster, services: batch }), { abortSignal: signal });
      found.push(...(described.services ?? []).filter(isFargateService).map(toFargateService));
    }
    onPage(found);
  }
}

/** The service's tasks (RUNNING and recently STOPPED), newest first. */
export async function listServiceTasks(client: ECSClient, cluster: string, serviceName: string, signal?: AbortSignal): Promise<FargateTask[]> {
  const arns: string[] = [];
  for (const desiredStatus of ['RUNNING', 'STOPPED'] as const) {
    await forEachPage(
      paginateListTasks({ client }, { cluster, serviceName, desiredStatus }, { abortSignal: signal }),
      (page) => page.taskArns,
      (items) => arns.push(...items),
      signal,
    );
  }
  const tasks: FargateTask[] = [];
  for (const batch of chunks([...new Set(arns)], 100)) {
    const described = await client.send(new DescribeTasksCommand({ cluster, tasks: batch }), { abortSignal: signal });
    // The group check keeps other services' tasks out where an API (or an emulator) ignores the serviceName filter.
    tasks.push(...(described.tasks ?? []).filter((t) => !t.group || t.group === `service:${serviceName}`).map(toFargateTask));
  }
  return tasks.sort((a, b) => (b.startedAt?.getTime() ?? 0) - (a.startedAt?.getTime() ?? 0));
}

/** One service by name, or undefined when the cluster has no such service (or only an INACTIVE one). */
export async function describeFargateService(client: ECSClient, cluster: string, serviceName: string, signal?: AbortSignal): Promise<FargateService | undefined> {
  const described = await client.send(new DescribeServicesCommand({ cluster, services: [serviceName] }), { abortSignal: signal });
  const service = (described.services ?? []).find((s) => s.status !== 'INACTIVE');
  return service ? toFargateService(service) : undefined;
}
