import { matchesMediaType } from './apiRequest';
import type { ApiRoute } from './apiRoute';

/** The HTTP answer the local API sends: header pairs (a name may repeat, as Set-Cookie does) and the body's bytes. */
export interface ApiAnswer {
  readonly statusCode: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Buffer;
}

/** The answer, or why API Gateway would have answered 502 instead (said in the log, never in the body). */
export type MappedAnswer = { readonly answer: ApiAnswer } | { readonly malformed: string };

const REST_KEYS = new Set(['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded']);

/** API Gateway's answer when the function failed or answered something it cannot read. */
export function internalServerError(): ApiAnswer {
  return jsonAnswer(502, { message: 'Internal server error' });
}

/** What a REST API answers for a path and method no route serves. */
export function missingAuthenticationToken(): ApiAnswer {
  return jsonAnswer(403, { message: 'Missing Authentication Token' });
}

/**
 * What API Gateway answers for a request no route serves: an HTTP API says 404 Not Found, a REST API 403 Missing
 * Authentication Token. When one port serves both kinds, the REST answer is given (SAM's only answer).
 */
export function noRouteAnswer(kinds: ReadonlySet<string>): ApiAnswer {
  return kinds.size > 0 && [...kinds].every((kind) => kind === 'http') ? jsonAnswer(404, { message: 'Not Found' }) : missingAuthenticationToken();
}

/** What Lambda's error payload says ({ errorType, errorMessage }), and a one-line summary of it for the request log. */
export function functionErrorOf(payload: string): { readonly message?: string; readonly summary: string } {
  try {
    const error = JSON.parse(payload) as { errorType?: string; errorMessage?: string };
    return { message: error.errorMessage, summary: [error.errorType, error.errorMessage].filter(Boolean).join(': ') || payload.slice(0, 200) };
  } catch {
    return { summary: payload.slice(0, 200) };
  }
}

export function jsonAnswer(statusCode: number, value: unknown): ApiAnswer {
  return { statusCode, headers: [['Content-Type', 'application/json']], body: Buffer.from(JSON.stringify(value)) };
}

/**
 * Reads a function's response as the route's kind of API reads it:
 * - payload 1.0 (REST, and HTTP APIs set to 1.0): an object of statusCode, headers and multiValueHeaders (merged;
 *   a name in both keeps the multi values), body and isBase64Encoded. A REST API decodes base64 only when the
 *   answer's content type is one of its BinaryMediaTypes and refuses keys it does not know.
 * - payload 2.0: an object with statusCode is read so (cookies[] become one Set-Cookie each, base64 decoded when
 *   flagged); any other JSON value is a "simple" answer: 200, the payload as the body, application/json.
 */
export function mapAnswer(route: ApiRoute, payload: string, binaryMediaTypes: readonly string[] = []): MappedAnswer {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return { malformed: `the function's response is not JSON (${payload.slice(0, 80)})` };
  }
  const structured = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (route.payloadVersion === '2.0' && (!structured || !('statusCode' in (value as object)))) {
    return { answer: { statusCode: 200, headers: [['Content-Type', 'application/json']], body: Buffer.from(payload) } };
  }
  if (!structured) return { malformed: `the function's response must be an object with statusCode, not ${describe(value)}` };
  const response = value as Record<string, unknown>;
  if (route.kind === 'rest') {
    const unknown = Object.keys(response).filter((key) => !REST_KEYS.has(key));
    if (unknown.length > 0) return { malformed: `the function's response has keys a REST API does not accept: ${unknown.join(', ')}` };
  }
  const statusCode = response.statusCode ?? (route.kind === 'rest' ? 200 : undefined);
  if (typeof statusCode !== 'number' && !(typeof statusCode === 'string' && /^\d{3}$/.test(statusCode))) {
    return { malformed: `statusCode must be a number, not ${describe(statusCode)}` };
  }
  const headers = mergedHeaders(response.headers, route.payloadVersion === '1.0' ? response.multiValueHeaders : undefined);
  if (typeof headers === 'string') return { malformed: headers };
  if (route.payloadVersion === '2.0' && Array.isArray(response.cookies)) {
    for (const cookie of response.cookies) headers.push(['Set-Cookie', String(cookie)]);
  }
  if (response.body !== undefined && response.body !== null && typeof response.body !== 'string') {
    if (route.kind === 'rest') return { malformed: `body must be a string, not ${describe(response.body)}` };
  }
  const text = response.body === undefined || response.body === null ? '' : typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  if (!headers.some(([name]) => name.toLowerCase() === 'content-type')) headers.push(['Content-Type', 'application/json']);
  const contentType = headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  const decode = response.isBase64Encoded === true && (route.kind === 'http' || matchesMediaType(contentType, binaryMediaTypes));
  return { answer: { statusCode: Number(statusCode), headers, body: decode ? Buffer.from(text, 'base64') : Buffer.from(text) } };
}

function mergedHeaders(single: unknown, multi: unknown): [string, string][] | string {
  const pairs: [string, string][] = [];
  const multiNames = new Set<string>();
  if (multi !== undefined && multi !== null) {
    if (typeof multi !== 'object' || Array.isArray(multi)) return `multiValueHeaders must be an object of lists, not ${describe(multi)}`;
    for (const [name, values] of Object.entries(multi)) {
      if (!Array.isArray(values)) return `multiValueHeaders.${name} must be a list, not ${describe(values)}`;
      multiNames.add(name.toLowerCase());
      for (const value of values) pairs.push([name, String(value)]);
    }
  }
  if (single !== undefined && single !== null) {
    if (typeof single !== 'object' || Array.isArray(single)) return `headers must be an object, not ${describe(single)}`;
    for (const [name, value] of Object.entries(single)) {
      if (!multiNames.has(name.toLowerCase())) pairs.push([name, String(value)]);
    }
  }
  return pairs;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? `the string ${JSON.stringify(value.slice(0, 40))}` : `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}
