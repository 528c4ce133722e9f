import * as assert from 'node:assert/strict';
import type { ApiStage } from '../../../../../src/core/local/api/apiDefinitions';
import type { ApiRoute } from '../../../../../src/core/local/api/apiRoute';
import { callsOf, corsOf, curl, ECHO, startLocalApi } from './localApiFixture';
import type { LocalApi } from './localApiFixture';

const APP = 'https://app.example.com';
const httpRoute = (method: string, path: string, extra: Partial<ApiRoute> = {}): ApiRoute => ({ method, path, functionName: 'Echo', kind: 'http', payloadVersion: '2.0', apiId: 'HttpApi', ...extra });
const restRoute = (method: string, path: string, apiId = 'RestApi'): ApiRoute => ({ method, path, functionName: 'Echo', kind: 'rest', payloadVersion: '1.0', apiId });

const STAGES: ApiStage[] = [
  {
    apiId: 'HttpApi',
    kind: 'http',
    stage: '$default',
    stageVariables: {},
    binaryMediaTypes: [],
    cors: { allowOrigins: [APP], allowMethods: ['GET', 'PUT'], allowHeaders: ['authorization', 'content-type'], exposeHeaders: ['x-from'], maxAgeSeconds: 600, allowCredentials: true },
    authorizers: { Closed: { kind: 'lambda', functionName: 'Echo', type: 'REQUEST', identitySources: ['$request.header.X-Pass'], payloadVersion: '2.0', simpleResponses: true, ttlSeconds: 0 } },
  },
  {
    apiId: 'RestApi',
    kind: 'rest',
    stage: 'Prod',
    stageVariables: {},
    binaryMediaTypes: [],
    // SAM's Cors: AllowOrigin "'https://app.example.com'", AllowHeaders "'Content-Type,Authorization'", MaxAge 300; no AllowMethods.
    cors: { allowOrigins: [APP], allowMethods: [], allowHeaders: ['Content-Type', 'Authorization'], exposeHeaders: [], maxAgeSeconds: 300, allowCredentials: false },
  },
  {
    // SAM's Cors with a DefaultAuthorizer and AddDefaultAuthorizerToCorsPreflight left at its default (true).
    apiId: 'GuardedRestApi',
    kind: 'rest',
    stage: 'Prod',
    stageVariables: {},
    binaryMediaTypes: [],
    cors: { allowOrigins: ['*'], allowMethods: [], allowHeaders: [], exposeHeaders: [], allowCredentials: false },
    authorizers: { TokenAuth: { kind: 'lambda', functionName: 'Echo', type: 'TOKEN', identitySources: ['method.request.header.Authorization'], payloadVersion: '1.0', simpleResponses: false, ttlSeconds: 0 } },
    preflightAuthorizer: 'TokenAuth',
  },
];

describe('core/local/api CORS in the request flow (HTTP API answers preflights and sets the headers; REST as SAM builds it), curl as the client', function () {
  this.timeout(60_000);
  let api: LocalApi;

  before(async () => {
    api = await startLocalApi({
      handlers: { Echo: ECHO },
      routes: [
        httpRoute('GET', '/items'),
        httpRoute('GET', '/guarded', { authorizer: 'Closed' }),
        httpRoute('ANY', '/any/{proxy+}'),
        restRoute('GET', '/rest/items'),
        restRoute('POST', '/rest/items'),
        restRoute('GET', '/guarded-rest', 'GuardedRestApi'),
      ],
      stages: STAGES,
    });
  });
  after(() => api?.stop());

  const preflight = (path: string, origin: string, method = 'PUT') => curl('-X', 'OPTIONS', '-H', `Origin: ${origin}`, '-H', `Access-Control-Request-Method: ${method}`, '-H', 'Access-Control-Request-Headers: authorization', `${api.url}${path}`);

  it('HTTP API: answers a preflight itself, 204 with the configured headers, though no OPTIONS route exists and without running the function', async () => {
    const before = callsOf(api, 'Echo');
    const answer = await preflight('/items', APP);
    assert.equal(answer.status, 204);
    assert.equal(answer.body, '');
    assert.deepEqual(corsOf(answer), {
      'access-control-allow-origin': APP,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET,PUT',
      'access-control-allow-headers': 'authorization,content-type',
      'access-control-max-age': '600',
    });
    assert.equal(callsOf(api, 'Echo'), before);
  });

  it('HTTP API: a preflight from an origin not allowed gets no CORS headers, and the log says why', async () => {
    const answer = await preflight('/items', 'https://evil.example.com');
    assert.equal(answer.status, 204);
    assert.deepEqual(corsOf(answer), {});
    assert.match(api.log.at(-1)!.note!, /the origin https:\/\/evil\.example\.com is not in AllowOrigins/);
  });

  it("HTTP API: the authorizer does not run on a preflight API Gateway answers (the guarded route's X-Pass is absent)", async () => {
    const answer = await preflight('/guarded', APP, 'GET');
    assert.equal(answer.status, 204);
    assert.equal(corsOf(answer)['access-control-allow-origin'], APP);
  });

  it("HTTP API: an ordinary answer gets Allow-Origin, Expose-Headers and Allow-Credentials in place of the function's own CORS header", async () => {
    const answer = await curl('-H', `Origin: ${APP}`, `${api.url}/items`);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('x-from'), 'function');
    assert.deepEqual(corsOf(answer), { 'access-control-allow-origin': APP, 'access-control-allow-credentials': 'true', 'access-control-expose-headers': 'x-from' });
    const fromElsewhere = await curl('-H', 'Origin: https://evil.example.com', `${api.url}/items`);
    assert.deepEqual(corsOf(fromElsewhere), {}, "a disallowed origin gets no CORS headers, not even the function's");
  });

  it("HTTP API: an authorizer's refusal carries the CORS headers too, so the browser can read the 401", async () => {
    const answer = await curl('-H', `Origin: ${APP}`, `${api.url}/guarded`);
    assert.equal(answer.status, 401);
    assert.equal(corsOf(answer)['access-control-allow-origin'], APP);
  });

  it('HTTP API: a preflight to a path an ANY route serves goes to that route (as on AWS), with the API\'s CORS headers on its answer', async () => {
    const before = callsOf(api, 'Echo');
    const answer = await preflight('/any/thing', APP);
    assert.equal(answer.status, 200);
    assert.deepEqual(JSON.parse(answer.body), { authorizer: 'absent', method: 'OPTIONS' });
    assert.equal(callsOf(api, 'Echo'), before + 1);
    assert.equal(corsOf(answer)['access-control-allow-origin'], APP);
    assert.equal(corsOf(answer)['access-control-allow-methods'], 'GET,PUT');
  });

  it("REST API: SAM's OPTIONS method answers from Cors (the path's methods, the values as configured) without the function", async () => {
    const before = callsOf(api, 'Echo');
    const answer = await preflight('/rest/items', 'https://any.example.org', 'POST');
    assert.equal(answer.status, 200);
    assert.deepEqual(corsOf(answer), {
      'access-control-allow-origin': APP,
      'access-control-allow-methods': 'GET,OPTIONS,POST',
      'access-control-allow-headers': 'Content-Type,Authorization',
      'access-control-max-age': '300',
    });
    assert.equal(callsOf(api, 'Echo'), before);
  });

  it("REST API: a proxy integration's answer goes out as the function sent it, and a preflight to a path with no route stays 403", async () => {
    const answer = await curl('-H', `Origin: ${APP}`, `${api.url}/rest/items`);
    assert.equal(answer.status, 200);
    assert.deepEqual(corsOf(answer), { 'access-control-allow-origin': 'https://function.example' });
    const nowhere = await preflight('/rest/nowhere', APP);
    assert.equal(nowhere.status, 403);
    assert.deepEqual(JSON.parse(nowhere.body), { message: 'Missing Authentication Token' });
  });

  it('REST API: with AddDefaultAuthorizerToCorsPreflight (SAM\'s default) the preflight meets the authorizer, and without credentials it is 401, as on AWS', async () => {
    const answer = await preflight('/guarded-rest', APP, 'GET');
    assert.equal(answer.status, 401);
    assert.deepEqual(JSON.parse(answer.body), { message: 'Unauthorized' });
    assert.match(api.log.at(-1)?.note ?? '', /the CORS preflight is guarded by TokenAuth: set Auth\.AddDefaultAuthorizerToCorsPreflight: false/);
  });

  it("Node's fetch sees the same answer: a preflight 204 with the origin allowed", async () => {
    const response = await fetch(`${api.url}/items`, { method: 'OPTIONS', headers: { Origin: APP, 'Access-Control-Request-Method': 'GET' } });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), APP);
  });
});
