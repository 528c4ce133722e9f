import type { APIGatewayProxyEvent } from 'aws-lambda';
import { randomBytes } from 'node:crypto';
import { apiGatewayIdentity, clfTime } from '../../events/helpers';
import { LOCAL_ACCOUNT_ID } from '../sources/sam/intrinsics';
import { headerValue, isTextContent, matchesMediaType, queryPairs } from './apiRequest';
import type { ApiEventContext, ApiRequest } from './apiRequest';
import type { RouteMatch } from './routeMatch';

/**
 * The payload 1.0 event of a REST API's Lambda proxy integration (and of an HTTP API route set to 1.0), as API
 * Gateway builds it: header names as sent, the last of repeated headers and query parameters in the single-value
 * maps and all of them in the multi-value ones, null for what is absent, a fresh requestId and time per request.
 */
export function restEvent(request: ApiRequest, match: RouteMatch, context: ApiEventContext, options: { readonly httpApi?: boolean } = {}): APIGatewayProxyEvent & { version?: string } {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, value] of request.headers) {
    headers[name] = value;
    (multiValueHeaders[name] ??= []).push(value);
  }
  const query: Record<string, string> = {};
  const multiQuery: Record<string, string[]> = {};
  for (const [key, value] of queryPairs(request.rawQuery)) {
    query[key] = value;
    (multiQuery[key] ??= []).push(value);
  }
  const contentType = headerValue(request, 'content-type');
  const binary = request.body.length > 0 && (options.httpApi ? !isTextContent(contentType) : matchesMediaType(contentType, context.binaryMediaTypes));
  const hasQuery = Object.keys(query).length > 0;
  const hasPathParameters = Object.keys(match.pathParameters).length > 0;
  const hasStageVariables = Object.keys(context.stageVariables).length > 0;
  const resource = match.route.path === '$default' ? '$default' : match.route.path;
  return {
    ...(options.httpApi && { version: '1.0' }),
    resource,
    path: request.rawPath,
    httpMethod: request.method,
    headers,
    multiValueHeaders,
    queryStringParameters: hasQuery ? query : null,
    multiValueQueryStringParameters: hasQuery ? multiQuery : null,
    pathParameters: hasPathParameters ? { ...match.pathParameters } : null,
    stageVariables: hasStageVariables ? { ...context.stageVariables } : null,
    body: request.body.length === 0 ? null : binary ? request.body.toString('base64') : request.body.toString('utf8'),
    isBase64Encoded: binary,
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId: context.apiId,
      authorizer: context.authorizer,
      domainName: context.domainName,
      domainPrefix: context.domainName.split('.')[0].split(':')[0],
      extendedRequestId: randomBytes(8).toString('base64url'),
      httpMethod: request.method,
      identity: apiGatewayIdentity(request.sourceIp, headerValue(request, 'user-agent')),
      path: options.httpApi ? request.rawPath : `/${context.stage}${request.rawPath}`,
      protocol: request.protocol,
      requestId: context.requestId,
      requestTime: clfTime(context.now),
      requestTimeEpoch: context.now.getTime(),
      resourceId: randomBytes(3).toString('hex'),
      resourcePath: resource,
      stage: context.stage,
    },
  };
}
