// Uses the SDK that Lambda's Node.js runtime provides: package.json does not declare it.
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';

const sts = new STSClient({});

export const lambdaHandler = async () => {
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  return { account: identity.Account, sdk: import.meta.resolve('@aws-sdk/client-sts') };
};
