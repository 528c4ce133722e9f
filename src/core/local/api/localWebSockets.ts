import { randomBytes, randomUUID } from 'node:crypto';
import type * as http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import type { LocalInvokeResult } from '../invoker';
import type { LocalFunctionDefinition } from '../types';
import type { WebSocketApi } from './apiDefinitions';
import type { ApiSite } from './apiSite';
import type { ApiEventContext, ApiRequest } from './apiRequest';
import { executeApiArn } from './authorizers/authorizationFacts';
import type { AuthorizationResult } from './authorizers/authorizerAnswers';
import type { ApiAuthorizers } from './authorizers/authorize';
import { headerPairs, requestPath } from './httpExchange';
import { functionErrorOf } from './apiAnswer';
import type { LocalApiServerOptions } from './localServerOptions';
import { connectEvent, disconnectEvent, messageEvent, selectedRouteKey } from './webSocketEvents';
import type { ConnectionFacts } from './webSocketEvents';

/** Where the SDKs (JS v3, boto3) look for the management API's endpoint when a client is made without one. */
export const MANAGEMENT_ENDPOINT_VARIABLE = 'AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI';

/** "/@connections/{id}", "/{stage}/@connections/{id}", "@" sent as is or as %40 (the SDK encodes it). */
const MANAGEMENT_PATH = /^(?:\/[^/]+)?\/(?:@|%40)connections\/([^/?]+)$/i;

interface Connection {
  readonly socket: WebSocket;
  readonly facts: ConnectionFacts;
  readonly api: WebSocketApi;
  lastActiveAt: Date;
}

/**
 * The template's WebSocket APIs on the local API's own port: an upgrade request opens a connection through the API's
 * $connect route (its answer's status accepts or refuses it), each message goes to the route its selection
 * expression picks (else $default), a close to $disconnect; and the @connections management API (POST, GET,
 * DELETE) answers on the same port, so that a handler's ApiGatewayManagementApi client can reach its clients.
 */
export class LocalWebSockets {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly connections = new Map<string, Connection>();

  constructor(
    private readonly options: LocalApiServerOptions,
    /** The HTTP server's URL, known once it listens. */
    private readonly baseUrl: () => string,
    /** The HTTP routes' authorizers (their caches and warnings): a WebSocket API authorizes on $connect. */
    private readonly authorizers: ApiAuthorizers,
  ) {}

  static isManagementRequest(req: http.IncomingMessage): boolean {
    return MANAGEMENT_PATH.test(requestPath(req));
  }

  async upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const started = performance.now();
    const path = requestPath(req);
    const site = await this.options.site();
    const api = chooseApi(site.webSockets, path);
    const log = (status: number, functionName?: string, note?: string) =>
      this.options.onRequest?.({ method: 'WS', path: path === '/' ? '$connect' : `${path} $connect`, status, functionName, ms: performance.now() - started, note });
    if (!api) {
      refuse(socket, 404, { message: site.webSockets.length === 0 ? 'no WebSocket API in the template' : `no WebSocket API at ${path}; these are at /${site.webSockets.map((w) => w.apiId).join(', /')}` });
      log(404, undefined, site.webSockets.length === 0 ? 'the template has no WebSocket API' : 'no WebSocket API at this path');
      return;
    }
    const facts: ConnectionFacts = {
      connectionId: randomBytes(12).toString('base64url').slice(0, 16) + '=',
      apiId: api.apiId,
      stage: api.stage,
      domainName: req.headers.host ?? new URL(this.baseUrl()).host,
      connectedAt: Date.now(),
      sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
      userAgent: req.headers['user-agent'],
    };
    const route = api.routes.find((r) => r.routeKey === '$connect');
    const headers = headerPairs(req.rawHeaders);
    const rawQuery = new URL(req.url ?? '/', 'http://local').search.slice(1);
    let event = connectEvent(facts, headers, rawQuery);
    if (api.connectAuthorizer) {
      const authorized = await this.authorizeConnect(site, api, facts, { headers, rawQuery, path, protocol: `HTTP/${req.httpVersion}` }, event);
      if (!authorized.ok) {
        refuse(socket, authorized.answer.statusCode, JSON.parse(authorized.answer.body.toString('utf8')) as object);
        log(authorized.answer.statusCode, undefined, authorized.note);
        return;
      }
      if (authorized.eventAuthorizer) event = { ...event, requestContext: { ...(event.requestContext as object), authorizer: authorized.eventAuthorizer } };
    }
    if (route) {
      const outcome = await this.run(site, api, route.functionName, event);
      const status = outcome.status;
      if (status < 200 || status > 299) {
        refuse(socket, status, { message: outcome.note ?? 'refused by $connect' });
        log(status, route.functionName, outcome.note ?? `$connect answered ${status}`);
        return;
      }
      log(status, route.functionName);
    } else {
      log(101);
    }
    this.server.handleUpgrade(req, socket, head, (ws) => this.opened(site, ws, { socket: ws, facts, api, lastActiveAt: new Date() }));
  }

  /** The @connections API: POST sends to a client, GET describes its connection, DELETE closes it. */
  async manage(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = performance.now();
    const id = decodeURIComponent(MANAGEMENT_PATH.exec(requestPath(req))![1]);
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const connection = this.connections.get(id);
    const answer = (status: number, body?: unknown, errorType?: string) => {
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), ...(errorType && { 'x-amzn-ErrorType': errorType }) });
      res.end(text);
      this.options.onRequest?.({ method: req.method ?? 'GET', path: requestPath(req), status, ms: performance.now() - started, ...(errorType && { note: `${errorType}: no open connection ${id}` }) });
    };
    if (!connection) return answer(410, { message: null }, 'GoneException');
    switch (req.method) {
      case 'POST': {
        const data = Buffer.concat(chunks);
        connection.socket.send(data, { binary: !isUtf8(data) });
        return answer(200);
      }
      case 'GET':
        // The wire names are camel case (the SDK maps them to ConnectedAt, Identity.SourceIp…).
        return answer(200, {
          connectedAt: new Date(connection.facts.connectedAt).toISOString(),
          identity: { sourceIp: connection.facts.sourceIp, ...(connection.facts.userAgent && { userAgent: connection.facts.userAgent }) },
          lastActiveAt: connection.lastActiveAt.toISOString(),
        });
      case 'DELETE':
        connection.socket.close(1000);
        return answer(204);
      default:
        return answer(405, { message: `${req.method} is not a method of the @connections API (POST, GET, DELETE)` }, 'BadRequestException');
    }
  }

  /** The $connect authorizer's decision, taken by the same authorizers (and caches) as the HTTP routes'. */
  private authorizeConnect(
    site: ApiSite,
    api: WebSocketApi,
    facts: ConnectionFacts,
    handshake: { headers: [string, string][]; rawQuery: string; path: string; protocol: string },
    event: Record<string, unknown>,
  ): Promise<AuthorizationResult> {
    const request: ApiRequest = { method: 'GET', rawPath: handshake.path, rawQuery: handshake.rawQuery, headers: handshake.headers, body: Buffer.alloc(0), sourceIp: facts.sourceIp, protocol: handshake.protocol };
    const context: ApiEventContext = { apiId: api.apiId, stage: api.stage, stageVariables: api.stageVariables, binaryMediaTypes: [], requestId: randomUUID(), now: new Date(), domainName: facts.domainName };
    const functionName = api.routes.find((r) => r.routeKey === '$connect')?.functionName ?? '';
    const match = { route: { method: 'GET', path: '$connect', functionName, kind: 'http' as const, payloadVersion: '1.0' as const, apiId: api.apiId }, pathParameters: {} };
    return this.authorizers.authorize('$connect', api.connectAuthorizer, { kind: 'websocket', request, match, context, arn: executeApiArn(context, '$connect'), connectEvent: event }, async (name, payload) => {
      const definition = site.functions.find((f) => f.name === name);
      return definition && this.options.invoker.invoke(definition, payload, { credentials: this.options.credentials });
    });
  }

  /** Ends every connection (the server is stopping): no $disconnect runs, as the functions stop too. */
  close(): void {
    for (const { socket } of this.connections.values()) socket.terminate();
    this.connections.clear();
    this.server.close();
  }

  private opened(site: ApiSite, socket: WebSocket, connection: Connection): void {
    const { facts, api } = connection;
    this.connections.set(facts.connectionId, connection);
    socket.on('message', (data: RawData, isBinary: boolean) => {
      connection.lastActiveAt = new Date();
      void this.message(connection, toBuffer(data), isBinary);
    });
    socket.on('close', (code: number, reason: Buffer) => {
      if (this.connections.get(facts.connectionId) !== connection) return;
      this.connections.delete(facts.connectionId);
      const route = api.routes.find((r) => r.routeKey === '$disconnect');
      if (!route) return;
      const started = performance.now();
      void this.run(site, api, route.functionName, disconnectEvent(facts, code, reason.toString('utf8'))).then((outcome) =>
        this.options.onRequest?.({ method: 'WS', path: '$disconnect', status: outcome.status, functionName: route.functionName, ms: performance.now() - started, note: outcome.note }),
      );
    });
  }

  private async message(connection: Connection, data: Buffer, isBinary: boolean): Promise<void> {
    const started = performance.now();
    const site = await this.options.site();
    const api = site.webSockets.find((w) => w.apiId === connection.api.apiId) ?? connection.api;
    const selected = isBinary ? undefined : selectedRouteKey(api.routeSelectionExpression, data.toString('utf8'));
    const route = api.routes.find((r) => r.routeKey === selected && !r.routeKey.startsWith('$')) ?? api.routes.find((r) => r.routeKey === '$default');
    const routeKey = route?.routeKey ?? selected ?? '$default';
    const tell = (message: string, requestId: string) => connection.socket.send(JSON.stringify({ message, connectionId: connection.facts.connectionId, requestId }));
    if (!route) {
      tell('Forbidden', randomBytes(8).toString('hex'));
      this.options.onRequest?.({ method: 'WS', path: routeKey, status: 403, ms: performance.now() - started, note: `no route ${JSON.stringify(routeKey)} and no $default route` });
      return;
    }
    const event = messageEvent(connection.facts, route.routeKey, data, isBinary);
    const outcome = await this.run(site, api, route.functionName, event);
    if (outcome.failed) tell('Internal server error', outcome.requestId);
    else if (route.twoWay && outcome.body !== undefined && connection.socket.readyState === connection.socket.OPEN) connection.socket.send(outcome.body);
    this.options.onRequest?.({ method: 'WS', path: route.routeKey, status: outcome.status, functionName: route.functionName, ms: performance.now() - started, note: outcome.note });
  }

  /** Runs a route's function, with the management API's local endpoint in its environment unless it sets one. */
  private async run(site: ApiSite, api: WebSocketApi, functionName: string, event: object): Promise<{ status: number; failed?: boolean; body?: string; note?: string; requestId: string }> {
    const definition = site.functions.find((f) => f.name === functionName);
    if (!definition) return { status: 500, failed: true, note: `the function ${functionName} is not in the template anymore`, requestId: '' };
    const result = await this.options.invoker.invoke(withManagementEndpoint(definition, `${this.baseUrl()}/${api.stage}`), JSON.stringify(event), { credentials: this.options.credentials });
    return readResult(result);
  }
}

function readResult(result: LocalInvokeResult): { status: number; failed?: boolean; body?: string; note?: string; requestId: string } {
  const { requestId } = result;
  if (result.throttled) return { status: 429, failed: true, note: 'the function is at its concurrency cap', requestId };
  if (result.functionError) return { status: 500, failed: true, note: `the function failed: ${functionErrorOf(result.payload).summary}`, requestId };
  let value: unknown;
  try {
    value = JSON.parse(result.payload);
  } catch {
    return { status: 200, body: result.payload, requestId };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { status: 200, body: result.payload, requestId };
  const answer = value as { statusCode?: unknown; body?: unknown };
  const status = typeof answer.statusCode === 'number' ? answer.statusCode : Number(answer.statusCode ?? 200) || 200;
  const body = answer.body === undefined || answer.body === null ? undefined : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  return { status, body, requestId };
}

function withManagementEndpoint(definition: LocalFunctionDefinition, endpoint: string): LocalFunctionDefinition {
  if (definition.environment[MANAGEMENT_ENDPOINT_VARIABLE]) return definition;
  return { ...definition, environment: { ...definition.environment, [MANAGEMENT_ENDPOINT_VARIABLE]: endpoint } };
}

/** The only WebSocket API, at any path; with several, the one whose id the path's first segment names. */
function chooseApi(apis: readonly WebSocketApi[], path: string): WebSocketApi | undefined {
  if (apis.length === 1) return apis[0];
  const first = path.split('/').filter(Boolean)[0];
  return apis.find((api) => api.apiId === first);
}

function refuse(socket: Duplex, status: number, answer: object): void {
  const body = JSON.stringify(answer);
  socket.end(`HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Refused'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

function isUtf8(data: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}
