// Declared with the nodes, which load their children with it and are named in it.
export type { ExplorerContext } from './nodes/awsNode';

export function matchesFilter(name: string, filter: string): boolean {
  return filter === '' || name.toLowerCase().includes(filter);
}
