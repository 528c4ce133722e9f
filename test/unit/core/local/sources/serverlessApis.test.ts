import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createServerlessSource } from '../../../../../src/core/local/sources/serverless/serverlessSource';

// The local API a serverless.yml defines (our fixture service): http events as a REST API, httpApi events as an HTTP API.

const FIXTURE = path.resolve(__dirname, '..', '..', '..', '..', '..', '..', 'test', 'fixtures', 'serverless-app');
const CONFIG = path.join(FIXTURE, 'serverless.yml');

function apisOf(text: string, options = {}) {
  const source = createServerlessSource({ environment: {}, ...options });
  const { functions } = source.readFunctions(text, CONFIG);
  return source.readApis!(text, CONFIG, functions);
}

describe('serverless source: http and httpApi events as local API routes', () => {
  const text = fs.readFileSync(CONFIG, 'utf8');

  it('each event is a route: http on the REST API (payload 1.0), httpApi on the HTTP API (payload 2.0), "*" as $default', () => {
    const { routes, problems } = apisOf(text);
    assert.deepEqual(
      routes.map((r) => [r.method, r.path, r.functionName, r.kind, r.payloadVersion, r.apiId, r.authorizer, r.authorizationScopes]),
      [
        ['GET', '/hello', 'hello', 'rest', '1.0', 'ApiGatewayRestApi', undefined, undefined],
        ['GET', '/hi', 'hello', 'http', '2.0', 'HttpApi', undefined, undefined],
        ['ANY', '$default', 'pyhello', 'http', '2.0', 'HttpApi', undefined, undefined],
        ['ANY', '/private/{id}', 'private', 'rest', '1.0', 'ApiGatewayRestApi', 'auth', undefined],
        ['POST', '/secure', 'private', 'http', '2.0', 'HttpApi', 'jwtAuth', ['items:write']],
      ],
    );
    assert.deepEqual(problems, []);
  });

  it("the REST API is on the service's stage with the event's CORS and its function authorizer (TOKEN, Authorization); the HTTP API on $default with provider.httpApi's", () => {
    const { stages } = apisOf(text, { stage: 'qa' });
    const rest = stages.get('ApiGatewayRestApi')!;
    assert.equal(rest.stage, 'qa');
    assert.deepEqual(rest.cors?.allowOrigins, ['*']);
    assert.deepEqual(rest.cors?.allowMethods, ['GET', 'OPTIONS']);
    assert.ok(rest.cors?.allowHeaders.includes('Authorization'));
    assert.deepEqual(rest.authorizers, { auth: { kind: 'lambda', functionName: 'auth', type: 'TOKEN', identitySources: ['method.request.header.Authorization'], payloadVersion: '1.0', simpleResponses: false, ttlSeconds: 300 } });
    const http = stages.get('HttpApi')!;
    assert.equal(http.stage, '$default');
    assert.deepEqual(http.cors?.allowOrigins, ['*']);
    assert.deepEqual(http.authorizers, { jwtAuth: { kind: 'jwt', issuer: 'https://issuer.example.com', audience: ['fixture-client'], identitySources: ['$request.header.Authorization'] } });
  });

  it("provider.httpApi.payload '1.0', the `method path` shorthand of http, and what cannot be read said", () => {
    const service = `service: s
provider:
  runtime: nodejs20.x
  httpApi:
    payload: '1.0'
functions:
  a:
    handler: a.handler
    events:
      - http: POST items/{id}/
      - httpApi: 'PUT /things'
      - httpApi: 'things'
      - http:
          path: x
      - http:
          path: y
          method: get
          authorizer: nobody
`;
    const { routes, problems } = apisOf(service);
    assert.deepEqual(routes.map((r) => [r.method, r.path, r.kind, r.payloadVersion]), [
      ['POST', '/items/{id}', 'rest', '1.0'],
      ['PUT', '/things', 'http', '1.0'],
      ['GET', '/y', 'rest', '1.0'],
    ]);
    assert.deepEqual(problems, [
      `functions.a.events[2].httpApi needs a method and a path that starts with "/" (write httpApi: 'GET /hello', httpApi: { method: get, path: /hello }, or httpApi: '*')`,
      'functions.a.events[3].http needs a path and a method (write http: { path: hello, method: get }, or http: GET hello)',
      'functions.a.events[4].http.authorizer names "nobody", which is not a function of this file; routes it guards are served without it (name one of the functions)',
    ]);
  });
});
