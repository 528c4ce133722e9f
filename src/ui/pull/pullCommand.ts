import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DeployedFunction } from '../../core/lambda/deployedFunction';
import { shownValue } from '../../core/lambda/secretValues';
import type { LayerFetcher } from '../../core/local/layers/layerFetcher';
import type { LocalFunctionDefinition } from '../../core/local/types';
import type { AwsConnection } from '../aws/awsConnection';
import { awsSdk, lambdaSdk, localSdk } from '../aws/sdk';
import { AliasNode, FunctionNode, VersionNode } from '../explorer/nodes/lambdaNodes';
import { pickFunction, type PickedFunction } from '../invoke/pickFunction';
import { runCredentials } from '../local/localCredentials';
import type { WorkspaceFunctionsService } from '../local/workspaceFunctionsService';

/** For callers other than a person (tests, the URI handler, Replay): what to skip asking. */
export interface PullOptions {
  /** A version or alias; default $LATEST. */
  readonly qualifier?: string;
  /** A folder to pull into, "workspace" (the first workspace folder's .serverless-explorer/pulled/<name>) or "cache" (the extension's storage); default: asked. */
  readonly destination?: string;
  /** How its local runs get credentials; default: asked when the function has an execution role and was not pulled there before. */
  readonly credentials?: 'profile' | 'executionRole';
  /** What to do when it is there: nothing (return), or offer Invoke Locally / Debug Locally (default). */
  readonly quiet?: boolean;
}

export type PullOutcome = { readonly status: 'pulled'; readonly definition: LocalFunctionDefinition; readonly downloaded: boolean } | { readonly status: 'failed'; readonly message: string } | { readonly status: 'cancelled' };

const CANCELLED: PullOutcome = { status: 'cancelled' };

/**
 * `serverlessExplorer.pullFunction`: a deployed function's code, configuration and layers into
 * `<folder>/.serverless-explorer/pulled/<name>` (or the extension's storage), changing nothing in AWS; it then shows
 * in Local Functions, where Invoke Locally and Debug Locally run it with the deployed configuration.
 */
export async function pullCommand(aws: AwsConnection, workspace: WorkspaceFunctionsService, target?: unknown, options: PullOptions = {}): Promise<PullOutcome> {
  const fromNode = qualifiedTarget(target);
  const picked = fromNode ?? asPicked(target) ?? (await pickFunction(aws, 'Pull which function to run and debug locally?'));
  if (!picked) return CANCELLED;
  const { session } = picked;
  const name = picked.fn.name;
  const qualifier = options.qualifier || fromNode?.qualifier || undefined;
  const badQualifier = qualifier && localSdk().qualifierProblem(qualifier);
  if (badQualifier) return failed(`Could not pull ${name}: ${badQualifier}`);
  let deployed: DeployedFunction;
  try {
    deployed = await lambdaSdk().getDeployedFunction(aws.clients.client(lambdaSdk().LambdaClient, session), name, qualifier);
  } catch (error) {
    const problem = awsSdk().describeAwsError(error, session, `read ${name} (lambda:GetFunction)`, aws.clients.endpointUrl);
    return failed(`Could not pull ${name}: ${problem.title}. ${problem.detail}`);
  }
  if (deployed.packageType === 'Image') {
    return failed(`${name} is a container image function: its code is an image in ECR, not a package that runs here. Run the image with Docker, or pull a .zip function.`);
  }
  const dir = await chooseFolder(workspace, localSdk().pulledFolderName(deployed.name, qualifier), options.destination);
  if (!dir) return CANCELLED;
  const recordExists = await vscode.workspace.fs.stat(vscode.Uri.file(path.join(dir, 'function.json'))).then(() => true, () => false);
  const credentials = options.credentials ?? (recordExists ? undefined : await chooseCredentials(deployed, session.profile));
  if (credentials === null) return CANCELLED;

  let definition: LocalFunctionDefinition;
  let downloaded: boolean;
  try {
    ({ definition, downloaded } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Pulling ${deployed.name} (${deployed.version}) from ${session.profile} · ${session.region}…`, cancellable: true },
      async (_progress, token) => {
        const controller = new AbortController();
        const listener = token.onCancellationRequested(() => controller.abort(new Error('the pull was cancelled')));
        try {
          const pulled = await localSdk().pullFunction(deployed, {
            dir,
            download: localSdk().downloadPackage,
            qualifier,
            from: session,
            ...(credentials ? { credentials } : {}),
            ...(workspace.cacheDir ? { layers: { cacheDir: workspace.cacheDir, fetchLayer: layerFetcher(aws, session.profile) } } : {}),
            signal: controller.signal,
          });
          await localSdk().keepOutOfGit(dir);
          return pulled;
        } finally {
          listener.dispose();
        }
      },
    ));
  } catch (error) {
    return failed(`Could not pull ${name}: ${(error as Error).message}`);
  }
  if (definition.credentials?.assumeRole) {
    // Said now, not at the first run: the role's trust policy may not let the profile assume it.
    const problem = await runCredentials(definition).then(() => undefined, (error: Error) => error.message);
    if (problem) {
      const answer = await vscode.window.showWarningMessage(`${deployed.name} is pulled, but ${problem}`, 'Use the Profile’s Credentials');
      if (answer) ({ definition } = await localSdk().pullFunction(deployed, { dir, download: localSdk().downloadPackage, credentials: 'profile' }));
    }
  }
  workspace.refresh();
  if (!options.quiet) void offerRun(deployed, definition, dir, downloaded);
  return { status: 'pulled', definition, downloaded };
}

function failed(message: string): PullOutcome {
  void vscode.window.showErrorMessage(message);
  return { status: 'failed', message };
}

/** A function node, or a version's or alias's: the function, at that qualifier. */
function qualifiedTarget(target: unknown): (PickedFunction & { qualifier?: string }) | undefined {
  if (target instanceof FunctionNode) return { session: target.session, fn: target.fn };
  if (target instanceof VersionNode || target instanceof AliasNode) {
    const arn = /^(arn:[^:]+:lambda:[^:]+:\d{12}:function:[^:]+):(.+)$/.exec(target.arn ?? '');
    if (arn) return { session: target.session, fn: { name: arn[1].split(':').pop()!, arn: arn[1] } as PickedFunction['fn'], qualifier: arn[2] };
  }
  return undefined;
}

function asPicked(target: unknown): PickedFunction | undefined {
  const { session, fn } = (target ?? {}) as { session?: { profile?: unknown; region?: unknown }; fn?: { name?: unknown; arn?: unknown } };
  return typeof session?.profile === 'string' && typeof session.region === 'string' && typeof fn?.name === 'string' ? (target as PickedFunction) : undefined;
}

function layerFetcher(aws: AwsConnection, profile: string): LayerFetcher {
  return lambdaSdk().layerDownloader({ factory: aws.clients, profile, profileChoice: `of ${profile}, the profile it is pulled with` });
}

/** The folder it goes into: a workspace folder's .serverless-explorer/pulled/<name>, or the extension's storage. */
async function chooseFolder(workspace: WorkspaceFunctionsService, name: string, destination: string | undefined): Promise<string | undefined> {
  const cache = workspace.pulledCacheDir && path.join(workspace.pulledCacheDir, name);
  const folders = vscode.workspace.workspaceFolders ?? [];
  const inFolder = (folder: vscode.WorkspaceFolder) => path.join(folder.uri.fsPath, '.serverless-explorer', 'pulled', name);
  if (destination === 'cache' || (destination === 'workspace' && folders.length === 0)) return cache;
  if (destination === 'workspace') return inFolder(folders[0]);
  if (destination) return path.resolve(destination);
  if (folders.length === 0) return cache;
  const items = [
    ...folders.map((folder) => ({ label: `$(folder) ${folder.name}`, description: path.join('.serverless-explorer', 'pulled', name), detail: 'In the workspace, kept out of git (.serverless-explorer/.gitignore)', dir: inFolder(folder) })),
    ...(cache ? [{ label: '$(archive) Extension storage', description: 'outside the workspace', detail: 'Listed in Local Functions in every window', dir: cache }] : []),
  ];
  return (await vscode.window.showQuickPick(items, { title: `Pull ${name} into…` }))?.dir;
}

/** Whose credentials its local runs get: the profile's own, or its execution role assumed with them (null: cancelled). */
async function chooseCredentials(deployed: DeployedFunction, profile: string): Promise<'profile' | 'executionRole' | undefined | null> {
  if (!deployed.role) return undefined;
  const choice = await vscode.window.showQuickPick(
    [
      { label: `Profile ${profile}'s credentials`, detail: 'What you can do, not what the function may do', value: 'profile' as const },
      { label: 'Its execution role', description: deployed.role, detail: 'Assumed with the profile (sts:AssumeRole) when it runs: what it can do in Lambda. The role’s trust policy must allow you.', value: 'executionRole' as const },
    ],
    { title: `Run ${deployed.name} locally with which credentials?` },
  );
  return choice ? choice.value : null;
}

async function offerRun(deployed: DeployedFunction, definition: LocalFunctionDefinition, dir: string, downloaded: boolean): Promise<void> {
  const variables = Object.entries(deployed.environment);
  const hidden = variables.filter(([n, v]) => shownValue(n, v) !== v).length;
  const where = vscode.workspace.asRelativePath(dir);
  const summary = `${downloaded ? 'Pulled' : 'Up to date:'} ${deployed.name} (${deployed.version}, ${deployed.runtime}, ${deployed.memoryMb ?? 128} MB, ${deployed.timeoutSeconds ?? 3} s, ${variables.length} environment variable${variables.length === 1 ? '' : 's'}${hidden ? `, ${hidden} hidden as secrets` : ''}${deployed.layers.length ? `, ${deployed.layers.length} layer${deployed.layers.length === 1 ? '' : 's'}` : ''}) into ${where}.`;
  void vscode.commands.executeCommand('serverlessExplorer.local.focus');
  const action = await vscode.window.showInformationMessage(summary, 'Debug Locally', 'Invoke Locally', 'Open Handler');
  if (action === 'Debug Locally') await vscode.commands.executeCommand('serverlessExplorer.debugLocal', definition);
  else if (action === 'Invoke Locally') await vscode.commands.executeCommand('serverlessExplorer.invokeLocal', undefined, { definition });
  else if (action === 'Open Handler') {
    const file = localSdk().localRuntime(definition.runtime)?.entryFile(definition);
    if (file) await vscode.window.showTextDocument(vscode.Uri.file(file));
  }
}
