import * as vscode from 'vscode';
import type { AwsProfile } from '../../core/aws/profiles';

const KIND_LABEL: Record<AwsProfile['kind'], string> = {
  static: 'access key',
  sso: 'IAM Identity Center (SSO)',
  'assume-role': 'assume role',
  process: 'credential process',
  'web-identity': 'web identity',
  unknown: 'no credentials in config',
};

export class ProfileNode extends vscode.TreeItem {
  override readonly contextValue = 'profile';

  constructor(
    readonly profile: AwsProfile,
    readonly regions: readonly string[],
    expanded: boolean,
  ) {
    super(profile.name, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `profile:${profile.name}`;
    this.description = KIND_LABEL[profile.kind];
    this.iconPath = new vscode.ThemeIcon('account');
    this.tooltip = new vscode.MarkdownString(undefined, false);
    this.tooltip.appendMarkdown(`**Profile** `).appendText(profile.name);
    this.tooltip.appendMarkdown(`\n\n**Credentials** `).appendText(KIND_LABEL[profile.kind]);
    this.tooltip.appendMarkdown(`\n\n**Defined in** `).appendText(profile.source === 'both' ? 'config and credentials files' : `${profile.source} file`);
    if (profile.region) this.tooltip.appendMarkdown(`\n\n**Default region** `).appendText(profile.region);
  }
}

export class RegionNode extends vscode.TreeItem {
  override readonly contextValue = 'region';

  constructor(
    readonly profile: string,
    readonly region: string,
    endpointUrl: string | undefined,
  ) {
    super(region, vscode.TreeItemCollapsibleState.None);
    this.id = `region:${profile}:${region}`;
    this.iconPath = new vscode.ThemeIcon('globe');
    this.description = endpointUrl ? `→ ${endpointUrl}` : undefined;
    this.tooltip = endpointUrl ? `${profile} · ${region} · requests go to ${endpointUrl}` : `${profile} · ${region}`;
  }
}

/** A problem shown in place, with the action that fixes it. */
export class MessageNode extends vscode.TreeItem {
  override readonly contextValue = 'message';

  constructor(label: string, detail: string, command?: vscode.Command) {
    super(label, vscode.TreeItemCollapsibleState.None);
    this.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    this.tooltip = detail;
    this.description = command?.title;
    this.command = command;
  }
}

export type AwsNode = ProfileNode | RegionNode | MessageNode;
