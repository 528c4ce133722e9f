import type { ApiDefinitions, AuthorizerConfig, CorsRules } from '../../api/apiDefinitions';
import { ApiCollector } from '../../api/apiCollector';
import type { ApiRoute } from '../../api/apiRoute';
import { asText, isRecord, type Json } from '../sam/intrinsics';
import { httpApiAuthorizers, httpApiCors, restAuthorizer, restEventCors } from './serverlessApiRules';
import type { ServerlessConfig } from './serverlessConfig';
import { resolvedProvider } from './serverlessFunctions';

/** The Framework gives a path one OPTIONS method: the methods of its events with cors, the rest from the first. */
function mergedCors(before: CorsRules | undefined, cors: CorsRules): CorsRules {
  return before ? { ...before, allowMethods: [...new Set([...before.allowMethods, ...cors.allowMethods])] } : cors;
}

/** The logical ids the Serverless Framework gives the APIs it creates. */
export const SERVERLESS_REST_API = 'ApiGatewayRestApi';
export const SERVERLESS_HTTP_API = 'HttpApi';

function method(value: unknown): string {
  const text = asText(value).trim().toUpperCase();
  return text === '*' ? 'ANY' : text;
}

/** A REST path as API Gateway writes it: "/users/{id}" for "users/{id}" or "/users/{id}/". */
function restPath(value: unknown): string {
  return `/${asText(value).split('/').filter(Boolean).join('/')}`;
}

/**
 * The local API of a serverless.yml: each function's `http` events (a REST API, payload 1.0, on the stage) and
 * `httpApi` events (an HTTP API on $default, provider.httpApi's payload, CORS and authorizers).
 */
export function readServerlessApis(config: ServerlessConfig, functionNames: ReadonlySet<string>): ApiDefinitions {
  const out = new ApiCollector();
  const say = (problem: string) => out.problem(problem);
  const provider = resolvedProvider(config, ['httpApi', 'apiGateway']);
  const httpApi: Json = isRecord(provider.httpApi) ? provider.httpApi : {};
  const payloadVersion = asText(httpApi.payload) === '1.0' ? '1.0' : '2.0';
  const httpAuthorizers = httpApiAuthorizers(httpApi.authorizers, functionNames, say);
  const restAuthorizers: Record<string, AuthorizerConfig> = {};
  let restCors: CorsRules | undefined;
  const corsByPath = new Map<string, CorsRules>();
  let kinds = { rest: false, http: false };
  const functions = config.resolver.resolve(config.raw.functions, 'functions');
  for (const [name, fn] of Object.entries(isRecord(functions) ? functions : {})) {
    if (!functionNames.has(name) || !isRecord(fn) || !Array.isArray(fn.events)) continue;
    fn.events.forEach((event: unknown, index) => {
      const where = `functions.${name}.events[${index}]`;
      if (!isRecord(event)) return;
      if (event.http !== undefined) {
        const route = restRoute(event.http, name, `${where}.http`, say);
        if (!route) return;
        kinds = { ...kinds, rest: true };
        const fields: Json = isRecord(event.http) ? event.http : {};
        const cors = restEventCors(fields.cors, route.method === 'ANY' ? ['*'] : [route.method]);
        if (cors) {
          restCors = mergedCors(restCors, cors);
          corsByPath.set(route.path, mergedCors(corsByPath.get(route.path), cors));
        }
        const authorizer = restAuthorizer(fields.authorizer, functionNames, `${where}.http`, say);
        if (authorizer) restAuthorizers[authorizer.name] = authorizer.config;
        out.addRoute({ ...route, ...(authorizer ? { authorizer: authorizer.name } : {}) }, `${name}'s http event`, 'event');
      } else if (event.httpApi !== undefined) {
        const route = httpRoute(event.httpApi, name, payloadVersion, `${where}.httpApi`, say);
        if (!route) return;
        kinds = { ...kinds, http: true };
        const fields: Json = isRecord(event.httpApi) ? event.httpApi : {};
        const auth = httpRouteAuthorizer(fields.authorizer, httpAuthorizers, `${where}.httpApi`, say);
        if (auth.authorizer === 'aws_iam') httpAuthorizers.aws_iam = { kind: 'unsupported', type: 'AWS_IAM' };
        out.addRoute({ ...route, ...auth }, `${name}'s httpApi event`, 'event');
      }
    });
  }
  const apiGateway: Json = isRecord(provider.apiGateway) ? provider.apiGateway : {};
  if (kinds.rest) {
    out.stages.set(SERVERLESS_REST_API, {
      apiId: SERVERLESS_REST_API,
      kind: 'rest',
      stage: config.resolver.stage(),
      stageFromSource: true,
      stageVariables: {},
      binaryMediaTypes: Array.isArray(apiGateway.binaryMediaTypes) ? apiGateway.binaryMediaTypes.map(asText) : [],
      ...(restCors ? { cors: restCors, corsByPath } : {}),
      ...(Object.keys(restAuthorizers).length > 0 ? { authorizers: restAuthorizers } : {}),
    });
  }
  if (kinds.http) {
    const cors = httpApiCors(httpApi.cors);
    out.stages.set(SERVERLESS_HTTP_API, {
      apiId: SERVERLESS_HTTP_API,
      kind: 'http',
      // The Serverless Framework deploys HTTP APIs to their $default stage, whatever the service's stage.
      stage: '$default',
      stageFromSource: true,
      stageVariables: {},
      binaryMediaTypes: [],
      ...(cors ? { cors } : {}),
      ...(Object.keys(httpAuthorizers).length > 0 ? { authorizers: httpAuthorizers } : {}),
    });
  }
  return out.definitions();
}

/** `http: GET users/{id}` or `http: { path, method }`. */
function restRoute(value: unknown, functionName: string, where: string, say: (problem: string) => void): ApiRoute | undefined {
  const [shortMethod, shortPath] = typeof value === 'string' ? value.trim().split(/\s+/) : [];
  const fields: Json = isRecord(value) ? value : { method: shortMethod, path: shortPath };
  if (fields.path === undefined || fields.method === undefined || asText(fields.method).trim() === '') {
    say(`${where} needs a path and a method (write http: { path: hello, method: get }, or http: GET hello)`);
    return undefined;
  }
  return { method: method(fields.method), path: restPath(fields.path), functionName, kind: 'rest', payloadVersion: '1.0', apiId: SERVERLESS_REST_API };
}

/** `httpApi: '*'`, `httpApi: 'GET /users/{id}'` or `httpApi: { method, path }`. */
function httpRoute(value: unknown, functionName: string, payloadVersion: '1.0' | '2.0', where: string, say: (problem: string) => void): ApiRoute | undefined {
  const base = { functionName, kind: 'http', payloadVersion, apiId: SERVERLESS_HTTP_API } as const;
  const text = typeof value === 'string' ? value.trim() : undefined;
  if (text === '*') return { method: 'ANY', path: '$default', ...base };
  const [shortMethod, shortPath] = text === undefined ? [] : text.split(/\s+/);
  const fields: Json = isRecord(value) ? value : { method: shortMethod, path: shortPath };
  const path = asText(fields.path ?? '');
  if (path === '*' && (fields.method === undefined || method(fields.method) === 'ANY')) return { method: 'ANY', path: '$default', ...base };
  if (!path.startsWith('/') || fields.method === undefined) {
    say(`${where} needs a method and a path that starts with "/" (write httpApi: 'GET /hello', httpApi: { method: get, path: /hello }, or httpApi: '*')`);
    return undefined;
  }
  return { method: method(fields.method), path, ...base };
}

/** An httpApi event's `authorizer`: { name, scopes } of provider.httpApi.authorizers, or { type: aws_iam }. */
function httpRouteAuthorizer(value: unknown, authorizers: Readonly<Record<string, AuthorizerConfig>>, where: string, say: (problem: string) => void): Pick<ApiRoute, 'authorizer' | 'authorizationScopes'> {
  if (value === undefined || value === null) return {};
  const fields: Json = isRecord(value) ? value : { name: value };
  if (asText(fields.type).toLowerCase() === 'aws_iam') return { authorizer: 'aws_iam' };
  const name = asText(fields.name);
  if (!(name in authorizers)) {
    say(`${where}.authorizer names ${JSON.stringify(name || asText(fields.id))}, which is not under provider.httpApi.authorizers; the route is served without it (define it there)`);
    return {};
  }
  const scopes = Array.isArray(fields.scopes) ? fields.scopes.map(asText) : [];
  return { authorizer: name, ...(scopes.length > 0 ? { authorizationScopes: scopes } : {}) };
}
