import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ApiRoute } from '../../../../../src/core/local/api/apiRoute';
import { matchRoute } from '../../../../../src/core/local/api/routeMatch';

const route = (method: string, path: string, functionName = `${method} ${path}`): ApiRoute => ({ method, path, functionName, kind: 'http', payloadVersion: '2.0', apiId: 'Api' });
const served = (routes: ApiRoute[], method: string, path: string) => matchRoute(routes, method, path)?.route.functionName;

describe('core/local/api matchRoute: the route API Gateway chooses', () => {
  const routes = [
    route('GET', '/items'),
    route('GET', '/items/{id}'),
    route('GET', '/items/special'),
    route('ANY', '/items/{id}'),
    route('POST', '/items'),
    route('ANY', '/files/{proxy+}'),
    route('GET', '/files/{folder}/readme'),
  ];

  it('prefers a literal segment over {id} over {proxy+}, and its own method over ANY', () => {
    assert.equal(served(routes, 'GET', '/items/special'), 'GET /items/special');
    assert.equal(served(routes, 'GET', '/items/42'), 'GET /items/{id}');
    assert.equal(served(routes, 'DELETE', '/items/42'), 'ANY /items/{id}');
    assert.equal(served(routes, 'post', '/items'), 'POST /items');
    assert.equal(served(routes, 'GET', '/files/docs/readme'), 'GET /files/{folder}/readme');
    assert.equal(served(routes, 'GET', '/files/docs/a/b.txt'), 'ANY /files/{proxy+}');
  });

  it('gives the path parameters decoded, {proxy+} with its slashes', () => {
    assert.deepEqual(matchRoute(routes, 'GET', '/items/a%20b')?.pathParameters, { id: 'a b' });
    assert.deepEqual(matchRoute(routes, 'PUT', '/files/x/y/z%2Fw')?.pathParameters, { proxy: 'x/y/z/w' });
    assert.deepEqual(matchRoute(routes, 'GET', '/items')?.pathParameters, {});
  });

  it('ignores trailing and doubled slashes, and serves nothing for an unknown path, a method without a route or {proxy+} with nothing', () => {
    assert.equal(served(routes, 'GET', '/items/'), 'GET /items');
    assert.equal(served(routes, 'GET', '//items//42'), 'GET /items/{id}');
    assert.equal(served(routes, 'GET', '/nowhere'), undefined);
    assert.equal(served(routes, 'DELETE', '/items'), undefined);
    assert.equal(served(routes, 'GET', '/files'), undefined);
    assert.equal(served(routes, 'GET', '/items/%E0%A4%A'), undefined, 'a broken escape matches nothing');
  });

  it("falls back to an HTTP API's $default only when no route matches", () => {
    const withDefault = [...routes, route('ANY', '$default', 'catch-all')];
    assert.equal(served(withDefault, 'GET', '/nowhere'), 'catch-all');
    assert.equal(served(withDefault, 'GET', '/items/7'), 'GET /items/{id}');
    assert.deepEqual(matchRoute(withDefault, 'PATCH', '/a/b')?.pathParameters, {});
  });

  it('for any path of plain segments: a literal route beats {id}, which beats {proxy+}, whatever their order', () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,8}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.boolean(), (segments, reversed) => {
        const path = `/${segments.join('/')}`;
        const parameterised = `/${[...segments.slice(0, -1), '{last}'].join('/')}`;
        const candidates = [route('GET', path, 'literal'), route('GET', parameterised, 'parameter'), route('ANY', '/{proxy+}', 'greedy')];
        const ordered = reversed ? [...candidates].reverse() : candidates;
        assert.equal(served(ordered, 'GET', path), 'literal');
        assert.equal(served(ordered.slice(reversed ? 0 : 1, reversed ? 2 : 3), 'GET', path), 'parameter');
        assert.deepEqual(matchRoute([candidates[2]], 'GET', path)?.pathParameters, { proxy: segments.join('/') });
      }),
    );
  });
});
