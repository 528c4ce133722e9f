import type { CloudFrontHeaders, CloudFrontRequest, CloudFrontRequestEvent, CloudFrontResponse } from 'aws-lambda';
import type { EventContext } from '../types';
import { headers, int, md5, sha256 } from '../helpers';

/** What every Lambda@Edge event is built from: the parameters, headers in CloudFront's form, config, origin, response. */

export const GROUP = 'Amazon CloudFront';

export const VIEWER = {
  distributionDomainName: { default: 'd111111abcdef8.cloudfront.net', description: 'Distribution domain name (the Host viewers use)' },
  distributionId: { default: 'EDFDVBD6EXAMPLE', description: 'Distribution id' },
  method: { default: 'GET', description: 'HTTP method' },
  uri: { default: '/images/photo.jpg', description: 'Request URI (path), as the viewer sent it' },
  querystring: { default: 'size=large&format=webp', description: 'Query string, without the "?" (empty for none)' },
  headers: { default: 'User-Agent: curl/8.5.0\nAccept: image/webp,*/*\nAccept-Encoding: gzip, br', description: 'Viewer request headers: "Name: value" lines, or a JSON object' },
  clientIp: { default: '203.0.113.178', description: 'Viewer IP address' },
};
export const ORIGIN = { origin: { default: 'origin.example.com', description: 'Custom origin domain name' } };
export const BODY = {
  body: { default: '', description: 'Request body, when the trigger has "include body" on (sent base64-encoded, truncated past the size limit); empty for off' },
};
export const RESPONSE = {
  status: { default: '200', description: 'HTTP status code of the response' },
  responseHeaders: {
    default: 'Content-Type: image/jpeg\nContent-Length: 48213\nServer: ExampleOriginServer\nCache-Control: max-age=86400',
    description: 'Response headers: "Name: value" lines, or a JSON object',
  },
};

export type Params<K extends string> = Readonly<Record<K, string>>;
export type ViewerParams = Params<keyof typeof VIEWER>;
export type EventType = CloudFrontRequestEvent['Records'][number]['cf']['config']['eventType'];

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  206: 'Partial Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Headers in CloudFront's form: the lower-case name → [{ key: the name as sent, value }]. */
export function cfHeaders(all: Record<string, string>): CloudFrontHeaders {
  const out: CloudFrontHeaders = {};
  for (const [key, value] of Object.entries(all)) (out[key.toLowerCase()] ??= []).push({ key, value });
  return out;
}

/** `extra` over `base`, ignoring case in names. */
export function merge(base: Record<string, string>, extra: Record<string, string>): Record<string, string> {
  const names = new Set(Object.keys(extra).map((n) => n.toLowerCase()));
  return { ...Object.fromEntries(Object.entries(base).filter(([n]) => !names.has(n.toLowerCase()))), ...extra };
}

/** CloudFront's request id: 56 characters of URL-safe base64. */
function requestId(ctx: EventContext): string {
  const seed = ctx.uuid();
  return Buffer.concat([Buffer.from(sha256(seed), 'hex'), Buffer.from(sha256(`${seed}+`), 'hex').subarray(0, 8)])
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

export function config(p: Params<'distributionDomainName' | 'distributionId'>, ctx: EventContext, eventType: EventType) {
  return { distributionDomainName: p.distributionDomainName, distributionId: p.distributionId, eventType, requestId: requestId(ctx) };
}

export function via(p: Params<'distributionId'>): string {
  return `2.0 ${md5(p.distributionId)}.cloudfront.net (CloudFront)`;
}

export function viewerHeaders(p: ViewerParams): Record<string, string> {
  return merge({ Host: p.distributionDomainName }, headers('headers', p.headers));
}

/** The headers CloudFront forwards to the origin: the origin's host, its own user agent and Via, the viewer's IP. */
export function originHeaders(p: ViewerParams & Params<'origin'>): Record<string, string> {
  const viewer = headers('headers', p.headers);
  const kept = Object.fromEntries(Object.entries(viewer).filter(([n]) => !/^(host|user-agent|via|x-forwarded-for)$/i.test(n)));
  return { 'X-Forwarded-For': p.clientIp, 'User-Agent': 'Amazon CloudFront', Via: via(p), Host: p.origin, ...kept };
}

export function customOrigin(domainName: string): CloudFrontRequest['origin'] {
  return {
    custom: {
      customHeaders: {},
      domainName,
      keepaliveTimeout: 5,
      path: '',
      port: 443,
      protocol: 'https',
      readTimeout: 30,
      sslProtocols: ['TLSv1.2'],
    },
  };
}

/** The body Lambda@Edge passes with "include body": base64, cut at the trigger's limit. */
export function body(text: string, limit: number): CloudFrontRequest['body'] {
  const bytes = Buffer.from(text, 'utf8');
  return { action: 'read-only', data: bytes.subarray(0, limit).toString('base64'), encoding: 'base64', inputTruncated: bytes.length > limit };
}

export function request(p: ViewerParams, all: Record<string, string>): CloudFrontRequest {
  return { clientIp: p.clientIp, headers: cfHeaders(all), method: p.method, querystring: p.querystring.replace(/^\?/, ''), uri: p.uri };
}

export function response(p: Params<keyof typeof RESPONSE> & Params<'uri'>, ctx: EventContext, extra: Record<string, string>): CloudFrontResponse {
  const status = int('status', p.status);
  const base = { Date: ctx.now.toUTCString(), ETag: `"${md5(p.uri)}"`, 'Last-Modified': new Date(ctx.now.getTime() - 86_400_000).toUTCString() };
  return { status: String(status), statusDescription: STATUS_TEXT[status] ?? '', headers: cfHeaders({ ...merge(base, headers('responseHeaders', p.responseHeaders)), ...extra }) };
}
