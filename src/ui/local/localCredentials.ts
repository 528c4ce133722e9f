import type { LocalFunctionDefinition } from '../../core/local/types';
import { parseEndpointUrl } from '../../core/aws/endpoint';
import { awsSdk } from '../aws/sdk';
import { awsTimeoutSettings } from '../aws/awsTimeoutSettings';
import { setting } from '../settings';

export interface LocalCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

/** A profile's credentials, given to a local function like the real sandbox gives its role's; undefined for none. */
export async function localCredentials(profile: string | undefined, origin: string): Promise<LocalCredentials | undefined> {
  if (!profile?.trim()) return undefined;
  const factory = new (awsSdk().AwsClientFactory)(awsTimeoutSettings());
  try {
    const { accessKeyId, secretAccessKey, sessionToken } = await factory.credentialsFor(profile.trim())();
    return { accessKeyId, secretAccessKey, sessionToken };
  } catch (error) {
    throw new Error(`could not get the credentials of profile "${profile}" (${origin}): ${(error as Error).message}`, { cause: error });
  } finally {
    factory.dispose();
  }
}

const assumed = new Map<string, LocalCredentials>();

/**
 * The credentials a run of this function gets: a profile named for the run (launch.json's "profile"), else the
 * function's own (a pulled function: the profile it was pulled with, or its execution role assumed with it), else
 * serverlessExplorer.localCredentialsProfile.
 */
export async function runCredentials(definition: LocalFunctionDefinition, named?: { profile: string; origin: string }): Promise<LocalCredentials | undefined> {
  if (named) return localCredentials(named.profile, named.origin);
  const own = definition.credentials;
  if (!own) return localCredentials(setting('localCredentialsProfile'), 'serverlessExplorer.localCredentialsProfile');
  const origin = `the profile ${definition.name} was pulled with`;
  if (!own.assumeRole) return localCredentials(own.profile, origin);
  const key = `${own.profile}\n${own.assumeRole}`;
  const cached = assumed.get(key);
  // Assumed for an hour; taken again five minutes before that ends.
  if (cached?.expiration && cached.expiration.getTime() - Date.now() > 5 * 60_000) return cached;
  const factory = new (awsSdk().AwsClientFactory)(awsTimeoutSettings());
  try {
    const { accessKeyId, secretAccessKey, sessionToken, expiration } = await awsSdk().assumeExecutionRole(own.assumeRole, {
      masterCredentials: factory.credentialsFor(own.profile),
      region: own.region,
      endpointUrl: parseEndpointUrl(setting('endpointUrl')),
    });
    const credentials = { accessKeyId, secretAccessKey, sessionToken, expiration };
    assumed.set(key, credentials);
    return credentials;
  } finally {
    factory.dispose();
  }
}
