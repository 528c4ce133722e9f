import type { AwsClientFactory } from '../../core/aws/clients';
import type { StreamingList } from './streamingList';
import type { AwsNode } from './nodes/awsNode';

/** What nodes need to load their children: the SDK, clients, caches, the name filter, and a way to say "I changed". */
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

export function matchesFilter(name: string, filter: string): boolean {
  return filter === '' || name.toLowerCase().includes(filter);
}
