import * as vscode from 'vscode';
import { DEFAULT_CHAIN } from '../../core/aws/sessions';
import { functionLink } from '../../core/links/functionLink';
import { parseFunctionArn } from '../../core/lambda/identifiers';
import { CONTEXT_VALUE } from '../explorer/contextValues';
import type { AwsNode } from '../explorer/nodes/awsNode';
import { SessionNode } from '../explorer/nodes/awsNode';
import type { UiDeps } from '../uiDeps';

const LINKABLE: ReadonlySet<string> = new Set([CONTEXT_VALUE.lambdaFunction, CONTEXT_VALUE.lambdaVersion, CONTEXT_VALUE.lambdaAlias]);

/**
 * `serverlessExplorer.copyLink`: a function's (version's, alias's) link on the clipboard, in this product's own scheme
 * (vscode, vscode-insiders, vscodium, code-oss…) so that it opens in the same one. Returns the link.
 */
export async function copyLink({ awsView, extensionId }: UiDeps, node?: AwsNode): Promise<string | undefined> {
  const target = node ?? awsView.selection[0];
  const arn = target && target instanceof SessionNode && LINKABLE.has(String(target.contextValue)) ? parseFunctionArn(target.arn ?? '') : undefined;
  if (!target || !(target instanceof SessionNode) || !arn || 'problem' in arn) {
    void vscode.window.showWarningMessage('Select a Lambda function, version or alias in the AWS view to copy its link.');
    return undefined;
  }
  const { profile, region } = target.session;
  const link = functionLink(vscode.env.uriScheme, extensionId, {
    name: arn.arn.name,
    region,
    ...(profile !== DEFAULT_CHAIN ? { profile } : {}),
    ...(arn.arn.qualifier !== undefined ? { qualifier: arn.arn.qualifier } : {}),
  });
  await vscode.env.clipboard.writeText(link);
  vscode.window.setStatusBarMessage(`Copied the link to ${arn.arn.name}${arn.arn.qualifier ? `:${arn.arn.qualifier}` : ''}`, 3000);
  return link;
}
