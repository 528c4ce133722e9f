import { jsonAnswer } from '../apiAnswer';
import type { ApiAnswer } from '../apiAnswer';
import type { AuthorizationFacts } from './authorizationFacts';

/**
 * What an authorizer decided: go on, with what the route's event gets as requestContext.authorizer; or API
 * Gateway's answer instead of the route's, with the reason for the request log (never a token or identity value).
 */
export type AuthorizationResult =
  | { readonly ok: true; readonly eventAuthorizer?: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly answer: ApiAnswer; readonly note: string };

/** 401: no identity, or one the authorizer refused ("Unauthorized"), for every kind of API. */
export function unauthorized(note: string, headers: readonly (readonly [string, string])[] = []): AuthorizationResult {
  const answer = jsonAnswer(401, { message: 'Unauthorized' });
  return { ok: false, answer: { ...answer, headers: [...answer.headers, ...headers] }, note };
}

/**
 * 403 as each kind of API words it: a REST API tells an explicit deny from a policy that allows nothing for this
 * request (with "Message", capitalised, as API Gateway writes these two); an HTTP API says Forbidden.
 */
export function forbidden(facts: AuthorizationFacts, why: 'deny' | 'no-allow' | 'refused', note: string, headers: readonly (readonly [string, string])[] = []): AuthorizationResult {
  const body =
    facts.kind === 'http' || why === 'refused'
      ? { message: 'Forbidden' }
      : { Message: why === 'deny' ? 'User is not authorized to access this resource with an explicit deny' : 'User is not authorized to access this resource' };
  const answer = jsonAnswer(403, body);
  return { ok: false, answer: { ...answer, headers: [...answer.headers, ...headers] }, note };
}

/** 500 when the authorizer failed or answered what API Gateway cannot read: REST's {"message":null}, an HTTP API's Internal Server Error. */
export function authorizerFailure(facts: AuthorizationFacts, note: string): AuthorizationResult {
  return { ok: false, answer: jsonAnswer(500, { message: facts.kind === 'http' ? 'Internal Server Error' : null }), note };
}
