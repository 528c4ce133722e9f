// The events a WebSocket API gives its route functions, as API Gateway builds them: $connect carries the
// handshake's headers and query string, a message its body, $disconnect the close code and reason.
import { randomUUID } from 'node:crypto';
import { clfTime } from '../../events/helpers';
import { queryPairs } from './apiRequest';

/** What API Gateway knows of a connection, the same in every event of it. */
export interface ConnectionFacts {
  readonly connectionId: string;
  readonly apiId: string;
  readonly stage: string;
  readonly domainName: string;
  readonly connectedAt: number;
  readonly sourceIp: string;
  readonly userAgent?: string;
}

type EventType = 'CONNECT' | 'MESSAGE' | 'DISCONNECT';

function requestContext(facts: ConnectionFacts, routeKey: string, eventType: EventType, now: Date): Record<string, unknown> {
  const requestId = randomUUID();
  return {
    routeKey,
    eventType,
    extendedRequestId: requestId,
    requestTime: clfTime(now),
    messageDirection: 'IN',
    stage: facts.stage,
    connectedAt: facts.connectedAt,
    requestTimeEpoch: now.getTime(),
    identity: { sourceIp: facts.sourceIp, ...(facts.userAgent !== undefined && { userAgent: facts.userAgent }) },
    requestId,
    domainName: facts.domainName,
    connectionId: facts.connectionId,
    apiId: facts.apiId,
  };
}

/** The handshake's headers as API Gateway passes them on $connect: single and multi-valued, names as sent. */
function headerMaps(headers: readonly (readonly [string, string])[]): { headers: Record<string, string>; multiValueHeaders: Record<string, string[]> } {
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [name, value] of headers) {
    single[name] = value;
    (multi[name] ??= []).push(value);
  }
  return { headers: single, multiValueHeaders: multi };
}

export function connectEvent(facts: ConnectionFacts, headers: readonly (readonly [string, string])[], rawQuery: string, now = new Date()): Record<string, unknown> {
  const query: Record<string, string> = {};
  const multiQuery: Record<string, string[]> = {};
  for (const [key, value] of queryPairs(rawQuery)) {
    query[key] = value;
    (multiQuery[key] ??= []).push(value);
  }
  return {
    ...headerMaps(headers),
    ...(Object.keys(query).length > 0 && { queryStringParameters: query, multiValueQueryStringParameters: multiQuery }),
    requestContext: requestContext(facts, '$connect', 'CONNECT', now),
    isBase64Encoded: false,
  };
}

export function messageEvent(facts: ConnectionFacts, routeKey: string, body: Buffer, binary: boolean, now = new Date()): Record<string, unknown> {
  return {
    requestContext: { ...requestContext(facts, routeKey, 'MESSAGE', now), messageId: randomUUID() },
    body: binary ? body.toString('base64') : body.toString('utf8'),
    isBase64Encoded: binary,
  };
}

export function disconnectEvent(facts: ConnectionFacts, code: number, reason: string, now = new Date()): Record<string, unknown> {
  return {
    requestContext: { ...requestContext(facts, '$disconnect', 'DISCONNECT', now), disconnectStatusCode: code, disconnectReason: reason },
    isBase64Encoded: false,
  };
}

/**
 * The route key a message selects with the API's RouteSelectionExpression: "$request.body.action" reads the JSON
 * body's action (nested: "$request.body.a.b"); a message that is not JSON or lacks the key selects nothing.
 */
export function selectedRouteKey(expression: string, body: string): string | undefined {
  const match = /^\$request\.body\.(.+)$/.exec(expression.trim());
  if (!match) return expression.startsWith('$') ? undefined : expression;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  for (const key of match[1].split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}
