import { asText } from '../sources/sam/intrinsics';
import type { ApiCollector } from './apiCollector';
import { ofV2Api, routeIntegration, v2Authorizers, v2Stage, V2_API } from './apiGatewayV2Parts';
import type { ApiTemplate } from './apiTemplate';
import { resourceRouteAuth } from './authorizerConfigs';
import { v2Protocol } from './httpApiResources';
import { UNDEPLOYED_STAGE } from './restApiResources';

const DEFAULT_SELECTION = '$request.body.action';

/**
 * CloudFormation's WebSocket APIs (AWS::ApiGatewayV2::Api with ProtocolType WEBSOCKET): the RouteSelectionExpression,
 * each AWS::ApiGatewayV2::Route's RouteKey ($connect, $disconnect, $default or a value of the expression) through its
 * Integration to a local function, the $connect route's authorizer, and the stage of its AWS::ApiGatewayV2::Stage.
 */
export function readWebSocketApis(template: ApiTemplate, out: ApiCollector): void {
  const say = (problem: string) => out.problem(problem);
  for (const api of template.ofType(V2_API)) {
    if (v2Protocol(api) !== 'WEBSOCKET') continue;
    const id = api.id;
    const authorizers = v2Authorizers(template, id, true, say);
    const routes: { routeKey: string; functionName: string }[] = [];
    let connectAuthorizer: string | undefined;
    for (const route of ofV2Api(template, 'AWS::ApiGatewayV2::Route', id)) {
      const routeKey = asText(route.properties.RouteKey).trim();
      if (routeKey === '') {
        say(`${route.id} has no RouteKey, so it is not served (set RouteKey: $connect, $disconnect, $default or an action name)`);
        continue;
      }
      const integration = routeIntegration(template, out, route);
      if (!integration) continue;
      const first = routes.find((r) => r.routeKey === routeKey);
      if (first) {
        if (first.functionName !== integration.functionName) {
          say(`${route.id} gives the route ${routeKey} of ${id} to ${integration.functionName}, but an earlier route gives it to ${first.functionName}, which serves it (remove one of the two)`);
        }
        continue;
      }
      // A route with a route response (RouteResponseSelectionExpression, "$default") sends its function's answer back.
      const twoWay = route.properties.RouteResponseSelectionExpression !== undefined;
      routes.push({ routeKey, functionName: integration.functionName, ...(twoWay && { twoWay }) });
      if (routeKey === '$connect') connectAuthorizer = resourceRouteAuth(template, route, 'AWS::ApiGatewayV2::Authorizer', authorizers, say).authorizer;
    }
    const stage = v2Stage(template, id);
    if (!stage) say(`${id} has no AWS::ApiGatewayV2::Stage, so its WebSocket API is served on the stage "${UNDEPLOYED_STAGE}" (add a Stage to name it)`);
    out.webSockets.push({
      apiId: id,
      ...(stage ?? { stage: UNDEPLOYED_STAGE, stageVariables: {} }),
      routeSelectionExpression: api.properties.RouteSelectionExpression === undefined ? DEFAULT_SELECTION : asText(api.properties.RouteSelectionExpression),
      routes,
      ...(connectAuthorizer !== undefined ? { connectAuthorizer: authorizers[connectAuthorizer] } : {}),
    });
  }
}
