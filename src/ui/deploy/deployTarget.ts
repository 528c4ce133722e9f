import * as vscode from 'vscode';
import type { AwsSession } from '../../core/aws/sessions';
import type { LocalFunctionDefinition } from '../../core/local/types';
import type { AwsConnection } from '../aws/awsConnection';
import { deploySdk, lambdaSdk } from '../aws/sdk';
import { FunctionNode } from '../explorer/nodes/lambdaNodes';
import { LocalFunctionItem } from '../explorer/localFunctionsTree';
import { pickFunction } from '../invoke/pickFunction';

/** The deployed function a deploy or an edit goes to, and the local function it came from, if any. */
export interface DeployTarget {
  readonly session: AwsSession;
  readonly name: string;
  readonly local?: LocalFunctionDefinition;
}

/** A plain `{ session, name }` (a test, a keybinding), recognised by its shape. */
function asTarget(target: unknown): DeployTarget | undefined {
  if (!target || typeof target !== 'object') return undefined;
  const { session, name } = target as { session?: { profile?: unknown; region?: unknown }; name?: unknown };
  return typeof session?.profile === 'string' && typeof session.region === 'string' && typeof name === 'string' ? (target as DeployTarget) : undefined;
}

/**
 * The deployed function of a function node, of a Local Functions item (looked for in every profile and region
 * selected: by its name in AWS, else as CloudFormation names it; several are the user's to choose), or picked.
 */
export async function deployTargetOf(aws: AwsConnection, target: unknown, title: string): Promise<DeployTarget | undefined> {
  if (target instanceof FunctionNode) return { session: target.session, name: target.fn.name };
  const plain = asTarget(target);
  if (plain) return plain;
  if (target instanceof LocalFunctionItem) return deployedOfLocal(aws, target.definition, title);
  const picked = await pickFunction(aws, title);
  return picked ? { session: picked.session, name: picked.fn.name } : undefined;
}

async function deployedOfLocal(aws: AwsConnection, local: LocalFunctionDefinition, title: string): Promise<DeployTarget | undefined> {
  const sessions = await aws.sessions();
  if (sessions.length === 0) {
    void vscode.window.showWarningMessage('No AWS profile is selected: open the Serverless Explorer AWS view to set one up.');
    return undefined;
  }
  const found = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Looking for ${local.name} in AWS…`, cancellable: true }, async (_progress, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    const lists = await Promise.all(
      sessions.map(async (session) => {
        const client = aws.clients.client(lambdaSdk().LambdaClient, session);
        const names = await deploySdk().deployedFunctionsOf(client, local, controller.signal).catch(() => [] as string[]);
        return names.map((name) => ({ session, name, local }));
      }),
    );
    return token.isCancellationRequested ? undefined : lists.flat();
  });
  if (!found) return undefined;
  if (found.length === 0) {
    const where = sessions.map((s) => `${s.profile} · ${s.region}`).join(', ');
    void vscode.window.showWarningMessage(
      `${local.name} has no function in AWS (${where}) named by its template${local.origin ? ` or as CloudFormation names it (<stack>-${local.origin.id}-<suffix>)` : ''}. Deploy it with your deployment tool first, or select the profile and region it is in.`,
    );
    return undefined;
  }
  if (found.length === 1) return found[0];
  const choice = await vscode.window.showQuickPick(
    found.map((t) => ({ label: t.name, description: `${t.session.profile} · ${t.session.region}`, target: t })),
    { title, placeHolder: `${local.name} may be any of these deployed functions` },
  );
  return choice?.target;
}
