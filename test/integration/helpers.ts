import * as vscode from 'vscode';
import type { ServerlessExplorerApi } from '../../src/extension';
import type { AwsNode } from '../../src/ui/explorer/nodes/awsNode';

export const EXTENSION_ID = 'serverless-explorer.serverless-explorer';

export async function activatedApi(): Promise<ServerlessExplorerApi> {
  const extension = vscode.extensions.getExtension<ServerlessExplorerApi>(EXTENSION_ID)!;
  await vscode.commands.executeCommand('workbench.view.extension.serverlessExplorer');
  return extension.activate();
}

export async function setSetting(name: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('serverlessExplorer').update(name, value, vscode.ConfigurationTarget.Global);
}

export async function resetSettings(): Promise<void> {
  for (const name of ['profiles', 'regions', 'endpointUrl', 'aws.connectTimeoutSeconds', 'aws.requestTimeoutSeconds']) await setSetting(name, undefined);
}

export function label(node: AwsNode): string {
  return typeof node.label === 'string' ? node.label : (node.label?.label ?? '');
}

export function labels(nodes: AwsNode[]): string[] {
  return nodes.map((n) => `${label(n)}${n.description ? ` — ${String(n.description)}` : ''}`);
}

/** The children of a node once its listing has finished streaming in. */
export async function settledChildren(api: ServerlessExplorerApi, node?: AwsNode, timeoutMs = 15_000): Promise<AwsNode[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const children = await api.awsExplorer.getChildren(node);
    if (!children.some((c) => c.id.endsWith('/loading'))) return children;
    if (Date.now() > deadline) throw new Error(`still loading after ${timeoutMs} ms: ${labels(children).slice(-1)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Follows labels down the tree from the top: walk(api, 'moto', 'us-east-1', 'Lambda'). */
export async function walk(api: ServerlessExplorerApi, ...path: string[]): Promise<AwsNode> {
  let node: AwsNode | undefined;
  for (const step of path) {
    const children = await settledChildren(api, node);
    const next = children.find((c) => label(c) === step);
    if (!next) throw new Error(`no "${step}" under ${node ? label(node) : 'the top'}: ${labels(children).join(' | ')}`);
    node = next;
  }
  return node!;
}
