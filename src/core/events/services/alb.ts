import type { ALBEvent } from 'aws-lambda';
import { defineEvent, type EventContext } from '../types';
import { ACCOUNT, REGION, arn, byteLength, headers, md5 } from '../helpers';
import { encodeBody, flag, mergeHeaders, traceId } from './apigateway';

const GROUP = 'Application Load Balancer';

const PARAMS = {
  region: REGION,
  account: ACCOUNT,
  loadBalancer: { default: 'my-alb', description: 'Load balancer name' },
  targetGroup: { default: 'lambda-targets', description: 'Target group name' },
  method: { default: 'POST', description: 'HTTP method' },
  path: { default: '/orders/1234', description: 'Request path' },
  query: { default: 'expand=items&expand=customer&q=caf%C3%A9', description: 'Query string (a=1&b=2), passed through as sent: the load balancer does not URL-decode it' },
  headers: { default: 'accept: application/json\ncontent-type: application/json\nuser-agent: curl/8.5.0', description: 'Request headers: "Name: value" lines, or a JSON object' },
  body: { default: '{"orderId":"1234","quantity":2}', description: 'Request body (text); empty for none' },
  isBase64Encoded: { default: 'false', description: 'true: the body arrives base64-encoded (binary or compressed content)' },
  sourceIp: { default: '203.0.113.10', description: 'Client IP address' },
};

type P = Readonly<Record<keyof typeof PARAMS, string>>;

/** Query pairs exactly as sent: names and values stay URL-encoded, as ALB passes them. */
function rawPairs(query: string): [string, string][] {
  return query
    .replace(/^\?/, '')
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const i = pair.indexOf('=');
      return i < 0 ? [pair, ''] : [pair.slice(0, i), pair.slice(i + 1)];
    });
}

function request(p: P, ctx: EventContext) {
  const id = md5(`${p.account}/${p.targetGroup}`).slice(0, 16);
  const base: Record<string, string> = {
    host: `${p.loadBalancer}-${parseInt(id.slice(0, 8), 16)}.${p.region}.elb.amazonaws.com`,
    'x-amzn-trace-id': traceId(ctx, id),
    'x-forwarded-for': p.sourceIp,
    'x-forwarded-port': '443',
    'x-forwarded-proto': 'https',
  };
  if (p.body !== '') base['content-length'] = String(byteLength(p.body));
  // ALB sends header names in lower case.
  const given = Object.fromEntries(Object.entries(headers('headers', p.headers)).map(([n, v]) => [n.toLowerCase(), v]));
  const isBase64Encoded = flag(p.isBase64Encoded);
  return {
    targetGroupArn: arn('elasticloadbalancing', p.region, p.account, `targetgroup/${p.targetGroup}/${id}`),
    headers: mergeHeaders(base, given),
    pairs: rawPairs(p.query),
    body: p.body === '' ? '' : encodeBody(p.body, isBase64Encoded),
    isBase64Encoded,
  };
}

export const albEvents = [
  defineEvent<ALBEvent>()({
    service: 'alb',
    event: 'request',
    title: 'Application Load Balancer request',
    group: GROUP,
    params: PARAMS,
    build: (p, ctx) => {
      const r = request(p, ctx);
      return {
        requestContext: { elb: { targetGroupArn: r.targetGroupArn } },
        httpMethod: p.method,
        path: p.path,
        // Without multi-value headers, a repeated query name keeps its last value.
        queryStringParameters: Object.fromEntries(r.pairs),
        headers: r.headers,
        body: r.body,
        isBase64Encoded: r.isBase64Encoded,
      };
    },
  }),
  defineEvent<ALBEvent>()({
    service: 'alb',
    event: 'request-multi-value',
    title: 'Application Load Balancer request (multi-value headers enabled)',
    group: GROUP,
    params: PARAMS,
    build: (p, ctx) => {
      const r = request(p, ctx);
      const multi: Record<string, string[]> = {};
      for (const [k, v] of r.pairs) (multi[k] ??= []).push(v);
      return {
        requestContext: { elb: { targetGroupArn: r.targetGroupArn } },
        httpMethod: p.method,
        path: p.path,
        multiValueQueryStringParameters: multi,
        multiValueHeaders: Object.fromEntries(Object.entries(r.headers).map(([n, v]) => [n, [v]])),
        body: r.body,
        isBase64Encoded: r.isBase64Encoded,
      };
    },
  }),
];
