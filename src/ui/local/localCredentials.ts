import { awsSdk } from '../aws/sdk';
import { awsTimeoutSettings } from '../aws/awsTimeoutSettings';

export interface LocalCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
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
