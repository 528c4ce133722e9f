import { httpEvent } from '../httpEvent';
import { restEvent } from '../restEvent';
import type { AuthorizationFacts } from './authorizationFacts';

/** A REST API TOKEN authorizer's event: the token as the caller sent it and the method's ARN. */
export function tokenAuthorizerEvent(token: string, facts: AuthorizationFacts): Record<string, unknown> {
  return { type: 'TOKEN', authorizationToken: token, methodArn: facts.arn };
}

/**
 * A REQUEST authorizer's event in payload 1.0 (REST APIs, WebSocket $connect, HTTP APIs set to 1.0): the route's
 * payload 1.0 event without its body, with type and methodArn; an HTTP API adds version "1.0" and the identity
 * values, comma-joined, as identitySource and authorizationToken.
 */
export function requestAuthorizerEventV1(facts: AuthorizationFacts, identity: readonly string[]): Record<string, unknown> {
  if (facts.connectEvent) return { type: 'REQUEST', methodArn: facts.arn, ...withoutBody(facts.connectEvent) };
  const httpApi = facts.kind === 'http';
  const event = withoutBody(restEvent(facts.request, facts.match, facts.context, { httpApi }));
  return {
    ...(httpApi && { version: '1.0' }),
    type: 'REQUEST',
    methodArn: facts.arn,
    ...(httpApi && { identitySource: identity.join(','), authorizationToken: identity.join(',') }),
    ...event,
  };
}

/** An HTTP API REQUEST authorizer's event in payload 2.0: the route's 2.0 event without its body, with routeArn and the identity values. */
export function requestAuthorizerEventV2(facts: AuthorizationFacts, identity: readonly string[]): Record<string, unknown> {
  const event = withoutBody(httpEvent(facts.request, facts.match, facts.context));
  return { version: '2.0', type: 'REQUEST', routeArn: facts.arn, identitySource: [...identity], ...event };
}

function withoutBody(event: object): Record<string, unknown> {
  const { body: _body, isBase64Encoded: _encoded, ...rest } = event as Record<string, unknown>;
  return rest;
}
