import * as vscode from 'vscode';
import type { AwsClientFactory } from '../../../core/aws/clients';
import type { AwsSession } from '../../../core/aws/sessions';
import type { StreamingList } from '../streamingList';

/** What nodes need to load their children: clients, caches, the name filter, and a way to say "I changed". */
export interface ExplorerContext {
  readonly clients: AwsClientFactory;
  /** Lower-case name filter; empty = everything. */
  readonly filter: string;
  /** The children of `key`, loaded once and kept until refresh (a failure is kept too, until retry). */
  cached<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Asks the view to show a node's changed label or description. */
  redraw(node: AwsNode): void;
  /** A listing that streams in page by page, kept until refresh; `owner` is redrawn as pages arrive. */
  stream<T>(key: string, owner: AwsNode, load: (onPage: (items: T[]) => void, signal: AbortSignal) => Promise<void>): StreamingList<T>;
}

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
