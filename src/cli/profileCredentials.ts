import { AwsClientFactory } from '../core/aws/clients';
import type { AwsTimeouts } from '../core/aws/timeouts';
import type { CliIo } from './io';

export interface SandboxCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** A profile's credentials, given to local functions as their sandbox's (AWS_ACCESS_KEY_ID…); the problem in CLI words when there are none. */
export async function profileCredentials(profile: string, timeouts?: AwsTimeouts): Promise<{ credentials: SandboxCredentials } | { problem: string }> {
  const factory = new AwsClientFactory(timeouts);
  try {
    const { accessKeyId, secretAccessKey, sessionToken } = await factory.credentialsFor(profile)();
    return { credentials: { accessKeyId, secretAccessKey, sessionToken } };
  } catch (error) {
    return { problem: `could not get the credentials of profile "${profile}": ${(error as Error).message}` };
  } finally {
    factory.dispose();
  }
}

/** --profile's credentials for the functions: none without the flag; undefined (the error said) when they cannot be had. */
export async function credentialsFlag(options: { readonly profile?: string; readonly timeouts?: AwsTimeouts }, io: CliIo): Promise<{ credentials?: SandboxCredentials } | undefined> {
  if (!options.profile) return {};
  const got = await profileCredentials(options.profile, options.timeouts);
  if ('problem' in got) {
    io.err(`serverless-explorer: ${got.problem}\n`);
    return undefined;
  }
  return got;
}
