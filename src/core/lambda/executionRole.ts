import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

export interface AssumeRoleOptions {
  /** The profile's own credentials, which call sts:AssumeRole. */
  readonly masterCredentials: AwsCredentialIdentityProvider;
  readonly region: string;
  readonly endpointUrl?: string;
  /** Who assumes it, as CloudTrail will show (the session name). */
  readonly sessionName?: string;
}

/**
 * The function's execution role, assumed with a profile's credentials (sts:AssumeRole, one hour): what its code runs as
 * in Lambda. An execution role made for Lambda alone trusts only lambda.amazonaws.com; the refusal says how to change that.
 */
export async function assumeExecutionRole(roleArn: string, options: AssumeRoleOptions): Promise<AwsCredentialIdentity> {
  const provider = fromTemporaryCredentials({
    params: { RoleArn: roleArn, RoleSessionName: options.sessionName ?? 'serverless-explorer-local', DurationSeconds: 3600 },
    masterCredentials: options.masterCredentials,
    clientConfig: { region: options.region, ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}) },
  });
  try {
    return await provider();
  } catch (error) {
    const name = (error as { name?: string }).name ?? '';
    if (/AccessDenied/i.test(name) || /not authorized to perform: sts:AssumeRole/i.test((error as Error).message)) {
      const account = /^arn:[\w-]+:iam::(\d{12}):/.exec(roleArn)?.[1] ?? '<account id>';
      throw new Error(
        `could not assume the execution role ${roleArn}: its trust policy does not let you (an execution role usually trusts only lambda.amazonaws.com). ` +
          `Add a statement allowing sts:AssumeRole to your principal (e.g. "Principal": {"AWS": "arn:aws:iam::${account}:root"}) and allow sts:AssumeRole on the role in your own policy, or run with the profile's own credentials.`,
        { cause: error },
      );
    }
    throw new Error(`could not assume the execution role ${roleArn}: ${(error as Error).message}`, { cause: error });
  }
}
