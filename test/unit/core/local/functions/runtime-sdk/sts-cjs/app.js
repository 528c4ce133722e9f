/* global require, exports */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS handler, as Lambda runs it */
// Uses the SDK that Lambda's Node.js runtime provides: package.json does not declare it.
const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts');

const sts = new STSClient({});

exports.lambdaHandler = async () => {
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  return { account: identity.Account, sdk: require.resolve('@aws-sdk/client-sts') };
};
