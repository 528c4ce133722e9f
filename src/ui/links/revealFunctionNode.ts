import * as vscode from 'vscode';
import type { AwsSession } from '../../core/aws/sessions';
import type { AwsExplorer } from '../explorer/awsExplorer';
import { CONTEXT_VALUE } from '../explorer/contextValues';
import { matchesFilter } from '../explorer/explorerContext';
import type { AwsNode } from '../explorer/nodes/awsNode';
import { AliasNode, FunctionNode, LambdaGroupNode, VersionNode } from '../explorer/nodes/lambdaNodes';
import { ErrorNode, LoadingNode } from '../explorer/nodes/messageNodes';
import { ProfileNode, RegionNode } from '../explorer/nodes/profileNodes';

/** The node a link revealed: the function's, or its version's or alias's when the link has a qualifier. */
export interface FoundNode {
  readonly node: AwsNode;
  readonly fn: FunctionNode;
}

export type FoundOrNot = { readonly found: FoundNode } | { readonly problem: string };

// A region of thousands of functions streams in for a while; the link waits for its function's page.
const LISTING_BUDGET_MS = 120_000;

/**
 * Finds a function's node in the AWS view as the view lists it (Profile → Region → Lambda → function [→ Versions or
 * Aliases → qualifier]), so that TreeView.reveal can walk back up through getParent.
 */
export async function findFunctionNode(explorer: AwsExplorer, session: AwsSession, name: string, qualifier?: string): Promise<FoundOrNot> {
  if (explorer.filter && !matchesFilter(name, explorer.filter)) await vscode.commands.executeCommand('serverlessExplorer.clearFilter');
  const where = `profile "${session.profile}", ${session.region}`;
  const roots = await explorer.getChildren();
  const profile = roots.find((n): n is ProfileNode => n instanceof ProfileNode && n.profile.name === session.profile);
  if (!profile) return { problem: `The AWS view does not show profile "${session.profile}".` };
  const regions = await explorer.getChildren(profile);
  const region = regions.find((n): n is RegionNode => n instanceof RegionNode && n.session.region === session.region);
  if (!region) return { problem: errorIn(regions) ?? `The AWS view does not show ${session.region} under profile "${session.profile}".` };
  const group = (await explorer.getChildren(region)).find((n): n is LambdaGroupNode => n instanceof LambdaGroupNode);
  if (!group) return { problem: `The AWS view has no Lambda functions under ${where}.` };
  const deadline = Date.now() + LISTING_BUDGET_MS;
  let reread = false;
  for (;;) {
    const children = await explorer.getChildren(group);
    const fn = children.find((n): n is FunctionNode => n instanceof FunctionNode && n.fn.name === name);
    if (fn) return { found: { node: (await qualifierNode(explorer, fn, qualifier)) ?? fn, fn } };
    const error = errorIn(children);
    if (error) return { problem: error };
    if (!children.some((n) => n instanceof LoadingNode)) {
      // Created after the view listed the region: list it again, once.
      if (reread) return { problem: `The AWS view's listing of ${where} does not have ${name}.` };
      reread = true;
      explorer.refreshNode(group);
      continue;
    }
    if (Date.now() > deadline) return { problem: `The AWS view is still listing the functions of ${where}; open the link again when it has finished.` };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function qualifierNode(explorer: AwsExplorer, fn: FunctionNode, qualifier: string | undefined): Promise<AwsNode | undefined> {
  if (qualifier === undefined || qualifier === '$LATEST') return undefined;
  const isVersion = /^\d+$/.test(qualifier);
  const partValue: string = isVersion ? CONTEXT_VALUE.lambdaVersions : CONTEXT_VALUE.lambdaAliases;
  // Through the explorer, which records each node's parent for TreeView.reveal.
  const part = (await explorer.getChildren(fn)).find((n) => partValue === n.contextValue);
  if (!part) return undefined;
  const find = async () =>
    (await explorer.getChildren(part)).find((n) => (isVersion ? n instanceof VersionNode && n.version.version === qualifier : n instanceof AliasNode && n.alias.name === qualifier));
  // A listing read before the version or alias was made: read it again once.
  let node = await find();
  if (!node) {
    explorer.refreshNode(part);
    node = await find();
  }
  return node;
}

function errorIn(children: readonly AwsNode[]): string | undefined {
  const error = children.find((n): n is ErrorNode => n instanceof ErrorNode);
  return error?.problem.detail;
}
