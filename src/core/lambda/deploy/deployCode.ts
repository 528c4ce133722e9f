import {
  CreateAliasCommand,
  GetAliasCommand,
  GetFunctionCommand,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { functionTags } from '../invoke';
import { looksLikeProduction } from '../production';
import type { CodePackage } from './codePackage';
import { diffPackages, hasChanges, type PackageDiff } from './packageDiff';
import { readPackageEntries } from './packageEntries';
import { asConcurrentChange, checkUnchanged, snapshotOf, type FunctionSnapshot } from './revisionGuard';
import { waitForUpdate } from './waitForUpdate';

/** What deploying a package to a function would change, read before anything is changed. */
export interface DeployPlan {
  readonly snapshot: FunctionSnapshot;
  readonly package: CodePackage;
  readonly before: { readonly codeSha256: string; readonly codeSize: number };
  /** File by file, when the deployed package could be downloaded. */
  readonly diff?: PackageDiff;
  /** Why there is no diff (the download failed, a container image…). */
  readonly diffProblem?: string;
  /** The same CodeSha256, or the same files: deploying would change nothing. */
  readonly unchanged: boolean;
  /** Why the function looks like production (its name, the alias to move, its tags), if it does. */
  readonly production?: string;
}

export interface PlanOptions {
  /** Fetches the deployed package at its presigned link. */
  readonly download: (location: string, signal?: AbortSignal) => Promise<Buffer>;
  /** The alias the deploy will move: part of what looks like production. */
  readonly alias?: string;
  readonly signal?: AbortSignal;
}

/** Reads the function (GetFunction, its tags) and its deployed package, and compares the new package with it. */
export async function planDeploy(client: LambdaClient, functionName: string, pkg: CodePackage, options: PlanOptions): Promise<DeployPlan> {
  const { Configuration: configuration = {}, Code: code = {}, Tags: tags } = await client.send(new GetFunctionCommand({ FunctionName: functionName }), { abortSignal: options.signal });
  const snapshot = snapshotOf(configuration, functionName);
  if (configuration.PackageType === 'Image') {
    throw new Error(`${snapshot.name} is a container image function: its code is an image in ECR, so a .zip cannot be deployed to it (push a new image and update its ImageUri with your deployment tool).`);
  }
  const before = { codeSha256: configuration.CodeSha256 ?? '', codeSize: configuration.CodeSize ?? 0 };
  let diff: PackageDiff | undefined;
  let diffProblem: string | undefined;
  if (before.codeSha256 === pkg.codeSha256) {
    diff = { added: [], changed: [], removed: [], unchangedCount: pkg.entries.length };
  } else if (!code.Location) {
    diffProblem = 'GetFunction gave no link to the deployed package';
  } else {
    try {
      diff = diffPackages(await readPackageEntries(await options.download(code.Location, options.signal)), pkg.entries);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      diffProblem = `the deployed package could not be read (${(error as Error).message})`;
    }
  }
  const allTags = tags ?? (await functionTags(client, snapshot.arn, options.signal).catch(() => ({})));
  const production = looksLikeProduction(snapshot.name, options.alias, allTags);
  return {
    snapshot,
    package: pkg,
    before,
    ...(diff ? { diff } : {}),
    ...(diffProblem ? { diffProblem } : {}),
    unchanged: before.codeSha256 === pkg.codeSha256 || (diff !== undefined && !hasChanges(diff)),
    ...(production ? { production } : {}),
  };
}

export interface DeployOptions {
  /** Publish a version of the new code (guarded by its CodeSha256 and the update's RevisionId). */
  readonly publish?: boolean;
  /** Create or move this alias to the published version (implies publish). */
  readonly alias?: string;
  /** Each step, for a progress line or notification. */
  readonly onProgress?: (message: string) => void;
  readonly signal?: AbortSignal;
}

export interface DeployResult {
  readonly name: string;
  readonly codeSha256: string;
  readonly codeSize: number;
  readonly revisionId?: string;
  readonly version?: string;
  readonly alias?: string;
  /** False when the package was the deployed one: no UpdateFunctionCode was made. */
  readonly updated: boolean;
}

/**
 * Deploys the planned package: refuses if the function changed since the plan was read (our check, then Lambda's
 * RevisionId), UpdateFunctionCode, waits for LastUpdateStatus Successful, then publishes and moves the alias if asked.
 * An unchanged package is not uploaded again.
 */
export async function deployCode(client: LambdaClient, plan: DeployPlan, options: DeployOptions = {}): Promise<DeployResult> {
  const { snapshot } = plan;
  const name = snapshot.name;
  const progress = options.onProgress ?? (() => undefined);
  let codeSha256 = plan.before.codeSha256;
  let codeSize = plan.before.codeSize;
  let revisionId = snapshot.revisionId;
  if (!plan.unchanged) {
    progress('Checking that nobody changed it since…');
    await checkUnchanged(client, snapshot, options.signal);
    progress(`Uploading ${plan.package.entries.length} files…`);
    const updated = await client
      .send(new UpdateFunctionCodeCommand({ FunctionName: snapshot.arn || name, ZipFile: plan.package.zip, ...(snapshot.revisionId ? { RevisionId: snapshot.revisionId } : {}) }), { abortSignal: options.signal })
      .catch((error: unknown) => Promise.reject(asConcurrentChange(error, name)));
    progress('Waiting until Lambda has applied it…');
    await waitForUpdate(client, snapshot.arn || name, options.signal, name);
    codeSha256 = updated.CodeSha256 ?? plan.package.codeSha256;
    codeSize = updated.CodeSize ?? plan.package.zip.length;
    revisionId = (await client.send(new GetFunctionCommand({ FunctionName: snapshot.arn || name }), { abortSignal: options.signal })).Configuration?.RevisionId ?? updated.RevisionId;
  }
  let version: string | undefined;
  if (options.publish || options.alias) {
    progress('Publishing a version…');
    version = await publishVersion(client, { name: snapshot.arn || name, codeSha256, revisionId }, options.alias, options.signal);
  }
  return { name, codeSha256, codeSize, ...(revisionId ? { revisionId } : {}), ...(version ? { version } : {}), ...(options.alias ? { alias: options.alias } : {}), updated: !plan.unchanged };
}

/**
 * Publishes a version of the code just deployed (PublishVersion refuses when the code or the RevisionId is no longer
 * the one given), then creates the alias at it or moves the alias there. Returns the version.
 */
export async function publishVersion(client: LambdaClient, deployed: { name: string; codeSha256: string; revisionId?: string }, alias?: string, signal?: AbortSignal): Promise<string> {
  const published = await client
    .send(new PublishVersionCommand({ FunctionName: deployed.name, CodeSha256: deployed.codeSha256, ...(deployed.revisionId ? { RevisionId: deployed.revisionId } : {}) }), { abortSignal: signal })
    .catch((error: unknown) => Promise.reject(asConcurrentChange(error, deployed.name)));
  const version = published.Version ?? '';
  if (alias && version) await pointAlias(client, deployed.name, alias, version, signal);
  return version;
}

/** Creates the alias at the version, or moves it there (guarded by the alias's own RevisionId). */
async function pointAlias(client: LambdaClient, functionName: string, alias: string, version: string, signal?: AbortSignal): Promise<void> {
  let existing;
  try {
    existing = await client.send(new GetAliasCommand({ FunctionName: functionName, Name: alias }), { abortSignal: signal });
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceNotFoundException') throw error;
  }
  if (!existing) {
    await client.send(new CreateAliasCommand({ FunctionName: functionName, Name: alias, FunctionVersion: version }), { abortSignal: signal });
    return;
  }
  await client
    .send(new UpdateAliasCommand({ FunctionName: functionName, Name: alias, FunctionVersion: version, ...(existing.RevisionId ? { RevisionId: existing.RevisionId } : {}) }), { abortSignal: signal })
    .catch((error: unknown) => Promise.reject(asConcurrentChange(error, `the alias ${alias}`)));
}
