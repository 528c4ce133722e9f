import { asText } from '../sources/sam/intrinsics';
import type { AuthorizerConfig, IdentitySource } from './apiDefinitions';
import type { ApiTemplate, TemplateResource } from './apiTemplate';
import { lambdaTarget } from './lambdaTarget';

/** API Gateway's cache time for an authorizer's answer when the template sets none (REST and HTTP APIs alike). */
export const DEFAULT_AUTHORIZER_TTL_SECONDS = 300;
/** Where a TOKEN authorizer reads the token when the template names no header. */
export const DEFAULT_TOKEN_SOURCE = 'method.request.header.Authorization';
/** Where a JWT authorizer reads the token when the template names nothing. */
export const DEFAULT_JWT_SOURCE = '$request.header.Authorization';

export const unsupportedAuthorizer = (type: string): AuthorizerConfig => ({ kind: 'unsupported', type });

export interface LambdaAuthorizerFields {
  /** The AuthorizerUri / FunctionArn as written; `where` names it in problems. */
  readonly uri: unknown;
  readonly where: string;
  readonly type: 'TOKEN' | 'REQUEST';
  readonly identitySources: readonly IdentitySource[];
  readonly validationExpression?: unknown;
  readonly payloadVersion?: '1.0' | '2.0';
  readonly simpleResponses?: unknown;
  readonly ttlSeconds?: unknown;
}

/**
 * A Lambda authorizer with API Gateway's defaults. When its function is not a local one the problem is said and the
 * authorizer becomes `unsupported`, so its routes are still served (with the warning), as for IAM.
 */
export function lambdaAuthorizer(template: ApiTemplate, fields: LambdaAuthorizerFields, say: (problem: string) => void): AuthorizerConfig {
  const target = lambdaTarget(template, fields.uri, fields.where);
  if ('problem' in target) {
    say(`${target.problem}; routes it guards are served without it`);
    return unsupportedAuthorizer(fields.type);
  }
  const expression = fields.validationExpression === undefined ? '' : asText(fields.validationExpression);
  const ttl = Number(fields.ttlSeconds ?? DEFAULT_AUTHORIZER_TTL_SECONDS);
  const payloadVersion = fields.payloadVersion ?? '1.0';
  return {
    kind: 'lambda',
    functionName: target.functionName,
    type: fields.type,
    identitySources: fields.identitySources,
    ...(fields.type === 'TOKEN' && expression !== '' ? { validationExpression: expression } : {}),
    payloadVersion,
    simpleResponses: payloadVersion === '2.0' && (fields.simpleResponses === true || asText(fields.simpleResponses) === 'true'),
    ttlSeconds: Number.isFinite(ttl) && ttl >= 0 ? ttl : DEFAULT_AUTHORIZER_TTL_SECONDS,
  };
}

/** An HTTP API Lambda authorizer's AuthorizerPayloadFormatVersion, which API Gateway requires ("2.0" when left out, with a problem). */
export function authorizerPayloadVersion(value: unknown, where: string, say: (problem: string) => void): '1.0' | '2.0' {
  const text = asText(value);
  if (text === '1.0' || text === '2.0') return text;
  say(`${where} has ${value === undefined ? 'no AuthorizerPayloadFormatVersion' : `the AuthorizerPayloadFormatVersion ${JSON.stringify(text)}`}, which an HTTP API Lambda authorizer needs as "1.0" or "2.0"; "2.0" is used (set it)`);
  return '2.0';
}

/** Identity sources written as one comma-separated text or a list, in the notation given; WebSocket APIs' "route.request.…" as "$request.…". */
export function identitySources(value: unknown): IdentitySource[] {
  const items = Array.isArray(value) ? value.map(asText) : value === undefined || value === null ? [] : asText(value).split(',');
  return items
    .map((item) => item.trim().replace(/^route\.request\./, '$request.'))
    .filter((item) => item !== '');
}

/** SAM's Identity lists (Headers, QueryStrings, StageVariables, Context) in a REST or an HTTP API's notation. */
export function samIdentitySources(identity: Record<string, unknown>, kind: 'rest' | 'http'): IdentitySource[] {
  const prefixes: Readonly<Record<string, string>> =
    kind === 'rest'
      ? { Headers: 'method.request.header.', QueryStrings: 'method.request.querystring.', StageVariables: 'stageVariables.', Context: 'context.' }
      : { Headers: '$request.header.', QueryStrings: '$request.querystring.', StageVariables: '$stageVariables.', Context: '$context.' };
  return Object.entries(prefixes).flatMap(([property, prefix]) => {
    const names = identity[property];
    return Array.isArray(names) ? names.map((name) => `${prefix}${asText(name)}`) : [];
  });
}

/**
 * The authorizer of a CloudFormation method or route by its AuthorizationType: NONE; AWS_IAM (recorded as
 * unsupported under that name); CUSTOM, JWT or COGNITO_USER_POOLS with an AuthorizerId naming one of the API's
 * `authorizerType` resources; its AuthorizationScopes.
 */
export function resourceRouteAuth(
  template: ApiTemplate,
  resource: TemplateResource,
  authorizerType: string,
  authorizers: Record<string, AuthorizerConfig>,
  say: (problem: string) => void,
): { authorizer?: string; authorizationScopes?: readonly string[] } {
  const { id, properties } = resource;
  const type = asText(properties.AuthorizationType ?? 'NONE').toUpperCase();
  if (type === 'NONE') return {};
  if (type === 'AWS_IAM') {
    authorizers.AWS_IAM ??= unsupportedAuthorizer('AWS_IAM');
    return { authorizer: 'AWS_IAM' };
  }
  const authorizer = template.referenced(properties.AuthorizerId, authorizerType);
  if (authorizer === undefined || !(authorizer in authorizers)) {
    say(`${id} has AuthorizationType ${type} but its AuthorizerId is not an ${authorizerType} of its API, so it is served without an authorizer (set AuthorizerId: !Ref MyAuthorizer)`);
    return {};
  }
  const scopes = Array.isArray(properties.AuthorizationScopes) ? properties.AuthorizationScopes.map(asText) : [];
  return { authorizer, ...(scopes.length > 0 ? { authorizationScopes: scopes } : {}) };
}
