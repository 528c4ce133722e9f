import { asText, isRecord, type Json } from '../sources/sam/intrinsics';
import type { ApiCollector } from './apiCollector';
import type { AuthorizerConfig, CorsRules } from './apiDefinitions';
import type { ApiKind } from './apiRoute';
import type { ApiTemplate } from './apiTemplate';
import { listCors, preflightCors } from './corsRules';
import { lambdaTarget } from './lambdaTarget';
import { openApiAuthorizers } from './openApiAuthorizers';

const METHODS: Readonly<Record<string, string>> = {
  get: 'GET',
  put: 'PUT',
  post: 'POST',
  delete: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  patch: 'PATCH',
  'x-amazon-apigateway-any-method': 'ANY',
};

export interface OpenApiOptions {
  readonly apiId: string;
  readonly kind: ApiKind;
  /** "ShopApi's DefinitionBody": the document's origin, in problems. */
  readonly where: string;
  /** The API's authorizers besides the document's (SAM's Auth wins over a scheme of the same name); the document's are added. */
  readonly authorizers: Record<string, AuthorizerConfig>;
  /** Guards the operations without `security` of their own or at the top (SAM's DefaultAuthorizer). */
  readonly defaultAuthorizer?: string;
}

/** What an OpenAPI document gives its API's stage besides routes. */
export interface OpenApiStageParts {
  readonly binaryMediaTypes: string[];
  readonly cors?: CorsRules;
}

/**
 * The routes of an OpenAPI 3 or Swagger 2 document: each path's operations (x-amazon-apigateway-any-method is ANY)
 * with a Lambda proxy `x-amazon-apigateway-integration` (type aws_proxy; its uri names the function; HTTP APIs'
 * payloadFormatVersion, API Gateway's "1.0" when left out), guarded by the operation's `security`, else the
 * document's, else the default authorizer (an empty list is open). Other integration types are not served: one
 * problem each. Also the document's binary media types and CORS (HTTP APIs' x-amazon-apigateway-cors; a REST API's
 * OPTIONS mock integration answering the preflight).
 */
export function readOpenApi(template: ApiTemplate, out: ApiCollector, document: Json, options: OpenApiOptions): OpenApiStageParts {
  const { apiId, kind, where } = options;
  const say = (problem: string) => out.problem(problem);
  const declared = openApiAuthorizers(template, document, kind, where, say);
  for (const [name, authorizer] of Object.entries(declared.authorizers)) options.authorizers[name] ??= authorizer;
  let cors = kind === 'http' ? listCors(document['x-amazon-apigateway-cors']) : undefined;
  const paths = isRecord(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    if (path !== '$default' && !path.startsWith('/')) {
      out.problem(`${where} has the path ${JSON.stringify(path)}, which does not start with "/", so it is not served (write it as /${path})`);
      continue;
    }
    for (const [key, operation] of Object.entries(item)) {
      const method = METHODS[key.toLowerCase()];
      if (!method || !isRecord(operation)) continue;
      const at = `${where} ${method === 'ANY' ? 'x-amazon-apigateway-any-method' : method} ${path}`;
      const integration = dereference(document, operation['x-amazon-apigateway-integration']);
      if (!isRecord(integration)) {
        out.problem(`${at} has no x-amazon-apigateway-integration, so it is not served (add one of type aws_proxy whose uri names the function)`);
        continue;
      }
      const type = asText(integration.type).toLowerCase();
      if (type === 'mock' && method === 'OPTIONS') {
        cors ??= preflightCors(isRecord(integration.responses) && isRecord(integration.responses.default) ? integration.responses.default.responseParameters : undefined);
        continue;
      }
      if (type !== 'aws_proxy') {
        out.problem(`${at} has an x-amazon-apigateway-integration of type ${type || '(none)'}, which is not served: only Lambda proxy integrations (type aws_proxy) run locally`);
        continue;
      }
      const target = lambdaTarget(template, integration.uri, `${at} x-amazon-apigateway-integration uri`);
      if ('problem' in target) {
        out.problem(`${target.problem}; the route is not served`);
        continue;
      }
      const auth = operationAuth(operation.security !== undefined ? operation.security : document.security, options, declared.other, at, say);
      out.addRoute(
        {
          method,
          path,
          functionName: target.functionName,
          kind,
          payloadVersion: kind === 'http' && asText(integration.payloadFormatVersion) === '2.0' ? '2.0' : '1.0',
          apiId,
          ...auth,
        },
        where,
        'definition',
      );
    }
  }
  const binary = document['x-amazon-apigateway-binary-media-types'];
  return { binaryMediaTypes: Array.isArray(binary) ? binary.map(asText) : [], ...(cors ? { cors } : {}) };
}

function operationAuth(
  security: unknown,
  options: OpenApiOptions,
  notAuthorizers: ReadonlySet<string>,
  at: string,
  say: (problem: string) => void,
): { authorizer?: string; authorizationScopes?: readonly string[] } {
  if (security === undefined) return options.defaultAuthorizer ? { authorizer: options.defaultAuthorizer } : {};
  if (!Array.isArray(security)) return {};
  for (const requirement of security) {
    if (!isRecord(requirement)) continue;
    for (const [name, scopes] of Object.entries(requirement)) {
      if (name in options.authorizers) {
        const list = Array.isArray(scopes) ? scopes.map(asText) : [];
        return { authorizer: name, ...(list.length > 0 ? { authorizationScopes: list } : {}) };
      }
      if (!notAuthorizers.has(name)) say(`${at} names the security scheme ${name}, which the document does not declare, so it is served without it (declare it under securitySchemes)`);
    }
  }
  return {};
}

/** A `{ $ref: '#/…' }` within the document (HTTP APIs' reusable components.x-amazon-apigateway-integrations), or the value itself. */
function dereference(document: Json, value: unknown): unknown {
  if (!isRecord(value) || typeof value.$ref !== 'string' || !value.$ref.startsWith('#/')) return value;
  let node: unknown = document;
  for (const part of value.$ref.slice(2).split('/')) {
    node = isRecord(node) ? node[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  return node;
}
