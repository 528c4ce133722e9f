import { asText, isRecord } from '../sources/sam/intrinsics';
import type { ApiCollector } from './apiCollector';
import type { AuthorizerConfig } from './apiDefinitions';
import { textMap, type ApiTemplate, type TemplateResource } from './apiTemplate';
import { DEFAULT_JWT_SOURCE, authorizerPayloadVersion, identitySources, lambdaAuthorizer, unsupportedAuthorizer } from './authorizerConfigs';
import { lambdaTarget } from './lambdaTarget';

// What HTTP and WebSocket APIs (AWS::ApiGatewayV2::*) share: routes, integrations, authorizers, stages.

export const V2_API = 'AWS::ApiGatewayV2::Api';

/** The resources of a type that belong to the API (their ApiId names it). */
export function ofV2Api(template: ApiTemplate, type: string, apiId: string): TemplateResource[] {
  return template.ofType(type).filter((resource) => template.referenced(resource.properties.ApiId, V2_API) === apiId);
}

/**
 * The function behind a route's Target ("integrations/<IntegrationId>", written with !Join or !Sub): an
 * AWS::ApiGatewayV2::Integration of IntegrationType AWS_PROXY whose IntegrationUri names a local function, with its
 * PayloadFormatVersion (API Gateway's "1.0" when left out). Undefined, with the problem said, when it is not served.
 */
export function routeIntegration(template: ApiTemplate, out: ApiCollector, route: TemplateResource): { functionName: string; payloadVersion: '1.0' | '2.0' } | undefined {
  const target = asText(route.properties.Target);
  const integrationId = /^integrations\/(.+)$/.exec(target)?.[1];
  const id = integrationId === undefined ? undefined : template.referenced(integrationId, 'AWS::ApiGatewayV2::Integration');
  if (id === undefined) {
    out.problem(
      `${route.id}'s Target ${target ? JSON.stringify(target) : 'is missing and'} does not name an AWS::ApiGatewayV2::Integration of the template, so the route is not served ` +
        '(set Target: !Join [/, [integrations, !Ref MyIntegration]])',
    );
    return undefined;
  }
  const integration = template.resource(id)!.properties;
  const type = asText(integration.IntegrationType).toUpperCase();
  if (type !== 'AWS_PROXY') {
    out.problem(`${id}'s IntegrationType is ${type || 'missing'}, which is not served: only Lambda proxy integrations (IntegrationType: AWS_PROXY) run locally (route ${route.id})`);
    return undefined;
  }
  const lambda = lambdaTarget(template, integration.IntegrationUri, `${id}'s IntegrationUri`);
  if ('problem' in lambda) {
    out.problem(`${lambda.problem}; route ${route.id} is not served`);
    return undefined;
  }
  return { functionName: lambda.functionName, payloadVersion: asText(integration.PayloadFormatVersion) === '2.0' ? '2.0' : '1.0' };
}

/** The API's AWS::ApiGatewayV2::Authorizer resources by logical id: REQUEST (Lambda) and JWT (HTTP APIs). */
export function v2Authorizers(template: ApiTemplate, apiId: string, websocket: boolean, say: (problem: string) => void): Record<string, AuthorizerConfig> {
  const authorizers: Record<string, AuthorizerConfig> = {};
  for (const { id, properties } of ofV2Api(template, 'AWS::ApiGatewayV2::Authorizer', apiId)) {
    const type = asText(properties.AuthorizerType).toUpperCase();
    if (type === 'JWT') {
      const jwt = isRecord(properties.JwtConfiguration) ? properties.JwtConfiguration : {};
      authorizers[id] = {
        kind: 'jwt',
        issuer: asText(jwt.Issuer),
        audience: Array.isArray(jwt.Audience) ? jwt.Audience.map(asText) : [],
        identitySources: identitySources(properties.IdentitySource ?? DEFAULT_JWT_SOURCE),
      };
    } else if (type === 'REQUEST') {
      authorizers[id] = lambdaAuthorizer(
        template,
        {
          uri: properties.AuthorizerUri,
          where: `${id}'s AuthorizerUri`,
          type: 'REQUEST',
          identitySources: identitySources(properties.IdentitySource),
          // A WebSocket authorizer gets the $connect request as its event; the payload versions are HTTP APIs'.
          ...(websocket ? {} : { payloadVersion: authorizerPayloadVersion(properties.AuthorizerPayloadFormatVersion, id, say), simpleResponses: properties.EnableSimpleResponses }),
          ttlSeconds: properties.AuthorizerResultTtlInSeconds,
        },
        say,
      );
    } else {
      authorizers[id] = unsupportedAuthorizer(type || 'UNKNOWN');
    }
  }
  return authorizers;
}

/** The API's first AWS::ApiGatewayV2::Stage (StageName, StageVariables) and every stage's variables; undefined when it has none. */
export function v2Stage(template: ApiTemplate, apiId: string): { stage: string; stageVariables: Record<string, string>; variablesByStage?: Record<string, Record<string, string>> } | undefined {
  const stages = ofV2Api(template, 'AWS::ApiGatewayV2::Stage', apiId).filter((s) => s.properties.StageName !== undefined);
  const variablesByStage = Object.fromEntries(stages.map((s) => [asText(s.properties.StageName), textMap(s.properties.StageVariables)]));
  return stages[0] && { stage: asText(stages[0].properties.StageName), stageVariables: textMap(stages[0].properties.StageVariables), ...(stages.length > 1 && { variablesByStage }) };
}
