import { asText, isRecord, type Json } from '../sources/sam/intrinsics';
import type { AuthorizerConfig } from './apiDefinitions';
import type { ApiKind } from './apiRoute';
import type { ApiTemplate } from './apiTemplate';
import {
  DEFAULT_JWT_SOURCE,
  DEFAULT_TOKEN_SOURCE,
  authorizerPayloadVersion,
  identitySources,
  lambdaAuthorizer,
  unsupportedAuthorizer,
} from './authorizerConfigs';

/**
 * The authorizers an OpenAPI document declares: its security schemes (OpenAPI 3 `components.securitySchemes`,
 * Swagger 2 `securityDefinitions`) with `x-amazon-apigateway-authorizer` (type token, request, jwt or
 * cognito_user_pools) or `x-amazon-apigateway-authtype: awsSigv4` (IAM). Schemes of neither kind (API keys) are
 * not authorizers: `other` lists them, so that a `security` naming one is not taken for a mistake.
 */
export function openApiAuthorizers(
  template: ApiTemplate,
  document: Json,
  kind: ApiKind,
  where: string,
  say: (problem: string) => void,
): { authorizers: Record<string, AuthorizerConfig>; other: Set<string> } {
  const components = isRecord(document.components) ? document.components : {};
  const schemes = isRecord(components.securitySchemes) ? components.securitySchemes : isRecord(document.securityDefinitions) ? document.securityDefinitions : {};
  const authorizers: Record<string, AuthorizerConfig> = {};
  const other = new Set<string>();
  for (const [name, scheme] of Object.entries(schemes)) {
    const read = isRecord(scheme) ? schemeAuthorizer(template, scheme, kind, `${where} security scheme ${name}`, say) : undefined;
    if (read) authorizers[name] = read;
    else other.add(name);
  }
  return { authorizers, other };
}

function schemeAuthorizer(template: ApiTemplate, scheme: Json, kind: ApiKind, where: string, say: (problem: string) => void): AuthorizerConfig | undefined {
  const authType = asText(scheme['x-amazon-apigateway-authtype']).toLowerCase();
  const authorizer = scheme['x-amazon-apigateway-authorizer'];
  if (!isRecord(authorizer)) {
    if (authType === 'awssigv4') return unsupportedAuthorizer('AWS_IAM');
    if (authType === 'cognito_user_pools') return unsupportedAuthorizer('COGNITO_USER_POOLS');
    return undefined;
  }
  const type = asText(authorizer.type).toLowerCase();
  const uri = { uri: authorizer.authorizerUri, where: `${where} authorizerUri`, ttlSeconds: authorizer.authorizerResultTtlInSeconds };
  switch (type) {
    case 'token': {
      const header = scheme.in === 'header' && typeof scheme.name === 'string' ? `method.request.header.${scheme.name}` : DEFAULT_TOKEN_SOURCE;
      const sources = identitySources(authorizer.identitySource);
      return lambdaAuthorizer(
        template,
        { ...uri, type: 'TOKEN', identitySources: sources.length > 0 ? sources : [header], validationExpression: authorizer.identityValidationExpression },
        say,
      );
    }
    case 'request':
      return lambdaAuthorizer(
        template,
        {
          ...uri,
          type: 'REQUEST',
          identitySources: identitySources(authorizer.identitySource),
          ...(kind === 'http' ? { payloadVersion: authorizerPayloadVersion(authorizer.authorizerPayloadFormatVersion, where, say), simpleResponses: authorizer.enableSimpleResponses } : {}),
        },
        say,
      );
    case 'jwt': {
      const jwt = isRecord(authorizer.jwtConfiguration) ? authorizer.jwtConfiguration : {};
      const audience = jwt.audience;
      return {
        kind: 'jwt',
        issuer: asText(jwt.issuer),
        audience: Array.isArray(audience) ? audience.map(asText) : audience === undefined ? [] : [asText(audience)],
        identitySources: identitySources(authorizer.identitySource ?? DEFAULT_JWT_SOURCE),
      };
    }
    case 'cognito_user_pools':
      return unsupportedAuthorizer('COGNITO_USER_POOLS');
    default:
      say(`${where} has the x-amazon-apigateway-authorizer type ${JSON.stringify(type)}, which is not token, request, jwt or cognito_user_pools; routes it guards are served without it`);
      return unsupportedAuthorizer(type.toUpperCase() || 'UNKNOWN');
  }
}
