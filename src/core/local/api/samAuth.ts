import { asText, isRecord, type Json } from '../sources/sam/intrinsics';
import type { AuthorizerConfig } from './apiDefinitions';
import type { ApiKind } from './apiRoute';
import type { ApiTemplate } from './apiTemplate';
import {
  DEFAULT_JWT_SOURCE,
  authorizerPayloadVersion,
  identitySources,
  lambdaAuthorizer,
  samIdentitySources,
  unsupportedAuthorizer,
} from './authorizerConfigs';

const IAM = 'AWS_IAM';

/** What SAM's `Auth` of an AWS::Serverless::Api or HttpApi gives its routes. */
export interface SamAuth {
  /** By name; AWS_IAM is added when something names it. */
  readonly authorizers: Record<string, AuthorizerConfig>;
  readonly defaultAuthorizer?: string;
  /** An HttpApi OAuth2 authorizer's AuthorizationScopes: asked of the routes that name it without scopes of their own. */
  readonly scopes: Readonly<Record<string, readonly string[]>>;
  /** REST: whether the default authorizer also guards CORS preflights (AddDefaultAuthorizerToCorsPreflight, default true). */
  readonly guardsPreflight: boolean;
}

/**
 * An API's `Auth` (resolved): Authorizers (REST: Lambda TOKEN/REQUEST with FunctionArn, FunctionPayloadType and
 * Identity, or Cognito with UserPoolArn; HttpApi: Lambda with FunctionArn, AuthorizerPayloadFormatVersion,
 * EnableSimpleResponses and Identity, or JWT with JwtConfiguration and IdentitySource), EnableIamAuthorizer
 * (HttpApi), DefaultAuthorizer and AddDefaultAuthorizerToCorsPreflight.
 */
export function samApiAuth(template: ApiTemplate, auth: unknown, apiId: string, kind: ApiKind, say: (problem: string) => void): SamAuth {
  const authorizers: Record<string, AuthorizerConfig> = {};
  const scopes: Record<string, string[]> = {};
  if (!isRecord(auth)) return { authorizers, scopes, guardsPreflight: true };
  const declared = isRecord(auth.Authorizers) ? auth.Authorizers : {};
  for (const [name, config] of Object.entries(declared)) {
    const where = `${apiId}'s Auth.Authorizers.${name}`;
    if (name === IAM) {
      authorizers[IAM] = unsupportedAuthorizer(IAM);
    } else if (!isRecord(config)) {
      say(`${where} is not a mapping, so it is not used (give it FunctionArn, ${kind === 'rest' ? 'or UserPoolArn' : 'or JwtConfiguration'})`);
    } else {
      const read = kind === 'rest' ? restAuthorizer(template, config, where, say) : httpAuthorizer(template, config, where, say);
      if (read) authorizers[name] = read;
      if (kind === 'http' && Array.isArray(config.AuthorizationScopes)) scopes[name] = config.AuthorizationScopes.map(asText);
    }
  }
  if (kind === 'http' && (auth.EnableIamAuthorizer === true || asText(auth.EnableIamAuthorizer) === 'true')) authorizers[IAM] = unsupportedAuthorizer(IAM);
  const read = { authorizers, scopes, guardsPreflight: auth.AddDefaultAuthorizerToCorsPreflight !== false && asText(auth.AddDefaultAuthorizerToCorsPreflight) !== 'false' };
  if (auth.DefaultAuthorizer === undefined) return read;
  const name = asText(auth.DefaultAuthorizer);
  if (name === IAM) authorizers[IAM] = unsupportedAuthorizer(IAM);
  if (name in authorizers) return { ...read, defaultAuthorizer: name };
  say(`${apiId}'s Auth.DefaultAuthorizer ${name} is not one of its Auth.Authorizers (${Object.keys(authorizers).join(', ') || 'none'}), so its routes have no default authorizer (name one of them${kind === 'rest' ? ', or AWS_IAM' : ''})`);
  return read;
}

function restAuthorizer(template: ApiTemplate, config: Json, where: string, say: (problem: string) => void): AuthorizerConfig | undefined {
  if (config.UserPoolArn !== undefined) return unsupportedAuthorizer('COGNITO_USER_POOLS');
  if (config.FunctionArn === undefined) {
    say(`${where} has neither FunctionArn (a Lambda authorizer) nor UserPoolArn (Cognito), so it is not used (give it FunctionArn: !GetAtt MyAuthFunction.Arn)`);
    return undefined;
  }
  const identity = isRecord(config.Identity) ? config.Identity : {};
  const payloadType = asText(config.FunctionPayloadType ?? 'TOKEN').toUpperCase();
  if (payloadType !== 'TOKEN' && payloadType !== 'REQUEST') {
    say(`${where} has the FunctionPayloadType ${JSON.stringify(payloadType)}, which is neither TOKEN nor REQUEST; TOKEN is used (set FunctionPayloadType: TOKEN or REQUEST)`);
  }
  const type = payloadType === 'REQUEST' ? 'REQUEST' : 'TOKEN';
  return lambdaAuthorizer(
    template,
    {
      uri: config.FunctionArn,
      where: `${where}.FunctionArn`,
      type,
      identitySources: type === 'TOKEN' ? [`method.request.header.${asText(identity.Header ?? 'Authorization')}`] : samIdentitySources(identity, 'rest'),
      validationExpression: identity.ValidationExpression,
      ttlSeconds: identity.ReauthorizeEvery,
    },
    say,
  );
}

function httpAuthorizer(template: ApiTemplate, config: Json, where: string, say: (problem: string) => void): AuthorizerConfig | undefined {
  if (isRecord(config.JwtConfiguration)) {
    const jwt = config.JwtConfiguration;
    const audience = jwt.audience ?? jwt.Audience;
    return {
      kind: 'jwt',
      issuer: asText(jwt.issuer ?? jwt.Issuer),
      audience: Array.isArray(audience) ? audience.map(asText) : audience === undefined ? [] : [asText(audience)],
      identitySources: identitySources(config.IdentitySource ?? DEFAULT_JWT_SOURCE),
    };
  }
  if (config.FunctionArn === undefined) {
    say(`${where} has neither FunctionArn (a Lambda authorizer) nor JwtConfiguration (a JWT authorizer), so it is not used (give it FunctionArn: !GetAtt MyAuthFunction.Arn)`);
    return undefined;
  }
  const identity = isRecord(config.Identity) ? config.Identity : {};
  return lambdaAuthorizer(
    template,
    {
      uri: config.FunctionArn,
      where: `${where}.FunctionArn`,
      type: 'REQUEST',
      identitySources: samIdentitySources(identity, 'http'),
      payloadVersion: authorizerPayloadVersion(config.AuthorizerPayloadFormatVersion, where, say),
      simpleResponses: config.EnableSimpleResponses,
      ttlSeconds: identity.ReauthorizeEvery,
    },
    say,
  );
}

/**
 * The authorizer and scopes of a route: its own `Auth: { Authorizer, AuthorizationScopes }` (Authorizer NONE for an
 * open route) over its API's DefaultAuthorizer. A name the API does not have is said and the route is open.
 */
export function routeAuth(auth: SamAuth, own: unknown, apiId: string, where: string, say: (problem: string) => void): { authorizer?: string; authorizationScopes?: readonly string[] } {
  const ownAuth = isRecord(own) ? own : {};
  const name = ownAuth.Authorizer === undefined ? auth.defaultAuthorizer : asText(ownAuth.Authorizer);
  if (name === undefined || name === 'NONE') return {};
  if (name === IAM) auth.authorizers[IAM] ??= unsupportedAuthorizer(IAM);
  if (!(name in auth.authorizers)) {
    say(`${where} names Auth.Authorizer ${name}, which is not one of ${apiId}'s Auth.Authorizers (${Object.keys(auth.authorizers).join(', ') || 'none'}), so it is served without an authorizer (add it to the API's Auth.Authorizers, or use NONE)`);
    return {};
  }
  const scopes = Array.isArray(ownAuth.AuthorizationScopes) ? ownAuth.AuthorizationScopes.map(asText) : auth.scopes[name];
  return { authorizer: name, ...(scopes && scopes.length > 0 ? { authorizationScopes: scopes } : {}) };
}
