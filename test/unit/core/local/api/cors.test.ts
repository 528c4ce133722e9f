import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ApiAnswer } from '../../../../../src/core/local/api/apiAnswer';
import type { CorsRules } from '../../../../../src/core/local/api/apiDefinitions';
import type { ApiRequest } from '../../../../../src/core/local/api/apiRequest';
import { corsHeaders, isPreflight, originAllowed, preflightAnswer, restOptionsAnswer, withCors } from '../../../../../src/core/local/api/cors';

const rules = (extra: Partial<CorsRules> = {}): CorsRules => ({
  allowOrigins: ['https://app.example.com'],
  allowMethods: ['GET', 'PUT'],
  allowHeaders: ['authorization', 'content-type'],
  exposeHeaders: ['x-request-id'],
  maxAgeSeconds: 600,
  allowCredentials: false,
  ...extra,
});
const request = (method: string, headers: [string, string][]): ApiRequest => ({ method, rawPath: '/items', rawQuery: '', headers, body: Buffer.alloc(0), sourceIp: '127.0.0.1', protocol: 'HTTP/1.1' });
const preflight = (origin: string, method = 'PUT', askedHeaders?: string) =>
  request('OPTIONS', [['Origin', origin], ['Access-Control-Request-Method', method], ...(askedHeaders ? ([['Access-Control-Request-Headers', askedHeaders]] as [string, string][]) : [])]);
const named = (headers: readonly (readonly [string, string])[], name: string) => headers.filter(([key]) => key.toLowerCase() === name.toLowerCase()).map(([, value]) => value);

describe('core/local/api CORS, as API Gateway computes the headers', () => {
  it('tells a preflight (OPTIONS with Origin and Access-Control-Request-Method) from an ordinary OPTIONS', () => {
    assert.equal(isPreflight(preflight('https://app.example.com')), true);
    assert.equal(isPreflight(request('OPTIONS', [['Origin', 'https://app.example.com']])), false);
    assert.equal(isPreflight(request('GET', [['Origin', 'x'], ['Access-Control-Request-Method', 'GET']])), false);
  });

  it('allows "*", a listed origin whatever its case, and the scheme wildcards of HTTP APIs', () => {
    assert.equal(originAllowed(rules(), 'https://APP.example.com'), true);
    assert.equal(originAllowed(rules(), 'https://evil.example.com'), false);
    assert.equal(originAllowed(rules({ allowOrigins: ['*'] }), 'http://anything:8080'), true);
    assert.equal(originAllowed(rules({ allowOrigins: ['https://*'] }), 'https://a.b'), true);
    assert.equal(originAllowed(rules({ allowOrigins: ['https://*'] }), 'http://a.b'), false);
  });

  it('answers an allowed preflight 204 with the configured methods, headers, max age, and the origin itself', () => {
    const { answer, note } = preflightAnswer(rules(), preflight('https://app.example.com', 'PUT', 'Authorization'));
    assert.equal(answer.statusCode, 204);
    assert.equal(answer.body.length, 0);
    assert.deepEqual(answer.headers, [
      ['Access-Control-Allow-Origin', 'https://app.example.com'],
      ['Access-Control-Allow-Methods', 'GET,PUT'],
      ['Access-Control-Allow-Headers', 'authorization,content-type'],
      ['Access-Control-Max-Age', '600'],
    ]);
    assert.equal(note, undefined);
  });

  it('gives a disallowed origin no CORS headers at all, and says why in the log note', () => {
    const { answer, note } = preflightAnswer(rules(), preflight('https://evil.example.com'));
    assert.equal(answer.statusCode, 204);
    assert.deepEqual(answer.headers, []);
    assert.match(note!, /the origin https:\/\/evil\.example\.com is not in AllowOrigins/);
  });

  it('answers "*" with "*" unless credentials are allowed, when it names the origin; "*" methods and headers echo what was asked', () => {
    const open = corsHeaders(rules({ allowOrigins: ['*'], allowMethods: ['*'], allowHeaders: ['*'] }), preflight('https://a.test', 'DELETE', 'X-One, x-two'));
    assert.deepEqual(named(open, 'Access-Control-Allow-Origin'), ['*']);
    assert.deepEqual(named(open, 'Access-Control-Allow-Methods'), ['DELETE']);
    assert.deepEqual(named(open, 'Access-Control-Allow-Headers'), ['X-One,x-two']);
    const withCredentials = corsHeaders(rules({ allowOrigins: ['*'], allowCredentials: true }), preflight('https://a.test'));
    assert.deepEqual(named(withCredentials, 'Access-Control-Allow-Origin'), ['https://a.test']);
    assert.deepEqual(named(withCredentials, 'Access-Control-Allow-Credentials'), ['true']);
  });

  it('notes a preflight asking for a method or header the rules do not list (the browser will refuse it), but not a safelisted method', () => {
    assert.match(preflightAnswer(rules(), preflight('https://app.example.com', 'DELETE')).note!, /asks for DELETE, which AllowMethods does not list/);
    assert.match(preflightAnswer(rules(), preflight('https://app.example.com', 'PUT', 'x-secret')).note!, /headers x-secret, which AllowHeaders/);
    assert.equal(preflightAnswer(rules(), preflight('https://app.example.com', 'POST')).note, undefined);
  });

  it("puts Allow-Origin, Expose-Headers and Allow-Credentials on an HTTP API's answer in place of the function's own, and leaves a REST API's answer alone", () => {
    const fromFunction: ApiAnswer = {
      statusCode: 200,
      headers: [['Content-Type', 'application/json'], ['access-control-allow-origin', '*'], ['Access-Control-Expose-Headers', 'x-own'], ['X-Own', '1']],
      body: Buffer.from('{}'),
    };
    const get = request('GET', [['Origin', 'https://app.example.com']]);
    const answer = withCors('http', rules({ allowCredentials: true }), get, fromFunction);
    assert.deepEqual(answer.headers, [
      ['Content-Type', 'application/json'],
      ['X-Own', '1'],
      ['Access-Control-Allow-Origin', 'https://app.example.com'],
      ['Access-Control-Allow-Credentials', 'true'],
      ['Access-Control-Expose-Headers', 'x-request-id'],
    ]);
    assert.equal(withCors('rest', rules(), get, fromFunction), fromFunction);
  });

  it("answers SAM's REST OPTIONS method with the values as configured, and the path's methods when AllowMethods is not given", () => {
    const answer = restOptionsAnswer(rules({ allowOrigins: ['https://app.example.com'], allowMethods: [], allowHeaders: [], maxAgeSeconds: undefined }), ['GET', 'OPTIONS', 'POST']);
    assert.equal(answer.statusCode, 200);
    assert.deepEqual(answer.headers, [
      ['Content-Type', 'application/json'],
      ['Access-Control-Allow-Origin', 'https://app.example.com'],
      ['Access-Control-Allow-Methods', 'GET,OPTIONS,POST'],
    ]);
  });

  it('property: an HTTP API answer carries exactly one Allow-Origin for a listed origin, none for another, and never a CORS header of the function', () => {
    const origin = fc.webUrl({ withFragments: false, withQueryParameters: false }).map((url) => new URL(url).origin);
    fc.assert(
      fc.property(fc.uniqueArray(origin, { minLength: 1, maxLength: 4 }), origin, fc.boolean(), fc.boolean(), (listed, other, pickListed, credentials) => {
        const sent = pickListed ? listed[0] : other;
        const own: ApiAnswer = { statusCode: 200, headers: [['Access-Control-Allow-Origin', 'https://function.example'], ['Access-Control-Allow-Credentials', 'false']], body: Buffer.alloc(0) };
        const answer = withCors('http', rules({ allowOrigins: listed, allowCredentials: credentials }), request('GET', [['Origin', sent]]), own);
        const allowOrigin = named(answer.headers, 'Access-Control-Allow-Origin');
        const allowed = listed.some((o) => o.toLowerCase() === sent.toLowerCase());
        assert.deepEqual(allowOrigin, allowed ? [sent] : []);
        assert.ok(!answer.headers.some(([, value]) => value === 'https://function.example' || value === 'false'));
        assert.deepEqual(named(answer.headers, 'Access-Control-Allow-Credentials'), allowed && credentials ? ['true'] : []);
      }),
    );
  });
});
