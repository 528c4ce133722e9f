import { asText } from '../sources/sam/intrinsics';
import type { ApiCollector } from './apiCollector';
import { ofV2Api, routeIntegration, v2Authorizers, v2Stage, V2_API } from './apiGatewayV2Parts';
import type { ApiTemplate, TemplateResource } from './apiTemplate';
import { resourceRouteAuth } from './authorizerConfigs';
import { listCors } from './corsRules';
import { definitionDocument } from './definitionSource';
import { lambdaTarget } from './lambdaTarget';
import { readOpenApi } from './openApiRoutes';

/** An AWS::ApiGatewayV2::Api's protocol: its ProtocolType, HTTP for one imported from a Body. */
export function v2Protocol(api: TemplateResource): string {
  return asText(api.properties.ProtocolType).toUpperCase() || (api.raw.Body !== undefined || api.raw.BodyS3Location !== undefined ? 'HTTP' : '');
}

/**
 * CloudFormation's HTTP APIs (AWS::ApiGatewayV2::Api with ProtocolType HTTP): quick create (Target, a function, with
 * RouteKey "$default" unless given, payload 2.0 as API Gateway creates it), the routes of its Body (OpenAPI), and its
 * AWS::ApiGatewayV2::Route resources ("GET /items/{id}", "ANY /{proxy+}", "$default") through their Integration,
 * authorized by AuthorizationType and AuthorizerId; the stage of its AWS::ApiGatewayV2::Stage ("$default" when it
 * has none) and its CorsConfiguration.
 */
export function readHttpApiResources(template: ApiTemplate, out: ApiCollector): void {
  const say = (problem: string) => out.problem(problem);
  for (const api of template.ofType(V2_API)) {
    const protocol = v2Protocol(api);
    if (protocol === 'WEBSOCKET') continue;
    const id = api.id;
    if (protocol !== 'HTTP') {
      say(`${id} has ${protocol ? `the ProtocolType ${protocol}` : 'no ProtocolType'}, so it is not served (set ProtocolType: HTTP or WEBSOCKET)`);
      continue;
    }
    const authorizers = v2Authorizers(template, id, false, say);
    const document = definitionDocument(template, out, { apiId: id, inlineName: 'Body', inline: api.raw.Body, locationName: 'BodyS3Location', location: api.raw.BodyS3Location });
    const parts = document ? readOpenApi(template, out, document, { apiId: id, kind: 'http', where: `${id}'s Body`, authorizers }) : { binaryMediaTypes: [] };
    if (api.properties.Target !== undefined) {
      const target = lambdaTarget(template, api.properties.Target, `${id}'s Target`);
      const key = routeKey(asText(api.properties.RouteKey ?? '$default'), `${id}'s RouteKey`, say);
      if ('problem' in target) say(`${target.problem}; the API's quick-create route is not served`);
      else if (key) out.addRoute({ ...key, functionName: target.functionName, kind: 'http', payloadVersion: '2.0', apiId: id }, `${id}'s Target`);
    }
    for (const route of ofV2Api(template, 'AWS::ApiGatewayV2::Route', id)) {
      const key = routeKey(asText(route.properties.RouteKey), `${route.id}'s RouteKey`, say);
      const integration = key && routeIntegration(template, out, route);
      if (!key || !integration) continue;
      out.addRoute({ ...key, ...integration, kind: 'http', apiId: id, ...resourceRouteAuth(template, route, 'AWS::ApiGatewayV2::Authorizer', authorizers, say) }, route.id);
    }
    const cors = listCors(api.properties.CorsConfiguration) ?? parts.cors;
    out.stages.set(id, {
      apiId: id,
      kind: 'http',
      ...(v2Stage(template, id) ?? { stage: '$default', stageVariables: {} }),
      binaryMediaTypes: [],
      ...(cors ? { cors } : {}),
      ...(Object.keys(authorizers).length > 0 ? { authorizers } : {}),
    });
  }
}

/** "GET /items/{id}" → GET and /items/{id}; "$default" → ANY $default. */
function routeKey(key: string, where: string, say: (problem: string) => void): { method: string; path: string } | undefined {
  if (key.trim() === '$default') return { method: 'ANY', path: '$default' };
  const match = /^([A-Za-z]+)\s+(\/\S*)$/.exec(key.trim());
  if (match) return { method: match[1].toUpperCase(), path: match[2] };
  say(`${where} ${JSON.stringify(key)} is not a method and a path, so the route is not served (write it as "GET /items/{id}", "ANY /{proxy+}" or "$default")`);
  return undefined;
}
