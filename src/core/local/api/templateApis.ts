import type { Json } from '../sources/sam/intrinsics';
import { ApiCollector } from './apiCollector';
import type { ApiDefinitions } from './apiDefinitions';
import { ApiTemplate } from './apiTemplate';
import { readFunctionUrls } from './functionUrls';
import { readHttpApiResources } from './httpApiResources';
import { readRestApiResources } from './restApiResources';
import { addSamStages, readSamApis } from './samApis';
import { readSamRoutes } from './samRoutes';
import { readWebSocketApis } from './webSocketApis';

/**
 * Everything a SAM or CloudFormation template defines for the local API, for the functions of `functionNames` (those
 * that run locally): SAM's Api/HttpApi events and AWS::Serverless::Api/HttpApi (with their OpenAPI definitions, CORS
 * and Auth), CloudFormation's AWS::ApiGateway::* and AWS::ApiGatewayV2::* (HTTP and WebSocket) resources, and
 * function URLs. A function's own events are read first, so they win over an API definition's route of the same
 * method and path.
 */
export function readTemplateApis(template: Json, functionNames: ReadonlySet<string>, templateFile: string): ApiDefinitions {
  const view = new ApiTemplate(template, functionNames, templateFile);
  const out = new ApiCollector();
  const samApis = readSamApis(view, out);
  readSamRoutes(view, out, samApis);
  addSamStages(view, out, samApis);
  readRestApiResources(view, out);
  readHttpApiResources(view, out);
  readWebSocketApis(view, out);
  readFunctionUrls(view, out);
  return out.definitions();
}
