import { asText, isRecord } from '../sources/sam/intrinsics';
import type { ApiCollector } from './apiCollector';
import type { AuthorizerConfig, CorsRules } from './apiDefinitions';
import { textMap, type ApiTemplate, type TemplateResource } from './apiTemplate';
import { DEFAULT_TOKEN_SOURCE, identitySources, lambdaAuthorizer, resourceRouteAuth, unsupportedAuthorizer } from './authorizerConfigs';
import { preflightCors } from './corsRules';
import { definitionDocument } from './definitionSource';
import { lambdaTarget } from './lambdaTarget';
import { readOpenApi } from './openApiRoutes';

const REST_API = 'AWS::ApiGateway::RestApi';
/**
 * The stage of an API whose template deploys none (no Stage, no Deployment with a StageName). Such an API has no URL
 * in AWS either, so there is no name to copy; "local" says in requestContext.stage where it runs, rather than
 * pretending to be SAM's "Prod".
 */
export const UNDEPLOYED_STAGE = 'local';

/**
 * CloudFormation's REST APIs (AWS::ApiGateway::RestApi): the routes of its Body (an OpenAPI document; BodyS3Location
 * cannot be read locally) and of its AWS::ApiGateway::Method resources, whose path is the chain of
 * AWS::ApiGateway::Resource PathParts up to the API's RootResourceId; their Lambda proxy integrations
 * (Integration.Type AWS_PROXY, Integration.Uri) and authorization (AuthorizationType NONE, CUSTOM or
 * COGNITO_USER_POOLS with an AuthorizerId of the API's AWS::ApiGateway::Authorizer, AWS_IAM); the stage of its
 * AWS::ApiGateway::Stage (else a Deployment's StageName), its BinaryMediaTypes, and CORS from an OPTIONS MOCK method.
 */
export function readRestApiResources(template: ApiTemplate, out: ApiCollector): void {
  const say = (problem: string) => out.problem(problem);
  for (const api of template.ofType(REST_API)) {
    const id = api.id;
    const ofApi = (type: string) => template.ofType(type).filter((resource) => template.referenced(resource.properties.RestApiId, REST_API) === id);
    const authorizers: Record<string, AuthorizerConfig> = {};
    for (const authorizer of ofApi('AWS::ApiGateway::Authorizer')) authorizers[authorizer.id] = authorizerResource(template, authorizer, say);
    const document = definitionDocument(template, out, { apiId: id, inlineName: 'Body', inline: api.raw.Body, locationName: 'BodyS3Location', location: api.raw.BodyS3Location });
    const parts = document ? readOpenApi(template, out, document, { apiId: id, kind: 'rest', where: `${id}'s Body`, authorizers }) : { binaryMediaTypes: [] };
    let cors: CorsRules | undefined = parts.cors;
    for (const method of ofApi('AWS::ApiGateway::Method')) cors = readMethod(template, out, id, method, authorizers) ?? cors;
    const own = Array.isArray(api.properties.BinaryMediaTypes) ? api.properties.BinaryMediaTypes.map(asText) : [];
    out.stages.set(id, {
      apiId: id,
      kind: 'rest',
      ...stageOf(id, ofApi('AWS::ApiGateway::Stage'), ofApi('AWS::ApiGateway::Deployment'), say),
      binaryMediaTypes: [...new Set([...own, ...parts.binaryMediaTypes])],
      ...(cors ? { cors } : {}),
      ...(Object.keys(authorizers).length > 0 ? { authorizers } : {}),
    });
  }
}

/** Adds the method's route; returns the CORS rules when it is an OPTIONS method answered by a MOCK integration. */
function readMethod(template: ApiTemplate, out: ApiCollector, apiId: string, method: TemplateResource, authorizers: Record<string, AuthorizerConfig>): CorsRules | undefined {
  const { id, properties } = method;
  const httpMethod = asText(properties.HttpMethod).toUpperCase();
  const integration = isRecord(properties.Integration) ? properties.Integration : {};
  const type = asText(integration.Type).toUpperCase();
  if (httpMethod === 'OPTIONS' && type === 'MOCK') {
    const responses = Array.isArray(integration.IntegrationResponses) ? integration.IntegrationResponses : [];
    return preflightCors(isRecord(responses[0]) ? responses[0].ResponseParameters : undefined);
  }
  if (type !== 'AWS_PROXY') {
    out.problem(`${id}'s Integration.Type is ${type || 'missing'}, which is not served: only Lambda proxy integrations (Type: AWS_PROXY) run locally`);
    return undefined;
  }
  if (httpMethod === '') {
    out.problem(`${id} has no HttpMethod, so it is not served (set HttpMethod: GET, POST… or ANY)`);
    return undefined;
  }
  const path = resourcePath(template, apiId, properties.ResourceId, new Set());
  if (path === undefined) {
    out.problem(`${id}'s ResourceId is neither !GetAtt ${apiId}.RootResourceId nor an AWS::ApiGateway::Resource whose ParentId chain leads there, so it is not served`);
    return undefined;
  }
  const target = lambdaTarget(template, integration.Uri, `${id}'s Integration.Uri`);
  if ('problem' in target) {
    out.problem(`${target.problem}; the route is not served`);
    return undefined;
  }
  out.addRoute({ method: httpMethod, path, functionName: target.functionName, kind: 'rest', payloadVersion: '1.0', apiId, ...resourceRouteAuth(template, method, 'AWS::ApiGateway::Authorizer', authorizers, (p) => out.problem(p)) }, id);
  return undefined;
}

/** "/items/{id}": the PathParts from the resource up to the API's root; undefined when the chain does not end at it. */
function resourcePath(template: ApiTemplate, apiId: string, reference: unknown, seen: Set<string>): string | undefined {
  const named = template.reference(reference);
  if (!named) return undefined;
  if (named.attribute === 'RootResourceId') return named.id === apiId ? '/' : undefined;
  const resource = template.resource(named.id);
  if (resource?.type !== 'AWS::ApiGateway::Resource' || seen.has(named.id)) return undefined;
  seen.add(named.id);
  const parent = resourcePath(template, apiId, resource.properties.ParentId, seen);
  return parent === undefined ? undefined : `${parent === '/' ? '' : parent}/${asText(resource.properties.PathPart)}`;
}

function authorizerResource(template: ApiTemplate, authorizer: TemplateResource, say: (problem: string) => void): AuthorizerConfig {
  const { id, properties } = authorizer;
  const type = asText(properties.Type).toUpperCase();
  if (type !== 'TOKEN' && type !== 'REQUEST') return unsupportedAuthorizer(type || 'UNKNOWN');
  const sources = identitySources(properties.IdentitySource);
  return lambdaAuthorizer(
    template,
    {
      uri: properties.AuthorizerUri,
      where: `${id}'s AuthorizerUri`,
      type,
      identitySources: type === 'TOKEN' && sources.length === 0 ? [DEFAULT_TOKEN_SOURCE] : sources,
      validationExpression: properties.IdentityValidationExpression,
      ttlSeconds: properties.AuthorizerResultTtlInSeconds,
    },
    say,
  );
}

/** The first AWS::ApiGateway::Stage of the API (and every stage's variables, for --stage), else the StageName of its first Deployment that has one. */
function stageOf(
  apiId: string,
  stages: TemplateResource[],
  deployments: TemplateResource[],
  say: (problem: string) => void,
): { stage: string; stageVariables: Record<string, string>; variablesByStage?: Record<string, Record<string, string>> } {
  const named = stages.filter((s) => s.properties.StageName !== undefined);
  const variablesByStage = Object.fromEntries(named.map((s) => [asText(s.properties.StageName), textMap(s.properties.Variables)]));
  if (named[0]) return { stage: asText(named[0].properties.StageName), stageVariables: textMap(named[0].properties.Variables), ...(named.length > 1 && { variablesByStage }) };
  const deployment = deployments.find((d) => d.properties.StageName !== undefined);
  if (deployment) {
    const description = isRecord(deployment.properties.StageDescription) ? deployment.properties.StageDescription : {};
    return { stage: asText(deployment.properties.StageName), stageVariables: textMap(description.Variables) };
  }
  say(`${apiId} has no AWS::ApiGateway::Stage or Deployment with a StageName, so its routes are served on the stage "${UNDEPLOYED_STAGE}" (add a Stage to name it)`);
  return { stage: UNDEPLOYED_STAGE, stageVariables: {} };
}
