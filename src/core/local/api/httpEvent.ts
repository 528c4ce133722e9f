import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { clfTime } from '../../events/helpers';
import { LOCAL_ACCOUNT_ID } from '../sources/sam/intrinsics';
import { headerValue, isTextContent, queryPairs } from './apiRequest';
import type { ApiEventContext, ApiRequest } from './apiRequest';
import type { RouteMatch } from './routeMatch';

/**
 * The payload 2.0 event of an HTTP API (and, with routeKey "$default", of a function URL), as API Gateway builds
 * it: header names lower-cased and repeated headers comma-joined, the Cookie header moved into cookies[],
 * repeated query parameters comma-joined, and the maps left out, not null, when they would be empty.
 */
export function httpEvent(request: ApiRequest, match: RouteMatch, context: ApiEventContext): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of request.headers) {
    const key = name.toLowerCase();
    if (key === 'cookie') cookies.push(...value.split(';').map((cookie) => cookie.trim()).filter(Boolean));
    else headers[key] = key in headers ? `${headers[key]},${value}` : value;
  }
  const query: Record<string, string> = {};
  for (const [key, value] of queryPairs(request.rawQuery)) query[key] = key in query ? `${query[key]},${value}` : value;
  const binary = request.body.length > 0 && !isTextContent(headerValue(request, 'content-type'));
  const routeKey = match.route.path === '$default' ? '$default' : `${match.route.method} ${match.route.path}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: request.rawPath,
    rawQueryString: request.rawQuery,
    ...(cookies.length > 0 && { cookies }),
    headers,
    ...(Object.keys(query).length > 0 && { queryStringParameters: query }),
    ...(Object.keys(match.pathParameters).length > 0 && { pathParameters: { ...match.pathParameters } }),
    ...(Object.keys(context.stageVariables).length > 0 && { stageVariables: { ...context.stageVariables } }),
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId: context.apiId,
      ...(context.authorizer && { authorizer: context.authorizer }),
      domainName: context.domainName,
      domainPrefix: context.domainName.split('.')[0].split(':')[0],
      http: {
        method: request.method,
        path: request.rawPath,
        protocol: request.protocol,
        sourceIp: request.sourceIp,
        userAgent: headerValue(request, 'user-agent') ?? '',
      },
      requestId: context.requestId,
      routeKey,
      stage: context.stage,
      time: clfTime(context.now),
      timeEpoch: context.now.getTime(),
    },
    ...(request.body.length > 0 && { body: binary ? request.body.toString('base64') : request.body.toString('utf8') }),
    isBase64Encoded: binary,
  };
}
