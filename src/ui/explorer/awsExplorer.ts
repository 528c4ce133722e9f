import * as vscode from 'vscode';
import { describeAwsError } from '../../core/aws/errors';
import type { AwsConnection } from '../aws/awsConnection';
import type { ExplorerContext } from './explorerContext';
import { StreamingList } from './streamingList';
import type { AwsNode } from './nodes/awsNode';
import { SessionNode } from './nodes/awsNode';
import { ErrorNode, WarningNode } from './nodes/messageNodes';
import { ProfileNode } from './nodes/profileNodes';

const OPEN_SETTINGS: vscode.Command = { title: 'Open Settings', command: 'workbench.action.openSettings', arguments: ['serverlessExplorer'] };
const OPEN_CONFIG: vscode.Command = { title: 'Open AWS config file', command: 'serverlessExplorer.openAwsConfig' };

/**
 * The `serverlessExplorer.aws` view: Profile → Region → Lambda | Fargate → … It renders what the AWS connection
 * selects; nothing is fetched until the view asks, and what is fetched is kept until a refresh of that node or of
 * the connection.
 */
export class AwsExplorer implements vscode.TreeDataProvider<AwsNode> {
  private readonly changed = new vscode.EventEmitter<AwsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  private readonly cache = new Map<string, Promise<unknown>>();
  private readonly streams = new Map<string, StreamingList<unknown>>();
  private controller = new AbortController();
  private roots?: Promise<AwsNode[]>;
  private readonly subscription: vscode.Disposable;
  private nameFilter = '';
  /** The description VS Code last rendered for a node (see redraw). */
  private readonly rendered = new WeakMap<AwsNode, vscode.TreeItem['description']>();
  /** The node each node was listed under, for TreeView.reveal (which walks up with getParent). */
  private readonly parents = new WeakMap<AwsNode, AwsNode>();

  constructor(private readonly aws: AwsConnection) {
    this.subscription = aws.onDidRefresh(() => {
      this.forget('');
      this.roots = undefined;
      this.changed.fire(undefined);
    });
  }

  get filter(): string {
    return this.nameFilter;
  }

  set filter(value: string) {
    this.nameFilter = value.trim().toLowerCase();
    this.changed.fire(undefined);
  }

  /** Reload everything: settings, config files, credentials, listings. */
  refresh(): void {
    this.aws.refresh();
  }

  /** Reload one node and what is below it. */
  refreshNode(node: AwsNode): void {
    this.forget(node.id);
    this.changed.fire(node);
  }

  /** Re-reads the saved test events of one function (or of all), wherever it is listed. */
  refreshSavedEvents(functionName?: string): void {
    const marker = functionName ? `/f:${functionName}/events/` : '/events/';
    for (const key of [...this.cache.keys()]) if (key.includes(marker)) this.cache.delete(key);
    this.changed.fire(undefined);
  }

  /** Retry what an error node reports. */
  retry(node: ErrorNode): void {
    if (node.retryTarget) this.refreshNode(node.retryTarget);
    else this.refresh();
  }

  getTreeItem(node: AwsNode): vscode.TreeItem {
    this.rendered.set(node, node.description);
    return node;
  }

  async getChildren(node?: AwsNode): Promise<AwsNode[]> {
    if (!node) {
      this.roots ??= this.readRoots();
      return this.roots;
    }
    try {
      const children = await node.children(this.context());
      for (const child of children) this.parents.set(child, node);
      return children;
    } catch (error) {
      // A node's own failures become error nodes already; this is the last line for anything unexpected.
      const session = node instanceof SessionNode ? node.session : { profile: node.id, region: '' };
      return [new ErrorNode(`${node.id}/error`, describeAwsError(error, session, 'load this item', this.aws.clients.endpointUrl), node)];
    }
  }

  getParent(node: AwsNode): AwsNode | undefined {
    return this.parents.get(node);
  }

  dispose(): void {
    this.forget('');
    this.subscription.dispose();
    this.changed.dispose();
  }

  private context(): ExplorerContext {
    return {
      clients: this.aws.clients,
      filter: this.nameFilter,
      cached: <T>(key: string, load: (signal: AbortSignal) => Promise<T>) => {
        let entry = this.cache.get(key) as Promise<T> | undefined;
        if (!entry) {
          entry = load(this.controller.signal);
          entry.catch(() => undefined); // kept, and shown as an error node, until retried
          this.cache.set(key, entry);
        }
        return entry;
      },
      redraw: (node: AwsNode) => this.redraw(node),
      stream: <T>(key: string, owner: AwsNode, load: (onPage: (items: T[]) => void, signal: AbortSignal) => Promise<void>) => {
        let list = this.streams.get(key) as StreamingList<T> | undefined;
        if (!list) {
          list = new StreamingList<T>(load, () => this.changed.fire(owner));
          this.streams.set(key, list as StreamingList<unknown>);
        }
        return list;
      },
    };
  }

  /**
   * Shows a node's new description (a count that changed while its children loaded). VS Code ignores a
   * refresh of a node whose children it is still fetching, so ask again until it has rendered it.
   */
  private redraw(node: AwsNode, attempt = 0): void {
    setTimeout(() => {
      if (this.rendered.get(node) === node.description || attempt >= 10) return;
      this.changed.fire(node);
      this.redraw(node, attempt + 1);
    }, 300);
  }

  /** Drops what is cached for `prefix` and below it, and stops its listings. */
  private forget(prefix: string): void {
    const below = (key: string) => prefix === '' || key === prefix || key.startsWith(`${prefix}/`);
    for (const key of [...this.cache.keys()]) if (below(key)) this.cache.delete(key);
    for (const [key, list] of [...this.streams]) {
      if (below(key)) {
        list.dispose();
        this.streams.delete(key);
      }
    }
    if (prefix === '') {
      this.controller.abort();
      this.controller = new AbortController();
    }
  }

  private async readRoots(): Promise<AwsNode[]> {
    const selection = await this.aws.select();
    const nodes: AwsNode[] = [];
    if (selection.endpointError) nodes.push(new WarningNode('warning:endpoint', 'Invalid endpoint URL', selection.endpointError, OPEN_SETTINGS));
    if (selection.configError) return [...nodes, new WarningNode('warning:config', 'Could not read the AWS config files', selection.configError, OPEN_CONFIG)];
    for (const name of selection.missing) {
      nodes.push(
        new WarningNode(
          `warning:missing:${name}`,
          `Profile "${name}" not found`,
          `No profile named "${name}" is defined in the AWS config or credentials file. Add it there, or remove it from the setting serverlessExplorer.profiles (or unset AWS_PROFILE).`,
          OPEN_SETTINGS,
        ),
      );
    }
    const single = selection.profiles.length === 1;
    for (const { profile, regions } of selection.profiles) nodes.push(new ProfileNode(profile, regions, selection.endpointUrl, single));
    return nodes;
  }
}
