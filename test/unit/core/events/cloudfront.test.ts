import * as assert from 'node:assert/strict';
import type { CloudFrontHeaders, CloudFrontRequestEvent, CloudFrontResponseEvent } from 'aws-lambda';
import fc from 'fast-check';
import { EventLookupError, findEventById, generateEvent } from '../../../../src/core/events/catalog';
import type { EventContext } from '../../../../src/core/events/types';

const FIXED: EventContext = { now: new Date('2026-11-26T14:05:09.123Z'), uuid: () => '11111111-2222-4333-8444-555555555555' };

function requestEvent(id: string, values: Record<string, string> = {}): CloudFrontRequestEvent['Records'][number]['cf'] {
  return (generateEvent(findEventById(`cloudfront ${id}`), values, FIXED) as CloudFrontRequestEvent).Records[0].cf;
}

function responseEvent(id: string, values: Record<string, string> = {}): CloudFrontResponseEvent['Records'][number]['cf'] {
  return (generateEvent(findEventById(`cloudfront ${id}`), values, FIXED) as CloudFrontResponseEvent).Records[0].cf;
}

/** What a handler reads: `headers['name'][0].value`. */
function header(headers: CloudFrontHeaders, name: string): string | undefined {
  return headers[name]?.[0]?.value;
}

/** The trigger each scenario runs on, and the header names (lower case) a handler for it reads. */
const SCENARIOS: Record<string, { eventType: string; request: string[]; response?: string[]; querystring?: boolean }> = {
  'ab-test': { eventType: 'viewer-request', request: ['host', 'user-agent', 'cookie'] },
  'access-request-in-response': { eventType: 'viewer-response', request: ['host', 'user-name'], response: ['x-cache'] },
  'http-redirect': { eventType: 'viewer-request', request: ['host', 'user-agent'] },
  'modify-querystring': { eventType: 'viewer-request', request: ['host', 'user-agent', 'user-name'], querystring: true },
  'modify-response-header': { eventType: 'origin-response', request: ['host'], response: ['vary', 'last-modified', 'x-amz-meta-last-modified'] },
  'multiple-remote-calls-aggregate-response': { eventType: 'origin-request', request: ['host', 'user-agent'] },
  'normalize-querystring-to-improve-cache-hit': { eventType: 'viewer-request', request: ['host', 'user-agent', 'user-name'], querystring: true },
  'redirect-on-viewer-country': { eventType: 'origin-request', request: ['host', 'cloudfront-viewer-country'] },
  'redirect-unauthenticated-users': { eventType: 'viewer-request', request: ['host'], querystring: true },
  'response-generation': { eventType: 'viewer-request', request: ['host'] },
  'serve-object-on-viewer-device': {
    eventType: 'origin-request',
    request: ['host', 'cloudfront-is-desktop-viewer', 'cloudfront-is-mobile-viewer', 'cloudfront-is-smarttv-viewer', 'cloudfront-is-tablet-viewer'],
  },
  'simple-remote-call': { eventType: 'origin-request', request: ['host', 'user-agent', 'user-name'] },
};

describe('core/events CloudFront Lambda@Edge scenarios', () => {
  for (const [id, expected] of Object.entries(SCENARIOS)) {
    it(`${id}: a ${expected.eventType} event with the request${expected.response ? ' and response' : ''} headers its handler reads`, () => {
      const cf = expected.response ? responseEvent(id) : requestEvent(id);
      assert.equal(cf.config.eventType, expected.eventType);
      assert.equal(cf.config.distributionId, 'EDFDVBD6EXAMPLE');
      assert.match(cf.config.requestId, /^[A-Za-z0-9_-]{54}==$/);
      assert.ok(cf.request.uri.startsWith('/') && typeof cf.request.method === 'string' && cf.request.clientIp !== '');
      for (const name of expected.request) assert.ok(header(cf.request.headers, name), `request header ${name}`);
      for (const [name, values] of Object.entries(cf.request.headers)) {
        assert.equal(name, name.toLowerCase());
        for (const v of values) assert.equal(v.key?.toLowerCase(), name);
      }
      if (expected.querystring) assert.notEqual(cf.request.querystring, '');
      if (expected.eventType.startsWith('origin')) assert.ok(cf.request.origin?.custom?.domainName, 'an origin request names its origin');
      if (expected.response) {
        const { response } = cf as CloudFrontResponseEvent['Records'][number]['cf'];
        assert.equal(response.status, '200');
        assert.equal(response.statusDescription, 'OK');
        for (const name of expected.response) assert.ok(header(response.headers, name), `response header ${name}`);
      }
    });
  }

  it('every scenario names its distribution where a handler reads it: config and, to viewers, the Host header', () => {
    for (const id of Object.keys(SCENARIOS)) {
      const cf = SCENARIOS[id].response ? responseEvent(id, { distributionId: 'E2QWRUHEXAMPLE', distributionDomainName: 'd9xyz.cloudfront.net' }) : requestEvent(id, { distributionId: 'E2QWRUHEXAMPLE', distributionDomainName: 'd9xyz.cloudfront.net' });
      assert.equal(cf.config.distributionId, 'E2QWRUHEXAMPLE', id);
      assert.equal(cf.config.distributionDomainName, 'd9xyz.cloudfront.net', id);
      if (SCENARIOS[id].eventType.startsWith('viewer')) assert.equal(header(cf.request.headers, 'host'), 'd9xyz.cloudfront.net', id);
    }
  });

  it('redirect-on-viewer-country: the handler reads the viewer country it is given, upper-cased; anything but two letters is refused by name', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{2}$/), (country) => {
        const cf = requestEvent('redirect-on-viewer-country', { viewerCountry: country });
        assert.deepEqual(cf.request.headers['cloudfront-viewer-country'], [{ key: 'CloudFront-Viewer-Country', value: country.toUpperCase() }]);
      }),
    );
    for (const bad of ['', 'DEU', 'D1', 'Deutschland']) {
      assert.throws(() => requestEvent('redirect-on-viewer-country', { viewerCountry: bad }), (e: EventLookupError) => e instanceof EventLookupError && /viewerCountry must be a two-letter/.test(e.message));
    }
  });

  it('ab-test: the handler finds its experiment cookie in the Cookie header; without one there is no Cookie header', () => {
    const cf = requestEvent('ab-test', { cookie: 'theme=dark; experiment-group=variant-a' });
    const cookies = Object.fromEntries((header(cf.request.headers, 'cookie') ?? '').split(/;\s*/).map((c) => c.split('=')));
    assert.equal(cookies['experiment-group'], 'variant-a');
    assert.equal(cookies.theme, 'dark');
    assert.equal(cf.request.headers.cookie.length, 1);
    assert.ok(!('cookie' in requestEvent('ab-test', { cookie: '' }).request.headers));
    assert.ok(!('cookie' in requestEvent('redirect-unauthenticated-users').request.headers), 'an unauthenticated user sends no session cookie');
  });

  it('modify-querystring and normalize-querystring: the handler parses the query string it is given, without "?"', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-zA-Z]{1,6}$/), fc.stringMatching(/^[a-zA-Z0-9]{0,6}$/), { minKeys: 1, maxKeys: 4, noNullPrototype: true }), (params) => {
        const q = new URLSearchParams(params).toString();
        for (const id of ['modify-querystring', 'normalize-querystring-to-improve-cache-hit']) {
          const parsed = Object.fromEntries(new URLSearchParams(requestEvent(id, { querystring: `?${q}` }).request.querystring));
          assert.deepEqual(parsed, params);
        }
      }),
    );
  });

  it('serve-object-on-viewer-device: exactly the chosen device header says "true"; an unknown device is refused naming the choices', () => {
    for (const device of ['desktop', 'mobile', 'smarttv', 'tablet']) {
      const { headers } = requestEvent('serve-object-on-viewer-device', { device }).request;
      const yes = Object.keys(headers).filter((n) => n.startsWith('cloudfront-is-') && header(headers, n) === 'true');
      assert.deepEqual(yes, [`cloudfront-is-${device}-viewer`]);
    }
    assert.equal(header(requestEvent('serve-object-on-viewer-device', { device: 'SmartTV' }).request.headers, 'cloudfront-is-smarttv-viewer'), 'true');
    assert.throws(() => requestEvent('serve-object-on-viewer-device', { device: 'watch' }), /device must be one of desktop, mobile, smarttv, tablet, not "watch"/);
  });

  it('modify-response-header: the origin status and the metadata date a handler copies into Last-Modified', () => {
    const { response } = responseEvent('modify-response-header', { status: '404', metaLastModified: 'Tue, 01 Sep 2026 07:00:00 GMT' });
    assert.equal(response.status, '404');
    assert.equal(response.statusDescription, 'Not Found');
    assert.deepEqual(response.headers['x-amz-meta-last-modified'], [{ key: 'X-Amz-Meta-Last-Modified', value: 'Tue, 01 Sep 2026 07:00:00 GMT' }]);
    assert.notEqual(header(response.headers, 'last-modified'), 'Tue, 01 Sep 2026 07:00:00 GMT', 'the function, not the event, copies it');
    assert.throws(() => responseEvent('modify-response-header', { status: 'ok' }), /status must be a whole number/);
  });

  it('access-request-in-response: the request headers a viewer-response handler reads are those the viewer sent', () => {
    const cf = responseEvent('access-request-in-response', { headers: 'User-Name: li.wei\nAccept-Language: zh-TW' });
    assert.equal(header(cf.request.headers, 'user-name'), 'li.wei');
    assert.equal(header(cf.request.headers, 'accept-language'), 'zh-TW');
    assert.ok(header(cf.response.headers, 'x-cache'));
  });
});
