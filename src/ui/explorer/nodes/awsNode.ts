import * as vscode from 'vscode';
import type { AwsSession } from '../../../core/aws/sessions';
import type { ExplorerContext } from '../explorerContext';

/** A node of the AWS view. `id` is a path (profile/region/…) so that a refresh of a node reaches its descendants. */
export abstract class AwsNode extends vscode.TreeItem {
  declare readonly id: string;
  /** For "Copy ARN". */
  arn?: string;
  /** For "Open in AWS Console". */
  consoleUrl?: string;

  constructor(id: string, label: string | vscode.TreeItemLabel, collapsible: vscode.TreeItemCollapsibleState) {
    super(label, collapsible);
    this.id = id;
  }

  children(_ctx: ExplorerContext): AwsNode[] | Promise<AwsNode[]> {
    return [];
  }
}

/** A node that lives in one profile and region. */
export abstract class SessionNode extends AwsNode {
  constructor(
    readonly session: AwsSession,
    id: string,
    label: string | vscode.TreeItemLabel,
    collapsible: vscode.TreeItemCollapsibleState,
  ) {
    super(id, label, collapsible);
  }
}
