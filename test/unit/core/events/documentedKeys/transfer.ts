// Transfer Family custom identity provider (Transfer Family user guide, "Using AWS Lambda to integrate your identity provider").
export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'transfer authorizer': [
    'password',
    'protocol',
    'serverId',
    'sourceIp',
    'username',
  ],
};
