import type { AuthorizerConfig, CorsRules } from '../../api/apiDefinitions';
import { DEFAULT_AUTHORIZER_TTL_SECONDS, DEFAULT_JWT_SOURCE, DEFAULT_TOKEN_SOURCE, identitySources, unsupportedAuthorizer } from '../../api/authorizerConfigs';
import { asText, isRecord, type Json } from '../sam/intrinsics';

// The CORS and authorizers of a serverless.yml's `http` and `httpApi` events, with the Serverless Framework's defaults.

/** The headers `cors: true` allows. */
const CORS_HEADERS = ['Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'X-Amz-Security-Token', 'X-Amz-User-Agent', 'X-Amzn-Trace-Id'];

function texts(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(asText).filter((v) => v !== '');
}

function maxAge(value: unknown): { maxAgeSeconds?: number } {
  const seconds = Number(value);
  return value !== undefined && Number.isFinite(seconds) && seconds >= 0 ? { maxAgeSeconds: seconds } : {};
}

/** An `http` event's `cors` (true, or { origin | origins, headers, allowCredentials, maxAge }); its methods are the path's. */
export function restEventCors(value: unknown, methods: readonly string[]): CorsRules | undefined {
  if (value !== true && !isRecord(value)) return undefined;
  const rules: Json = isRecord(value) ? value : {};
  const origins = texts(rules.origins ?? rules.origin);
  const headers = texts(rules.headers);
  return {
    allowOrigins: origins.length > 0 ? origins : ['*'],
    allowMethods: [...new Set([...methods, 'OPTIONS'])],
    allowHeaders: headers.length > 0 ? headers : CORS_HEADERS,
    exposeHeaders: [],
    ...maxAge(rules.maxAge),
    allowCredentials: rules.allowCredentials === true,
  };
}

/** `provider.httpApi.cors`: true, or { allowedOrigins, allowedHeaders, allowedMethods, allowCredentials, exposedResponseHeaders, maxAge }. */
export function httpApiCors(value: unknown): CorsRules | undefined {
  if (value !== true && !isRecord(value)) return undefined;
  const rules: Json = isRecord(value) ? value : {};
  const list = (name: string, fallback: string[]) => (rules[name] === undefined ? fallback : texts(rules[name]));
  return {
    allowOrigins: list('allowedOrigins', ['*']),
    allowMethods: list('allowedMethods', ['*']).map((m) => m.toUpperCase()),
    allowHeaders: list('allowedHeaders', CORS_HEADERS),
    exposeHeaders: list('exposedResponseHeaders', []),
    ...maxAge(rules.maxAge),
    allowCredentials: rules.allowCredentials === true,
  };
}

function ttl(value: unknown): number {
  const seconds = Number(value ?? DEFAULT_AUTHORIZER_TTL_SECONDS);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : DEFAULT_AUTHORIZER_TTL_SECONDS;
}

/**
 * An `http` event's `authorizer`: a function of the file (by name, or { name, type, identitySource,
 * identityValidationExpression, resultTtlInSeconds }) as a TOKEN or REQUEST authorizer; IAM, Cognito and other
 * accounts' ARNs as what a local API cannot check. Its name in the API's authorizers, and its configuration.
 */
export function restAuthorizer(value: unknown, functions: ReadonlySet<string>, where: string, say: (problem: string) => void): { name: string; config: AuthorizerConfig } | undefined {
  if (value === undefined || value === null) return undefined;
  const fields: Json = isRecord(value) ? value : { name: value };
  const name = asText(fields.name ?? fields.arn ?? fields.type);
  const type = asText(fields.type).toUpperCase();
  if (type === 'AWS_IAM' || name.toLowerCase() === 'aws_iam') return { name: 'aws_iam', config: unsupportedAuthorizer('AWS_IAM') };
  if (type === 'COGNITO_USER_POOLS' || /cognito-idp/.test(asText(fields.arn))) return { name, config: unsupportedAuthorizer('COGNITO_USER_POOLS') };
  if (!functions.has(name)) {
    say(`${where}.authorizer names ${JSON.stringify(name)}, which is not a function of this file; routes it guards are served without it (name one of the functions)`);
    return { name, config: unsupportedAuthorizer('a Lambda authorizer outside this service') };
  }
  const request = type === 'REQUEST';
  const expression = fields.identityValidationExpression === undefined ? '' : asText(fields.identityValidationExpression);
  const sources = identitySources(fields.identitySource);
  return {
    name,
    config: {
      kind: 'lambda',
      functionName: name,
      type: request ? 'REQUEST' : 'TOKEN',
      identitySources: sources.length > 0 ? sources : request ? [] : [DEFAULT_TOKEN_SOURCE],
      ...(!request && expression !== '' ? { validationExpression: expression } : {}),
      payloadVersion: '1.0',
      simpleResponses: false,
      ttlSeconds: ttl(fields.resultTtlInSeconds),
    },
  };
}

/** `provider.httpApi.authorizers`: JWT ones ({ identitySource, issuerUrl, audience }) and Lambda ones ({ type: request, functionName… }). */
export function httpApiAuthorizers(value: unknown, functions: ReadonlySet<string>, say: (problem: string) => void): Record<string, AuthorizerConfig> {
  const out: Record<string, AuthorizerConfig> = {};
  if (!isRecord(value)) return out;
  for (const [name, raw] of Object.entries(value)) {
    const where = `provider.httpApi.authorizers.${name}`;
    const fields: Json = isRecord(raw) ? raw : {};
    const sources = identitySources(fields.identitySource);
    if (asText(fields.type).toLowerCase() === 'request') {
      const functionName = asText(fields.functionName);
      if (!functions.has(functionName)) {
        say(`${where}.functionName ${JSON.stringify(functionName)} is not a function of this file; routes it guards are served without it (name one of the functions)`);
        out[name] = unsupportedAuthorizer('a Lambda authorizer outside this service');
        continue;
      }
      const payloadVersion = asText(fields.payloadVersion) === '1.0' ? '1.0' : '2.0';
      out[name] = { kind: 'lambda', functionName, type: 'REQUEST', identitySources: sources, payloadVersion, simpleResponses: payloadVersion === '2.0' && fields.enableSimpleResponses === true, ttlSeconds: ttl(fields.resultTtlInSeconds) };
      continue;
    }
    if (typeof fields.issuerUrl !== 'string' || fields.issuerUrl === '') {
      say(`${where} has no issuerUrl; routes it guards are served without it (set issuerUrl and audience, or type: request with a functionName)`);
      out[name] = unsupportedAuthorizer('JWT');
      continue;
    }
    out[name] = { kind: 'jwt', issuer: fields.issuerUrl, audience: texts(fields.audience), identitySources: sources.length > 0 ? sources : [DEFAULT_JWT_SOURCE] };
  }
  return out;
}
