import * as fs from 'node:fs';
import * as path from 'node:path';
import { AwsClientFactory } from '../core/aws/clients';
import { parseEndpointUrl } from '../core/aws/endpoint';
import { readProfiles } from '../core/aws/profiles';
import { DEFAULT_CHAIN, regionsFor, selectProfiles, type AwsSession } from '../core/aws/sessions';
import { findLocalFunction } from '../core/local/functionLookup';
import { readFunctionsIn, readWorkspaceFunctions } from '../core/local/sources/registry';
import type { LocalFunctionDefinition } from '../core/local/types';
import type { CliIo, CommonOptions } from './io';

export interface TargetOptions extends CommonOptions {
  readonly template?: string;
  readonly stage?: string;
  readonly cwd: string;
}

/** Where a deploy or a configuration edit goes: the AWS connection and, when the name is a local function's, that function. */
export interface CliTarget {
  readonly session: AwsSession;
  readonly factory: AwsClientFactory;
  readonly endpointUrl?: string;
  /** The name or ARN as given when it is a deployed function; undefined when `local` is to be mapped. */
  readonly deployed?: string;
  readonly local?: LocalFunctionDefinition;
}

const ARN = /^arn:[\w-]+:lambda:([\w-]+):\d{12}:function:([\w-]+)$/;

/**
 * A deployed name or ARN, or a local function's name (found as `invoke` finds it: its name, else its name in AWS).
 * Returns an exit code when the profile does not exist.
 */
export async function cliTarget(target: string, options: TargetOptions, io: CliIo): Promise<CliTarget | number> {
  const endpointUrl = parseEndpointUrl(options.endpointUrl);
  const selection = selectProfiles(await readProfiles(), { ...options, profiles: options.profiles.slice(0, 1) }, io.env);
  if (selection.missing.length > 0) {
    io.err(`serverless-explorer: profile "${selection.missing[0]}" is not defined in the AWS config or credentials file.\n`);
    return 1;
  }
  const profile = selection.profiles[0] ?? { name: DEFAULT_CHAIN, kind: 'environment' as const, source: 'environment' as const };
  const arn = ARN.exec(target);
  const region = arn?.[1] ?? regionsFor(profile, options, io.env)[0];
  const factory = new AwsClientFactory({ endpointUrl, connectTimeoutSeconds: options.connectTimeoutSeconds, requestTimeoutSeconds: options.requestTimeoutSeconds });
  const base = { session: { profile: profile.name, region }, factory, ...(endpointUrl ? { endpointUrl } : {}) };
  if (arn) return { ...base, deployed: target };
  if (options.template && !fs.existsSync(path.resolve(options.cwd, options.template))) {
    factory.dispose();
    io.err(`serverless-explorer: the template ${options.template} does not exist.\n`);
    return 2;
  }
  const local = await localFunction(target, options);
  return local ? { ...base, local } : { ...base, deployed: target };
}

async function localFunction(name: string, options: TargetOptions): Promise<LocalFunctionDefinition | undefined> {
  try {
    const functions = options.template
      ? (await readFunctionsIn(path.resolve(options.cwd, options.template), undefined, { stage: options.stage })).functions
      : (await readWorkspaceFunctions(options.cwd, { sources: { stage: options.stage } })).functions;
    return findLocalFunction(functions, name);
  } catch {
    return undefined;
  }
}
