import * as path from 'node:path';
import { AwsClientFactory } from '../../core/aws/clients';
import { parseEndpointUrl } from '../../core/aws/endpoint';
import { CLI_WORDS, describeAwsError } from '../../core/aws/errors';
import { readProfiles } from '../../core/aws/profiles';
import { DEFAULT_CHAIN, regionsFor, selectProfiles } from '../../core/aws/sessions';
import { getDeployedFunction, type DeployedFunction } from '../../core/lambda/deployedFunction';
import { layerDownloader } from '../../core/lambda/layerDownload';
import { functionNameProblem, parseFunctionArn, qualifierProblem } from '../../core/lambda/identifiers';
import { LambdaClient } from '../../core/lambda/functions';
import { downloadPackage } from '../../core/lambda/packageDownload';
import { PULLED_RECORD, pulledFolderName, pullFunction, type PulledFunction } from '../../core/local/pulled/pullFunction';
import { keepOutOfGit, PULLED_DIR } from '../../core/local/pulled/pulledDiscovery';
import { defaultCacheDir } from '../../core/local/cacheDir';
import type { LayerFetcher } from '../../core/local/layers/layerFetcher';
import type { CliIo, CommonOptions } from '../io';

export interface PullCliOptions extends CommonOptions {
  readonly qualifier?: string;
  readonly dir?: string;
  readonly cwd: string;
}

/** A name, or the ARN's region and name (arn:aws:lambda:eu-west-1:123456789012:function:orders[:qualifier]); else what is wrong with it. */
function parseTarget(target: string): { name: string; region?: string; qualifier?: string } | { problem: string } {
  if (target.startsWith('arn:')) {
    const parsed = parseFunctionArn(target);
    if ('problem' in parsed) return parsed;
    const { name, region, qualifier } = parsed.arn;
    return { name, region, ...(qualifier ? { qualifier } : {}) };
  }
  const problem = functionNameProblem(target);
  return problem ? { problem: `${problem} Or give the function's ARN.` } : { name: target };
}

/** What `pull` brought down, for `pull` to print and `invoke --deployed` to run. */
export interface PulledCopy {
  readonly pulled: PulledFunction;
  readonly deployed: DeployedFunction;
  readonly dir: string;
}

/**
 * Brings the deployed function's code and configuration into a folder (by default .serverless-explorer/pulled/<name>
 * here), changing nothing in AWS; its layers go into the layer cache. An exit code when it could not (the error said).
 */
export async function pullDeployed(target: string, options: PullCliOptions, io: CliIo): Promise<PulledCopy | number> {
  const endpointUrl = parseEndpointUrl(options.endpointUrl);
  const wanted = parseTarget(target);
  if ('problem' in wanted) {
    io.err(`serverless-explorer: ${wanted.problem}\n`);
    return 2;
  }
  const selection = selectProfiles(await readProfiles(), { ...options, profiles: options.profiles.slice(0, 1) }, io.env);
  const profile = selection.profiles[0] ?? { name: DEFAULT_CHAIN, kind: 'environment' as const, source: 'environment' as const };
  if (selection.missing.length > 0) {
    io.err(`serverless-explorer: profile "${selection.missing[0]}" is not defined in the AWS config or credentials file.\n`);
    return 1;
  }
  const region = wanted.region ?? regionsFor(profile, options, io.env)[0];
  const session = { profile: profile.name, region };
  const qualifier = options.qualifier ?? wanted.qualifier;
  const badQualifier = qualifier !== undefined ? qualifierProblem(qualifier) : undefined;
  if (badQualifier) {
    io.err(`serverless-explorer: --qualifier: ${badQualifier}\n`);
    return 2;
  }
  const dir = path.resolve(options.cwd, options.dir ?? path.join(PULLED_DIR, pulledFolderName(wanted.name, qualifier)));
  const factory = new AwsClientFactory({ endpointUrl, connectTimeoutSeconds: options.connectTimeoutSeconds, requestTimeoutSeconds: options.requestTimeoutSeconds });
  try {
    let deployed;
    try {
      deployed = await getDeployedFunction(factory.client(LambdaClient, session), wanted.name, qualifier);
    } catch (error) {
      const problem = describeAwsError(error, session, 'read the function (lambda:GetFunction)', endpointUrl, CLI_WORDS);
      io.err(`serverless-explorer: ${wanted.name}${qualifier ? `:${qualifier}` : ''} in ${region}: ${problem.title}. ${problem.detail}\n`);
      return 1;
    }
    io.err(`Pulling ${deployed.name} (${deployed.version}, ${deployed.runtime ?? deployed.packageType}) from ${region}…\n`);
    const downloadLayer = layerDownloader({ factory, profile: profile.name, profileChoice: 'with --profile' });
    const fetchLayer: LayerFetcher = (arn, parsed, signal) => {
      io.err(`Downloading layer ${arn}…\n`);
      return downloadLayer(arn, parsed, signal);
    };
    let pulled;
    try {
      pulled = await pullFunction(deployed, { dir, download: downloadPackage, qualifier, from: session, layers: { cacheDir: defaultCacheDir(io.env), fetchLayer } });
    } catch (error) {
      io.err(`serverless-explorer: ${(error as Error).message}\n`);
      return 1;
    }
    const where = path.relative(options.cwd, dir) || '.';
    io.err(pulled.downloaded ? `Code in ${path.join(where, 'code')}, configuration in ${path.join(where, PULLED_RECORD)}.\n` : `${where} already holds this code (CodeSha256 ${deployed.codeSha256}); configuration updated.\n`);
    if (await keepOutOfGit(dir)) io.err('Its environment variables are the deployed values: .serverless-explorer/.gitignore now keeps the folder out of git.\n');
    return { pulled, deployed, dir };
  } finally {
    factory.dispose();
  }
}

/** `pull <function>`: pullDeployed, then the copy's name, version, CodeSha256 and folder as JSON on stdout. */
export async function pullCommand(target: string | undefined, options: PullCliOptions, io: CliIo): Promise<number> {
  if (!target) {
    io.err('serverless-explorer: pull needs a function: its name or ARN.\nUsage: serverless-explorer pull <function> [--qualifier q] [--dir d] [--profile p] [--region r] [--endpoint-url url]\n');
    return 2;
  }
  const copy = await pullDeployed(target, options, io);
  if (typeof copy === 'number') return copy;
  const { deployed, dir, pulled } = copy;
  io.out(`${JSON.stringify({ name: deployed.name, version: deployed.version, codeSha256: deployed.codeSha256, dir, downloaded: pulled.downloaded })}\n`);
  const where = path.relative(options.cwd, dir) || '.';
  io.err(`Run it: serverless-explorer invoke ${pulled.definition.name}${options.dir ? ` --template ${path.join(where, PULLED_RECORD)}` : ''} --event event.json\n`);
  return 0;
}
