import * as vscode from 'vscode';
import { escapeMarkdown } from '../../core/fargate/escapeMarkdown';
import type { AwsConnection } from '../aws/awsConnection';
import type { AwsNode } from '../explorer/nodes/awsNode';
import { failureMessage } from './fargateOperation';
import { noTarget, serviceTargetOf } from './fargateTargets';
import type { ServiceTarget } from './fargateTargets';
import { ecsSdk, fargateDetailsSdk } from '../aws/sdk';
import { SERVICE_DETAILS_SCHEME } from './serviceDetailsScheme';

export { SERVICE_DETAILS_SCHEME };

/**
 * Read-only Markdown documents `serverless-explorer-service:/<cluster>/<service>.md?profile=…&region=…` with a Fargate
 * service's details (task definition, network, load balancers, auto scaling, deployments, events), read when opened or
 * refreshed. Environment variable values and secrets are never in them: core keeps names only.
 */
export class ServiceDetailsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly aws: AwsConnection) {}

  static uriOf(target: ServiceTarget): vscode.Uri {
    const query = new URLSearchParams({ profile: target.session.profile, region: target.session.region }).toString();
    return vscode.Uri.from({ scheme: SERVICE_DETAILS_SCHEME, path: `/${target.cluster}/${target.serviceName}.md`, query });
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const target = targetOf(uri);
    if (!target) return `# Not a service\n\n${escapeMarkdown(uri.toString())} does not name a Fargate service.\n`;
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    const { clients } = this.aws;
    const { session } = target;
    try {
      const details = await fargateDetailsSdk().describeServiceDetails(
        { ecs: clients.client(ecsSdk().ECSClient, session), autoScaling: clients.client(fargateDetailsSdk().ApplicationAutoScalingClient, session), ec2: clients.client(fargateDetailsSdk().EC2Client, session) },
        target.cluster,
        target.serviceName,
        controller.signal,
      );
      return `${fargateDetailsSdk().serviceDetailsMarkdown(details)}\n\n---\n\n_Read ${new Date().toLocaleString()} with profile ${escapeMarkdown(session.profile)}. Run "Serverless Explorer: Refresh Service Details" to read it again._\n`;
    } catch (error) {
      const message = failureMessage(this.aws, error, session, `read the details of service ${target.serviceName}`);
      return `# ${escapeMarkdown(target.serviceName)}\n\n**Could not read the service's details** (cluster ${escapeMarkdown(target.cluster)}, ${escapeMarkdown(session.profile)} · ${escapeMarkdown(session.region)}): ${escapeMarkdown(message)}\n`;
    }
  }

  /** Reads the document again, wherever it is shown. */
  refresh(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * `serverlessExplorer.showServiceDetails`: the document in the Markdown preview (tables read better rendered; its
 * "Open Source" shows the text). Returns the document's URI.
 */
export async function showServiceDetails(documents: ServiceDetailsDocuments, selection: readonly AwsNode[], value: unknown): Promise<vscode.Uri | undefined> {
  const target = serviceTargetOf(value, selection);
  if (!target) {
    noTarget('service');
    return undefined;
  }
  const uri = ServiceDetailsDocuments.uriOf(target);
  // Already open: VS Code would show what it read before.
  if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) documents.refresh(uri);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    // No Markdown preview (the built-in extension disabled): the text then.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  }
  return uri;
}

/** `serverlessExplorer.refreshServiceDetails`: the given document, or the active one. */
export function refreshServiceDetails(documents: ServiceDetailsDocuments, value: unknown): void {
  const uri = value instanceof vscode.Uri ? value : vscode.window.activeTextEditor?.document.uri;
  const open = uri?.scheme === SERVICE_DETAILS_SCHEME ? [uri] : vscode.workspace.textDocuments.filter((d) => d.uri.scheme === SERVICE_DETAILS_SCHEME).map((d) => d.uri);
  for (const document of open) documents.refresh(document);
}

function targetOf(uri: vscode.Uri): ServiceTarget | undefined {
  const [cluster, file] = uri.path.split('/').filter(Boolean);
  const query = new URLSearchParams(uri.query);
  const profile = query.get('profile');
  const region = query.get('region');
  if (!cluster || !file?.endsWith('.md') || !profile || !region) return undefined;
  return { session: { profile, region }, cluster, serviceName: file.slice(0, -'.md'.length) };
}
