import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { LOCAL_ACCOUNT_ID } from '../sources/sam/intrinsics';
import type { ApiEventContext, ApiRequest } from './apiRequest';
import type { FunctionUrl } from './apiDefinitions';
import { httpEvent } from './httpEvent';

/** Who signed an AWS_IAM request (from its Authorization header; a local URL does not check the signature). */
export interface UrlCaller {
  readonly accessKey: string;
}

/** @types/aws-lambda types it as an HTTP API event; Lambda sends these keys as null, and the IAM caller. */
export type FunctionUrlEvent = Omit<APIGatewayProxyEventV2, 'pathParameters' | 'stageVariables' | 'requestContext'> & {
  readonly pathParameters: null;
  readonly stageVariables: null;
  readonly requestContext: Omit<APIGatewayProxyEventV2['requestContext'], 'authentication'> & {
    readonly authentication: null;
    readonly authorizer?: { readonly iam: Record<string, string | null> };
  };
};

/**
 * A function URL's event: payload 2.0 with routeKey and stage "$default", no path parameters or stage variables
 * (null, as Lambda sends them), accountId "anonymous" for AuthType NONE, and for AWS_IAM the caller in
 * requestContext.authorizer.iam.
 */
export function functionUrlEvent(url: FunctionUrl, request: ApiRequest, context: ApiEventContext, caller?: UrlCaller): FunctionUrlEvent {
  const route = { method: 'ANY', path: '$default', functionName: url.functionName, kind: 'http' as const, payloadVersion: '2.0' as const, apiId: context.apiId };
  const { pathParameters: _path, stageVariables: _stage, ...event } = httpEvent(request, { route, pathParameters: {} }, { ...context, stage: '$default', stageVariables: {} });
  const iam = url.authType === 'AWS_IAM';
  return {
    ...event,
    requestContext: {
      ...event.requestContext,
      accountId: iam ? LOCAL_ACCOUNT_ID : 'anonymous',
      authentication: null,
      ...(iam && {
        authorizer: {
          iam: {
            accessKey: caller?.accessKey ?? '',
            accountId: LOCAL_ACCOUNT_ID,
            callerId: 'AIDALOCALCALLER',
            cognitoIdentity: null,
            principalOrgId: null,
            userArn: `arn:aws:iam::${LOCAL_ACCOUNT_ID}:user/local`,
            userId: 'AIDALOCALCALLER',
          },
        },
      }),
    },
    pathParameters: null,
    stageVariables: null,
  };
}
