import type {
  APIGatewayEventIdentity,
  APIGatewayEventRequestContextV2,
  APIGatewayEventWebsocketRequestContextV2,
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithIAMAuthorizer,
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyEventV2WithLambdaAuthorizer,
  APIGatewayProxyWebsocketEventV2,
  APIGatewayRequestAuthorizerEvent,
  APIGatewayRequestAuthorizerEventV2,
  APIGatewayTokenAuthorizerEvent,
} from 'aws-lambda';
import { defineEvent, type EventContext } from '../types';
import { ACCOUNT, REGION, apiGatewayIdentity, arn, base64, byteLength, clfTime, epochSeconds, headers, int, json, queryString, sha256 } from '../helpers';

const GROUP = 'API Gateway';

type Params<K extends string> = Readonly<Record<K, string>>;

// ---------------------------------------------------------------------------------------------------------------
// Request pieces shared by the HTTP-shaped events here, in lambdaUrl.ts and in alb.ts.
// ---------------------------------------------------------------------------------------------------------------

/** A yes/no parameter: anything but empty, "false", "no", "0" or "off" is yes. */
export function flag(value: string): boolean {
  return !/^(false|no|0|off)?$/i.test(value.trim());
}

/** The body as the event carries it: the text, or its base64 when the request is base64-encoded. */
export function encodeBody(text: string, isBase64Encoded: boolean): string {
  return isBase64Encoded ? base64(text) : text;
}

/** X-Amzn-Trace-Id as AWS load balancers and API Gateway add it. */
export function traceId(ctx: EventContext, seed: string): string {
  return `Root=1-${epochSeconds(ctx.now).toString(16)}-${sha256(seed).slice(0, 24)}`;
}

/** The 16-character ids API Gateway uses for extendedRequestId and HTTP API requestId: "BQGojGKqIAMFYqA=". */
function shortId(seed: string): string {
  return Buffer.from(sha256(seed), 'hex').subarray(0, 10).toString('base64');
}

/** `extra` over `base`, a header named in both (in any case) keeping the value and spelling from `extra`. */
export function mergeHeaders(base: Record<string, string>, extra: Record<string, string>): Record<string, string> {
  const names = new Set(Object.keys(extra).map((n) => n.toLowerCase()));
  return { ...Object.fromEntries(Object.entries(base).filter(([n]) => !names.has(n.toLowerCase()))), ...extra };
}

export function headerValue(all: Record<string, string>, name: string): string | undefined {
  return Object.entries(all).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

/** Values of a route or resource template's {name} and {name+} segments in a path, or null when it has none or does not match. */
function pathParameters(template: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const pattern = template
    .split('/')
    .map((segment) => {
      const m = /^\{([^{}+]+)(\+)?\}$/.exec(segment);
      if (!m) return segment.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
      names.push(m[1]);
      return m[2] ? '(.+)' : '([^/]+)';
    })
    .join('/');
  const match = names.length ? new RegExp(`^${pattern}$`).exec(path) : null;
  return match ? Object.fromEntries(names.map((name, i) => [name, match[i + 1]])) : null;
}

function withSlash(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}

/** A map parameter (stage variables, an authorizer's context): a JSON object, or name=value pairs joined with &. */
export function pairs(name: string, value: string): Record<string, string> {
  const trimmed = value.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return queryString(trimmed).single;
  const parsed = json(name, trimmed);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new TypeError(`Parameter ${name} must be name=value pairs or a JSON object, not ${trimmed}.`);
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

const STAGE_VARIABLES = { default: 'tableName=orders&logLevel=info', description: 'Stage variables: name=value pairs (a=1&b=2) or a JSON object; empty for none' };

const CLIENT_CERT = {
  default: 'CN=orders-client,O=Example Corp,C=US',
  description: "Subject of the client's certificate when the API's custom domain requires mutual TLS; empty: no mutual TLS",
};

/** An X.509 certificate in PEM form, its body made from a seed (not a parseable certificate). */
export function pem(seed: string): string {
  const body = Buffer.concat([0, 1, 2, 3, 4, 5].map((i) => Buffer.from(sha256(`${i}:${seed}`), 'hex'))).toString('base64');
  return `-----BEGIN CERTIFICATE-----\n${(body.match(/.{1,64}/g) ?? []).join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** A certificate date as API Gateway writes validity (OpenSSL's form): "Nov 26 14:05:09 2026 GMT". */
function certTime(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const time = date.toISOString().slice(11, 19);
  return `${months[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2, ' ')} ${time} ${date.getUTCFullYear()} GMT`;
}

type ClientCert = { clientCertPem: string; subjectDN: string; issuerDN: string; serialNumber: string; validity: { notBefore: string; notAfter: string } };

/** The client certificate of a mutual TLS request, or null without one: valid from a month before the request for a year. */
function clientCert(subject: string, ctx: EventContext): ClientCert | null {
  if (subject.trim() === '') return null;
  const issued = new Date(ctx.now.getTime() - 30 * 86_400_000);
  return {
    clientCertPem: pem(subject),
    subjectDN: subject.trim(),
    issuerDN: 'CN=Example Private CA,O=Example Corp,C=US',
    serialNumber: (sha256(subject).slice(0, 32).match(/../g) ?? []).join(':'),
    validity: { notBefore: certTime(issued), notAfter: certTime(new Date(issued.getTime() + 365 * 86_400_000)) },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// SigV4 callers (IAM authorization of HTTP APIs and function URLs)
// ---------------------------------------------------------------------------------------------------------------

export const IAM_CALLER = {
  signer: { default: 'alice', description: 'Who signed the request: an IAM user name, or a Cognito identity pool id (<region>:<id>) whose authenticated role did' },
};

/** A signer that names a Cognito identity pool (<region>:<id>), or null for an IAM user name; anything else is refused. */
export function identityPoolOf(signer: string): string | null {
  const value = signer.trim();
  if (/^[a-z]{2}(?:-[a-z]+)+-\d+:[0-9a-f-]+$/i.test(value)) return value;
  if (/^[\w+=,.@-]{1,64}$/.test(value)) return null;
  throw new TypeError(`Parameter signer must be an IAM user name (letters, digits and +=,.@_-) or a Cognito identity pool id such as us-east-1:<id>, not "${signer}".`);
}

type IamCaller = {
  accessKey: string;
  accountId: string;
  callerId: string;
  cognitoIdentity: { amr: string[]; identityId: string; identityPoolId: string } | null;
  principalOrgId: string | null;
  userArn: string;
  userId: string;
};

/** The access key id of a signer: AKIA for an IAM user's long-term key, ASIA for temporary credentials. */
function accessKeyId(prefix: 'AKIA' | 'ASIA', seed: string): string {
  return `${prefix}${sha256(seed).slice(0, 16).toUpperCase()}`;
}

/**
 * requestContext.authorizer.iam: an IAM user, or the authenticated role of a Cognito identity pool (its credentials
 * are an assumed-role session named CognitoIdentityCredentials). A caller outside an organization has a null principalOrgId.
 */
export function iamCaller(p: Params<'account' | keyof typeof IAM_CALLER>, ctx: EventContext): { iam: IamCaller } {
  const identityPoolId = identityPoolOf(p.signer);
  if (identityPoolId === null) {
    const userName = p.signer.trim();
    const userId = `AIDA${sha256(`${p.account}/${userName}`).slice(0, 17).toUpperCase()}`;
    return {
      iam: {
        accessKey: accessKeyId('AKIA', `${p.account}/${userName}`),
        accountId: p.account,
        callerId: userId,
        cognitoIdentity: null,
        principalOrgId: null,
        userArn: `arn:aws:iam::${p.account}:user/${userName}`,
        userId,
      },
    };
  }
  const identityId = `${identityPoolId.split(':')[0]}:${ctx.uuid()}`;
  const role = 'CognitoIdentityPoolAuthRole';
  const userId = `AROA${sha256(`${p.account}/${role}`).slice(0, 17).toUpperCase()}:CognitoIdentityCredentials`;
  return {
    iam: {
      accessKey: accessKeyId('ASIA', identityId),
      accountId: p.account,
      callerId: userId,
      cognitoIdentity: { amr: ['authenticated'], identityId, identityPoolId },
      principalOrgId: null,
      userArn: `arn:aws:sts::${p.account}:assumed-role/${role}/CognitoIdentityCredentials`,
      userId,
    },
  };
}

/** The Authorization and X-Amz-Date headers of a SigV4-signed request (signature made up). */
export function sigV4Headers(accessKey: string, region: string, service: string, ctx: EventContext, seed: string): Record<string, string> {
  const stamp = ctx.now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=${accessKey}/${stamp.slice(0, 8)}/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${sha256(`${seed}${stamp}`)}`,
    'x-amz-date': stamp,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// REST APIs (payload format 1.0)
// ---------------------------------------------------------------------------------------------------------------

const REST = {
  region: REGION,
  account: ACCOUNT,
  apiId: { default: 'a1b2c3d4e5', description: 'REST API id' },
  stage: { default: 'prod', description: 'Stage name' },
  method: { default: 'POST', description: 'HTTP method' },
  resource: { default: '/orders/{orderId}', description: 'Resource path template: {name} and {name+} segments become path parameters' },
  path: { default: '/orders/1234', description: 'Request path' },
  query: { default: 'expand=items&expand=customer&currency=EUR', description: 'Query string (a=1&b=2); a repeated name gives several values' },
  headers: { default: 'Accept: application/json\nContent-Type: application/json\nUser-Agent: curl/8.5.0', description: 'Request headers: "Name: value" lines, or a JSON object' },
  body: { default: '{"orderId":"1234","quantity":2}', description: 'Request body (text); empty for none' },
  isBase64Encoded: { default: 'false', description: 'true: the body arrives base64-encoded, as for binary media types' },
  sourceIp: { default: '203.0.113.10', description: 'Client IP address' },
  stageVariables: STAGE_VARIABLES,
  clientCert: CLIENT_CERT,
};

// Authorizers get the request without its body.
const { body: _restBody, isBase64Encoded: _restIsBase64Encoded, ...REST_AUTHORIZER } = REST;

type RestContext = Omit<APIGatewayProxyEvent['requestContext'], 'authorizer'>;
// AWS leaves requestContext.authorizer out when the method has no authorizer; @types/aws-lambda makes the key required.
type RestProxyEvent = Omit<APIGatewayProxyEvent, 'requestContext'> & { requestContext: RestContext };
// A REQUEST authorizer's requestContext has no authorizer either; @types/aws-lambda requires the key (typed undefined).
type RestRequestAuthorizerEvent = Omit<APIGatewayRequestAuthorizerEvent, 'requestContext'> & { requestContext: RestContext };
// An HTTP API's Lambda authorizer with payload 1.0 gets a REST-like request with the identity sources joined with commas;
// @types/aws-lambda has no type for it.
interface HttpApiAuthorizerV1Event {
  version: '1.0';
  type: 'REQUEST';
  methodArn: string;
  identitySource: string;
  authorizationToken: string;
  resource: string;
  path: string;
  httpMethod: string;
  headers: Record<string, string>;
  queryStringParameters: Record<string, string>;
  pathParameters: Record<string, string>;
  stageVariables: Record<string, string>;
  requestContext: {
    path: string;
    accountId: string;
    resourceId: string;
    stage: string;
    requestId: string;
    identity: { apiKey: string | null; sourceIp: string; clientCert?: ClientCert | null };
    resourcePath: string;
    httpMethod: string;
    apiId: string;
  };
}

function restHeaders(p: Params<'apiId' | 'region' | 'headers' | 'sourceIp'>, ctx: EventContext, requestId: string): Record<string, string> {
  const base = {
    Host: `${p.apiId}.execute-api.${p.region}.amazonaws.com`,
    'X-Amzn-Trace-Id': traceId(ctx, requestId),
    'X-Forwarded-For': p.sourceIp,
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
  };
  return mergeHeaders(base, headers('headers', p.headers));
}

function restContext(
  p: Params<'account' | 'apiId' | 'region' | 'stage' | 'method' | 'resource' | 'path' | 'sourceIp' | 'clientCert'>,
  ctx: EventContext,
  requestId: string,
  userAgent: string | undefined,
): RestContext {
  return {
    accountId: p.account,
    apiId: p.apiId,
    domainName: `${p.apiId}.execute-api.${p.region}.amazonaws.com`,
    domainPrefix: p.apiId,
    extendedRequestId: shortId(requestId),
    httpMethod: p.method,
    identity: { ...apiGatewayIdentity(p.sourceIp, userAgent), clientCert: clientCert(p.clientCert, ctx) },
    path: `/${p.stage}${withSlash(p.path)}`,
    protocol: 'HTTP/1.1',
    requestId,
    requestTime: clfTime(ctx.now),
    requestTimeEpoch: ctx.now.getTime(),
    resourceId: sha256(`${p.apiId}${p.resource}`).slice(0, 6),
    resourcePath: p.resource,
    stage: p.stage,
  };
}

/** The request part REST proxy events and REQUEST authorizer events share. */
function restRequest(p: Params<Exclude<keyof typeof REST, 'body' | 'isBase64Encoded'>>, ctx: EventContext) {
  const requestId = ctx.uuid();
  const all = restHeaders(p, ctx, requestId);
  const q = queryString(p.query);
  const hasQuery = Object.keys(q.single).length > 0;
  return {
    resource: p.resource,
    path: withSlash(p.path),
    httpMethod: p.method,
    headers: all,
    multiValueHeaders: Object.fromEntries(Object.entries(all).map(([n, v]) => [n, [v]])),
    queryStringParameters: hasQuery ? q.single : null,
    multiValueQueryStringParameters: hasQuery ? q.multi : null,
    pathParameters: pathParameters(p.resource, withSlash(p.path)),
    stageVariables: p.stageVariables.trim() === '' ? null : pairs('stageVariables', p.stageVariables),
    requestContext: restContext(p, ctx, requestId, headerValue(all, 'User-Agent')),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP APIs and function URLs (payload format 2.0)
// ---------------------------------------------------------------------------------------------------------------

const HTTP = {
  method: REST.method,
  path: REST.path,
  query: REST.query,
  headers: { ...REST.headers, default: 'accept: application/json\ncontent-type: application/json\nuser-agent: curl/8.5.0' },
  cookies: { default: 'session=4f2a9c; theme=dark', description: 'Cookie header value (a=1; b=2): the event carries each cookie in `cookies`' },
  body: REST.body,
  isBase64Encoded: REST.isBase64Encoded,
  sourceIp: REST.sourceIp,
};

type HttpParams = Params<keyof typeof HTTP>;

/**
 * The request half of a 2.0 payload (HTTP API and Lambda function URL): header names lower-case, cookies moved out of
 * the headers, repeated query names joined with commas, no body when there is none. `extra` headers (request signing)
 * go under the user's.
 */
export function httpRequestV2(p: HttpParams, ctx: EventContext, host: string, rawPath: string, requestId: string, extra: Record<string, string> = {}) {
  const text = p.body;
  const base: Record<string, string> = {
    ...extra,
    host,
    'x-amzn-trace-id': traceId(ctx, requestId),
    'x-forwarded-for': p.sourceIp,
    'x-forwarded-port': '443',
    'x-forwarded-proto': 'https',
  };
  if (text !== '') base['content-length'] = String(byteLength(text));
  const given = Object.fromEntries(Object.entries(headers('headers', p.headers)).map(([n, v]) => [n.toLowerCase(), v]));
  const all = mergeHeaders(base, given);
  delete all.cookie;
  const cookies = p.cookies
    .split(';')
    .map((c) => c.trim())
    .filter(Boolean);
  const rawQueryString = p.query.replace(/^\?/, '');
  const { multi } = queryString(rawQueryString);
  const isBase64Encoded = flag(p.isBase64Encoded);
  return {
    rawPath,
    rawQueryString,
    ...(cookies.length ? { cookies } : {}),
    headers: all,
    ...(Object.keys(multi).length ? { queryStringParameters: Object.fromEntries(Object.entries(multi).map(([k, v]) => [k, v.join(',')])) } : {}),
    ...(text !== '' ? { body: encodeBody(text, isBase64Encoded) } : {}),
    isBase64Encoded,
    http: { method: p.method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: p.sourceIp, userAgent: all['user-agent'] ?? '' },
  };
}

const HTTP_API = {
  region: REGION,
  account: ACCOUNT,
  apiId: { default: 'r3pmxmplak', description: 'HTTP API id' },
  stage: { default: '$default', description: 'Stage name ($default, or a named stage that prefixes the path)' },
  route: { default: '/orders/{orderId}', description: 'Route path: {name} and {name+} segments become path parameters; $default for the default route' },
  ...HTTP,
  stageVariables: STAGE_VARIABLES,
  clientCert: CLIENT_CERT,
};

const { body: _body, isBase64Encoded: _isBase64Encoded, ...HTTP_AUTHORIZER } = HTTP_API;

function httpApiRequest(p: Params<keyof typeof HTTP_API>, ctx: EventContext, extra: Record<string, string> = {}) {
  const requestId = shortId(ctx.uuid());
  const path = withSlash(p.path);
  const rawPath = p.stage === '$default' ? path : `/${p.stage}${path}`;
  const domainName = `${p.apiId}.execute-api.${p.region}.amazonaws.com`;
  const { http, ...request } = httpRequestV2(p, ctx, domainName, rawPath, requestId, extra);
  const stageVariables = p.stageVariables.trim() === '' ? null : pairs('stageVariables', p.stageVariables);
  const routeKey = p.route === '$default' ? '$default' : `${p.method} ${p.route}`;
  const params = p.route === '$default' ? null : pathParameters(p.route, path);
  const cert = clientCert(p.clientCert, ctx);
  const requestContext: APIGatewayEventRequestContextV2 = {
    accountId: p.account,
    apiId: p.apiId,
    ...(cert ? { authentication: { clientCert: cert } } : {}),
    domainName,
    domainPrefix: p.apiId,
    http,
    requestId,
    routeKey,
    stage: p.stage,
    time: clfTime(ctx.now),
    timeEpoch: ctx.now.getTime(),
  };
  return { version: '2.0', routeKey, ...request, ...(params ? { pathParameters: params } : {}), ...(stageVariables ? { stageVariables } : {}), requestContext };
}

// @types/aws-lambda types cognitoIdentity as always null and principalOrgId as never null; AWS sends a Cognito identity
// pool caller's identity there and null outside an organization.
type HttpApiIamEvent = Omit<APIGatewayProxyEventV2WithIAMAuthorizer, 'requestContext'> & {
  requestContext: Omit<APIGatewayProxyEventV2WithIAMAuthorizer['requestContext'], 'authorizer'> & { authorizer: { iam: IamCaller } };
};

// ---------------------------------------------------------------------------------------------------------------
// WebSocket APIs
// ---------------------------------------------------------------------------------------------------------------

const WEBSOCKET = {
  region: REGION,
  apiId: { default: 'w5xmplws12', description: 'WebSocket API id' },
  stage: { default: 'production', description: 'Stage name' },
  connectionId: { default: 'L0SM9cOFvHcCIhw=', description: 'Connection id' },
  sourceIp: REST.sourceIp,
};

// AWS sends the caller's identity with every WebSocket event, headers on $connect and $disconnect, a null messageId on
// $connect and the close code and reason on $disconnect; @types/aws-lambda's WebSocket type has none of these.
type WebSocketContext = Omit<APIGatewayEventWebsocketRequestContextV2, 'messageId'> & {
  messageId?: string | null;
  identity: Omit<APIGatewayEventIdentity, 'clientCert' | 'vpcId' | 'vpceId'>;
  disconnectStatusCode?: number | null;
  disconnectReason?: string | null;
};
type WebSocketEvent = Omit<APIGatewayProxyWebsocketEventV2, 'requestContext'> & {
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  requestContext: WebSocketContext;
};

function webSocketContext(
  p: Params<keyof typeof WEBSOCKET>,
  ctx: EventContext,
  eventType: WebSocketContext['eventType'],
  routeKey: string,
  userAgent: string | null,
): WebSocketContext {
  const requestId = ctx.uuid();
  const { clientCert: _clientCert, ...identity } = apiGatewayIdentity(p.sourceIp, userAgent ?? undefined);
  return {
    routeKey,
    eventType,
    extendedRequestId: shortId(requestId),
    requestTime: clfTime(ctx.now),
    messageDirection: 'IN',
    stage: p.stage,
    connectedAt: eventType === 'CONNECT' ? ctx.now.getTime() : ctx.now.getTime() - 42_000,
    requestTimeEpoch: ctx.now.getTime(),
    identity,
    requestId,
    domainName: `${p.apiId}.execute-api.${p.region}.amazonaws.com`,
    connectionId: p.connectionId,
    apiId: p.apiId,
  };
}

// ---------------------------------------------------------------------------------------------------------------

export const apigatewayEvents = [
  defineEvent<RestProxyEvent>()({
    service: 'apigateway',
    event: 'aws-proxy',
    title: 'API Gateway REST API proxy request',
    group: GROUP,
    params: { ...REST, operationName: { default: 'UpdateOrder', description: "The method's operation name (its OpenAPI operationId); empty when none is set" } },
    build: (p, ctx) => {
      const isBase64Encoded = flag(p.isBase64Encoded);
      const { operationName, ...values } = p;
      const request = restRequest(values, ctx);
      const requestContext = operationName === '' ? request.requestContext : { ...request.requestContext, operationName };
      return { ...request, requestContext, body: p.body === '' ? null : encodeBody(p.body, isBase64Encoded), isBase64Encoded };
    },
  }),

  defineEvent<APIGatewayProxyEvent>()({
    service: 'apigateway',
    event: 'aws-proxy-lambda-authorizer',
    title: 'API Gateway REST API proxy request with a Lambda authorizer (its principal and context)',
    group: GROUP,
    params: {
      ...REST,
      principalId: { default: 'user|alice', description: 'principalId the authorizer returned' },
      authorizerContext: { default: 'tenant=acme&plan=gold', description: 'Context the authorizer returned: name=value pairs (a=1&b=2) or a JSON object' },
    },
    build: (p, ctx) => {
      const isBase64Encoded = flag(p.isBase64Encoded);
      const { principalId, authorizerContext, ...values } = p;
      const request = restRequest(values, ctx);
      // The authorizer's context keys sit beside principalId; integrationLatency is how long it took, in ms.
      const authorizer = { ...pairs('authorizerContext', authorizerContext), principalId, integrationLatency: 42 };
      return { ...request, requestContext: { ...request.requestContext, authorizer }, body: p.body === '' ? null : encodeBody(p.body, isBase64Encoded), isBase64Encoded };
    },
  }),

  defineEvent<APIGatewayProxyEventV2>()({
    service: 'apigateway',
    event: 'http-api-proxy',
    title: 'API Gateway HTTP API request (payload 2.0)',
    group: GROUP,
    params: HTTP_API,
    build: (p, ctx) => httpApiRequest(p, ctx),
  }),

  defineEvent<APIGatewayProxyEventV2WithJWTAuthorizer>()({
    service: 'apigateway',
    event: 'http-api-jwt',
    title: 'API Gateway HTTP API request with a JWT (Cognito) authorizer',
    group: GROUP,
    params: {
      ...HTTP_API,
      userPoolId: { default: 'us-east-1_EXAMPLE1', description: 'Cognito user pool id (the token issuer)' },
      clientId: { default: '5example1clientid2abcdefgh', description: 'App client id (the token audience)' },
      userName: { default: 'alice', description: 'User name' },
      scope: { default: 'orders/read orders/write', description: 'OAuth scopes in the access token' },
    },
    build: (p, ctx) => {
      const event = httpApiRequest(p, ctx);
      const iat = epochSeconds(ctx.now) - 60;
      const scopes = p.scope.split(/\s+/).filter(Boolean);
      const claims = {
        auth_time: String(iat),
        client_id: p.clientId,
        exp: String(iat + 3600),
        iat: String(iat),
        iss: `https://cognito-idp.${p.region}.amazonaws.com/${p.userPoolId}`,
        jti: ctx.uuid(),
        scope: p.scope,
        sub: ctx.uuid(),
        token_use: 'access',
        username: p.userName,
      };
      return { ...event, requestContext: { ...event.requestContext, authorizer: { jwt: { claims, scopes: scopes.length ? scopes : null } } } };
    },
  }),

  defineEvent<WebSocketEvent>()({
    service: 'apigateway',
    event: 'websocket-connect',
    title: 'API Gateway WebSocket $connect',
    group: GROUP,
    params: {
      ...WEBSOCKET,
      query: { default: 'room=lobby', description: 'Query string of the connection URL (a=1&b=2)' },
      headers: { default: 'Origin: https://example.com\nUser-Agent: Mozilla/5.0 Gecko/20100101 Firefox/128.0', description: 'Extra request headers: "Name: value" lines, or a JSON object' },
    },
    build: (p, ctx) => {
      const host = `${p.apiId}.execute-api.${p.region}.amazonaws.com`;
      const base = {
        Host: host,
        'Sec-WebSocket-Extensions': 'permessage-deflate; client_max_window_bits',
        'Sec-WebSocket-Key': base64(sha256(p.connectionId).slice(0, 16)),
        'Sec-WebSocket-Version': '13',
        'X-Amzn-Trace-Id': traceId(ctx, p.connectionId),
        'X-Forwarded-For': p.sourceIp,
        'X-Forwarded-Port': '443',
        'X-Forwarded-Proto': 'https',
      };
      const all = mergeHeaders(base, headers('headers', p.headers));
      const q = queryString(p.query);
      const hasQuery = Object.keys(q.single).length > 0;
      return {
        headers: all,
        multiValueHeaders: Object.fromEntries(Object.entries(all).map(([n, v]) => [n, [v]])),
        ...(hasQuery ? { queryStringParameters: q.single, multiValueQueryStringParameters: q.multi } : {}),
        requestContext: { ...webSocketContext(p, ctx, 'CONNECT', '$connect', headerValue(all, 'User-Agent') ?? null), messageId: null, disconnectStatusCode: null, disconnectReason: null },
        isBase64Encoded: false,
      };
    },
  }),

  defineEvent<WebSocketEvent>()({
    service: 'apigateway',
    event: 'websocket-message',
    title: 'API Gateway WebSocket message',
    group: GROUP,
    params: {
      ...WEBSOCKET,
      routeKey: { default: 'sendmessage', description: 'Route the message selected ($default when none matches)' },
      body: { default: '{"action":"sendmessage","message":"hello"}', description: 'Message body' },
    },
    build: (p, ctx) => ({
      requestContext: { ...webSocketContext(p, ctx, 'MESSAGE', p.routeKey, null), messageId: shortId(`${p.connectionId}:${p.body}`) },
      body: p.body,
      isBase64Encoded: false,
    }),
  }),

  defineEvent<WebSocketEvent>()({
    service: 'apigateway',
    event: 'websocket-disconnect',
    title: 'API Gateway WebSocket $disconnect',
    group: GROUP,
    params: {
      ...WEBSOCKET,
      statusCode: { default: '1001', description: 'WebSocket close code' },
      reason: { default: 'Going away', description: 'Close reason' },
    },
    build: (p, ctx) => {
      const all = { Host: `${p.apiId}.execute-api.${p.region}.amazonaws.com`, 'x-api-key': '', 'X-Forwarded-For': '', 'x-restapi': '' };
      return {
        headers: all,
        multiValueHeaders: Object.fromEntries(Object.entries(all).map(([n, v]) => [n, [v]])),
        requestContext: { ...webSocketContext(p, ctx, 'DISCONNECT', '$disconnect', null), disconnectStatusCode: int('statusCode', p.statusCode), disconnectReason: p.reason },
        isBase64Encoded: false,
      };
    },
  }),

  defineEvent<APIGatewayTokenAuthorizerEvent>()({
    service: 'apigateway',
    event: 'authorizer',
    title: 'API Gateway REST TOKEN authorizer',
    group: GROUP,
    params: {
      region: REGION,
      account: ACCOUNT,
      apiId: REST.apiId,
      stage: REST.stage,
      method: { default: 'GET', description: 'HTTP method' },
      path: { default: '/orders/1234', description: 'Request path' },
      token: { default: 'Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl', description: 'Value of the token source header' },
    },
    build: (p) => ({
      type: 'TOKEN',
      authorizationToken: p.token,
      methodArn: arn('execute-api', p.region, p.account, `${p.apiId}/${p.stage}/${p.method}${withSlash(p.path)}`),
    }),
  }),

  defineEvent<RestRequestAuthorizerEvent>()({
    service: 'apigateway',
    event: 'request-authorizer',
    title: 'API Gateway REST REQUEST authorizer',
    group: GROUP,
    params: {
      ...REST_AUTHORIZER,
      method: { default: 'GET', description: 'HTTP method' },
      query: { default: 'QueryString1=queryValue1', description: REST.query.description },
      headers: { default: 'Accept: */*\nHeaderAuth1: headerValue1\nUser-Agent: curl/8.5.0', description: REST.headers.description },
    },
    build: (p, ctx) => ({
      type: 'REQUEST',
      methodArn: arn('execute-api', p.region, p.account, `${p.apiId}/${p.stage}/${p.method}${withSlash(p.path)}`),
      ...restRequest(p, ctx),
    }),
  }),

  defineEvent<APIGatewayRequestAuthorizerEventV2>()({
    service: 'apigateway',
    event: 'http-api-authorizer',
    title: 'API Gateway HTTP API Lambda authorizer (payload 2.0)',
    group: GROUP,
    params: {
      ...HTTP_AUTHORIZER,
      method: { default: 'GET', description: 'HTTP method' },
      headers: { default: 'authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln\nuser-agent: curl/8.5.0', description: 'Request headers; the authorization header is the identity source' },
    },
    build: (p, ctx) => {
      // An authorizer gets the request without its body.
      const { version, body: _body, isBase64Encoded: _isBase64Encoded, ...request } = httpApiRequest({ ...p, body: '', isBase64Encoded: 'false' }, ctx);
      const authorization = request.headers.authorization;
      return {
        version,
        type: 'REQUEST',
        routeArn: arn('execute-api', p.region, p.account, `${p.apiId}/${p.stage}/${p.method}${withSlash(p.path)}`),
        identitySource: authorization === undefined ? [] : [authorization],
        ...request,
        cookies: request.cookies ?? [],
      };
    },
  }),
  defineEvent<HttpApiIamEvent>()({
    service: 'apigateway',
    event: 'http-api-iam',
    title: 'API Gateway HTTP API request with IAM authorization (SigV4, Cognito identity pool caller)',
    group: GROUP,
    params: {
      ...HTTP_API,
      signer: { ...IAM_CALLER.signer, default: 'us-east-1:7c3f0a52-9e1d-4b6a-8f27-3d5e1c9a4b60' },
    },
    build: (p, ctx) => {
      const authorizer = iamCaller(p, ctx);
      const host = `${p.apiId}.execute-api.${p.region}.amazonaws.com`;
      const event = httpApiRequest(p, ctx, sigV4Headers(authorizer.iam.accessKey, p.region, 'execute-api', ctx, `${host}${p.path}${p.body}`));
      return { ...event, requestContext: { ...event.requestContext, authorizer } };
    },
  }),

  defineEvent<APIGatewayProxyEventV2WithLambdaAuthorizer<Record<string, string>>>()({
    service: 'apigateway',
    event: 'http-api-lambda-authorizer',
    title: 'API Gateway HTTP API request with a Lambda authorizer (its context)',
    group: GROUP,
    params: {
      ...HTTP_API,
      authorizerContext: { default: 'userId=alice&tenant=acme&plan=gold', description: 'Context the authorizer returned: name=value pairs (a=1&b=2) or a JSON object' },
    },
    build: (p, ctx) => {
      const { authorizerContext, ...values } = p;
      const event = httpApiRequest(values, ctx);
      return { ...event, requestContext: { ...event.requestContext, authorizer: { lambda: pairs('authorizerContext', authorizerContext) } } };
    },
  }),

  defineEvent<HttpApiAuthorizerV1Event>()({
    service: 'apigateway',
    event: 'http-api-authorizer-v1',
    title: 'API Gateway HTTP API Lambda authorizer (payload 1.0)',
    group: GROUP,
    params: {
      ...HTTP_AUTHORIZER,
      method: { default: 'GET', description: 'HTTP method' },
      headers: { default: 'Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln\nUser-Agent: curl/8.5.0', description: 'Request headers: "Name: value" lines, or a JSON object' },
      identitySource: { default: 'Authorization', description: 'Identity sources: header names, comma-separated (their values, joined with commas, are identitySource)' },
    },
    build: (p, ctx) => {
      const requestId = ctx.uuid();
      const path = withSlash(p.path);
      const base: Record<string, string> = { Host: `${p.apiId}.execute-api.${p.region}.amazonaws.com`, 'X-Forwarded-For': p.sourceIp, 'X-Forwarded-Proto': 'https' };
      // Payload 1.0 keeps cookies in the Cookie header.
      if (p.cookies.trim() !== '') base.Cookie = p.cookies.trim();
      const all = mergeHeaders(base, headers('headers', p.headers));
      const sources = p.identitySource
        .split(',')
        .map((name) => headerValue(all, name.trim()))
        .filter((value): value is string => value !== undefined)
        .join(',');
      const resource = p.route === '$default' ? '$default' : p.route;
      const q = queryString(p.query).single;
      return {
        version: '1.0',
        type: 'REQUEST',
        methodArn: arn('execute-api', p.region, p.account, `${p.apiId}/${p.stage}/${p.method}${path}`),
        identitySource: sources,
        authorizationToken: sources,
        resource,
        path,
        httpMethod: p.method,
        headers: all,
        queryStringParameters: q,
        pathParameters: (p.route === '$default' ? null : pathParameters(p.route, path)) ?? {},
        stageVariables: p.stageVariables.trim() === '' ? {} : pairs('stageVariables', p.stageVariables),
        requestContext: {
          path,
          accountId: p.account,
          resourceId: sha256(`${p.apiId}${p.method} ${resource}`).slice(0, 7),
          stage: p.stage,
          requestId,
          // HTTP APIs have no API keys.
          identity: { apiKey: null, sourceIp: p.sourceIp, ...(p.clientCert.trim() === '' ? {} : { clientCert: clientCert(p.clientCert, ctx) }) },
          resourcePath: resource,
          httpMethod: p.method,
          apiId: p.apiId,
        },
      };
    },
  }),
];
