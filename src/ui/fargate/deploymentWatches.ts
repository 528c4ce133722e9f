import type * as vscode from 'vscode';
import type { FargateService } from '../../core/fargate/services';
import type { AwsConnection } from '../aws/awsConnection';
import type { AwsExplorer } from '../explorer/awsExplorer';
import { currentServiceNode } from '../explorer/nodes/fargateNodes';
import type { ServiceTarget } from './fargateTargets';
import { ecsSdk } from '../aws/sdk';

export interface DeploymentWatchTiming {
  readonly intervalMs: number;
  /** A deployment that has not settled by then is left to the Refresh button. */
  readonly maxMs: number;
}

const DEFAULT_TIMING: DeploymentWatchTiming = { intervalMs: 5000, maxMs: 10 * 60_000 };
// A few failed reads in a row (network, throttling, expired credentials) end the watch quietly: the tree says the rest.
const MAX_FAILURES = 3;

interface Watch {
  readonly target: ServiceTarget;
  deadline: number;
  failures: number;
  timer?: NodeJS.Timeout;
  readonly controller: AbortController;
}

/**
 * After a scale, a redeploy or a stopped task: shows the service's state in its tree node (running/pending/desired,
 * rollout) and reads it again every few seconds until the deployment settles, the service is gone, its profile and
 * region are no longer shown, or time runs out. Nothing waits for it.
 */
export class DeploymentWatches implements vscode.Disposable {
  private readonly watches = new Map<string, Watch>();

  constructor(
    private readonly aws: AwsConnection,
    private readonly explorer: AwsExplorer,
    private readonly timing: DeploymentWatchTiming = DEFAULT_TIMING,
  ) {}

  /** Starts (or extends) following the service; `service` is its state as the last call returned it. */
  follow(target: ServiceTarget, service?: FargateService): void {
    this.show(target, service);
    const key = keyOf(target);
    const existing = this.watches.get(key);
    if (existing) {
      existing.deadline = Date.now() + this.timing.maxMs;
      return;
    }
    const watch: Watch = { target, deadline: Date.now() + this.timing.maxMs, failures: 0, controller: new AbortController() };
    this.watches.set(key, watch);
    this.schedule(watch);
  }

  /** "profile · region · cluster/service" of each service followed now. */
  active(): string[] {
    return [...this.watches.values()].map(({ target: t }) => `${t.session.profile} · ${t.session.region} · ${t.cluster}/${t.serviceName}`);
  }

  stopAll(): void {
    for (const watch of [...this.watches.values()]) this.end(watch);
  }

  dispose(): void {
    this.stopAll();
  }

  private schedule(watch: Watch): void {
    watch.timer = setTimeout(() => void this.tick(watch), this.timing.intervalMs);
  }

  private async tick(watch: Watch): Promise<void> {
    const { target } = watch;
    const shown = await this.aws.sessions().catch(() => []);
    if (Date.now() > watch.deadline || !shown.some((s) => s.profile === target.session.profile && s.region === target.session.region)) return this.end(watch);
    const { clients } = this.aws;
    let service: FargateService | undefined;
    try {
      service = await ecsSdk().describeFargateService(clients.client(ecsSdk().ECSClient, target.session), target.cluster, target.serviceName, watch.controller.signal);
      watch.failures = 0;
    } catch {
      if (watch.controller.signal.aborted || ++watch.failures >= MAX_FAILURES) return this.end(watch);
      return this.schedule(watch);
    }
    if (watch.controller.signal.aborted) return;
    if (!service) return this.end(watch);
    this.show(target, service);
    if (ecsSdk().deploymentSettled(service)) return this.end(watch);
    this.schedule(watch);
  }

  private show(target: ServiceTarget, service?: FargateService): void {
    // The tree knows clusters by name; a caller may have given the ARN.
    const node = currentServiceNode(target.session, target.cluster.split('/').pop() ?? target.cluster, target.serviceName);
    if (!node) return;
    if (service) node.update(service);
    // Also reloads its tasks, if it is expanded: replacements appear as they start.
    this.explorer.refreshNode(node);
  }

  private end(watch: Watch): void {
    clearTimeout(watch.timer);
    watch.controller.abort();
    this.watches.delete(keyOf(watch.target));
  }
}

function keyOf(target: ServiceTarget): string {
  return [target.session.profile, target.session.region, target.cluster, target.serviceName].join('\u0000');
}
