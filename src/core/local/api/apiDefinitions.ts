// What a project file defines for the local API: its HTTP routes and the APIs they belong to (stage, CORS,
// authorizers), its function URLs and its WebSocket APIs. Each function source reads these from its own files
// (SAM/CloudFormation templates today); the local servers only read this shape.
import type { ApiKind, ApiRoute } from './apiRoute';

/** CORS as API Gateway applies it, the API's configuration made plain (SAM's quoted "'*'" strings unquoted). */
export interface CorsRules {
  /** "*" or origins ("https://example.com"); a REST API has one. */
  readonly allowOrigins: readonly string[];
  /** Upper case; "*" for any. */
  readonly allowMethods: readonly string[];
  /** "*" or header names. */
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly maxAgeSeconds?: number;
  readonly allowCredentials: boolean;
}

/** Where an authorizer reads the caller's identity, as API Gateway writes it: "method.request.header.Authorization", "$request.querystring.token". */
export type IdentitySource = string;

export type AuthorizerConfig =
  | {
      readonly kind: 'lambda';
      readonly functionName: string;
      /** REST APIs: TOKEN or REQUEST; HTTP and WebSocket APIs: REQUEST. */
      readonly type: 'TOKEN' | 'REQUEST';
      readonly identitySources: readonly IdentitySource[];
      /** TOKEN only: a regular expression the token must match, else 401 without calling the function. */
      readonly validationExpression?: string;
      /** HTTP APIs: the authorizer's event format; REST APIs: "1.0". */
      readonly payloadVersion: '1.0' | '2.0';
      /** HTTP APIs with payload 2.0: the function answers { isAuthorized, context } instead of a policy. */
      readonly simpleResponses: boolean;
      /** How long an answer is cached per identity (API Gateway's default 300; 0 caches nothing). */
      readonly ttlSeconds: number;
    }
  | {
      readonly kind: 'jwt';
      readonly issuer: string;
      readonly audience: readonly string[];
      readonly identitySources: readonly IdentitySource[];
    }
  | {
      /** What a local API cannot check (AWS_IAM, COGNITO_USER_POOLS…): the route is served with a warning, as SAM does. */
      readonly kind: 'unsupported';
      readonly type: string;
    };

/** What an API's stage gives every request of its routes, and the rules it applies before and after the function. */
export interface ApiStage {
  readonly apiId: string;
  readonly kind: ApiKind;
  readonly stage: string;
  readonly stageVariables: Readonly<Record<string, string>>;
  /** When the template has several Stage resources for the API: each one's variables, so that --stage can pick one. */
  readonly variablesByStage?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** REST APIs only: the content types sent to and from the function as base64. */
  readonly binaryMediaTypes: readonly string[];
  readonly cors?: CorsRules;
  /**
   * REST APIs whose paths each have their own OPTIONS method (a serverless.yml's per-event `cors`): the rules of each
   * path that has one; a path not in it has no OPTIONS method. Absent: `cors` answers for every path (SAM's Cors).
   */
  readonly corsByPath?: ReadonlyMap<string, CorsRules>;
  /** The API's authorizers by name; a route names one (ApiRoute.authorizer). */
  readonly authorizers?: Readonly<Record<string, AuthorizerConfig>>;
  /**
   * REST APIs with CORS: the authorizer (a name in `authorizers`) that also guards the CORS preflight, the OPTIONS
   * request answered from `cors` (SAM's DefaultAuthorizer while AddDefaultAuthorizerToCorsPreflight is true, its
   * default). Absent: the preflight is answered without authorization.
   */
  readonly preflightAuthorizer?: string;
  /** Its stage is the one its source read for the stage asked for (a serverless.yml's), so start-api's --stage leaves it: a Serverless HTTP API stays on $default. */
  readonly stageFromSource?: boolean;
}

/** A function's URL (FunctionUrlConfig / AWS::Lambda::Url): served on a port of its own, as it has a host of its own. */
export interface FunctionUrl {
  readonly functionName: string;
  readonly authType: 'NONE' | 'AWS_IAM';
  readonly invokeMode: 'BUFFERED' | 'RESPONSE_STREAM';
  readonly cors?: CorsRules;
}

/** A WebSocket API (AWS::ApiGatewayV2::Api with ProtocolType WEBSOCKET) and the functions of its routes. */
export interface WebSocketApi {
  readonly apiId: string;
  readonly stage: string;
  readonly stageVariables: Readonly<Record<string, string>>;
  readonly variablesByStage?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** "$request.body.action" by default. */
  readonly routeSelectionExpression: string;
  /** By route key: "$connect", "$disconnect", "$default", or a value of the selection expression. */
  readonly routes: readonly {
    readonly routeKey: string;
    readonly functionName: string;
    /** The route has a route response (RouteResponseSelectionExpression): the function's answer body goes back to the client. */
    readonly twoWay?: boolean;
  }[];
  /** The $connect route's authorizer (a WebSocket API authorizes only on connect). */
  readonly connectAuthorizer?: AuthorizerConfig;
}

/** Everything of the local API one project file defines. */
export interface ApiDefinitions {
  readonly routes: ApiRoute[];
  /** By API id (the API's logical id, or SAM's implicit ServerlessRestApi / ServerlessHttpApi). */
  readonly stages: Map<string, ApiStage>;
  readonly functionUrls: FunctionUrl[];
  readonly webSockets: WebSocketApi[];
  /** What could not be read, each with what to fix, in the file's words. */
  readonly problems: string[];
  /** Other files the definitions were read from (a DefinitionUri, an AWS::Include Location): a change to one is a change to the APIs. */
  readonly includedFiles?: readonly string[];
}

export function noApiDefinitions(): ApiDefinitions {
  return { routes: [], stages: new Map(), functionUrls: [], webSockets: [], problems: [] };
}
