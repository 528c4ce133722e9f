import * as vscode from 'vscode';
import type { AwsSession } from '../../../core/aws/sessions';
import { count } from '../../../core/format';
import type { EksFargateProfile } from '../../../core/fargate/eksFargate';
import { CONTEXT_VALUE } from '../contextValues';
import type { ExplorerContext } from '../explorerContext';
import { SessionNode } from './awsNode';
import type { AwsNode } from './awsNode';
import { MessageNode } from './messageNodes';
import { loadChildren } from './sessionLoad';
import { eksSdk } from '../../aws/sdk';

const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;

/** Region → Fargate → "EKS on Fargate": the region's EKS clusters and their Fargate profiles, read-only. */
export class EksFargateGroupNode extends SessionNode {
  override readonly contextValue = CONTEXT_VALUE.eksFargateGroup;

  constructor(session: AwsSession, parentId: string) {
    super(session, `${parentId}/eks`, 'EKS on Fargate', Collapsed);
    this.iconPath = new vscode.ThemeIcon('symbol-namespace');
    this.tooltip = 'The Fargate profiles of the EKS clusters in this region: which pods run on Fargate (read-only).';
  }

  override children(ctx: ExplorerContext): Promise<AwsNode[]> {
    return loadChildren(
      ctx,
      this,
      'list EKS clusters and their Fargate profiles',
      (signal) => eksSdk().listEksFargateProfiles(ctx.clients.client(eksSdk().EKSClient, this.session), signal),
      (clusters) =>
        clusters.length
          ? clusters.map((c) => new EksClusterNode(this.session, this.id, c.cluster, c.profiles))
          : [new MessageNode(`${this.id}/empty`, `No EKS clusters in ${this.session.region}`)],
    );
  }
}

export class EksClusterNode extends SessionNode {
  override readonly contextValue = CONTEXT_VALUE.eksCluster;

  constructor(
    session: AwsSession,
    parentId: string,
    readonly clusterName: string,
    readonly profiles: readonly EksFargateProfile[],
  ) {
    super(session, `${parentId}/k:${clusterName}`, clusterName, Collapsed);
    this.iconPath = new vscode.ThemeIcon('layers');
    this.description = count(profiles.length, 'Fargate profile');
    this.tooltip = `EKS cluster ${clusterName} · ${session.profile} · ${session.region}`;
  }

  override children(): AwsNode[] {
    if (this.profiles.length === 0) return [new MessageNode(`${this.id}/empty`, 'No Fargate profiles: its pods run on nodes')];
    return this.profiles.map((p) => new EksFargateProfileNode(this.session, this.id, p));
  }
}

const PROFILE_COLOR: Record<string, string> = {
  ACTIVE: 'charts.green',
  CREATING: 'charts.blue',
  DELETING: 'charts.yellow',
  CREATE_FAILED: 'charts.red',
  DELETE_FAILED: 'charts.red',
};

export class EksFargateProfileNode extends SessionNode {
  override readonly contextValue = CONTEXT_VALUE.eksFargateProfile;

  constructor(
    session: AwsSession,
    parentId: string,
    readonly profile: EksFargateProfile,
  ) {
    super(session, `${parentId}/fp:${profile.name}`, profile.name, vscode.TreeItemCollapsibleState.None);
    this.iconPath = new vscode.ThemeIcon('symbol-class', profile.status ? new vscode.ThemeColor(PROFILE_COLOR[profile.status] ?? 'charts.yellow') : undefined);
    this.description = [profile.status && profile.status !== 'ACTIVE' ? profile.status : undefined, profile.selectors.map(selectorText).join(' | ')].filter(Boolean).join(' · ');
    this.tooltip = profileTooltip(profile);
  }
}

/** "namespace app, labels tier=batch, team=data" */
export function selectorText(selector: EksFargateProfile['selectors'][number]): string {
  const labels = Object.entries(selector.labels).map(([k, v]) => `${k}=${v}`);
  return `namespace ${selector.namespace}${labels.length ? `, labels ${labels.join(', ')}` : ''}`;
}

function profileTooltip(profile: EksFargateProfile): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.appendMarkdown('**Fargate profile** ').appendText(profile.name);
  md.appendMarkdown('\n\n**EKS cluster** ').appendText(profile.clusterName);
  if (profile.status) md.appendMarkdown('\n\n**Status** ').appendText(profile.status);
  md.appendMarkdown('\n\n**Pods that run on Fargate**');
  if (profile.selectors.length === 0) md.appendMarkdown('\n\n').appendText('none (the profile has no selectors)');
  for (const selector of profile.selectors) md.appendMarkdown('\n- ').appendText(selectorText(selector));
  md.appendMarkdown('\n\n**Subnets** ').appendText(profile.subnets.length ? profile.subnets.join(', ') : 'none');
  if (profile.podExecutionRoleArn) md.appendMarkdown('\n\n**Pod execution role** ').appendText(profile.podExecutionRoleArn);
  if (profile.createdAt) md.appendMarkdown('\n\n**Created** ').appendText(profile.createdAt.toISOString());
  return md;
}
