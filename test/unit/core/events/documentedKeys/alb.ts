// Elastic Load Balancing: the Lambda target event (single- and multi-value headers).
// Data-keyed maps (headers, attributes, slots…) are listed by their own path only.
export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'alb request': [
    'requestContext.elb.targetGroupArn',
    'httpMethod',
    'path',
    'queryStringParameters',
    'headers',
    'body',
    'isBase64Encoded',
  ],
  'alb request-multi-value': [
    'requestContext.elb.targetGroupArn',
    'httpMethod',
    'path',
    'multiValueQueryStringParameters',
    'multiValueHeaders',
    'body',
    'isBase64Encoded',
  ],
};
