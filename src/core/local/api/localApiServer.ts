import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { LocalInvoker } from '../invoker';
import { closeServer, listenOn } from '../listening';
import { internalServerError, jsonAnswer, mapAnswer, missingAuthenticationToken } from './apiAnswer';
import type { ApiAnswer } from './apiAnswer';
import type { ApiEventContext, ApiRequest } from './apiRequest';
import { httpEvent } from './httpEvent';
import { restEvent } from './restEvent';
import { matchRoute } from './routeMatch';
import type { ApiSite } from './apiSite';

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
  /** The shared invoker, or anything that invokes as it does (one asked per invocation, a debugger's). */
  readonly invoker: Pick<LocalInvoker, 'invoke'>;
  readonly host?: string;
  readonly port?: number;
  readonly onRequest?: (entry: ApiRequestLog) => void;
  /** Given to the function as its sandbox's credentials. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string };
}

/**
 * A local API Gateway: requests matched to the workspace's routes, turned into the route's event (REST payload 1.0,
 * HTTP API 1.0 or 2.0), run by the shared invoker (warm environments reused), and the response read back as API
 * Gateway reads it. A function error or a malformed response is 502 with the reason in the log, never in the body.
 */
export class LocalApiServer {
  private stopped?: Promise<void>;

  private constructor(
    private readonly server: http.Server,
    private readonly options: LocalApiServerOptions,
    readonly url: string,
  ) {}

  static async start(options: LocalApiServerOptions): Promise<LocalApiServer> {
    const server = http.createServer();
    const api = new LocalApiServer(server, options, await listenOn(server, options.host ?? '127.0.0.1', options.port ?? DEFAULT_API_PORT));
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => void api.handle(req, res));
    return api;
  }

  stop(): Promise<void> {
    this.stopped ??= closeServer(this.server);
    return this.stopped;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = performance.now();
    const target = req.url ?? '/';
    const question = target.indexOf('?');
    const rawPath = question < 0 ? target : target.slice(0, question);
    let outcome: { answer: ApiAnswer; functionName?: string; note?: string };
    try {
      outcome = await this.answer(req, rawPath, question < 0 ? '' : target.slice(question + 1));
    } catch (error) {
      outcome = { answer: internalServerError(), note: (error as Error).message };
    }
    const { answer } = outcome;
    if (!res.destroyed) {
      const headers: [string, string][] = answer.headers.filter(([name]) => name.toLowerCase() !== 'content-length').map(([name, value]) => [name, value]);
      res.writeHead(answer.statusCode, [...headers.flat(), 'Content-Length', String(answer.body.length)]);
      res.end(req.method === 'HEAD' ? undefined : answer.body);
    }
    this.options.onRequest?.({ method: req.method ?? 'GET', path: rawPath, status: answer.statusCode, functionName: outcome.functionName, ms: performance.now() - started, note: outcome.note });
  }

  private async answer(req: http.IncomingMessage, rawPath: string, rawQuery: string): Promise<{ answer: ApiAnswer; functionName?: string; note?: string }> {
    const body = await readBody(req);
    if (!body) return { answer: jsonAnswer(413, { message: 'Request Too Long' }), note: `the body is over ${MAX_BODY_BYTES / 1024 / 1024} MB, API Gateway's limit` };
    const site = await this.options.site();
    const match = matchRoute(site.routes, req.method ?? 'GET', rawPath);
    if (!match) return { answer: missingAuthenticationToken(), note: 'no route for this method and path' };
    const { route } = match;
    const definition = site.functions.find((f) => f.name === route.functionName);
    if (!definition) return { answer: internalServerError(), functionName: route.functionName, note: `the function ${route.functionName} is not in the template anymore` };
    const stage = site.stages.get(route.apiId);
    const request: ApiRequest = {
      method: req.method ?? 'GET',
      rawPath,
      rawQuery,
      headers: pairs(req.rawHeaders),
      body,
      sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
      protocol: `HTTP/${req.httpVersion}`,
    };
    const context: ApiEventContext = {
      apiId: route.apiId,
      stage: stage?.stage ?? (route.kind === 'rest' ? 'Prod' : '$default'),
      stageVariables: stage?.stageVariables ?? {},
      binaryMediaTypes: stage?.binaryMediaTypes ?? [],
      requestId: randomUUID(),
      now: new Date(),
      domainName: req.headers.host ?? new URL(this.url).host,
    };
    const event = route.payloadVersion === '2.0' ? httpEvent(request, match, context) : restEvent(request, match, context, { httpApi: route.kind === 'http' });
    const result = await this.options.invoker.invoke(definition, JSON.stringify(event), { credentials: this.options.credentials });
    if (result.throttled) return { answer: jsonAnswer(429, { message: 'Too Many Requests' }), functionName: route.functionName, note: 'the function is at its concurrency cap' };
    if (result.functionError) return { answer: internalServerError(), functionName: route.functionName, note: `the function failed: ${summary(result.payload)}` };
    const mapped = mapAnswer(route, result.payload, context.binaryMediaTypes);
    if ('malformed' in mapped) return { answer: internalServerError(), functionName: route.functionName, note: `malformed response: ${mapped.malformed}` };
    return { answer: mapped.answer, functionName: route.functionName };
  }
}

/** The body's bytes, or undefined when it is over API Gateway's limit. */
async function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function pairs(raw: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i], raw[i + 1]]);
  return out;
}

function summary(payload: string): string {
  try {
    const error = JSON.parse(payload) as { errorType?: string; errorMessage?: string };
    return [error.errorType, error.errorMessage].filter(Boolean).join(': ') || payload.slice(0, 200);
  } catch {
    return payload.slice(0, 200);
  }
}
