import * as assert from 'node:assert/strict';
import type { ApiEventContext, ApiRequest } from '../../../../../src/core/local/api/apiRequest';
import type { ApiRoute } from '../../../../../src/core/local/api/apiRoute';
import { httpEvent } from '../../../../../src/core/local/api/httpEvent';
import { restEvent } from '../../../../../src/core/local/api/restEvent';
import { matchRoute } from '../../../../../src/core/local/api/routeMatch';

const NOW = new Date(Date.UTC(2026, 11, 3, 9, 5, 7, 123));
const context = (extra: Partial<ApiEventContext> = {}): ApiEventContext => ({
  apiId: 'ServerlessRestApi',
  stage: 'Prod',
  stageVariables: {},
  binaryMediaTypes: [],
  requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
  now: NOW,
  domainName: '127.0.0.1:3000',
  ...extra,
});
const request = (extra: Partial<ApiRequest> = {}): ApiRequest => ({
  method: 'POST',
  rawPath: '/orders/A%2F1',
  rawQuery: 'tag=a&tag=b+c&q=%E2%9C%93&empty=',
  headers: [
    ['Host', '127.0.0.1:3000'],
    ['User-Agent', 'curl/8.5.0'],
    ['X-Trace', 'one'],
    ['x-trace', 'two'],
    ['Cookie', 'session=abc; theme=dark'],
    ['Content-Type', 'application/json'],
  ],
  body: Buffer.from('{"qty":2}'),
  sourceIp: '127.0.0.1',
  protocol: 'HTTP/1.1',
  ...extra,
});
const rest: ApiRoute = { method: 'POST', path: '/orders/{id}', functionName: 'Orders', kind: 'rest', payloadVersion: '1.0', apiId: 'ServerlessRestApi' };
const http: ApiRoute = { ...rest, kind: 'http', payloadVersion: '2.0', apiId: 'ServerlessHttpApi' };
const matched = (route: ApiRoute, req = request()) => matchRoute([route], req.method, req.rawPath)!;

describe('core/local/api events, as API Gateway builds them', () => {
  describe('REST, payload 1.0', () => {
    it('keeps header names as sent, the last repeated value in headers and all in multiValueHeaders; the same for the query', () => {
      const event = restEvent(request(), matched(rest), context());
      assert.equal(event.resource, '/orders/{id}');
      assert.equal(event.path, '/orders/A%2F1');
      assert.equal(event.httpMethod, 'POST');
      assert.equal(event.headers['X-Trace'], 'one');
      assert.equal(event.headers['x-trace'], 'two');
      assert.deepEqual(event.multiValueHeaders['Cookie'], ['session=abc; theme=dark']);
      assert.deepEqual(event.queryStringParameters, { tag: 'b+c', q: '✓', empty: '' });
      assert.deepEqual(event.multiValueQueryStringParameters, { tag: ['a', 'b+c'], q: ['✓'], empty: [''] });
      assert.deepEqual(event.pathParameters, { id: 'A/1' });
      assert.equal(event.stageVariables, null);
      assert.equal(event.body, '{"qty":2}');
      assert.equal(event.isBase64Encoded, false);
    });

    it('says null for an absent query, path parameters and body, and gives stage variables when the stage has some', () => {
      const req = request({ method: 'GET', rawPath: '/health', rawQuery: '', body: Buffer.alloc(0) });
      const event = restEvent(req, matched({ ...rest, method: 'GET', path: '/health' }, req), context({ stageVariables: { TABLE: 'orders-dev' } }));
      assert.equal(event.queryStringParameters, null);
      assert.equal(event.multiValueQueryStringParameters, null);
      assert.equal(event.pathParameters, null);
      assert.equal(event.body, null);
      assert.deepEqual(event.stageVariables, { TABLE: 'orders-dev' });
    });

    it('has the requestContext a handler reads: stage in its path, the time in both forms, the caller', () => {
      const { requestContext } = restEvent(request(), matched(rest), context());
      assert.equal(requestContext.stage, 'Prod');
      assert.equal(requestContext.path, '/Prod/orders/A%2F1');
      assert.equal(requestContext.resourcePath, '/orders/{id}');
      assert.equal(requestContext.requestTime, '03/Dec/2026:09:05:07 +0000');
      assert.equal(requestContext.requestTimeEpoch, NOW.getTime());
      assert.equal(requestContext.requestId, 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef');
      assert.equal(requestContext.identity.sourceIp, '127.0.0.1');
      assert.equal(requestContext.identity.userAgent, 'curl/8.5.0');
      assert.equal(requestContext.accountId, '123456789012');
      assert.match(requestContext.resourceId, /^[0-9a-f]{6}$/);
    });

    it('sends the body base64 when its content type is one of BinaryMediaTypes, and as text otherwise', () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
      const req = request({ headers: [['Content-Type', 'image/png']], body: png });
      const binary = restEvent(req, matched(rest, req), context({ binaryMediaTypes: ['image/*'] }));
      assert.equal(binary.isBase64Encoded, true);
      assert.deepEqual(Buffer.from(binary.body!, 'base64'), png);
      const text = restEvent(req, matched(rest, req), context({ binaryMediaTypes: ['application/pdf'] }));
      assert.equal(text.isBase64Encoded, false);
    });

    it('an HTTP API route set to payload 1.0 says version 1.0, keeps the path without the stage, and decides binary by text-ness', () => {
      const route: ApiRoute = { ...http, payloadVersion: '1.0' };
      const req = request({ headers: [['Content-Type', 'application/octet-stream']], body: Buffer.from([1, 2, 3]) });
      const event = restEvent(req, matched(route, req), context({ stage: '$default' }), { httpApi: true });
      assert.equal(event.version, '1.0');
      assert.equal(event.requestContext.path, '/orders/A%2F1');
      assert.equal(event.isBase64Encoded, true);
    });
  });

  describe('HTTP API, payload 2.0', () => {
    it('lower-cases header names, comma-joins repeats, moves Cookie into cookies[] and comma-joins repeated query parameters', () => {
      const event = httpEvent(request(), matched(http), context({ stage: '$default' }));
      assert.equal(event.version, '2.0');
      assert.equal(event.routeKey, 'POST /orders/{id}');
      assert.equal(event.rawPath, '/orders/A%2F1');
      assert.equal(event.rawQueryString, 'tag=a&tag=b+c&q=%E2%9C%93&empty=');
      assert.deepEqual(event.cookies, ['session=abc', 'theme=dark']);
      assert.equal(event.headers['x-trace'], 'one,two');
      assert.equal(event.headers['cookie'], undefined);
      assert.equal(event.headers['user-agent'], 'curl/8.5.0');
      assert.deepEqual(event.queryStringParameters, { tag: 'a,b+c', q: '✓', empty: '' });
      assert.deepEqual(event.pathParameters, { id: 'A/1' });
      assert.equal(event.body, '{"qty":2}');
      assert.equal(event.isBase64Encoded, false);
      assert.deepEqual(event.requestContext.http, { method: 'POST', path: '/orders/A%2F1', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'curl/8.5.0' });
      assert.equal(event.requestContext.time, '03/Dec/2026:09:05:07 +0000');
      assert.equal(event.requestContext.timeEpoch, NOW.getTime());
      assert.equal(event.requestContext.stage, '$default');
    });

    it('leaves out, rather than nulls, what is absent; $default is the routeKey of the catch-all', () => {
      const req = request({ method: 'GET', rawPath: '/', rawQuery: '', headers: [], body: Buffer.alloc(0) });
      const route: ApiRoute = { ...http, method: 'ANY', path: '$default' };
      const event = httpEvent(req, matchRoute([route], 'GET', '/')!, context());
      assert.equal(event.routeKey, '$default');
      for (const key of ['cookies', 'queryStringParameters', 'pathParameters', 'stageVariables', 'body'] as const) assert.ok(!(key in event), `${key} should be left out`);
    });

    it('sends a body that is not text as base64', () => {
      const bytes = Buffer.from([0, 159, 146, 150]);
      const req = request({ headers: [['content-type', 'application/octet-stream']], body: bytes });
      const event = httpEvent(req, matched(http, req), context());
      assert.equal(event.isBase64Encoded, true);
      assert.deepEqual(Buffer.from(event.body!, 'base64'), bytes);
      const form = request({ headers: [['content-type', 'application/x-www-form-urlencoded']], body: Buffer.from('a=1') });
      assert.equal(httpEvent(form, matched(http, form), context()).isBase64Encoded, false);
    });
  });
});
