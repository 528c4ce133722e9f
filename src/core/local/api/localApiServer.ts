import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { Duplex } from 'node:stream';
import { closeServer, listenOn } from '../listening';
import { functionErrorOf, internalServerError, jsonAnswer, mapAnswer, noRouteAnswer } from './apiAnswer';
import type { ApiAnswer } from './apiAnswer';
import type { ApiEventContext, ApiRequest } from './apiRequest';
import type { ApiRoute } from './apiRoute';
import type { ApiSite } from './apiSite';
import { executeApiArn } from './authorizers/authorizationFacts';
import type { AuthorizationResult } from './authorizers/authorizerAnswers';
import { ApiAuthorizers } from './authorizers/authorize';
import type { AuthorizerInvocation } from './authorizers/lambdaAuthorizer';
import { withCors } from './cors';
import { corsScopeFor, gatewayOptionsAnswer, resourceMatch } from './corsScope';
import type { CorsScope } from './corsScope';
import { httpEvent } from './httpEvent';
import { readApiRequest, requestPath, writeAnswer } from './httpExchange';
import type { LocalApiServerOptions } from './localServerOptions';
import { restEvent } from './restEvent';
import { LocalWebSockets } from './localWebSockets';
import { matchRoute } from './routeMatch';
import type { RouteMatch } from './routeMatch';

/** `sam local start-api`'s port. */
export const DEFAULT_API_PORT = 3000;
/** API Gateway's payload limit. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

type Outcome = { answer: ApiAnswer; functionName?: string; note?: string };

/**
 * A local API Gateway: requests matched to the workspace's routes, CORS preflights answered and authorizers run
 * as API Gateway does, turned into the route's event (REST payload 1.0, HTTP API 1.0 or 2.0), run by the shared
 * invoker (warm environments reused), and the response read back as API Gateway reads it, with an HTTP API's CORS
 * headers. A function error or a malformed response is 502 with the reason in the log, never in the body.
 */
export class LocalApiServer {
  private stopped?: Promise<void>;
  private readonly webSockets: LocalWebSockets;
  private readonly authorizers: ApiAuthorizers;

  private constructor(
    private readonly server: http.Server,
    private readonly options: LocalApiServerOptions,
    readonly url: string,
  ) {
    this.authorizers = new ApiAuthorizers({ warn: options.onWarning });
    this.webSockets = new LocalWebSockets(options, () => this.url, this.authorizers);
  }

  static async start(options: LocalApiServerOptions): Promise<LocalApiServer> {
    const server = http.createServer();
    const api = new LocalApiServer(server, options, await listenOn(server, options.host ?? '127.0.0.1', options.port ?? DEFAULT_API_PORT));
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => void api.handle(req, res));
    server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void api.webSockets.upgrade(req, socket, head).catch(() => socket.destroy()));
    return api;
  }

  stop(): Promise<void> {
    this.webSockets.close();
    this.stopped ??= closeServer(this.server);
    return this.stopped;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (LocalWebSockets.isManagementRequest(req)) return this.webSockets.manage(req, res);
    const started = performance.now();
    let outcome: Outcome;
    try {
      outcome = await this.answer(req);
    } catch (error) {
      outcome = { answer: internalServerError(), note: (error as Error).message };
    }
    writeAnswer(req, res, outcome.answer);
    this.options.onRequest?.({ method: req.method ?? 'GET', path: requestPath(req), status: outcome.answer.statusCode, functionName: outcome.functionName, ms: performance.now() - started, note: outcome.note });
  }

  private async answer(req: http.IncomingMessage): Promise<Outcome> {
    const request = await readApiRequest(req, MAX_BODY_BYTES);
    if (!request) return { answer: jsonAnswer(413, { message: 'Request Too Long' }), note: `the body is over ${MAX_BODY_BYTES / 1024 / 1024} MB, API Gateway's limit` };
    const site = await this.options.site();
    const match = matchRoute(site.routes, request.method, request.rawPath);
    const cors = corsScopeFor(site, request, match);
    const outcome = await this.route(site, request, match, cors, req.headers.host ?? new URL(this.url).host);
    return cors ? { ...outcome, answer: withCors(cors.kind, cors.rules, request, outcome.answer) } : outcome;
  }

  private async route(site: ApiSite, request: ApiRequest, match: RouteMatch | undefined, cors: CorsScope | undefined, domainName: string): Promise<Outcome> {
    const gateway = gatewayOptionsAnswer(site, request, match, cors);
    if (gateway) return (await this.guardPreflight(site, request, cors, domainName)) ?? gateway;
    if (!match) return { answer: noRouteAnswer(new Set(site.routes.map((r) => r.kind))), note: 'no route for this method and path' };
    const { route } = match;
    const definition = site.functions.find((f) => f.name === route.functionName);
    if (!definition) return { answer: internalServerError(), functionName: route.functionName, note: `the function ${route.functionName} is not in the template anymore` };
    const context = eventContext(site, route, domainName);
    const authorized = await this.authorize(site, match, request, context);
    if (!authorized.ok) return { answer: authorized.answer, note: authorized.note };
    const authorizedContext = { ...context, authorizer: authorized.eventAuthorizer };
    const event = route.payloadVersion === '2.0' ? httpEvent(request, match, authorizedContext) : restEvent(request, match, authorizedContext, { httpApi: route.kind === 'http' });
    const result = await this.options.invoker.invoke(definition, JSON.stringify(event), { credentials: this.options.credentials });
    if (result.throttled) return { answer: jsonAnswer(429, { message: 'Too Many Requests' }), functionName: route.functionName, note: 'the function is at its concurrency cap' };
    if (result.functionError) return { answer: internalServerError(), functionName: route.functionName, note: `the function failed: ${functionErrorOf(result.payload).summary}` };
    const mapped = mapAnswer(route, result.payload, context.binaryMediaTypes);
    if ('malformed' in mapped) return { answer: internalServerError(), functionName: route.functionName, note: `malformed response: ${mapped.malformed}` };
    return { answer: mapped.answer, functionName: route.functionName };
  }

  /**
   * SAM puts a REST API's DefaultAuthorizer on the OPTIONS method its Cors adds (AddDefaultAuthorizerToCorsPreflight,
   * true unless set false), so a browser's preflight, which carries no credentials, is refused there too: the
   * refusal, or undefined when the preflight may be answered.
   */
  private async guardPreflight(site: ApiSite, request: ApiRequest, cors: CorsScope | undefined, domainName: string): Promise<Outcome | undefined> {
    const guard = cors?.kind === 'rest' ? site.stages.get(cors.apiId)?.preflightAuthorizer : undefined;
    const resource = guard && resourceMatch(site.routes.filter((r) => r.apiId === cors!.apiId), request.rawPath);
    if (!guard || !resource) return undefined;
    const match = { route: { ...resource.route, method: 'OPTIONS', authorizer: guard }, pathParameters: resource.pathParameters };
    const authorized = await this.authorize(site, match, request, eventContext(site, match.route, domainName));
    return authorized.ok ? undefined : { answer: authorized.answer, note: `${authorized.note} (the CORS preflight is guarded by ${guard}: set Auth.AddDefaultAuthorizerToCorsPreflight: false to leave it open)` };
  }

  /** The route's authorizer's decision (open routes go on), its functions run by the same invoker as the routes'. */
  private async authorize(site: ApiSite, match: RouteMatch, request: ApiRequest, context: ApiEventContext): Promise<AuthorizationResult> {
    const name = match.route.authorizer;
    if (!name) return { ok: true };
    const config = site.stages.get(match.route.apiId)?.authorizers?.[name];
    const facts = { kind: match.route.kind, request, match, context, arn: executeApiArn(context, request.method, request.rawPath) };
    return this.authorizers.authorize(name, config, facts, async (functionName, event): Promise<AuthorizerInvocation | undefined> => {
      const definition = site.functions.find((f) => f.name === functionName);
      return definition && this.options.invoker.invoke(definition, event, { credentials: this.options.credentials });
    });
  }
}

/** What the event says of the route's API and of this moment. */
function eventContext(site: ApiSite, route: ApiRoute, domainName: string): ApiEventContext {
  const stage = site.stages.get(route.apiId);
  return {
    apiId: route.apiId,
    stage: stage?.stage ?? (route.kind === 'rest' ? 'Prod' : '$default'),
    stageVariables: stage?.stageVariables ?? {},
    binaryMediaTypes: stage?.binaryMediaTypes ?? [],
    requestId: randomUUID(),
    now: new Date(),
    domainName,
  };
}
