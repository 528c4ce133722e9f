import * as vscode from 'vscode';
import { describeAwsError } from '../../../core/aws/errors';
import type { AwsProfile } from '../../../core/aws/profiles';
import { CONTEXT_VALUE } from '../contextValues';
import type { ExplorerContext } from '../explorerContext';
import { AwsNode, SessionNode } from './awsNode';
import { FargateGroupNode } from './fargateNodes';
import { LambdaGroupNode } from './lambdaNodes';
import { ErrorNode } from './messageNodes';

export const KIND_LABEL: Record<AwsProfile['kind'], string> = {
  static: 'access key',
  sso: 'IAM Identity Center (SSO)',
  'assume-role': 'assume role',
  process: 'credential process',
  'web-identity': 'web identity',
  environment: 'environment credentials',
  unknown: 'no credentials in config',
};

export class ProfileNode extends AwsNode {
  override readonly contextValue = CONTEXT_VALUE.profile;

  constructor(
    readonly profile: AwsProfile,
    readonly regions: readonly string[],
    readonly endpointUrl: string | undefined,
    expanded: boolean,
  ) {
    super(`p:${profile.name}`, profile.name, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    this.description = KIND_LABEL[profile.kind];
    this.iconPath = new vscode.ThemeIcon('account');
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.appendMarkdown('**Profile** ').appendText(profile.name);
    tooltip.appendMarkdown('\n\n**Credentials** ').appendText(KIND_LABEL[profile.kind]);
    if (profile.source !== 'environment') {
      tooltip.appendMarkdown('\n\n**Defined in** ').appendText(profile.source === 'both' ? 'config and credentials files' : `${profile.source} file`);
    }
    if (profile.region) tooltip.appendMarkdown('\n\n**Default region** ').appendText(profile.region);
    this.tooltip = tooltip;
  }

  override async children(ctx: ExplorerContext): Promise<AwsNode[]> {
    try {
      // Resolve the credentials first, so that an expired SSO session shows once, here, and not in every region.
      await ctx.cached(`${this.id}/credentials`, () => ctx.clients.credentialsFor(this.profile.name)());
    } catch (error) {
      const session = { profile: this.profile.name, region: this.regions[0] ?? 'us-east-1' };
      return [new ErrorNode(`${this.id}/error`, describeAwsError(error, session, 'get credentials', ctx.clients.endpointUrl), this)];
    }
    // Cached so that the same node objects (and what they show, like a function count) come back each time.
    return ctx.cached(`${this.id}/regions`, async () => this.regions.map((region) => new RegionNode(this.profile.name, region, this.endpointUrl)));
  }
}

export class RegionNode extends SessionNode {
  override readonly contextValue = CONTEXT_VALUE.region;
  private readonly groups: AwsNode[];

  constructor(profile: string, region: string, endpointUrl: string | undefined) {
    super({ profile, region }, `p:${profile}/r:${region}`, region, vscode.TreeItemCollapsibleState.Expanded);
    this.iconPath = new vscode.ThemeIcon('globe');
    this.description = endpointUrl ? `→ ${endpointUrl}` : undefined;
    this.tooltip = endpointUrl ? `${profile} · ${region} · requests go to ${endpointUrl}` : `${profile} · ${region}`;
    this.groups = [new LambdaGroupNode(this.session, this.id), new FargateGroupNode(this.session, this.id)];
  }

  override children(): AwsNode[] {
    return this.groups;
  }
}
