import * as path from 'node:path';
import { CLI_WORDS, describeAwsError } from '../../core/aws/errors';
import { DEFAULT_CHAIN, type AwsSession } from '../../core/aws/sessions';
import { LambdaClient } from '../../core/lambda/functions';
import { codePackage, type CodePackage } from '../../core/lambda/deploy/codePackage';
import { bytes } from '../../core/format';
import { deployCode, planDeploy, type DeployPlan } from '../../core/lambda/deploy/deployCode';
import { deployedFunctionsOf } from '../../core/lambda/deploy/deployedFunctionOf';
import { aliasProblem } from '../../core/lambda/deploy/deployedMatch';
import { downloadPackage } from '../../core/lambda/packageDownload';
import { ConcurrentChangeError } from '../../core/lambda/deploy/revisionGuard';
import { deployableCode } from '../../core/local/build/deployableCode';
import { markPulledCodeDeployed } from '../../core/local/pulled/pullFunction';
import { defaultCacheDir } from '../../core/local/cacheDir';
import { RuntimeSetupError } from '../../core/local/runtimes/runtimeSetupError';
import type { CliIo } from '../io';
import { cliTarget, type CliTarget, type TargetOptions } from '../deployTarget';

export interface DeployCliOptions extends TargetOptions {
  readonly code?: string;
  readonly publish?: boolean;
  readonly alias?: string;
  readonly yes?: boolean;
}

const USAGE = 'Usage: serverless-explorer deploy <function> [--code <dir|zip>] [--publish] [--alias a] [--yes] [--profile p] [--region r] [--endpoint-url url]';

function usage(io: CliIo, message: string): number {
  io.err(`serverless-explorer: ${message}\n${USAGE}\n`);
  return 2;
}

/**
 * `deploy <function>`: the code of a folder or a .zip (or a local function's code, built as sam build would)
 * uploaded to a deployed function. What changes is printed on stderr first; a function changed since it was read,
 * or one that looks like production without --yes, is refused.
 */
export async function deployCommand(target: string | undefined, options: DeployCliOptions, io: CliIo): Promise<number> {
  if (!target) return usage(io, 'deploy needs a function: its name or ARN in AWS, or the name of a function in this folder\'s templates.');
  if (options.alias !== undefined) {
    const problem = aliasProblem(options.alias);
    if (problem) return usage(io, `--alias: ${problem}.`);
  }
  const resolved = await cliTarget(target, options, io);
  if (typeof resolved === 'number') return resolved;
  try {
    return await deploy(target, resolved, options, io);
  } finally {
    resolved.factory.dispose();
  }
}

async function deploy(target: string, resolved: CliTarget, options: DeployCliOptions, io: CliIo): Promise<number> {
  const { session, factory, local } = resolved;
  const client = factory.client(LambdaClient, session);
  const where = placeOf(session);
  if (!local && !options.code) return usage(io, `"${target}" is not a function of this folder's templates, so give the code to deploy to it: --code <dir|zip>.`);

  let functionName = resolved.deployed ?? '';
  if (local) {
    let names: string[];
    try {
      names = await deployedFunctionsOf(client, local);
    } catch (error) {
      return awsFailure(io, error, resolved, target, 'list the functions (lambda:ListFunctions)');
    }
    if (names.length === 0) {
      io.err(`serverless-explorer: ${local.name} has no function in AWS (${where}) named by its template or as CloudFormation names it (<stack>-${local.origin?.id ?? local.name}-<suffix>): deploy it with your deployment tool first, or give its name in AWS: serverless-explorer deploy <name> --code <dir|zip>.\n`);
      return 1;
    }
    if (names.length > 1) {
      io.err(`serverless-explorer: ${local.name} may be any of ${names.length} deployed functions: ${names.join(', ')}. Choose one: serverless-explorer deploy <name> --code ${options.code ?? path.relative(options.cwd, local.codeDir) ?? '.'}\n`);
      return 1;
    }
    functionName = names[0];
  }

  let location = options.code ? path.resolve(options.cwd, options.code) : '';
  let built = false;
  if (!options.code && local) {
    try {
      const code = await deployableCode(local, { cacheDir: defaultCacheDir(io.env as NodeJS.ProcessEnv) });
      location = code.location;
      built = code.built;
    } catch (error) {
      if (!(error instanceof RuntimeSetupError)) throw error;
      io.err(`serverless-explorer: ${local.name}: building it failed: ${error.message}\n`);
      return 1;
    }
  }
  let pkg: CodePackage;
  try {
    pkg = await codePackage(location);
  } catch (error) {
    return usage(io, `--code: ${(error as Error).message.replace(location, options.code ?? location)}`);
  }

  let plan: DeployPlan;
  try {
    plan = await planDeploy(client, functionName, pkg, { download: (url, signal) => downloadPackage(url, signal), alias: options.alias });
  } catch (error) {
    if (!(error as { $metadata?: unknown }).$metadata) {
      io.err(`serverless-explorer: ${(error as Error).message}\n`);
      return 1;
    }
    return awsFailure(io, error, resolved, functionName, 'read the function (lambda:GetFunction)');
  }
  const from = options.code ?? (built ? `${path.relative(options.cwd, local!.codeDir) || '.'} (built with esbuild)` : path.relative(options.cwd, location) || '.');
  io.err(`Deploying ${from} to ${plan.snapshot.name} (${where}):\n${describePlan(plan)}`);
  if (plan.production && !options.yes) {
    io.err(`serverless-explorer: ${plan.snapshot.name} looks like production (${plan.production}): nothing was deployed. Pass --yes to deploy to it anyway.\n`);
    return 1;
  }
  try {
    const result = await deployCode(client, plan, { publish: options.publish, alias: options.alias, onProgress: (message) => io.err(`${message}\n`) });
    // A pulled copy whose code/ went back: its function.json now says so (no re-download, no edits to guard).
    if (local && !options.code && result.updated) await markPulledCodeDeployed(local, result.codeSha256);
    io.err(result.updated ? `Deployed: CodeSha256 ${result.codeSha256}${result.version ? `, version ${result.version}` : ''}${result.alias ? `, alias ${result.alias}` : ''}.\n` : `Nothing was uploaded${result.version ? `; version ${result.version}${result.alias ? `, alias ${result.alias}` : ''}` : ''}.\n`);
    io.out(`${JSON.stringify({ name: result.name, codeSha256: result.codeSha256, codeSize: result.codeSize, ...(result.version ? { version: result.version } : {}), ...(result.alias ? { alias: result.alias } : {}), revisionId: result.revisionId ?? null, updated: result.updated })}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ConcurrentChangeError) {
      io.err(`serverless-explorer: ${error.message}\n`);
      return 1;
    }
    if (!(error as { $metadata?: unknown }).$metadata) {
      io.err(`serverless-explorer: ${(error as Error).message}\n`);
      return 1;
    }
    return awsFailure(io, error, resolved, functionName, 'update its code (lambda:UpdateFunctionCode)');
  }
}

/** The diff as lines for a terminal: + added, ~ changed, - removed, then the package size before → after. */
export function describePlan(plan: DeployPlan): string {
  const lines: string[] = plan.package.leftOut.map((name) => `  Left out: ${name} (a symbolic link to outside the folder, which would not exist in Lambda)`);
  if (plan.unchanged) return `${[...lines, `  Nothing changed: the package is the one deployed (CodeSha256 ${plan.package.codeSha256}).`].join('\n')}\n`;
  if (plan.diff) {
    for (const e of plan.diff.added) lines.push(`  + ${e.name}  (${bytes(e.size)})`);
    for (const e of plan.diff.changed) lines.push(`  ~ ${e.name}  (${bytes(e.before)} → ${bytes(e.size)})`);
    for (const e of plan.diff.removed) lines.push(`  - ${e.name}  (${bytes(e.size)})`);
    lines.push(`  ${plan.diff.added.length} added, ${plan.diff.changed.length} changed, ${plan.diff.removed.length} removed, ${plan.diff.unchangedCount} unchanged`);
  } else {
    lines.push(`  Which files change is not known: ${plan.diffProblem ?? 'the deployed package could not be read'}.`);
  }
  lines.push(`  Package ${bytes(plan.before.codeSize)} → ${bytes(plan.package.zip.length)}`);
  return `${lines.join('\n')}\n`;
}

/** "us-east-1", or "us-east-1, profile dev" when a profile was chosen. */
export function placeOf(session: AwsSession): string {
  return session.profile === DEFAULT_CHAIN ? session.region : `${session.region}, profile ${session.profile}`;
}

export function awsFailure(io: CliIo, error: unknown, resolved: CliTarget, name: string, action: string): number {
  const problem = describeAwsError(error, resolved.session, action, resolved.endpointUrl, CLI_WORDS);
  io.err(`serverless-explorer: ${name} in ${resolved.session.region}: ${problem.title}. ${problem.detail}\n`);
  return 1;
}
