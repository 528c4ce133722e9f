import * as path from 'node:path';
import { noApiDefinitions, type ApiDefinitions, type ApiStage, type CorsRules } from '../../api/apiDefinitions';
import { listCors } from '../../api/corsRules';
import { referencedAddress } from './tfExpressions';
import type { TfBlock } from './terraformModule';
import type { TfConfiguration, TfModuleInstance } from './tfConfiguration';

const first = (value: unknown): Record<string, unknown> | undefined => {
  const item = Array.isArray(value) ? value[0] : value;
  return typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : undefined;
};

/** A `cors { allow_origins = […] … }` block as CorsRules (the same fields as CloudFormation's, in snake case). */
function blockCors(value: unknown): CorsRules | undefined {
  const block = first(value);
  if (block === undefined) return undefined;
  const pascal = Object.fromEntries(Object.entries(block).map(([key, item]) => [key.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase()), item]));
  return listCors(pascal);
}

/** "GET /items/{id}" → GET and /items/{id}; "$default" → ANY $default. */
function routeKey(key: string): { method: string; path: string } | undefined {
  if (key.trim() === '$default') return { method: 'ANY', path: '$default' };
  const match = /^([A-Za-z]+)\s+(\/\S*)$/.exec(key.trim());
  return match ? { method: match[1].toUpperCase(), path: match[2] } : undefined;
}

/**
 * The local API of a configuration: its aws_lambda_function_url resources (authorization_type, invoke_mode, cors),
 * its HTTP APIs (aws_apigatewayv2_api with protocol_type HTTP: quick create `target`, cors_configuration) with their
 * aws_apigatewayv2_route resources through an aws_apigatewayv2_integration of a function, and the variables of an
 * aws_apigatewayv2_stage. Each API's id is its address.
 */
export function readTerraformApis(configuration: TfConfiguration, functionNames: ReadonlySet<string>): ApiDefinitions {
  const out = noApiDefinitions();
  for (const instance of configuration.modules) readModuleApis(instance, functionNames, out);
  return out;
}

function readModuleApis(instance: TfModuleInstance, functionNames: ReadonlySet<string>, out: ApiDefinitions): void {
  const { prefix, module, evaluator } = instance;
  const of = (type: string): TfBlock[] => module.resources.filter((r) => r.type === type);
  const text = (value: unknown): string => {
    const { value: v } = evaluator.evaluate(value);
    return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
  };
  const where = (block: TfBlock): string => `${prefix}${block.type}.${block.name} in ${path.basename(block.file)}`;
  const functionOf = (value: unknown, block: TfBlock, attribute: string): string | undefined => {
    const name = referencedAddress(value, 'aws_lambda_function');
    // A terraform-aws-modules/lambda call's outputs: module.x.lambda_function_name, _arn, _invoke_arn, _qualified_arn…
    const moduleCall = typeof value === 'string' ? /^\$\{\s*module\.([\w-]+)\.lambda_function_\w+\s*\}$/.exec(value)?.[1] : undefined;
    const address = name !== undefined ? `${prefix}aws_lambda_function.${name}` : moduleCall !== undefined ? `${prefix}module.${moduleCall}` : undefined;
    if (address !== undefined && functionNames.has(address)) return address;
    out.problems.push(
      address === undefined
        ? `${where(block)}: ${attribute} is not a function of this configuration (write ${attribute} = aws_lambda_function.<name>.${attribute === 'function_name' ? 'function_name' : 'invoke_arn'}), so it is not served`
        : `${where(block)}: ${attribute} refers to ${address}, which does not run locally, so it is not served`,
    );
    return undefined;
  };

  for (const url of of('aws_lambda_function_url')) {
    const functionName = functionOf(url.body.function_name, url, 'function_name');
    if (functionName === undefined) continue;
    const cors = blockCors(evaluator.evaluate(url.body.cors).value);
    out.functionUrls.push({
      functionName,
      authType: text(url.body.authorization_type).toUpperCase() === 'AWS_IAM' ? 'AWS_IAM' : 'NONE',
      invokeMode: text(url.body.invoke_mode).toUpperCase() === 'RESPONSE_STREAM' ? 'RESPONSE_STREAM' : 'BUFFERED',
      ...(cors ? { cors } : {}),
    });
  }

  for (const api of of('aws_apigatewayv2_api')) {
    const apiId = `${prefix}aws_apigatewayv2_api.${api.name}`;
    const protocol = text(api.body.protocol_type).toUpperCase();
    if (protocol !== 'HTTP') {
      if (protocol !== 'WEBSOCKET') out.problems.push(`${where(api)}: protocol_type ${JSON.stringify(protocol)} is not HTTP, so it is not served (set protocol_type = "HTTP")`);
      else out.problems.push(`${where(api)}: WebSocket APIs from Terraform are not served locally yet`);
      continue;
    }
    const belongs = (block: TfBlock): boolean => referencedAddress(block.body.api_id, 'aws_apigatewayv2_api') === api.name;
    if (api.body.target !== undefined) {
      const functionName = functionOf(api.body.target, api, 'target');
      const key = routeKey(text(api.body.route_key ?? '$default'));
      if (functionName && key) out.routes.push({ ...key, functionName, kind: 'http', payloadVersion: '2.0', apiId });
    }
    for (const route of of('aws_apigatewayv2_route').filter(belongs)) {
      const key = routeKey(text(route.body.route_key));
      if (key === undefined) {
        out.problems.push(`${where(route)}: route_key ${JSON.stringify(text(route.body.route_key))} is not a method and a path, so the route is not served (write "GET /items/{id}", "ANY /{proxy+}" or "$default")`);
        continue;
      }
      const integrationName = /^integrations\/\$\{\s*aws_apigatewayv2_integration\.([\w-]+)\.id\s*\}$/.exec(String(route.body.target ?? ''))?.[1];
      const integration = of('aws_apigatewayv2_integration').find((i) => i.name === integrationName);
      if (integration === undefined) {
        out.problems.push(`${where(route)}: target is not "integrations/\${aws_apigatewayv2_integration.<name>.id}" of this configuration, so the route is not served`);
        continue;
      }
      const functionName = functionOf(integration.body.integration_uri, integration, 'integration_uri');
      if (functionName === undefined) continue;
      const payloadVersion = text(integration.body.payload_format_version) === '2.0' ? '2.0' : '1.0';
      out.routes.push({ ...key, functionName, kind: 'http', payloadVersion, apiId });
    }
    const stage = of('aws_apigatewayv2_stage').find(belongs);
    const variables = stage === undefined ? {} : evaluator.evaluate(stage.body.stage_variables).value;
    const cors = blockCors(evaluator.evaluate(api.body.cors_configuration).value);
    const apiStage: ApiStage = {
      apiId,
      kind: 'http',
      stage: stage === undefined ? '$default' : text(stage.body.name) || '$default',
      stageVariables: typeof variables === 'object' && variables !== null ? Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, String(v)])) : {},
      binaryMediaTypes: [],
      ...(cors ? { cors } : {}),
    };
    out.stages.set(apiId, apiStage);
  }
}
