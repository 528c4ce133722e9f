import type { APIGatewayEventIdentity } from 'aws-lambda';
import { createHash } from 'node:crypto';

/** Parameters most events share, with the same names and defaults everywhere. */
export const REGION = { default: 'us-east-1', description: 'AWS region' } as const;
export const ACCOUNT = { default: '123456789012', description: 'AWS account id (12 digits)' } as const;

export function arn(service: string, region: string, account: string, resource: string): string {
  return `arn:aws:${service}:${region}:${account}:${resource}`;
}

export function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** An S3 object key as S3 event notifications carry it: form-URL-encoded (spaces as '+', parentheses and the like escaped), slashes kept. */
export function s3EventKey(key: string): string {
  return encodeURIComponent(key)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%2F/g, '/')
    .replace(/%20/g, '+');
}

/** ISO 8601 with milliseconds: 2026-11-26T14:00:00.000Z */
export function isoTime(date: Date): string {
  return date.toISOString();
}

/** ISO 8601 without milliseconds, as EventBridge writes `time`: 2026-11-26T14:00:00Z */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** API Gateway's requestTime: 26/Nov/2026:14:00:00 +0000 */
export function clfTime(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** Parses an integer parameter, or throws a message naming it. */
export function int(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new TypeError(`Parameter ${name} must be a whole number, not "${value}".`);
  return n;
}

/** Parses a JSON parameter (a body, attributes), or throws a message naming it. */
export function json(name: string, value: string): unknown {
  try {
    return JSON.parse(value);
  } catch (error) {
    throw new TypeError(`Parameter ${name} must be JSON: ${(error as Error).message}`, { cause: error });
  }
}

/** A header map from "Name: value" lines or a JSON object string. */
export function headers(name: string, value: string): Record<string, string> {
  const trimmed = value.trim();
  if (trimmed === '') return {};
  if (trimmed.startsWith('{')) return json(name, trimmed) as Record<string, string>;
  const result: Record<string, string> = {};
  for (const line of trimmed.split(/[\n;]/)) {
    const i = line.indexOf(':');
    if (i > 0) result[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return result;
}

/** Query string "a=1&b=2" → { a: '1', b: '2' } (last value wins) and { a: ['1'], b: ['2'] }. */
export function queryString(value: string): { single: Record<string, string>; multi: Record<string, string[]> } {
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [k, v] of new URLSearchParams(value.replace(/^\?/, ''))) {
    single[k] = v;
    (multi[k] ??= []).push(v);
  }
  return { single, multi };
}

/** A REST API event's requestContext.identity of an unauthenticated caller. */
export function apiGatewayIdentity(sourceIp: string, userAgent: string | undefined): APIGatewayEventIdentity {
  return {
    accessKey: null,
    accountId: null,
    apiKey: null,
    apiKeyId: null,
    caller: null,
    clientCert: null,
    cognitoAuthenticationProvider: null,
    cognitoAuthenticationType: null,
    cognitoIdentityId: null,
    cognitoIdentityPoolId: null,
    principalOrgId: null,
    sourceIp,
    user: null,
    userAgent: userAgent ?? null,
    userArn: null,
  };
}
