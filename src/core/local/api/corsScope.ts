import type { ApiAnswer } from './apiAnswer';
import type { ApiStage, CorsRules } from './apiDefinitions';
import type { ApiRequest } from './apiRequest';
import { ANY_METHODS } from './apiRoute';
import type { ApiKind, ApiRoute } from './apiRoute';
import { isPreflight, preflightAnswer, restOptionsAnswer } from './cors';
import { matchRoute } from './routeMatch';
import type { RouteMatch } from './routeMatch';

/** The CORS rules of the API a request belongs to. */
export interface CorsScope {
  readonly kind: ApiKind;
  readonly apiId: string;
  readonly rules: CorsRules;
  /** ApiStage.corsByPath: a REST API's rules path by path. */
  readonly byPath?: ReadonlyMap<string, CorsRules>;
}

interface Routes {
  readonly routes: readonly ApiRoute[];
  readonly stages: ReadonlyMap<string, ApiStage>;
}

/**
 * Whose CORS rules apply to a request: its route's API; for a path no route of this method serves, the API that has
 * the path under another method; else, when the site serves one API only, that API (API Gateway answers a
 * preflight to any path of it). With several APIs on one port such a path belongs to none.
 */
export function corsScopeFor(site: Routes, request: ApiRequest, match: RouteMatch | undefined): CorsScope | undefined {
  const apis = new Set(site.routes.map((route) => route.apiId));
  const apiId = match?.route.apiId ?? resourceMatch(site.routes, request.rawPath)?.route.apiId ?? (apis.size === 1 ? [...apis][0] : undefined);
  const stage = apiId === undefined ? undefined : site.stages.get(apiId);
  return stage?.cors && { kind: stage.kind, apiId: stage.apiId, rules: stage.cors, ...(stage.corsByPath ? { byPath: stage.corsByPath } : {}) };
}

/**
 * API Gateway's own answer to an OPTIONS request, before any route runs, or undefined when a route takes it.
 * - HTTP API: a preflight is answered from CorsConfiguration unless a route serves OPTIONS on the path (an OPTIONS
 *   or ANY route, or $default): that route runs, its authorizer included, which is why AWS advises an open
 *   OPTIONS /{proxy+} beside an authorized $default (Configure CORS for HTTP APIs; aws/serverless-application-model#1603).
 * - REST API: SAM's Cors gave each path an OPTIONS method with a mock integration, which answers any OPTIONS to
 *   the path, preflight or not, unless the template has its own OPTIONS method there. A path with no route has no
 *   such method and stays 403. SAM puts the API's default authorizer on that method unless
 *   AddDefaultAuthorizerToCorsPreflight is false (ApiStage.preflightAuthorizer): the server checks that first.
 */
export function gatewayOptionsAnswer(site: Routes, request: ApiRequest, match: RouteMatch | undefined, scope: CorsScope | undefined): { readonly answer: ApiAnswer; readonly note?: string } | undefined {
  if (!scope || request.method.toUpperCase() !== 'OPTIONS') return undefined;
  if (scope.kind === 'http') return isPreflight(request) && !match ? preflightAnswer(scope.rules, request) : undefined;
  if (match?.route.method === 'OPTIONS') return undefined;
  const ownRoutes = site.routes.filter((route) => route.apiId === scope.apiId);
  const resource = resourceMatch(ownRoutes, request.rawPath);
  if (!resource) return undefined;
  const rules = scope.byPath ? scope.byPath.get(resource.route.path) : scope.rules;
  if (!rules) return undefined;
  return { answer: restOptionsAnswer(rules, pathMethods(ownRoutes, resource.route.path)) };
}

/** The route whose path template matches, whatever its method: the resource API Gateway chooses first. */
export function resourceMatch(routes: readonly ApiRoute[], rawPath: string): RouteMatch | undefined {
  return matchRoute(routes.map((route) => ({ ...route, method: 'ANY' })), 'GET', rawPath);
}

/** The methods of a path, as SAM lists them in the OPTIONS answer when AllowMethods is not given (OPTIONS itself included). */
function pathMethods(routes: readonly ApiRoute[], path: string): string[] {
  const methods = new Set(['OPTIONS']);
  for (const route of routes.filter((r) => r.path === path)) for (const method of route.method === 'ANY' ? ANY_METHODS : [route.method]) methods.add(method);
  return [...methods].sort();
}
