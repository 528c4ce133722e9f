import * as vscode from 'vscode';
import { describeAwsError } from '../../core/aws/errors';
import type { CodePackage } from '../../core/lambda/deploy/codePackage';
import type { DeployPlan, DeployResult } from '../../core/lambda/deploy/deployCode';
import { aliasProblem, deployedCandidates } from '../../core/lambda/deploy/deployedMatch';
import { looksLikeProduction } from '../../core/lambda/production';
import { deployRunsProjectCode } from '../../core/local/build/deployRunsProjectCode';
import { defaultCacheDir } from '../../core/local/cacheDir';
import type { LocalFunctionDefinition } from '../../core/local/types';
import type { AwsConnection } from '../aws/awsConnection';
import { deploySdk, lambdaSdk } from '../aws/sdk';
import type { WorkspaceFunctionsService } from '../local/workspaceFunctionsService';
import { refuseInRestrictedMode } from '../shell/workspaceTrust';
import { LocalFunctionItem } from '../explorer/localFunctionsTree';
import { changesPick } from './changesPick';
import { confirmChange } from './confirmChange';
import { deployTargetOf, type DeployTarget } from './deployTarget';

/** For callers other than a person (tests, keybindings): what to skip asking. */
export interface DeployCodeOptions {
  /** A folder or a .zip: no picker. */
  readonly code?: string;
  /** After the deploy: true publishes (and moves `alias` if given), false offers nothing; absent, offered. */
  readonly publish?: boolean;
  readonly alias?: string;
}

export type DeployOutcome =
  | { readonly status: 'deployed' | 'unchanged'; readonly result: DeployResult }
  | { readonly status: 'refused' | 'failed'; readonly message: string }
  | { readonly status: 'cancelled' };

const CANCELLED: DeployOutcome = { status: 'cancelled' };
const PUBLISH = 'Publish Version';
const MOVE_ALIAS = 'Publish and Move Alias…';

/**
 * `serverlessExplorer.deployCode`: which function, which code, what changes (a quick pick whose first item deploys),
 * the production question, the guarded deploy with a cancellable progress, then Publish Version / Move Alias.
 */
export async function deployCodeCommand(aws: AwsConnection, workspace: WorkspaceFunctionsService, target: unknown, options: DeployCodeOptions = {}): Promise<DeployOutcome> {
  // Refused before anything is looked up: deploying it would run the project's esbuild.
  if (target instanceof LocalFunctionItem && deployRunsProjectCode(target.definition)) {
    const refusal = refuseInRestrictedMode(restrictedWhat(target.definition));
    if (refusal) return refusal;
  }
  const to = await deployTargetOf(aws, target, 'Deploy code to which function?');
  if (!to) return CANCELLED;
  const code: ChosenCode | undefined = options.code ? { location: options.code } : await chooseCode(workspace, to);
  if (!code) return CANCELLED;
  const local = code.local;
  if (local && deployRunsProjectCode(local)) {
    const refusal = refuseInRestrictedMode(restrictedWhat(local));
    if (refusal) return refusal;
  }
  const client = aws.clients.client(lambdaSdk().LambdaClient, to.session);
  const where = `${to.session.profile} · ${to.session.region}`;

  let plan: DeployPlan;
  try {
    plan = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Comparing with ${to.name}…`, cancellable: true }, async (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      let location = code.location;
      if (local) {
        progress.report({ message: deployRunsProjectCode(local) ? 'building it with esbuild…' : 'zipping its code…' });
        location = (await deploySdk().deployableCode(local, { cacheDir: workspace.cacheDir ?? defaultCacheDir(), signal: controller.signal })).location;
      }
      const pkg: CodePackage = await deploySdk().codePackage(location, controller.signal);
      progress.report({ message: 'reading the deployed package…' });
      return deploySdk().planDeploy(client, to.name, pkg, { download: (url, signal) => deploySdk().downloadPackage(url, signal), alias: options.alias, signal: controller.signal });
    });
  } catch (error) {
    return failed(error, to, 'read the function (lambda:GetFunction)', aws);
  }

  if (plan.unchanged && !options.publish) {
    void vscode.window.showInformationMessage(`Nothing to deploy: ${to.name} (${where}) already runs this code (CodeSha256 ${plan.package.codeSha256}).`);
    return { status: 'unchanged', result: { name: plan.snapshot.name, codeSha256: plan.before.codeSha256, codeSize: plan.before.codeSize, ...(plan.snapshot.revisionId ? { revisionId: plan.snapshot.revisionId } : {}), updated: false } };
  }
  if (!plan.unchanged && !(await changesPick(plan, `Deploy ${describeSource(code)} to ${to.name} (${where})?`))) return CANCELLED;
  if (!(await confirmChange(`Deploy new code to ${to.name} (${where})?`, plan.production, 'Deploy'))) return CANCELLED;

  let result: DeployResult;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Deploying to ${to.name}`, cancellable: true }, (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return deploySdk().deployCode(client, plan, { publish: options.publish, alias: options.publish ? options.alias : undefined, onProgress: (message) => progress.report({ message }), signal: controller.signal });
    });
  } catch (error) {
    if (error instanceof deploySdk().ConcurrentChangeError) {
      void vscode.window.showErrorMessage(error.message, 'Look Again').then((choice) => {
        if (choice === 'Look Again') void deployCodeCommand(aws, workspace, to, { ...options, code: code.location });
      });
      return { status: 'refused', message: error.message };
    }
    return failed(error, to, 'update its code (lambda:UpdateFunctionCode)', aws);
  }
  // A pulled copy whose code/ went back: its function.json now says so (no re-download, no edits to guard).
  if (local && result.updated) await deploySdk().markPulledCodeDeployed(local, result.codeSha256);
  const done = `Deployed to ${to.name}: CodeSha256 ${result.codeSha256}${result.version ? `, version ${result.version}` : ''}${result.alias ? `, alias ${result.alias}` : ''}.`;
  if (options.publish !== undefined) void vscode.window.showInformationMessage(done);
  else void offerPublish(aws, to, result, done);
  return { status: 'deployed', result };
}

function restrictedWhat(local: LocalFunctionDefinition): string {
  return `Deploy Code of ${local.name} (it builds the function with the project's esbuild)`;
}

interface ChosenCode {
  readonly location: string;
  /** The local function whose code it is (built first when it is an esbuild function). */
  readonly local?: LocalFunctionDefinition;
}

function describeSource(code: ChosenCode): string {
  return code.local ? code.local.name : vscode.workspace.asRelativePath(code.location);
}

/** The local functions that are this deployed one (by name or CloudFormation's), else a folder or .zip to choose. */
async function chooseCode(workspace: WorkspaceFunctionsService, to: DeployTarget): Promise<ChosenCode | undefined> {
  if (to.local) return { location: to.local.codeDir, local: to.local };
  const locals = (await workspace.functions().catch(() => [])).filter((f) => deployedCandidates(f, [to.name]).length > 0);
  const browse = { label: '$(folder-opened) Choose a folder or .zip…', description: '', local: undefined as LocalFunctionDefinition | undefined };
  if (locals.length > 0) {
    const choice = await vscode.window.showQuickPick(
      [...locals.map((f) => ({ label: f.name, description: `${deployRunsProjectCode(f) ? 'built with esbuild from ' : ''}${vscode.workspace.asRelativePath(f.codeDir)}`, local: f as LocalFunctionDefinition | undefined })), browse],
      { title: `Deploy which code to ${to.name}?` },
    );
    if (!choice) return undefined;
    if (choice.local) return { location: choice.local.codeDir, local: choice.local };
  }
  const picked = await vscode.window.showOpenDialog({
    title: `Code to deploy to ${to.name}: a folder or a .zip`,
    canSelectFiles: true,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: 'Deploy This',
  });
  return picked?.[0] ? { location: picked[0].fsPath } : undefined;
}

/** After a deploy: Publish Version, or publish and move an alias (an existing one, or a new name). */
async function offerPublish(aws: AwsConnection, to: DeployTarget, result: DeployResult, done: string): Promise<void> {
  const choice = await vscode.window.showInformationMessage(done, PUBLISH, MOVE_ALIAS);
  if (!choice) return;
  const client = aws.clients.client(lambdaSdk().LambdaClient, to.session);
  let alias: string | undefined;
  if (choice === MOVE_ALIAS) {
    const aliases = await lambdaSdk().listAliases(client, to.name).catch(() => []);
    const other = { label: '$(add) A new alias…', name: undefined as string | undefined };
    const picked = await vscode.window.showQuickPick([...aliases.map((a) => ({ label: a.name, description: `→ version ${a.version}`, name: a.name as string | undefined })), other], { title: `Move which alias of ${to.name} to the new version?` });
    if (!picked) return;
    alias = picked.name ?? (await vscode.window.showInputBox({ title: `New alias of ${to.name}`, prompt: 'Letters, digits, - and _', validateInput: (value) => aliasProblem(value) }));
    if (!alias) return;
    if (!(await confirmChange(`Point the alias ${alias} of ${to.name} at the new version?`, looksLikeProduction(to.name, alias), 'Move Alias'))) return;
  }
  try {
    const version = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Publishing ${to.name}…` }, () =>
      deploySdk().publishVersion(client, { name: to.name, codeSha256: result.codeSha256, ...(result.revisionId ? { revisionId: result.revisionId } : {}) }, alias),
    );
    void vscode.window.showInformationMessage(`${to.name}: version ${version} published${alias ? `, alias ${alias} points at it` : ''}.`);
  } catch (error) {
    await failed(error, to, 'publish a version (lambda:PublishVersion)', aws);
  }
}

function failed(error: unknown, to: DeployTarget, action: string, aws: AwsConnection): DeployOutcome {
  const message = (error as { $metadata?: unknown }).$metadata
    ? (({ title, detail }) => `${title}: ${detail}`)(describeAwsError(error, to.session, action, aws.clients.endpointUrl))
    : `${to.name}: ${(error as Error).message}`;
  if ((error as Error).name === 'AbortError') return CANCELLED;
  void vscode.window.showErrorMessage(message);
  return { status: 'failed', message };
}
