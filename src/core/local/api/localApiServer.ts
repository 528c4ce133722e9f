import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { Duplex } from 'node:stream';
import type { LocalInvoker } from '../invoker';
import { closeServer, listenOn } from '../listening';
import { functionErrorOf, internalServerError, jsonAnswer, mapAnswer, missingAuthenticationToken } from './apiAnswer';
import type { ApiAnswer } from './apiAnswer';
import type { ApiEventContext, ApiRequest } from './apiRequest';
import type { ApiSite } from './apiSite';
import { executeApiArn } from './authorizers/authorizationFacts';
import type { AuthorizationResult } from './authorizers/authorizerAnswers';
import { ApiAuthorizers } from './authorizers/authorize';
import type { AuthorizerInvocation } from './authorizers/lambdaAuthorizer';
import { withCors } from './cors';
import { corsScopeFor, gatewayOptionsAnswer } from './corsScope';
import type { CorsScope } from './corsScope';
import { httpEvent } from './httpEvent';
import { readApiRequest, requestPath, writeAnswer } from './httpExchange';
import { restEvent } from './restEvent';
import { LocalWebSockets } from './localWebSockets';
import { matchRoute } from './routeMatch';
import type { RouteMatch } from './routeMatch';

/** `sam local start-api`'s port. */
export const DEFAULT_API_PORT = 3000;
/** API Gateway's payload limit. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** One line of the request log: what was asked, what answered, how long it took, and why it failed when it did. */
export interface ApiRequestLog {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly functionName?: string;
  readonly ms: number;
  readonly note?: string;
}

export interface LocalApiServerOptions {
  readonly site: () => ApiSite | Promise<ApiSite>;
  readonly invoker: LocalInvoker;
  readonly host?: string;
  readonly port?: number;
  readonly onRequest?: (entry: ApiRequestLog) => void;
  /** What the user should know once (an authorizer not checked locally, a JWT issuer out of reach); never holds a token. */
  readonly onWarning?: (message: string) => void;
  /** Given to the function as its sandbox's credentials. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string };
}

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
    if (gateway) return gateway;
    if (!match) return { answer: missingAuthenticationToken(), note: 'no route for this method and path' };
    const { route } = match;
    const definition = site.functions.find((f) => f.name === route.functionName);
    if (!definition) return { answer: internalServerError(), functionName: route.functionName, note: `the function ${route.functionName} is not in the template anymore` };
    const stage = site.stages.get(route.apiId);
    const context: ApiEventContext = {
      apiId: route.apiId,
      stage: stage?.stage ?? (route.kind === 'rest' ? 'Prod' : '$default'),
      stageVariables: stage?.stageVariables ?? {},
      binaryMediaTypes: stage?.binaryMediaTypes ?? [],
      requestId: randomUUID(),
      now: new Date(),
      domainName,
    };
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
