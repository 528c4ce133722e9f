import { functionErrorOf } from '../apiAnswer';
import type { AuthorizerConfig } from '../apiDefinitions';
import { identityFacts } from './authorizationFacts';
import type { AuthorizationFacts } from './authorizationFacts';
import { authorizerFailure, forbidden, unauthorized } from './authorizerAnswers';
import type { AuthorizationResult } from './authorizerAnswers';
import type { AuthorizerCache } from './authorizerCache';
import { requestAuthorizerEventV1, requestAuthorizerEventV2, tokenAuthorizerEvent } from './authorizerEvents';
import { readAuthorizerResponse } from './authorizerResponse';
import type { AuthorizerResponse } from './authorizerResponse';
import { identityValue } from './identitySources';
import { policyDecision } from './policy';

export type LambdaAuthorizerConfig = Extract<AuthorizerConfig, { kind: 'lambda' }>;

/** What running an authorizer function gave, as LocalInvoker reports it: its payload, or Lambda's error payload with functionError set. */
export interface AuthorizerInvocation {
  readonly payload: string;
  readonly functionError?: string;
  readonly throttled?: boolean;
}

/** Runs the authorizer's function with this event (JSON); undefined when the project has no function of that name. */
export type InvokeAuthorizer = (functionName: string, event: string) => Promise<AuthorizerInvocation | undefined>;

const DEFAULT_TOKEN_SOURCE = 'method.request.header.Authorization';

/**
 * A Lambda authorizer, as API Gateway runs one: the identity sources must all be there (and a TOKEN match its
 * ValidationExpression) or the answer is 401 without calling the function; the function's answer is read as a
 * policy (or, for an HTTP API with simple responses, a yes or no) and cached for the TTL by the identity values;
 * an error "Unauthorized" is 401, any other failure or an unreadable answer 500.
 */
export async function lambdaAuthorize(name: string, config: LambdaAuthorizerConfig, facts: AuthorizationFacts, invoke: InvokeAuthorizer, cache: AuthorizerCache<AuthorizerResponse>): Promise<AuthorizationResult> {
  const sources = config.type === 'TOKEN' ? [config.identitySources[0] ?? DEFAULT_TOKEN_SOURCE] : config.identitySources;
  const values: string[] = [];
  for (const source of sources) {
    const value = identityValue(source, identityFacts(facts));
    if (value === undefined) return unauthorized(`the request has no ${source}, the identity source of the authorizer ${name}`);
    values.push(value);
  }
  if (config.type === 'TOKEN' && config.validationExpression) {
    const matches = fullMatch(config.validationExpression, values[0]);
    if (matches === undefined) return authorizerFailure(facts, `the ValidationExpression of the authorizer ${name} is not a regular expression`);
    if (!matches) return unauthorized(`the token does not match the ValidationExpression of the authorizer ${name}`);
  }
  const key = values.length > 0 ? JSON.stringify([facts.context.apiId, name, config.functionName, values]) : undefined;
  const cached = key ? cache.get(key) : undefined;
  let response = cached;
  let latency = 0;
  if (!response) {
    const event =
      config.type === 'TOKEN'
        ? tokenAuthorizerEvent(values[0], facts)
        : facts.kind === 'http' && config.payloadVersion === '2.0'
          ? requestAuthorizerEventV2(facts, values)
          : requestAuthorizerEventV1(facts, values);
    const started = performance.now();
    const result = await invoke(config.functionName, JSON.stringify(event));
    latency = Math.round(performance.now() - started);
    if (!result) return authorizerFailure(facts, `the function ${config.functionName} of the authorizer ${name} is not in the template`);
    if (result.throttled) return authorizerFailure(facts, `the function ${config.functionName} of the authorizer ${name} is at its concurrency cap`);
    if (result.functionError) {
      const error = functionErrorOf(result.payload);
      if (error.message === 'Unauthorized') return unauthorized(`the authorizer ${name} answered Unauthorized`);
      return authorizerFailure(facts, `the authorizer ${name} failed: ${error.summary}`);
    }
    const simple = facts.kind === 'http' && config.payloadVersion === '2.0' && config.simpleResponses;
    const read = readAuthorizerResponse(result.payload, { simple, nestedContext: facts.kind === 'http' });
    if ('malformed' in read) return authorizerFailure(facts, `the authorizer ${name} answered what API Gateway cannot read: ${read.malformed}`);
    response = read;
    if (key) cache.set(key, response, config.ttlSeconds);
  }
  const cachedNote = cached ? ' (cached answer)' : '';
  if (response.kind === 'simple') {
    if (!response.isAuthorized) return forbidden(facts, 'refused', `the authorizer ${name} answered isAuthorized: false${cachedNote}`);
  } else {
    const decision = policyDecision(response.statements, facts.arn);
    if (decision === 'deny') return forbidden(facts, 'deny', `the policy of the authorizer ${name} denies ${facts.arn}${cachedNote}`);
    if (decision === 'no-allow') return forbidden(facts, 'no-allow', `the policy of the authorizer ${name} allows nothing that matches ${facts.arn}${cachedNote}`);
  }
  return { ok: true, eventAuthorizer: eventAuthorizer(facts, response, latency) };
}

/**
 * What the route's event gets as requestContext.authorizer: a payload 2.0 event the context under "lambda"; a
 * payload 1.0 event the context's keys beside principalId and integrationLatency, a REST API's values as strings.
 */
function eventAuthorizer(facts: AuthorizationFacts, response: AuthorizerResponse, latency: number): Record<string, unknown> {
  if (facts.kind === 'http' && facts.match.route.payloadVersion === '2.0') return { lambda: { ...response.context } };
  const context = facts.kind === 'http' ? { ...response.context } : Object.fromEntries(Object.entries(response.context).map(([k, v]) => [k, v === null ? null : String(v)]));
  const principalId = response.kind === 'policy' ? response.principalId : undefined;
  return { ...context, ...(principalId !== undefined && { principalId }), integrationLatency: latency };
}

/** Whether the whole token matches, as API Gateway applies a ValidationExpression; undefined when it is not a regular expression. */
function fullMatch(expression: string, token: string): boolean | undefined {
  try {
    return new RegExp(`^(?:${expression})$`).test(token);
  } catch {
    return undefined;
  }
}
