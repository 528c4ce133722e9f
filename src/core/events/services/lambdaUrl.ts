import type { APIGatewayEventRequestContextV2, LambdaFunctionURLEvent } from 'aws-lambda';
import { defineEvent, type EventContext } from '../types';
import { ACCOUNT, REGION, clfTime } from '../helpers';
import { IAM_CALLER, httpRequestV2, iamCaller, sigV4Headers } from './apigateway';

const GROUP = 'Lambda function URLs';

const PARAMS = {
  region: REGION,
  urlId: { default: 'wq3xmplqaz5rgvdpvxmpl6kpuy4fhcgi', description: 'Function URL id (the host name label)' },
  method: { default: 'POST', description: 'HTTP method' },
  path: { default: '/orders/1234', description: 'Request path' },
  query: { default: 'expand=items&expand=customer&currency=EUR', description: 'Query string (a=1&b=2); repeated names are joined with commas' },
  headers: { default: 'accept: application/json\ncontent-type: application/json\nuser-agent: curl/8.5.0', description: 'Request headers: "Name: value" lines, or a JSON object' },
  cookies: { default: 'session=4f2a9c; theme=dark', description: 'Cookie header value (a=1; b=2): the event carries each cookie in `cookies`' },
  body: { default: '{"orderId":"1234","quantity":2}', description: 'Request body (text); empty for none' },
  isBase64Encoded: { default: 'false', description: 'true: the body arrives base64-encoded (a binary content type)' },
  sourceIp: { default: '203.0.113.10', description: 'Client IP address' },
};

type P = Readonly<Record<keyof typeof PARAMS, string>>;

// Function URLs send requestContext.authentication, pathParameters and stageVariables as null, an IAM caller outside
// an organization has a null principalOrgId and a Cognito identity pool caller has a cognitoIdentity (AWS's documented
// payload); @types/aws-lambda allows none of these.
type Nulls = { pathParameters: null; stageVariables: null };
type UrlContext = Omit<APIGatewayEventRequestContextV2, 'authentication'> & { authentication: null };
type IamAuthorizer = ReturnType<typeof iamCaller>;
type FunctionUrlEvent = Omit<LambdaFunctionURLEvent, 'requestContext' | 'pathParameters' | 'stageVariables'> & Nulls & { requestContext: UrlContext };
type FunctionUrlIamEvent = FunctionUrlEvent & { requestContext: { authorizer: IamAuthorizer } };

function request(p: P, ctx: EventContext, extraHeaders: (host: string) => Record<string, string>) {
  const requestId = ctx.uuid();
  const domainName = `${p.urlId}.lambda-url.${p.region}.on.aws`;
  const rawPath = p.path.startsWith('/') ? p.path : `/${p.path}`;
  const { http, ...rest } = httpRequestV2(p, ctx, domainName, rawPath, requestId, extraHeaders(domainName));
  return {
    event: { version: '2.0', routeKey: '$default', ...rest },
    context: { apiId: p.urlId, domainName, domainPrefix: p.urlId, http, requestId, routeKey: '$default', stage: '$default', time: clfTime(ctx.now), timeEpoch: ctx.now.getTime() },
  };
}

export const lambdaUrlEvents = [
  defineEvent<FunctionUrlEvent>()({
    service: 'lambda',
    event: 'function-url',
    title: 'Lambda function URL request (auth type NONE)',
    group: GROUP,
    params: PARAMS,
    build: (p, ctx) => {
      const { event, context } = request(p, ctx, () => ({}));
      return {
        ...event,
        // With auth type NONE the caller is anonymous.
        requestContext: { accountId: 'anonymous', ...context, authentication: null },
        pathParameters: null,
        stageVariables: null,
      };
    },
  }),
  defineEvent<FunctionUrlIamEvent>()({
    service: 'lambda',
    event: 'function-url-iam',
    title: 'Lambda function URL request (auth type AWS_IAM, SigV4-signed)',
    group: GROUP,
    params: { ...PARAMS, account: ACCOUNT, ...IAM_CALLER },
    build: (p, ctx) => {
      const authorizer = iamCaller(p, ctx);
      const { event, context } = request(p, ctx, (host) => sigV4Headers(authorizer.iam.accessKey, p.region, 'lambda', ctx, `${host}${p.body}`));
      return {
        ...event,
        requestContext: { accountId: p.account, ...context, authentication: null, authorizer },
        pathParameters: null,
        stageVariables: null,
      };
    },
  }),
];
