// Lambda function URLs: the request payload (auth types NONE and AWS_IAM).
// Data-keyed maps (headers, attributes, slots…) are listed by their own path only.
const REQUEST = [
    'version',
    'routeKey',
    'rawPath',
    'rawQueryString',
    'cookies[]',
    'headers',
    'queryStringParameters',
    'body',
    'isBase64Encoded',
    'requestContext.accountId',
    'requestContext.apiId',
    'requestContext.domainName',
    'requestContext.domainPrefix',
    'requestContext.http.method',
    'requestContext.http.path',
    'requestContext.http.protocol',
    'requestContext.http.sourceIp',
    'requestContext.http.userAgent',
    'requestContext.requestId',
    'requestContext.routeKey',
    'requestContext.stage',
    'requestContext.time',
    'requestContext.timeEpoch',
    'requestContext.authentication',
    'pathParameters',
    'stageVariables',
];

/** An AWS_IAM URL's caller, signed with SigV4. */
const IAM_CALLER = ['accessKey', 'accountId', 'callerId', 'cognitoIdentity', 'principalOrgId', 'userArn', 'userId'].map((k) => `requestContext.authorizer.iam.${k}`);

export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'lambda function-url': REQUEST,
  'lambda function-url-iam': [...REQUEST, ...IAM_CALLER],
};
