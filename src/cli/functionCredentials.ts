import { AwsClientFactory } from '../core/aws/clients';
import { parseEndpointUrl } from '../core/aws/endpoint';
import type { AwsTimeouts } from '../core/aws/timeouts';
import { assumeExecutionRole } from '../core/lambda/executionRole';
import type { LocalFunctionDefinition } from '../core/local/types';
import type { CliIo } from './io';
import type { SandboxCredentials } from './profileCredentials';

/**
 * A function's own credentials (a pulled function: the profile it was pulled with, or its execution role assumed with
 * it), for when --profile names none; undefined (the error said) when they cannot be had.
 */
export async function functionCredentials(definition: LocalFunctionDefinition, options: { readonly endpointUrl?: string; readonly timeouts?: AwsTimeouts }, io: CliIo): Promise<{ credentials?: SandboxCredentials } | undefined> {
  const own = definition.credentials;
  if (!own) return {};
  const factory = new AwsClientFactory({ ...options.timeouts, endpointUrl: parseEndpointUrl(options.endpointUrl) });
  try {
    const { accessKeyId, secretAccessKey, sessionToken } = own.assumeRole
      ? await assumeExecutionRole(own.assumeRole, { masterCredentials: factory.credentialsFor(own.profile), region: own.region, endpointUrl: parseEndpointUrl(options.endpointUrl) })
      : await factory.credentialsFor(own.profile)();
    return { credentials: { accessKeyId, secretAccessKey, sessionToken } };
  } catch (error) {
    io.err(`serverless-explorer: ${definition.name} runs with the credentials it was pulled with (profile ${own.profile}${own.assumeRole ? `, role ${own.assumeRole}` : ''}), and ${(error as Error).message.replace(/^could not/, 'they could not be had: could not')}. Give --profile to run it with another profile's.\n`);
    return undefined;
  } finally {
    factory.dispose();
  }
}
