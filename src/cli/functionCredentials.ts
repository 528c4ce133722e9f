import { AwsClientFactory } from '../core/aws/clients';
import { parseEndpointUrl } from '../core/aws/endpoint';
import type { AwsTimeouts } from '../core/aws/timeouts';
import { assumeExecutionRole } from '../core/lambda/executionRole';
import type { LocalFunctionDefinition } from '../core/local/types';
import type { CliIo } from './io';
import type { SandboxCredentials } from './profileCredentials';

/** A function's own credentials (see functionCredentials), for an invoker's credentialsFor: it throws when they cannot be had. */
export async function ownCredentials(definition: LocalFunctionDefinition, options: { readonly endpointUrl?: string; readonly timeouts?: AwsTimeouts }): Promise<SandboxCredentials | undefined> {
  const own = definition.credentials;
  if (!own) return undefined;
  const factory = new AwsClientFactory({ ...options.timeouts, endpointUrl: parseEndpointUrl(options.endpointUrl) });
  try {
    const { accessKeyId, secretAccessKey, sessionToken } = own.assumeRole
      ? await assumeExecutionRole(own.assumeRole, { masterCredentials: factory.credentialsFor(own.profile), region: own.region, endpointUrl: parseEndpointUrl(options.endpointUrl) })
      : await factory.credentialsFor(own.profile)();
    return { accessKeyId, secretAccessKey, sessionToken };
  } catch (error) {
    throw new Error(`${definition.name} runs with the credentials it was pulled with (profile ${own.profile}${own.assumeRole ? `, role ${own.assumeRole}` : ''}), and they could not be had: ${(error as Error).message}`, { cause: error });
  } finally {
    factory.dispose();
  }
}

/**
 * A function's own credentials (a pulled function: the profile it was pulled with, or its execution role assumed with
 * it), for when --profile names none; undefined (the error said) when they cannot be had.
 */
export async function functionCredentials(definition: LocalFunctionDefinition, options: { readonly endpointUrl?: string; readonly timeouts?: AwsTimeouts }, io: CliIo): Promise<{ credentials?: SandboxCredentials } | undefined> {
  try {
    return { credentials: await ownCredentials(definition, options) };
  } catch (error) {
    io.err(`serverless-explorer: ${(error as Error).message}. Give --profile to run it with another profile's.\n`);
    return undefined;
  }
}
