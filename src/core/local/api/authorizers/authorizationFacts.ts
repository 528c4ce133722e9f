import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from '../../sources/sam/intrinsics';
import type { ApiEventContext, ApiRequest } from '../apiRequest';
import type { ApiKind } from '../apiRoute';
import type { RouteMatch } from '../routeMatch';
import type { IdentityFacts } from './identitySources';

/** What an authorizer is asked about: one request to one route. */
export interface AuthorizationFacts {
  /** Which kind of API: it decides the authorizer's event and API Gateway's answers. */
  readonly kind: ApiKind | 'websocket';
  readonly request: ApiRequest;
  /** The route (its authorizationScopes, payload version) and the path parameters. */
  readonly match: RouteMatch;
  readonly context: ApiEventContext;
  /** This request's ARN (executeApiArn): the methodArn/routeArn the authorizer gets, and what its policy is checked against. */
  readonly arn: string;
  /** WebSocket $connect: the connection's event, the base of the REQUEST authorizer's event in place of a REST one. */
  readonly connectEvent?: Readonly<Record<string, unknown>>;
}

/**
 * The execute-api ARN of a request, as API Gateway gives it to authorizers:
 * arn:aws:execute-api:region:account:apiId/stage/GET/items/42 (or …/stage/$connect for a WebSocket route).
 */
export function executeApiArn(context: Pick<ApiEventContext, 'apiId' | 'stage'>, method: string, rawPath?: string): string {
  const route = rawPath === undefined ? method : `${method}/${rawPath.replace(/^\//, '')}`;
  return `arn:aws:execute-api:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:${context.apiId}/${context.stage}/${route}`;
}

/** The route key of the matched route: "GET /items/{id}", "$default", or a WebSocket route's own key. */
export function routeKeyOf(facts: AuthorizationFacts): string {
  const { route } = facts.match;
  return facts.kind === 'websocket' || route.path === '$default' ? route.path : `${route.method} ${route.path}`;
}

export function identityFacts(facts: AuthorizationFacts): IdentityFacts {
  return { request: facts.request, context: facts.context, routeKey: routeKeyOf(facts), resourcePath: facts.match.route.path };
}
