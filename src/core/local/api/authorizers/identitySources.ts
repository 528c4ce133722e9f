import { LOCAL_ACCOUNT_ID } from '../../sources/sam/intrinsics';
import type { IdentitySource } from '../apiDefinitions';
import { headerValue, queryPairs } from '../apiRequest';
import type { ApiEventContext, ApiRequest } from '../apiRequest';

/** What an identity source can be read from: the request, its API's stage, and the route it matched. */
export interface IdentityFacts {
  readonly request: ApiRequest;
  readonly context: ApiEventContext;
  /** "GET /items/{id}", "$default", "$connect". */
  readonly routeKey: string;
  /** The route's path template ("/items/{id}"). */
  readonly resourcePath: string;
}

/**
 * The value an identity source names, as API Gateway reads it, or undefined when it is absent or empty (which API
 * Gateway answers 401 without calling the authorizer). Each kind of API writes sources its own way: REST
 * "method.request.header.Auth", HTTP "$request.header.Auth", WebSocket "route.request.header.Auth"; header names
 * are case-insensitive, query names are not; repeated values are joined with commas.
 */
export function identityValue(source: IdentitySource, facts: IdentityFacts): string | undefined {
  const read = /^(?:\$request|method\.request|route\.request)\.(header|multivalueheader|querystring|multivaluequerystring)\.(.+)$/i.exec(source.trim());
  if (read) {
    const [, where, name] = read;
    const values = where.toLowerCase().endsWith('header')
      ? facts.request.headers.filter(([key]) => key.toLowerCase() === name.toLowerCase()).map(([, value]) => value)
      : queryPairs(facts.request.rawQuery).filter(([key]) => key === name).map(([, value]) => value);
    return nonEmpty(values.join(','));
  }
  const stageVariable = /^\$?stageVariables\.(.+)$/.exec(source.trim());
  if (stageVariable) return nonEmpty(facts.context.stageVariables[stageVariable[1]]);
  const contextVariable = /^\$?context\.(.+)$/.exec(source.trim());
  if (contextVariable) return nonEmpty(contextValues(facts)[contextVariable[1]]);
  return undefined;
}

/** The $context variables a local request has. */
function contextValues(facts: IdentityFacts): Record<string, string | undefined> {
  const { request, context } = facts;
  return {
    accountId: LOCAL_ACCOUNT_ID,
    apiId: context.apiId,
    domainName: context.domainName,
    httpMethod: request.method,
    'identity.sourceIp': request.sourceIp,
    'identity.userAgent': headerValue(request, 'user-agent'),
    path: request.rawPath,
    protocol: request.protocol,
    requestId: context.requestId,
    resourcePath: facts.resourcePath,
    routeKey: facts.routeKey,
    stage: context.stage,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
