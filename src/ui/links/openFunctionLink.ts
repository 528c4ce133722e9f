import * as vscode from 'vscode';
import { describeAwsError } from '../../core/aws/errors';
import { parseFunctionLink } from '../../core/links/functionLink';
import type { FunctionLinkTarget } from '../../core/links/functionLink';
import { accountMismatch } from '../../core/links/linkPlacement';
import { accountOfArn } from '../../core/lambda/identifiers';
import { lambdaSdk } from '../aws/sdk';
import type { UiDeps } from '../uiDeps';
import { chooseLinkSession } from './chooseLinkSession';
import { functionActions, offerFunctionActions } from './functionActions';
import type { LinkOutcome } from './linkOutcome';
import { findFunctionNode } from './revealFunctionNode';

/**
 * The URI handler's work: read the link, choose where to look (asking when the link needs more than the view
 * shows), check the function exists, reveal and select its node, then offer what to do with it. The link itself
 * runs nothing.
 */
export async function openFunctionLink(deps: UiDeps, uri: vscode.Uri): Promise<LinkOutcome> {
  const link = uri.toString(true);
  const parsed = parseFunctionLink({ path: uri.path, query: uri.query, fragment: uri.fragment });
  if (!parsed.ok) return fail('refused', link, `Serverless Explorer cannot open this link. ${parsed.problem}`);
  const { target } = parsed;

  const choice = await chooseLinkSession(deps.aws, target);
  if ('cancelled' in choice) return { status: 'cancelled', link };
  if ('problem' in choice) return fail('failed', link, choice.problem);
  const { session } = choice;

  const what = describeTarget(target);
  const where = `${session.region} with profile "${session.profile}"${choice.profileAccount ? ` (account ${choice.profileAccount})` : ''}`;
  let arn: string;
  try {
    const lookup = await vscode.window.withProgress({ location: { viewId: 'serverlessExplorer.aws' } }, () =>
      lambdaSdk().lookUpFunction(deps.aws.clients.client(lambdaSdk().LambdaClient, session), target.name, target.qualifier),
    );
    if (!lookup.found) return fail('not-found', link, `${what} was not found in ${where}. Check the link, or open it with the profile of the account that has the function.`);
    arn = lookup.fn.arn;
  } catch (error) {
    return fail('failed', link, `Could not open ${what}: ${describeAwsError(error, session, 'get the function', deps.aws.clients.endpointUrl).detail}`);
  }
  // The profile's account was unknown before the call: the ARN of what it found says it.
  const foundMismatch = choice.profileAccount ? undefined : accountMismatch(target, session.profile, accountOfArn(arn));
  if (foundMismatch) {
    const open = await vscode.window.showWarningMessage('The link is for another account', { modal: true, detail: foundMismatch }, 'Open Anyway');
    if (!open) return { status: 'cancelled', link };
  }

  const found = await findFunctionNode(deps.explorer, session, target.name, target.qualifier);
  if ('problem' in found) return fail('failed', link, `Could not show ${what} in the AWS view: ${found.problem}`);
  try {
    await deps.awsView.reveal(found.found.node, { select: true, focus: true, expand: false });
  } catch (error) {
    return fail('failed', link, `Could not show ${what} in the AWS view: ${(error as Error).message}`);
  }
  const actions = await functionActions(found.found.fn, session, target.qualifier);
  const shown = target.qualifier && target.qualifier !== '$LATEST' ? `${target.name}:${target.qualifier}` : target.name;
  void offerFunctionActions(`${shown} (profile "${session.profile}", ${session.region}) is selected in the AWS view.`, actions, shown);
  return { status: 'revealed', link, session, name: target.name, ...(target.qualifier ? { qualifier: target.qualifier } : {}), node: found.found.node, actions };
}

function describeTarget(target: FunctionLinkTarget): string {
  if (target.qualifier === undefined || target.qualifier === '$LATEST') return `Function "${target.name}"`;
  return `${/^\d+$/.test(target.qualifier) ? 'Version' : 'Alias'} "${target.qualifier}" of function "${target.name}"`;
}

function fail(status: 'refused' | 'not-found' | 'failed', link: string, message: string): LinkOutcome {
  void vscode.window.showErrorMessage(message);
  return { status, link, message };
}
