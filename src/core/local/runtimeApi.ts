import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_RSS_HEADER } from './runtimes/maxRssHeader';
import { RuntimeApiAccess } from './runtimeApiAccess';
import { isStreamedResponse, MAX_STREAMED_RESPONSE_BYTES, readStreamedResponse } from './streamedResponse';

/** An invocation as the Runtime API hands it to the runtime. */
export interface RuntimeInvocation {
  readonly requestId: string;
  readonly payload: string;
  /** When the invocation must end, or… */
  readonly deadlineMs?: number;
  /** …how long it may run once the runtime takes it (the deadline then starts at delivery, after a cold init). */
  readonly timeoutMs?: number;
  readonly invokedFunctionArn: string;
  readonly traceId: string;
  readonly clientContext?: string;
  readonly cognitoIdentity?: string;
}

/** Present when the runtime streamed its response (the streaming response mode): its content type. */
export interface StreamedOutcome {
  readonly contentType: string;
}

export type RuntimeOutcome =
  | { readonly kind: 'response'; readonly body: string; readonly maxRssKb?: number; readonly streamed?: StreamedOutcome }
  | { readonly kind: 'error'; readonly body: string; readonly errorType?: string; readonly maxRssKb?: number; readonly streamed?: StreamedOutcome };


/** Lambda's limit on a synchronous response. */
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

const PREFIX = '/2018-06-01/runtime';
const INVOCATION_ROUTE = new RegExp(`^${PREFIX}/invocation/([^/]+)/(response|error)$`);

/**
 * The Lambda Runtime API (docs: runtimes-api.html) for one execution environment: `GET …/invocation/next`
 * (held open until there is an invocation), `POST …/invocation/{id}/response|error`, `POST …/init/error`.
 * Listens on 127.0.0.1 only, and answers only the runtime it serves (runtimeApiAccess.ts): anyone else gets 403
 * and never reaches the queue, the waiting `next` or the invocations in flight.
 */
export class RuntimeApiServer {
  private readonly queue: RuntimeInvocation[] = [];
  private waiting?: http.ServerResponse;
  private readonly inFlight = new Set<string>();
  private listeners: {
    onNext?: (invocation: RuntimeInvocation) => void;
    onOutcome?: (requestId: string, outcome: RuntimeOutcome) => void;
    /** A piece of a streamed response, as it arrives. */
    onChunk?: (requestId: string, chunk: Buffer, contentType: string) => void;
    onInitError?: (body: string, errorType?: string) => void;
    onFirstNext?: () => void;
  } = {};
  private sawNext = false;

  private constructor(
    private readonly server: http.Server,
    readonly address: string,
    private readonly access: RuntimeApiAccess,
  ) {}

  /** `token`: the secret our own runtime clients send (see RuntimeApiAccess for who else is answered). */
  static async start(token?: string): Promise<RuntimeApiServer> {
    const server = http.createServer();
    server.keepAliveTimeout = 0;
    server.requestTimeout = 0; // `next` is held open for as long as there is nothing to do
    server.headersTimeout = 0;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const api = new RuntimeApiServer(server, `127.0.0.1:${port}`, new RuntimeApiAccess(token));
    server.on('request', (req, res) => api.handle(req, res));
    return api;
  }

  on(listeners: RuntimeApiServer['listeners']): void {
    this.listeners = listeners;
  }

  /** Queues an invocation; the runtime receives it on its next `GET …/invocation/next`. */
  enqueue(invocation: RuntimeInvocation): void {
    this.queue.push(invocation);
    this.deliver();
  }

  async stop(): Promise<void> {
    this.waiting?.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = (req.url ?? '').split('?')[0];
    if (!this.access.allows(req)) {
      res.setHeader('connection', 'close');
      return json(res, 403, { errorMessage: 'This Runtime API serves only the runtime it started: the request came without its token from another user, or with a wrong token.', errorType: 'AccessDeniedException' });
    }
    if (req.method === 'GET' && url === `${PREFIX}/invocation/next`) {
      // The runtime asks again only once it has been answered, so a second `next` while one waits is a stray: the
      // waiting one is the runtime's, and dropping it would kill a healthy runtime.
      if (this.waiting && !this.waiting.destroyed) {
        return json(res, 409, { errorMessage: 'A request for the next invocation is already waiting.', errorType: 'ConcurrentNextRequest' });
      }
      if (!this.sawNext) {
        this.sawNext = true;
        this.listeners.onFirstNext?.();
      }
      this.waiting = res;
      res.on('close', () => {
        if (this.waiting === res) this.waiting = undefined;
      });
      this.deliver();
      return;
    }
    const invocation = INVOCATION_ROUTE.exec(url);
    if (req.method === 'POST' && invocation) {
      const requestId = decodeURIComponent(invocation[1]);
      if (invocation[2] === 'response' && isStreamedResponse(req)) return this.streamed(requestId, req, res);
      readBody(req, MAX_RESPONSE_BYTES).then(({ body, tooLarge }) => {
        if (!this.inFlight.has(requestId)) {
          return json(res, 400, { errorMessage: `Invalid request ID: "${requestId}"`, errorType: 'InvalidRequestID' });
        }
        this.inFlight.delete(requestId);
        if (tooLarge && invocation[2] === 'response') {
          json(res, 413, { errorMessage: `Exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`, errorType: 'RequestEntityTooLarge' });
          this.listeners.onOutcome?.(requestId, {
            kind: 'error',
            errorType: 'Function.ResponseSizeTooLarge',
            body: JSON.stringify({ errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`, errorType: 'Function.ResponseSizeTooLarge' }),
          });
          return;
        }
        json(res, 202, { status: 'OK' });
        const errorType = headerValue(req.headers['lambda-runtime-function-error-type']);
        const maxRssKb = Number(headerValue(req.headers[MAX_RSS_HEADER]));
        const memory = maxRssKb > 0 ? { maxRssKb } : {};
        this.listeners.onOutcome?.(requestId, invocation[2] === 'response' ? { kind: 'response', body, ...memory } : { kind: 'error', body, errorType, ...memory });
      });
      return;
    }
    if (req.method === 'POST' && url === `${PREFIX}/init/error`) {
      void readBody(req, MAX_RESPONSE_BYTES).then(({ body }) => {
        json(res, 202, { status: 'OK' });
        this.listeners.onInitError?.(body, headerValue(req.headers['lambda-runtime-function-error-type']));
      });
      return;
    }
    json(res, 404, { errorMessage: `Not found: ${req.method} ${url}`, errorType: 'NotFound' });
  }

  /** A response in the streaming mode: each piece goes on as it arrives, the outcome once the body has ended. */
  private streamed(requestId: string, req: http.IncomingMessage, res: http.ServerResponse): void {
    const known = this.inFlight.has(requestId);
    const contentType = headerValue(req.headers['content-type']) ?? 'application/octet-stream';
    void readStreamedResponse(req, (chunk) => known && this.inFlight.has(requestId) && this.listeners.onChunk?.(requestId, chunk, contentType)).then((response) => {
      // Ended already (an /error during the stream, or a second response).
      if (!this.inFlight.has(requestId)) {
        return json(res, 400, { errorMessage: `Invalid request ID: "${requestId}"`, errorType: 'InvalidRequestID' });
      }
      this.inFlight.delete(requestId);
      json(res, 202, { status: 'OK' });
      const maxRssKb = Number(response.trailers[MAX_RSS_HEADER] ?? headerValue(req.headers[MAX_RSS_HEADER]));
      const common = { ...(maxRssKb > 0 ? { maxRssKb } : {}), streamed: { contentType: response.contentType } };
      if (response.tooLarge) {
        const message = `Response payload size exceeded maximum allowed payload size (${MAX_STREAMED_RESPONSE_BYTES} bytes).`;
        this.listeners.onOutcome?.(requestId, { kind: 'error', errorType: 'Function.ResponseSizeTooLarge', body: JSON.stringify({ errorMessage: message, errorType: 'Function.ResponseSizeTooLarge' }), ...common });
      } else if (response.error) {
        this.listeners.onOutcome?.(requestId, { kind: 'error', errorType: response.error.errorType, body: response.error.body, ...common });
      } else {
        this.listeners.onOutcome?.(requestId, { kind: 'response', body: response.body.toString('utf8'), ...common });
      }
    });
  }

  private deliver(): void {
    const res = this.waiting;
    if (!res || this.queue.length === 0) return;
    const invocation = this.queue.shift()!;
    this.waiting = undefined;
    this.inFlight.add(invocation.requestId);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'lambda-runtime-aws-request-id': invocation.requestId,
      'lambda-runtime-deadline-ms': String(invocation.timeoutMs !== undefined ? Date.now() + invocation.timeoutMs : (invocation.deadlineMs ?? Date.now())),
      'lambda-runtime-invoked-function-arn': invocation.invokedFunctionArn,
      'lambda-runtime-trace-id': invocation.traceId,
    };
    if (invocation.clientContext) headers['lambda-runtime-client-context'] = invocation.clientContext;
    if (invocation.cognitoIdentity) headers['lambda-runtime-cognito-identity'] = invocation.cognitoIdentity;
    // A string body: node:http then sends head and body in one write.
    res.writeHead(200, { ...headers, 'content-length': String(Buffer.byteLength(invocation.payload)) });
    res.end(invocation.payload);
    this.listeners.onNext?.(invocation);
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<{ body: string; tooLarge: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve({ body: Buffer.concat(chunks).toString('utf8'), tooLarge }));
    req.on('error', () => resolve({ body: '', tooLarge }));
  });
}
