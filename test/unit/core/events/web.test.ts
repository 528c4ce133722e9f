import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findEventById, generateEvent } from '../../../../src/core/events/catalog';
import type { EventContext } from '../../../../src/core/events/types';

const FIXED: EventContext = { now: new Date('2026-11-26T14:05:09.123Z'), uuid: () => '11111111-2222-4333-8444-555555555555' };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function build(id: string, values: Record<string, string> = {}): Json {
  return generateEvent(findEventById(id), values, FIXED) as Json;
}

const fromBase64 = (data: string) => Buffer.from(data, 'base64').toString('utf8');

/** Any text, unicode included, as a request body. */
const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 });
/** Query strings with repeated names and characters that need encoding. */
const query = fc
  .array(fc.tuple(fc.constantFrom('a', 'b', 'page', 'q'), fc.string({ unit: 'grapheme', maxLength: 8 })), { minLength: 1, maxLength: 6 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));
const region = fc.constantFrom('us-east-1', 'eu-central-2', 'ap-southeast-1', 'sa-east-1');
const account = fc.stringMatching(/^\d{12}$/);

describe('core/events catalogue: web and conversational triggers', () => {
  it('API Gateway REST proxy: the body is the text, or its base64 when isBase64Encoded', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (body, encoded) => {
        const event = build('apigateway aws-proxy', { body, isBase64Encoded: String(encoded) });
        assert.equal(event.isBase64Encoded, encoded);
        assert.equal(encoded ? fromBase64(event.body) : event.body, body);
      }),
    );
    assert.equal(build('apigateway aws-proxy', { body: '' }).body, null);
  });

  it('API Gateway REST proxy: multi-value headers and query parameters agree with the single ones', () => {
    fc.assert(
      fc.property(query, (q) => {
        const event = build('apigateway aws-proxy', { query: q });
        const expected = new URLSearchParams(q);
        for (const [name, values] of Object.entries(event.multiValueQueryStringParameters as Record<string, string[]>)) {
          assert.deepEqual(values, expected.getAll(name));
          assert.equal(event.queryStringParameters[name], values.at(-1), 'the single value is the last one');
        }
        assert.deepEqual(Object.keys(event.queryStringParameters).sort(), [...new Set(expected.keys())].sort());
        for (const [name, value] of Object.entries(event.headers as Record<string, string>)) assert.deepEqual(event.multiValueHeaders[name], [value]);
      }),
    );
    const none = build('apigateway aws-proxy', { query: '' });
    assert.equal(none.queryStringParameters, null);
    assert.equal(none.multiValueQueryStringParameters, null);
  });

  it('API Gateway REST proxy: path parameters, the stage in requestContext.path and the request time follow the parameters', () => {
    const event = build('apigateway aws-proxy', { resource: '/shops/{shopId}/{proxy+}', path: '/shops/42/items/7/reviews', stage: 'dev', method: 'PUT' });
    assert.deepEqual(event.pathParameters, { shopId: '42', proxy: 'items/7/reviews' });
    assert.equal(event.requestContext.path, '/dev/shops/42/items/7/reviews');
    assert.equal(event.requestContext.resourcePath, '/shops/{shopId}/{proxy+}');
    assert.equal(event.requestContext.httpMethod, 'PUT');
    assert.equal(event.requestContext.requestTime, '26/Nov/2026:14:05:09 +0000');
    assert.equal(event.requestContext.requestTimeEpoch, FIXED.now.getTime());
    assert.equal(build('apigateway aws-proxy', { resource: '/health', path: '/health' }).pathParameters, null);
  });

  it('API Gateway authorizers: method and route ARNs carry region, account, API, stage, method and path', () => {
    fc.assert(
      fc.property(region, account, fc.constantFrom('GET', 'POST', 'DELETE'), (r, a, method) => {
        const values = { region: r, account: a, method, path: '/orders/1234' };
        assert.equal(build('apigateway authorizer', { ...values, apiId: 'abc123', stage: 'test' }).methodArn, `arn:aws:execute-api:${r}:${a}:abc123/test/${method}/orders/1234`);
        assert.equal(build('apigateway request-authorizer', { ...values, apiId: 'abc123', stage: 'test' }).methodArn, `arn:aws:execute-api:${r}:${a}:abc123/test/${method}/orders/1234`);
        assert.equal(build('apigateway http-api-authorizer', { ...values, apiId: 'abc123', stage: 'test' }).routeArn, `arn:aws:execute-api:${r}:${a}:abc123/test/${method}/orders/1234`);
      }),
    );
  });

  it('HTTP API and function URLs (payload 2.0): raw query kept, repeated values comma-joined, body and its length consistent', () => {
    for (const id of ['apigateway http-api-proxy', 'lambda function-url', 'lambda function-url-iam']) {
      fc.assert(
        fc.property(query, text, fc.boolean(), (q, body, encoded) => {
          const event = build(id, { query: q, body, isBase64Encoded: String(encoded) });
          assert.equal(event.rawQueryString, q);
          const expected = new URLSearchParams(q);
          for (const name of new Set(expected.keys())) assert.equal(event.queryStringParameters[name], expected.getAll(name).join(','));
          assert.equal(encoded ? fromBase64(event.body) : event.body, body);
          assert.equal(event.headers['content-length'], String(Buffer.byteLength(body, 'utf8')));
          for (const name of Object.keys(event.headers)) assert.equal(name, name.toLowerCase(), 'header names are lower-case');
        }),
        { numRuns: 50 },
      );
      const empty = build(id, { query: '', body: '', cookies: '' });
      assert.ok(!('body' in empty) && !('queryStringParameters' in empty) && !('cookies' in empty) && !('content-length' in empty.headers), id);
    }
  });

  it('HTTP API: cookies move out of the headers; a named stage prefixes rawPath; the route gives routeKey and path parameters', () => {
    const event = build('apigateway http-api-proxy', { cookies: 'a=1; b=2;c=3', headers: 'Cookie: x=9\nX-Custom: yes', stage: 'beta', route: '/orders/{id}', method: 'GET' });
    assert.deepEqual(event.cookies, ['a=1', 'b=2', 'c=3']);
    assert.equal(event.headers.cookie, undefined);
    assert.equal(event.headers['x-custom'], 'yes');
    assert.equal(event.rawPath, '/beta/orders/1234');
    assert.equal(event.requestContext.http.path, '/beta/orders/1234');
    assert.equal(event.routeKey, 'GET /orders/{id}');
    assert.equal(event.requestContext.routeKey, 'GET /orders/{id}');
    assert.deepEqual(event.pathParameters, { id: '1234' });
    const fallback = build('apigateway http-api-proxy', { route: '$default' });
    assert.equal(fallback.routeKey, '$default');
    assert.ok(!('pathParameters' in fallback));
  });

  it('Lambda function URLs: the domain carries URL id and region; NONE is anonymous, AWS_IAM names the signer', () => {
    fc.assert(
      fc.property(region, account, fc.stringMatching(/^[a-z0-9]{32}$/), (r, a, urlId) => {
        const open = build('lambda function-url', { region: r, urlId });
        assert.equal(open.requestContext.domainName, `${urlId}.lambda-url.${r}.on.aws`);
        assert.equal(open.headers.host, `${urlId}.lambda-url.${r}.on.aws`);
        assert.equal(open.requestContext.accountId, 'anonymous');
        const signed = build('lambda function-url-iam', { region: r, account: a, urlId, signer: 'bob' });
        assert.equal(signed.requestContext.authorizer.iam.userArn, `arn:aws:iam::${a}:user/bob`);
        assert.match(signed.headers.authorization, new RegExp(`/20261126/${r}/lambda/aws4_request`));
      }),
      { numRuns: 30 },
    );
  });

  it('ALB: query values pass through still URL-encoded, the target group ARN follows region and account, the body may be base64', () => {
    fc.assert(
      fc.property(query, text, fc.boolean(), region, account, (q, body, encoded, r, a) => {
        const single = build('alb request', { query: q, body, isBase64Encoded: String(encoded), region: r, account: a });
        const multi = build('alb request-multi-value', { query: q, body, isBase64Encoded: String(encoded), region: r, account: a });
        const pairs = q.split('&').map((pair) => pair.split('=') as [string, string]);
        for (const [name, value] of pairs) assert.ok(multi.multiValueQueryStringParameters[name].includes(value), 'raw value kept');
        for (const name of Object.keys(single.queryStringParameters)) assert.equal(single.queryStringParameters[name], pairs.filter(([n]) => n === name).at(-1)?.[1]);
        for (const event of [single, multi]) {
          assert.match(event.requestContext.elb.targetGroupArn, new RegExp(`^arn:aws:elasticloadbalancing:${r}:${a}:targetgroup/lambda-targets/[0-9a-f]{16}$`));
          assert.equal(encoded ? fromBase64(event.body) : event.body, body);
        }
        assert.equal(single.headers['content-length'], String(Buffer.byteLength(body, 'utf8')));
        assert.deepEqual(multi.multiValueHeaders['content-length'], [String(Buffer.byteLength(body, 'utf8'))]);
        assert.ok(!('headers' in multi) && !('queryStringParameters' in multi) && !('multiValueHeaders' in single));
      }),
      { numRuns: 50 },
    );
  });

  it("CloudFront: headers in CloudFront's form, uri and querystring as given, an included body base64 and cut at the limit", () => {
    const header = fc.tuple(fc.stringMatching(/^[A-Z][a-zA-Z]{1,8}(-[A-Z][a-zA-Z]{1,8})?$/), fc.stringMatching(/^[a-z0-9 ./=*,-]{1,20}$/));
    fc.assert(
      fc.property(fc.uniqueArray(header, { selector: ([n]) => n.toLowerCase(), maxLength: 5 }), fc.webPath(), query, (pairs, uri, q) => {
        const given = Object.fromEntries(pairs.filter(([n]) => !/^(host|via|user-agent|x-forwarded-for)$/i.test(n)));
        for (const id of ['cloudfront viewer-request', 'cloudfront origin-request', 'cloudfront viewer-response', 'cloudfront origin-response']) {
          const { cf } = build(id, { headers: JSON.stringify(given), uri, querystring: q }).Records[0];
          assert.equal(cf.config.eventType, id.split(' ')[1]);
          assert.equal(cf.request.uri, uri);
          assert.equal(cf.request.querystring, q);
          for (const [name, value] of Object.entries(given)) assert.deepEqual(cf.request.headers[name.toLowerCase()], [{ key: name, value }], `${id} ${name}`);
          for (const [name, list] of Object.entries(cf.request.headers as Record<string, { key: string }[]>)) {
            assert.equal(name, name.toLowerCase());
            for (const h of list) assert.equal(h.key.toLowerCase(), name);
          }
        }
      }),
      { numRuns: 40 },
    );
    fc.assert(
      fc.property(text, (body) => {
        const request = build('cloudfront viewer-request', { body }).Records[0].cf.request;
        assert.deepEqual(request.body, { action: 'read-only', data: Buffer.from(body, 'utf8').toString('base64'), encoding: 'base64', inputTruncated: false });
      }),
    );
    const big = 'x'.repeat(50 * 1024);
    const viewer = build('cloudfront viewer-request', { body: big }).Records[0].cf.request.body;
    assert.equal(viewer.inputTruncated, true);
    assert.equal(Buffer.from(viewer.data, 'base64').length, 40 * 1024);
    assert.equal(build('cloudfront origin-request', { body: big }).Records[0].cf.request.body.inputTruncated, false);
    assert.ok(!('body' in build('cloudfront viewer-request').Records[0].cf.request), 'no body unless included');
  });

  it('CloudFront: host headers name the distribution to viewers and the origin to the origin', () => {
    const viewer = build('cloudfront viewer-request', { distributionDomainName: 'd2example.cloudfront.net' }).Records[0].cf;
    assert.equal(viewer.config.distributionDomainName, 'd2example.cloudfront.net');
    assert.deepEqual(viewer.request.headers.host, [{ key: 'Host', value: 'd2example.cloudfront.net' }]);
    const origin = build('cloudfront origin-request', { origin: 'api.example.net' }).Records[0].cf.request;
    assert.deepEqual(origin.headers.host, [{ key: 'Host', value: 'api.example.net' }]);
    assert.equal(origin.origin.custom.domainName, 'api.example.net');
    const response = build('cloudfront origin-response', { status: '404' }).Records[0].cf.response;
    assert.equal(response.status, '404');
    assert.equal(response.statusDescription, 'Not Found');
  });

  it('AppSync: arguments as pairs or JSON reach arguments and info.variables; identity follows the user pool', () => {
    const event = build('appsync resolver', { arguments: '{"input":{"title":"Hi","tags":["a"]}}', region: 'eu-west-1', userPoolId: 'eu-west-1_ABC', fieldName: 'createPost', parentTypeName: 'Mutation' });
    assert.deepEqual(event.arguments, { input: { title: 'Hi', tags: ['a'] } });
    assert.deepEqual(event.info.variables, event.arguments);
    assert.equal(event.info.fieldName, 'createPost');
    assert.equal(event.info.parentTypeName, 'Mutation');
    assert.equal(event.identity.issuer, 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_ABC');
    assert.equal(event.request.headers.host.endsWith('.appsync-api.eu-west-1.amazonaws.com'), true);
    assert.deepEqual(build('appsync resolver', { arguments: 'id=7&lang=fr' }).arguments, { id: '7', lang: 'fr' });
    const batch = generateEvent(findEventById('appsync batch-resolver'), { sources: 'p1, p2,p3' }, FIXED) as Json[];
    assert.deepEqual(
      batch.map((e) => e.source.id),
      ['p1', 'p2', 'p3'],
    );
  });

  it('Alexa: ids and locale reach the session, the context and the request; slots carry their values', () => {
    const values = { applicationId: 'amzn1.ask.skill.abc', userId: 'amzn1.ask.account.XYZ', locale: 'de-DE' };
    const start = build('alexa-skills-kit start-session', values);
    assert.equal(start.session.new, true);
    assert.equal(start.session.application.applicationId, values.applicationId);
    assert.equal(start.context.System.application.applicationId, values.applicationId);
    assert.equal(start.context.System.user.userId, values.userId);
    assert.equal(start.request.type, 'LaunchRequest');
    assert.equal(start.request.locale, 'de-DE');
    assert.equal(start.request.timestamp, '2026-11-26T14:05:09Z');
    const color = build('alexa-skills-kit intent-mycoloris', { ...values, color: 'green' }).request.intent.slots.Color;
    assert.equal(color.value, 'green');
    assert.equal(color.resolutions.resolutionsPerAuthority[0].authority, 'amzn1.er-authority.echo-sdk.amzn1.ask.skill.abc.LIST_OF_COLORS');
    const discovery = build('alexa-smart-home smart-home-discovery-request', { token: 'tok' });
    assert.deepEqual(discovery.directive.payload.scope, { type: 'BearerToken', token: 'tok' });
    assert.equal(build('alexa-smart-home smart-home-control-turn-off-request').directive.header.name, 'TurnOff');
  });

  it('Connect and Lex: maps from pairs or JSON, ARNs from region and account, empty slots null', () => {
    const contact = build('connect contact-flow-event', { region: 'eu-west-2', account: '111122223333', parameters: '{"k":"v"}', attributes: 'a=1&b=2' });
    assert.deepEqual(contact.Details.Parameters, { k: 'v' });
    assert.deepEqual(contact.Details.ContactData.Attributes, { a: '1', b: '2' });
    assert.match(contact.Details.ContactData.InstanceARN, /^arn:aws:connect:eu-west-2:111122223333:instance\//);
    assert.ok(contact.Details.ContactData.Queue.ARN.startsWith(`${contact.Details.ContactData.InstanceARN}/queue/`));
    const v1 = build('lex book-hotel', { checkInDate: '2026-12-01', location: '' });
    assert.equal(v1.currentIntent.slots.CheckInDate, '2026-12-01');
    assert.equal(v1.currentIntent.slots.Location, null);
    assert.ok(!('Location' in v1.currentIntent.slotDetails));
    const v2 = build('lex-v2 order-flowers', { pickupDate: '2026-12-24', pickupTime: '' });
    assert.equal(v2.sessionState.intent.slots.PickupDate.value.interpretedValue, '2026-12-24');
    assert.equal(v2.sessionState.intent.slots.PickupTime, null);
    assert.equal(v2.proposedNextState.dialogAction.slotToElicit, 'PickupTime');
    assert.ok(!('proposedNextState' in build('lex-v2 banking-bot')), 'a fulfillment hook has no proposed next state');
  });
});
