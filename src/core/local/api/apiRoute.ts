/** Which kind of API Gateway a route belongs to: it decides the event's shape and how the answer is read. */
export type ApiKind = 'rest' | 'http';

/** One route of a local API: a method and a path template, served by a workspace function. */
export interface ApiRoute {
  /** GET, POST…, or ANY (every method). */
  readonly method: string;
  /** "/items/{id}", "/files/{proxy+}", or "$default" (an HTTP API's catch-all). */
  readonly path: string;
  /** The local function that serves it (its logical id). */
  readonly functionName: string;
  readonly kind: ApiKind;
  /** "1.0" for REST APIs; "2.0" (the default) or "1.0" for HTTP APIs. */
  readonly payloadVersion: '1.0' | '2.0';
  /** The API's logical id (ServerlessRestApi, ServerlessHttpApi, or the template's resource). */
  readonly apiId: string;
  /** The name of its API's authorizer that guards it (ApiStage.authorizers); absent when the route is open. */
  readonly authorizer?: string;
  /** JWT authorizers: the scopes the token must carry one of. */
  readonly authorizationScopes?: readonly string[];
}

/** The methods ANY stands for (API Gateway's list). */
export const ANY_METHODS = ['GET', 'DELETE', 'PUT', 'POST', 'HEAD', 'OPTIONS', 'PATCH'] as const;
