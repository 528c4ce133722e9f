import * as assert from 'node:assert/strict';
import { internalServerError, mapAnswer, missingAuthenticationToken, noRouteAnswer } from '../../../../../src/core/local/api/apiAnswer';
import type { ApiAnswer } from '../../../../../src/core/local/api/apiAnswer';
import type { ApiRoute } from '../../../../../src/core/local/api/apiRoute';

const rest: ApiRoute = { method: 'GET', path: '/x', functionName: 'Fn', kind: 'rest', payloadVersion: '1.0', apiId: 'ServerlessRestApi' };
const httpV2: ApiRoute = { ...rest, kind: 'http', payloadVersion: '2.0', apiId: 'ServerlessHttpApi' };
const httpV1: ApiRoute = { ...httpV2, payloadVersion: '1.0' };

function answered(route: ApiRoute, response: unknown, binaryMediaTypes: string[] = []): ApiAnswer {
  const mapped = mapAnswer(route, typeof response === 'string' ? response : JSON.stringify(response), binaryMediaTypes);
  assert.ok('answer' in mapped, `expected an answer, got: ${'malformed' in mapped ? mapped.malformed : ''}`);
  return mapped.answer;
}
function refused(route: ApiRoute, response: unknown): string {
  const mapped = mapAnswer(route, typeof response === 'string' ? response : JSON.stringify(response));
  assert.ok('malformed' in mapped, 'expected API Gateway to refuse it');
  return mapped.malformed;
}
const header = (answer: ApiAnswer, name: string) => answer.headers.filter(([key]) => key.toLowerCase() === name.toLowerCase()).map(([, value]) => value);

describe('core/local/api mapAnswer: a function response read back as API Gateway reads it', () => {
  it('payload 1.0: statusCode, body, headers and multiValueHeaders merged (a name in both keeps its multi values)', () => {
    const answer = answered(rest, {
      statusCode: 201,
      headers: { 'X-One': 'a', 'Set-Cookie': 'ignored=1', 'Content-Type': 'text/plain' },
      multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'], 'X-Many': [1, 2] },
      body: 'created',
    });
    assert.equal(answer.statusCode, 201);
    assert.equal(answer.body.toString(), 'created');
    assert.deepEqual(header(answer, 'set-cookie'), ['a=1', 'b=2']);
    assert.deepEqual(header(answer, 'x-many'), ['1', '2']);
    assert.deepEqual(header(answer, 'x-one'), ['a']);
    assert.deepEqual(header(answer, 'content-type'), ['text/plain']);
  });

  it('REST: statusCode defaults to 200 and Content-Type to application/json; base64 is decoded only for a binary media type', () => {
    const plain = answered(rest, { body: '{"ok":true}' });
    assert.equal(plain.statusCode, 200);
    assert.deepEqual(header(plain, 'content-type'), ['application/json']);
    const image = { statusCode: 200, headers: { 'Content-Type': 'image/png' }, body: Buffer.from([1, 2, 255]).toString('base64'), isBase64Encoded: true };
    assert.deepEqual(answered(rest, image, ['image/png']).body, Buffer.from([1, 2, 255]));
    assert.equal(answered(rest, image, []).body.toString(), image.body, 'not a binary media type: the base64 text as it is');
  });

  it('REST refuses what API Gateway answers 502 for: not an object, unknown keys, a body that is not a string, a bad statusCode', () => {
    assert.match(refused(rest, 'not json'), /not JSON/);
    assert.match(refused(rest, '"hello"'), /must be an object with statusCode, not the string "hello"/);
    assert.match(refused(rest, { statusCode: 200, cookies: ['a=1'] }), /keys a REST API does not accept: cookies/);
    assert.match(refused(rest, { statusCode: 200, body: { a: 1 } }), /body must be a string/);
    assert.match(refused(rest, { statusCode: 'two hundred' }), /statusCode must be a number/);
    assert.match(refused(rest, { statusCode: 200, multiValueHeaders: { A: 'b' } }), /multiValueHeaders\.A must be a list/);
  });

  it('HTTP API 1.0 needs a statusCode and decodes base64 whenever it is flagged', () => {
    assert.match(refused(httpV1, { body: 'x' }), /statusCode must be a number/);
    const answer = answered(httpV1, { statusCode: 200, body: Buffer.from('hi').toString('base64'), isBase64Encoded: true });
    assert.equal(answer.body.toString(), 'hi');
  });

  it('payload 2.0: an object with statusCode is used as given, cookies[] become one Set-Cookie each', () => {
    const answer = answered(httpV2, { statusCode: 302, headers: { Location: '/next', 'X-A': 'b' }, cookies: ['s=1; HttpOnly', 't=2'], body: '' });
    assert.equal(answer.statusCode, 302);
    assert.deepEqual(header(answer, 'location'), ['/next']);
    assert.deepEqual(header(answer, 'set-cookie'), ['s=1; HttpOnly', 't=2']);
  });

  it('payload 2.0: anything else is a "simple" answer: 200, the response as the body, application/json', () => {
    for (const response of [{ message: 'hello' }, '"hello"', '42', '[1,2]', 'null']) {
      const text = typeof response === 'string' ? response : JSON.stringify(response);
      const answer = answered(httpV2, text);
      assert.equal(answer.statusCode, 200);
      assert.equal(answer.body.toString(), text);
      assert.deepEqual(header(answer, 'content-type'), ['application/json']);
    }
    assert.match(refused(httpV2, 'undefined'), /not JSON/);
  });

  it("API Gateway's own answers: 502 Internal server error and 403 Missing Authentication Token, as JSON", () => {
    assert.deepEqual([internalServerError().statusCode, JSON.parse(internalServerError().body.toString())], [502, { message: 'Internal server error' }]);
    assert.deepEqual([missingAuthenticationToken().statusCode, JSON.parse(missingAuthenticationToken().body.toString())], [403, { message: 'Missing Authentication Token' }]);
  });

  it('no route: an HTTP API answers 404 Not Found, a REST API (or a port serving both kinds) 403', () => {
    const answered = (...kinds: string[]) => {
      const answer = noRouteAnswer(new Set(kinds));
      return [answer.statusCode, JSON.parse(answer.body.toString())];
    };
    assert.deepEqual(answered('http'), [404, { message: 'Not Found' }]);
    assert.deepEqual(answered('rest'), [403, { message: 'Missing Authentication Token' }]);
    assert.deepEqual(answered('rest', 'http'), [403, { message: 'Missing Authentication Token' }]);
  });
});
