import * as vscode from 'vscode';
import { consoleUrl } from '../../../core/aws/console';
import { describeAwsError } from '../../../core/aws/errors';
import type { AwsSession } from '../../../core/aws/sessions';
import { count, timeAgo } from '../../../core/format';
import type { EcsCluster, FargateService, FargateTask } from '../../../core/fargate/services';
import { CONTEXT_VALUE } from '../contextValues';
import type { ContextValue } from '../contextValues';
import { matchesFilter } from '../explorerContext';
import type { ExplorerContext } from '../explorerContext';
import { SessionNode } from './awsNode';
import type { AwsNode } from './awsNode';
import { EksFargateGroupNode } from './eksNodes';
import { ErrorNode, LoadingNode, MessageNode } from './messageNodes';
import { loadChildren } from './sessionLoad';
import { ecsSdk } from '../../aws/sdk';

const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;

/** Region → "Fargate": the ECS clusters of the region, then "EKS on Fargate". */
export class FargateGroupNode extends SessionNode {
  override readonly contextValue = CONTEXT_VALUE.fargateGroup;
  private readonly eks: EksFargateGroupNode;

  constructor(session: AwsSession, parentId: string) {
    super(session, `${parentId}/fargate`, 'Fargate', Collapsed);
    this.iconPath = new vscode.ThemeIcon('server-environment');
    this.eks = new EksFargateGroupNode(session, this.id);
  }

  override async children(ctx: ExplorerContext): Promise<AwsNode[]> {
    const ecs = await loadChildren(
      ctx,
      this,
      'list ECS clusters',
      (signal) => ecsSdk().listClusters(ctx.clients.client(ecsSdk().ECSClient, this.session), signal),
      (clusters) => (clusters.length ? clusters.map((c) => new ClusterNode(this.session, this.id, c)) : [new MessageNode(`${this.id}/empty`, `No ECS clusters in ${this.session.region}`)]),
    );
    return [...ecs, this.eks];
  }
}

export class ClusterNode extends SessionNode {
  override readonly contextValue = CONTEXT_VALUE.ecsCluster;

  constructor(session: AwsSession, parentId: string, readonly cluster: EcsCluster) {
    super(session, `${parentId}/c:${cluster.name}`, cluster.name, Collapsed);
    this.arn = cluster.arn;
    this.consoleUrl = consoleUrl.ecsCluster(session.region, cluster.name);
    this.iconPath = new vscode.ThemeIcon('layers');
    this.description = `${count(cluster.runningTasks, 'running task')}${cluster.status && cluster.status !== 'ACTIVE' ? ` · ${cluster.status}` : ''}`;
    this.tooltip = cluster.arn;
  }

  override async children(ctx: ExplorerContext): Promise<AwsNode[]> {
    const list = ctx.stream<ServiceNode>(`${this.id}/services`, this, (onPage, signal) =>
      ecsSdk().listFargateServices(
        ctx.clients.client(ecsSdk().ECSClient, this.session),
        this.cluster.arn,
        (services) => onPage(services.map((s) => new ServiceNode(this.session, this.id, this.cluster.name, s))),
        signal,
      ),
    );
    await list.whenFirstPage();
    await list.whenDoneOr(250); // a listing that ends quickly shows at once, without a "Loading more…" flash
    const { items, done, error } = list.snapshot();
    const shown = items.filter((node) => matchesFilter(node.service.name, ctx.filter)).sort((a, b) => a.service.name.localeCompare(b.service.name));
    const nodes: AwsNode[] = shown;
    if (!done) nodes.push(new LoadingNode(`${this.id}/loading`, `Loading more… (${items.length} so far)`));
    if (error) nodes.push(new ErrorNode(`${this.id}/error`, describeAwsError(error, this.session, 'list ECS services', ctx.clients.endpointUrl), this));
    if (done && !error && shown.length === 0) {
      nodes.push(new MessageNode(`${this.id}/empty`, items.length === 0 ? 'No Fargate services' : `No services match "${ctx.filter}"`));
    }
    return nodes;
  }
}

// The newest node of each service, for what follows a deployment after the listing that made the node is gone.
const serviceNodes = new Map<string, WeakRef<ServiceNode>>();

function serviceKey(session: AwsSession, clusterName: string, serviceName: string): string {
  return [session.profile, session.region, clusterName, serviceName].join('\u0000');
}

/** The node that shows this service now, if the tree has made one. */
export function currentServiceNode(session: AwsSession, clusterName: string, serviceName: string): ServiceNode | undefined {
  return serviceNodes.get(serviceKey(session, clusterName, serviceName))?.deref();
}

export class ServiceNode extends SessionNode {
  override readonly contextValue = CONTEXT_VALUE.fargateService;
  private shown: FargateService;

  constructor(session: AwsSession, parentId: string, readonly clusterName: string, service: FargateService) {
    super(session, `${parentId}/s:${service.name}`, service.name, Collapsed);
    this.shown = service;
    this.arn = service.arn;
    this.consoleUrl = consoleUrl.ecsService(session.region, clusterName, service.name);
    this.show(service);
    serviceNodes.set(serviceKey(session, clusterName, service.name), new WeakRef(this));
  }

  get service(): FargateService {
    return this.shown;
  }

  /** Shows the service as ECS has it now (after a scale, a redeploy, while a deployment rolls out). */
  update(service: FargateService): void {
    this.shown = service;
    this.show(service);
  }

  private show(service: FargateService): void {
    const healthy = service.running >= service.desired && service.status === 'ACTIVE';
    this.iconPath = service.deploying
      ? new vscode.ThemeIcon('sync~spin', new vscode.ThemeColor('charts.blue'))
      : new vscode.ThemeIcon('server-process', new vscode.ThemeColor(healthy ? 'charts.green' : 'charts.yellow'));
    this.description = [
      `${service.running}/${service.desired} running`,
      service.pending > 0 ? `${service.pending} pending` : undefined,
      service.status !== 'ACTIVE' ? service.status : undefined,
      service.rolloutState === 'FAILED' ? 'rollout failed' : service.deploying ? 'deploying…' : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
    const md = new vscode.MarkdownString(undefined, false);
    md.appendMarkdown('**').appendText(service.name).appendMarkdown('**');
    const rows: [string, string | undefined][] = [
      ['ARN', service.arn],
      ['Status', service.status],
      ['Tasks', `${service.running} running · ${service.pending} pending · ${service.desired} desired`],
      ['Deployment', service.deploying ? `in progress${service.rolloutState ? ` (${service.rolloutState})` : ''}` : service.rolloutState ?? 'steady'],
      ['Task definition', service.taskDefinition],
      ['Capacity', service.capacity],
    ];
    for (const [name, value] of rows) if (value) md.appendMarkdown(`\n\n**${name}** `).appendText(value);
    this.tooltip = md;
  }

  override children(ctx: ExplorerContext): Promise<AwsNode[]> {
    return loadChildren(
      ctx,
      this,
      'list tasks',
      (signal) => ecsSdk().listServiceTasks(ctx.clients.client(ecsSdk().ECSClient, this.session), this.service.clusterArn, this.service.name, signal),
      (tasks) => (tasks.length ? tasks.map((t) => new TaskNode(this.session, this.id, this.clusterName, t)) : [new MessageNode(`${this.id}/empty`, 'No tasks')]),
    );
  }
}

const TASK_ICON: Record<string, [string, string]> = {
  RUNNING: ['vm-running', 'charts.green'],
  STOPPED: ['vm-outline', 'disabledForeground'],
  DEPROVISIONING: ['vm-outline', 'charts.yellow'],
  STOPPING: ['vm-outline', 'charts.yellow'],
};

export class TaskNode extends SessionNode {
  override readonly contextValue: ContextValue;

  constructor(session: AwsSession, parentId: string, readonly clusterName: string, readonly task: FargateTask) {
    super(session, `${parentId}/t:${task.id}`, task.id.slice(0, 12), vscode.TreeItemCollapsibleState.None);
    this.contextValue = task.lastStatus === 'STOPPED' ? CONTEXT_VALUE.fargateTaskStopped : CONTEXT_VALUE.fargateTask;
    this.arn = task.arn;
    this.consoleUrl = consoleUrl.ecsTask(session.region, clusterName, task.id);
    const [icon, color] = TASK_ICON[task.lastStatus] ?? ['vm-active', 'charts.blue'];
    this.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
    const size = task.cpu || task.memory ? `${task.cpu ?? '?'} CPU / ${task.memory ?? '?'} MB` : undefined;
    this.description = [task.lastStatus, task.health && task.health !== 'UNKNOWN' ? task.health : undefined, task.taskDefinition, size, task.startedAt ? `started ${timeAgo(task.startedAt)}` : undefined]
      .filter(Boolean)
      .join(' · ');
    this.tooltip = [task.arn, task.stoppedReason ? `Stopped: ${task.stoppedReason}` : undefined, task.startedAt ? `Started ${task.startedAt.toISOString()}` : undefined].filter(Boolean).join('\n');
  }
}
