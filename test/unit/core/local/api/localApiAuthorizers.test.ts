import * as assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiStage, AuthorizerConfig } from '../../../../../src/core/local/api/apiDefinitions';
import type { ApiRoute } from '../../../../../src/core/local/api/apiRoute';
import { callsOf, COUNT_CALL, curl, ECHO, startLocalApi } from './localApiFixture';
import type { LocalApi } from './localApiFixture';

// Authorizers as API Gateway runs them, end to end: real authorizer functions and routes run by LocalInvoker,
// fetch and curl as clients, and for JWTs an OpenID issuer of the test's own (keys from generateKeyPairSync).

const TOKEN_AUTH = `${COUNT_CALL}
const policy = (effect, resource, context) => ({ principalId: 'user-1', policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] }, context });
exports.handler = async (event) => {
  const token = event.authorizationToken;
  countCall('TokenAuth');
  countCall('TokenAuth-' + token);
  if (token === 'allow') return policy('Allow', event.methodArn, { user: 'ana', n: 7, admin: true, type: event.type, arn: event.methodArn });
  if (token === 'deny') return policy('Deny', event.methodArn);
  if (token === 'elsewhere') return policy('Allow', event.methodArn.replace('/GET/', '/POST/'));
  if (token === 'unauthorized') throw new Error('Unauthorized');
  if (token === 'malformed') return { principalId: 'user-1' };
  if (token === 'cached-wide') return policy('Allow', event.methodArn.split('/').slice(0, 2).join('/') + '/*');
  if (token === 'cached-narrow') return policy('Allow', event.methodArn);
  throw new Error('boom');
};
`;
const REQUEST_AUTH = `${COUNT_CALL}
exports.handler = async (event) => {
  countCall('RequestAuth');
  const key = event.headers['X-Key'] || event.headers['x-key'];
  return {
    principalId: 'svc',
    policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: key === 'k' ? 'Allow' : 'Deny', Resource: event.methodArn }] },
    context: { tenant: event.queryStringParameters.tenant, type: event.type, version: event.version || 'none', identitySource: event.identitySource || 'none', multi: JSON.stringify(event.multiValueQueryStringParameters), hasBody: 'body' in event },
  };
};
`;
const SIMPLE_AUTH = `${COUNT_CALL}
exports.handler = async (event) => {
  countCall('SimpleAuth');
  return { isAuthorized: event.identitySource[0] === 'letmein', context: { routeArn: event.routeArn, routeKey: event.routeKey, version: event.version, type: event.type, roles: ['reader', 'writer'], hasBody: 'body' in event } };
};
`;

const lambda = (functionName: string, extra: Partial<Extract<AuthorizerConfig, { kind: 'lambda' }>>): AuthorizerConfig => ({
  kind: 'lambda',
  functionName,
  type: 'REQUEST',
  identitySources: [],
  payloadVersion: '1.0',
  simpleResponses: false,
  ttlSeconds: 0,
  ...extra,
});
const rest = (path: string, authorizer: string): ApiRoute => ({ method: 'GET', path, functionName: 'Echo', kind: 'rest', payloadVersion: '1.0', apiId: 'RestApi', authorizer });
const http2 = (path: string, authorizer: string, extra: Partial<ApiRoute> = {}): ApiRoute => ({ method: 'GET', path, functionName: 'Echo', kind: 'http', payloadVersion: '2.0', apiId: 'HttpApi', authorizer, ...extra });

/** An OpenID issuer on 127.0.0.1: its discovery document and its keys, counting how often they are fetched. */
async function startIssuer(keys: object[]): Promise<{ url: string; fetches: () => number; stop: () => Promise<void> }> {
  let fetches = 0;
  const server = http.createServer((req, res) => {
    fetches++;
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const body = req.url === '/.well-known/openid-configuration' ? { issuer: url, jwks_uri: `${url}/keys` } : req.url === '/keys' ? { keys } : undefined;
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json' }).end(JSON.stringify(body ?? { message: 'Not Found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, fetches: () => fetches, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A URL on which nothing listens: a port taken and given back. */
async function closedUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

function jwt(claims: object, key: KeyObject, header: { alg: 'RS256' | 'ES256'; kid: string }): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${part({ ...header, typ: 'JWT' })}.${part(claims)}`;
  const signature = header.alg === 'ES256' ? sign('sha256', Buffer.from(signed), { key, dsaEncoding: 'ieee-p1363' }) : sign('sha256', Buffer.from(signed), key);
  return `${signed}.${signature.toString('base64url')}`;
}

describe('core/local/api authorizers in the request flow (Lambda TOKEN/REQUEST, JWT, unsupported), real authorizer functions', function () {
  this.timeout(90_000);
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const tokens: string[] = [];
  let api: LocalApi;
  let issuer: Awaited<ReturnType<typeof startIssuer>>;
  let offline: string;

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${api.url}${path}`, { headers });
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: JSON.parse(text) as Record<string, unknown> & { authorizer?: Record<string, unknown> } };
  };
  const bearer = (claims: object, key: KeyObject = rsa.privateKey, header: { alg: 'RS256' | 'ES256'; kid: string } = { alg: 'RS256', kid: 'rsa-1' }) => {
    const token = jwt(claims, key, header);
    tokens.push(token);
    return { Authorization: `Bearer ${token}` };
  };
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (extra: object = {}) => ({ iss: issuer.url, aud: 'local-app', sub: 'user-1', iat: now(), exp: now() + 600, scope: 'items/read profile', groups: ['admin', 'dev'], ...extra });

  before(async () => {
    issuer = await startIssuer([
      { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...ec.publicKey.export({ format: 'jwk' }), kid: 'ec-1', alg: 'ES256', use: 'sig' },
    ]);
    offline = await closedUrl();
    const stages: ApiStage[] = [
      {
        apiId: 'RestApi',
        kind: 'rest',
        stage: 'Prod',
        stageVariables: {},
        binaryMediaTypes: [],
        authorizers: {
          TokenAuth: lambda('TokenAuth', { type: 'TOKEN', identitySources: ['method.request.header.Authorization'], validationExpression: '[a-z-]+' }),
          CachedAuth: lambda('TokenAuth', { type: 'TOKEN', identitySources: ['method.request.header.Authorization'], ttlSeconds: 300 }),
          RequestAuth: lambda('RequestAuth', { identitySources: ['method.request.header.X-Key', 'method.request.querystring.tenant'] }),
        },
      },
      {
        apiId: 'HttpApi',
        kind: 'http',
        stage: '$default',
        stageVariables: {},
        binaryMediaTypes: [],
        authorizers: {
          SimpleAuth: lambda('SimpleAuth', { identitySources: ['$request.header.X-Pass'], payloadVersion: '2.0', simpleResponses: true }),
          HttpV1Auth: lambda('RequestAuth', { identitySources: ['$request.header.X-Key', '$request.querystring.tenant'] }),
          Jwt: { kind: 'jwt', issuer: issuer.url, audience: ['local-app'], identitySources: ['$request.header.Authorization'] },
          OfflineJwt: { kind: 'jwt', issuer: offline, audience: ['local-app'], identitySources: ['$request.header.Authorization'] },
          Iam: { kind: 'unsupported', type: 'AWS_IAM' },
        },
      },
    ];
    api = await startLocalApi({
      handlers: { Echo: ECHO, TokenAuth: TOKEN_AUTH, RequestAuth: REQUEST_AUTH, SimpleAuth: SIMPLE_AUTH },
      routes: [
        rest('/token', 'TokenAuth'),
        rest('/cached/{id}', 'CachedAuth'),
        rest('/request', 'RequestAuth'),
        http2('/simple', 'SimpleAuth'),
        http2('/v1', 'HttpV1Auth', { payloadVersion: '1.0' }),
        http2('/jwt', 'Jwt', { authorizationScopes: ['items/read'] }),
        http2('/jwt-v1', 'Jwt', { payloadVersion: '1.0' }),
        http2('/offline', 'OfflineJwt'),
        http2('/iam', 'Iam'),
      ],
      stages,
    });
  });
  after(async () => {
    await api?.stop();
    await issuer?.stop();
  });

  describe('REST TOKEN authorizer', () => {
    it('allows with a policy on the methodArn; the event has principalId, integrationLatency and the context as strings', async () => {
      const answer = await get('/token', { Authorization: 'allow' });
      assert.equal(answer.status, 200);
      const { integrationLatency, ...authorizer } = answer.json.authorizer!;
      assert.equal(typeof integrationLatency, 'number');
      assert.deepEqual(authorizer, { user: 'ana', n: '7', admin: 'true', type: 'TOKEN', arn: 'arn:aws:execute-api:us-east-1:123456789012:RestApi/Prod/GET/token', principalId: 'user-1' });
    });

    it('answers an explicit Deny and a policy that allows only another method 403, as API Gateway words each, without running the route', async () => {
      const echoes = callsOf(api, 'Echo');
      const denied = await get('/token', { Authorization: 'deny' });
      assert.equal(denied.status, 403);
      assert.deepEqual(denied.json, { Message: 'User is not authorized to access this resource with an explicit deny' });
      const elsewhere = await get('/token', { Authorization: 'elsewhere' });
      assert.equal(elsewhere.status, 403);
      assert.deepEqual(elsewhere.json, { Message: 'User is not authorized to access this resource' });
      assert.equal(callsOf(api, 'Echo'), echoes);
    });

    it('answers a missing token, and one that fails the ValidationExpression, 401 without calling the authorizer', async () => {
      const calls = callsOf(api, 'TokenAuth');
      const missing = await get('/token');
      assert.equal(missing.status, 401);
      assert.deepEqual(missing.json, { message: 'Unauthorized' });
      assert.match(api.log.at(-1)!.note!, /no method\.request\.header\.Authorization, the identity source of the authorizer TokenAuth/);
      const invalid = await get('/token', { Authorization: 'Bearer Allow' });
      assert.equal(invalid.status, 401);
      assert.match(api.log.at(-1)!.note!, /does not match the ValidationExpression of the authorizer TokenAuth/);
      assert.equal(callsOf(api, 'TokenAuth'), calls);
    });

    it('turns the function\'s Error("Unauthorized") into 401, and any other error or a malformed policy into 500 {"message":null} with the reason in the log', async () => {
      const unauthorized = await get('/token', { Authorization: 'unauthorized' });
      assert.equal(unauthorized.status, 401);
      assert.deepEqual(unauthorized.json, { message: 'Unauthorized' });
      const malformed = await get('/token', { Authorization: 'malformed' });
      assert.equal(malformed.status, 500);
      assert.deepEqual(malformed.json, { message: null });
      assert.match(api.log.at(-1)!.note!, /the authorizer TokenAuth answered what API Gateway cannot read: policyDocument must be an object/);
      const failing = await get('/token', { Authorization: 'boom' });
      assert.equal(failing.status, 500);
      assert.match(api.log.at(-1)!.note!, /the authorizer TokenAuth failed: Error: boom/);
    });

    it('caches the policy for the TTL by token, and checks it again against each methodArn', async () => {
      assert.equal((await get('/cached/1', { Authorization: 'cached-wide' })).status, 200);
      assert.equal((await get('/cached/2', { Authorization: 'cached-wide' })).status, 200);
      assert.equal(callsOf(api, 'TokenAuth-cached-wide'), 1, 'the second request is answered from the cache');
      assert.equal((await get('/cached/1', { Authorization: 'cached-narrow' })).status, 200);
      const other = await get('/cached/2', { Authorization: 'cached-narrow' });
      assert.equal(other.status, 403, 'the cached policy allows /cached/1 only');
      assert.match(api.log.at(-1)!.note!, /allows nothing that matches .*\/Prod\/GET\/cached\/2 \(cached answer\)/);
      assert.equal(callsOf(api, 'TokenAuth-cached-narrow'), 1);
      const allowed = callsOf(api, 'TokenAuth-allow');
      await get('/token', { Authorization: 'allow' });
      await get('/token', { Authorization: 'allow' });
      assert.equal(callsOf(api, 'TokenAuth-allow'), allowed + 2, 'an authorizer with TTL 0 runs on every request');
    });
  });

  describe('REQUEST authorizers', () => {
    it('REST (payload 1.0): every identity source must be there, else 401 without calling; the event is the request without its body', async () => {
      const calls = callsOf(api, 'RequestAuth');
      assert.equal((await get('/request', { 'X-Key': 'k' })).status, 401);
      assert.equal(callsOf(api, 'RequestAuth'), calls);
      const answer = await get('/request?tenant=t1&tenant=t2', { 'X-Key': 'k' });
      assert.equal(answer.status, 200);
      const { integrationLatency: _latency, ...authorizer } = answer.json.authorizer!;
      assert.deepEqual(authorizer, { tenant: 't2', type: 'REQUEST', version: 'none', identitySource: 'none', multi: '{"tenant":["t1","t2"]}', hasBody: 'false', principalId: 'svc' });
      assert.equal((await get('/request?tenant=t1', { 'X-Key': 'wrong' })).status, 403);
    });

    it('HTTP API payload 2.0 with simple responses: identitySource[] and routeArn in the event, the context under authorizer.lambda as returned', async () => {
      const answer = await get('/simple', { 'X-Pass': 'letmein' });
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.json.authorizer, {
        lambda: { routeArn: 'arn:aws:execute-api:us-east-1:123456789012:HttpApi/$default/GET/simple', routeKey: 'GET /simple', version: '2.0', type: 'REQUEST', roles: ['reader', 'writer'], hasBody: false },
      });
      const refused = await get('/simple', { 'X-Pass': 'nope' });
      assert.equal(refused.status, 403);
      assert.deepEqual(refused.json, { message: 'Forbidden' });
      const missing = await get('/simple');
      assert.equal(missing.status, 401);
      assert.deepEqual(missing.json, { message: 'Unauthorized' });
    });

    it('HTTP API payload 1.0: the REST-like event with version and the identity values comma-joined; a 1.0 route gets the context beside principalId', async () => {
      const answer = await get('/v1?tenant=t1', { 'X-Key': 'k' });
      assert.equal(answer.status, 200);
      const { integrationLatency, ...authorizer } = answer.json.authorizer!;
      assert.equal(typeof integrationLatency, 'number');
      assert.deepEqual(authorizer, { tenant: 't1', type: 'REQUEST', version: '1.0', identitySource: 'k,t1', multi: '{"tenant":["t1"]}', hasBody: false, principalId: 'svc' });
      const denied = await curl('-H', 'X-Key: wrong', `${api.url}/v1?tenant=t1`);
      assert.equal(denied.status, 403);
      assert.deepEqual(JSON.parse(denied.body), { message: 'Forbidden' });
    });
  });

  describe('JWT authorizer', () => {
    it("accepts an RS256 token from the issuer's keys: the claims (as strings) and scopes under authorizer.jwt", async () => {
      const token = claims();
      const answer = await get('/jwt', bearer(token));
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.json.authorizer, {
        jwt: {
          claims: { iss: issuer.url, aud: 'local-app', sub: 'user-1', iat: String(token.iat), exp: String(token.exp), scope: 'items/read profile', groups: '[admin dev]' },
          scopes: ['items/read', 'profile'],
        },
      });
    });

    it('accepts an ES256 token too, a 1.0 route getting claims and scopes in authorizer itself; the keys are fetched once', async () => {
      assert.equal((await get('/jwt', bearer(claims()))).status, 200);
      const answer = await get('/jwt-v1', bearer(claims({ sub: 'user-2' }), ec.privateKey, { alg: 'ES256', kid: 'ec-1' }));
      assert.equal(answer.status, 200);
      assert.equal((answer.json.authorizer!.claims as Record<string, string>).sub, 'user-2');
      assert.deepEqual(answer.json.authorizer!.scopes, ['items/read', 'profile']);
      assert.equal(issuer.fetches(), 2, 'the discovery document and the keys, each fetched once and then cached');
    });

    it('refuses an expired token, a wrong audience, a foreign signature and no token with 401; a token without the route\'s scope with 403', async () => {
      const expired = await get('/jwt', bearer(claims({ exp: now() - 120 })));
      assert.equal(expired.status, 401);
      assert.deepEqual(expired.json, { message: 'Unauthorized' });
      assert.match(expired.headers.get('www-authenticate')!, /^Bearer error="invalid_token" error_description="it expired at /);
      const audience = await get('/jwt', bearer(claims({ aud: 'someone-else' })));
      assert.equal(audience.status, 401);
      assert.match(api.log.at(-1)!.note!, /its audience \["someone-else"\] is not one of local-app/);
      const forged = await get('/jwt', bearer(claims(), stranger.privateKey));
      assert.equal(forged.status, 401);
      assert.match(api.log.at(-1)!.note!, /signature does not verify/);
      assert.equal((await get('/jwt')).status, 401);
      const unscoped = await get('/jwt', bearer(claims({ scope: 'profile' })));
      assert.equal(unscoped.status, 403);
      assert.deepEqual(unscoped.json, { message: 'Forbidden' });
      assert.match(api.log.at(-1)!.note!, /none of the scopes the route asks for \(items\/read\)/);
    });

    it('decodes without the signature check when the issuer cannot be reached, warning once, and still checks the claims', async () => {
      const offlineClaims = () => claims({ iss: offline });
      const first = await get('/offline', bearer(offlineClaims(), stranger.privateKey));
      assert.equal(first.status, 200);
      assert.equal(((first.json.authorizer!.jwt as Record<string, unknown>).claims as Record<string, string>).sub, 'user-1');
      assert.equal((await get('/offline', bearer(offlineClaims()))).status, 200);
      const warnings = api.warnings.filter((w) => w.includes('OfflineJwt'));
      assert.equal(warnings.length, 1, api.warnings.join('\n'));
      assert.match(warnings[0], new RegExp(`could not fetch the signing keys of ${offline} \\(.*ECONNREFUSED.*\\): its tokens are decoded without checking their signature`));
      assert.equal((await get('/offline', bearer(claims({ iss: offline, exp: now() - 120 })))).status, 401);
    });
  });

  describe('what it tells the user', () => {
    it('serves the routes of an authorizer it cannot check (AWS_IAM) with one warning for it, however many requests', async () => {
      assert.equal((await get('/iam')).status, 200);
      assert.equal((await get('/iam')).status, 200);
      assert.deepEqual(
        api.warnings.filter((w) => w.includes('Iam')),
        ['the authorizer Iam (AWS_IAM) of HttpApi is not checked locally: its routes are served without it, as sam local start-api serves them.'],
      );
    });

    it('never writes a token into the request log or a warning', () => {
      assert.ok(tokens.length > 5);
      const written = [...api.log.map((entry) => entry.note ?? ''), ...api.warnings].join('\n');
      for (const token of tokens) for (const part of token.split('.')) assert.ok(!written.includes(part), 'a token (or a part of one) was logged');
    });
  });
});
