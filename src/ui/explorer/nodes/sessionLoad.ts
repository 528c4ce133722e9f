import { describeAwsError } from '../../../core/aws/errors';
import type { ExplorerContext } from '../explorerContext';
import type { SessionNode, AwsNode } from './awsNode';
import { ErrorNode } from './messageNodes';

/** Loads a node's children once (cached until refresh) and turns a failure into an error node in its place. */
export async function loadChildren<T>(
  ctx: ExplorerContext,
  node: SessionNode,
  action: string,
  load: (signal: AbortSignal) => Promise<T>,
  render: (result: T) => AwsNode[],
): Promise<AwsNode[]> {
  try {
    return render(await ctx.cached(`${node.id}/children`, load));
  } catch (error) {
    return [new ErrorNode(`${node.id}/error`, describeAwsError(error, node.session, action, ctx.clients.endpointUrl), node)];
  }
}
