import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import { PreludeSplitter } from '../integrationPrelude';
import { MAX_REQUEST_BYTES } from '../invoker';
import type { LocalInvokeResult } from '../invoker';
import { closeServer, listenOn } from '../listening';
import type { LocalFunctionDefinition } from '../types';
import { functionErrorOf, jsonAnswer, mapAnswer } from './apiAnswer';
import type { ApiAnswer } from './apiAnswer';
import type { FunctionUrl } from './apiDefinitions';
import type { ApiRequest } from './apiRequest';
import { headerValue } from './apiRequest';
import { functionUrlEvent } from './functionUrlEvent';
import { isPreflight, preflightAnswer, withCors } from './cors';
import { readApiRequest, requestPath, writeAnswer } from './httpExchange';
import type { ApiRequestLog, LocalApiServerOptions } from './localServerOptions';

export interface FunctionUrlServerOptions extends Omit<LocalApiServerOptions, 'port'> {
  /** The function whose URL this is: its configuration is looked up in the site on every request (it may change). */
  readonly functionName: string;
  readonly port: number;
}

type Finish = (outcome: { answer: ApiAnswer; note?: string }) => { status: number; note?: string };

/** A function URL's answer when the function failed or answered what it cannot read. */
const FAILED: ApiAnswer = { statusCode: 502, headers: [['Content-Type', 'text/plain']], body: Buffer.from('Internal Server Error') };
const FORBIDDEN: ApiAnswer = jsonAnswer(403, { Message: 'Forbidden' });

/**
 * A function URL on a port of its own, as it has a host of its own on AWS: every method and path goes to the
 * function as the URL's event; BUFFERED answers are read as an HTTP API's payload 2.0, RESPONSE_STREAM answers are
 * sent to the client as the function writes them (the HttpResponseStream prelude giving status and headers).
 */
export class LocalFunctionUrlServer {
  private stopped?: Promise<void>;
  private warnedIam = false;

  private constructor(
    private readonly server: http.Server,
    private readonly options: FunctionUrlServerOptions,
    readonly url: string,
  ) {}

  static async start(options: FunctionUrlServerOptions): Promise<LocalFunctionUrlServer> {
    const server = http.createServer();
    const urlServer = new LocalFunctionUrlServer(server, options, await listenOn(server, options.host ?? '127.0.0.1', options.port));
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => void urlServer.handle(req, res));
    return urlServer;
  }

  stop(): Promise<void> {
    this.stopped ??= closeServer(this.server);
    return this.stopped;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = performance.now();
    const { functionName } = this.options;
    let outcome: { status: number; note?: string };
    try {
      outcome = await this.serve(req, res);
    } catch (error) {
      if (!res.headersSent) writeAnswer(req, res, FAILED);
      else res.destroy();
      outcome = { status: res.headersSent ? res.statusCode : FAILED.statusCode, note: (error as Error).message };
    }
    const entry: ApiRequestLog = { method: req.method ?? 'GET', path: requestPath(req), status: outcome.status, functionName, ms: performance.now() - started, note: outcome.note };
    this.options.onRequest?.(entry);
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<{ status: number; note?: string }> {
    const plain = (a: ApiAnswer, note?: string) => this.finish(req, res, { answer: a, note });
    const request = await readApiRequest(req, MAX_REQUEST_BYTES);
    if (!request) return plain(jsonAnswer(413, { Message: 'Request must be smaller than 6291456 bytes for the InvokeFunction operation' }), 'the body is over 6 MB, Lambda\'s limit');
    const site = await this.options.site();
    const config = site.functionUrls.find((u) => u.functionName === this.options.functionName);
    const definition = site.functions.find((f) => f.name === this.options.functionName);
    if (!config || !definition) return plain(FORBIDDEN, `${this.options.functionName} has no function URL in the template anymore`);
    // A URL with Cors answers preflights itself and puts its CORS headers on every answer, over the function's.
    if (config.cors && isPreflight(request)) return this.finish(req, res, preflightAnswer(config.cors, request));
    const cors = config.cors;
    const answer = (a: ApiAnswer, note?: string) => this.finish(req, res, { answer: cors ? withCors('http', cors, request, a) : a, note });
    const caller = this.caller(config, request);
    if (caller === 'unsigned') return answer(FORBIDDEN, 'the URL\'s AuthType is AWS_IAM and the request is not SigV4-signed (sign it, e.g. curl --aws-sigv4, or set AuthType: NONE)');
    const now = new Date();
    const host = headerValue(request, 'host') ?? new URL(this.url).host;
    const event = functionUrlEvent(config, request, { apiId: urlId(config), stage: '$default', stageVariables: {}, binaryMediaTypes: [], requestId: randomUUID(), now, domainName: host }, caller);
    const finish = (outcome: { answer: ApiAnswer; note?: string }) => answer(outcome.answer, outcome.note);
    const streamHeaders = (headers: [string, string][]) => (cors ? withCors('http', cors, request, { statusCode: 200, headers, body: Buffer.alloc(0) }).headers : headers);
    return config.invokeMode === 'RESPONSE_STREAM' ? this.stream(res, definition, event, finish, streamHeaders) : this.buffered(definition, event, finish);
  }

  private async buffered(definition: LocalFunctionDefinition, event: object, finish: Finish): Promise<{ status: number; note?: string }> {
    // A streaming handler behind a BUFFERED URL: Lambda collects the stream and answers it whole.
    const streamed = new CollectedStream();
    const result = await this.options.invoker.invoke(definition, JSON.stringify(event), { credentials: this.options.credentials, onChunk: (chunk, type) => streamed.push(chunk, type) });
    return finish(resultAnswer(result, definition.name, () => streamed.answer()));
  }

  private async stream(res: http.ServerResponse, definition: LocalFunctionDefinition, event: object, finish: Finish, headersOf: (headers: [string, string][]) => readonly (readonly [string, string])[]): Promise<{ status: number; note?: string }> {
    let prelude: Prelude | undefined;
    let contentType = 'application/octet-stream';
    const begin = () => {
      if (res.headersSent) return;
      const head = prelude ?? { statusCode: 200, headers: [['Content-Type', contentType]] };
      res.writeHead(head.statusCode, headersOf(head.headers).flat());
    };
    const splitter = new PreludeSplitter({
      prelude: (json) => (prelude = readPrelude(json)),
      body: (bytes) => {
        begin();
        res.write(bytes);
      },
    });
    const result = await this.options.invoker.invoke(definition, JSON.stringify(event), {
      credentials: this.options.credentials,
      onChunk: (chunk, type) => {
        contentType = type;
        splitter.push(chunk, type);
      },
    });
    splitter.end();
    // A handler that does not stream, behind a RESPONSE_STREAM URL, is answered as a buffered one; so is a stream that failed before its first byte.
    if (!result.streamed || (result.functionError && !res.headersSent)) return finish(resultAnswer(result, definition.name));
    begin();
    if (result.functionError) {
      // Lambda ends a stream that failed midway without a proper end: the client sees it cut off.
      res.destroy();
      return { status: res.statusCode, note: `the function failed while streaming: ${functionErrorOf(result.payload).summary}` };
    }
    res.end();
    return { status: res.statusCode };
  }

  private finish(req: http.IncomingMessage, res: http.ServerResponse, outcome: { answer: ApiAnswer; note?: string }): { status: number; note?: string } {
    writeAnswer(req, res, outcome.answer);
    return { status: outcome.answer.statusCode, note: outcome.note };
  }

  /** For AWS_IAM: the signer's access key, or 'unsigned'; the signature itself is not checked locally (said once). */
  private caller(config: FunctionUrl, request: ApiRequest): { accessKey: string } | 'unsigned' | undefined {
    if (config.authType !== 'AWS_IAM') return undefined;
    const authorization = headerValue(request, 'authorization') ?? '';
    const credential = /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\//.exec(authorization);
    if (!credential) return 'unsigned';
    if (!this.warnedIam) {
      this.warnedIam = true;
      this.options.onWarning?.(`${config.functionName}'s function URL has AuthType AWS_IAM: requests must be signed, but the signature is not checked locally.`);
    }
    return { accessKey: credential[1] };
  }
}

/** What the URL answers for a finished invocation that was not streamed to the client. */
function resultAnswer(result: LocalInvokeResult, functionName: string, streamedAnswer?: () => ApiAnswer): { answer: ApiAnswer; note?: string } {
  if (result.throttled) return { answer: jsonAnswer(429, { Message: 'Rate Exceeded.' }), note: 'the function is at its concurrency cap' };
  if (result.functionError) return { answer: FAILED, note: `the function failed: ${functionErrorOf(result.payload).summary}` };
  if (result.streamed && streamedAnswer) return { answer: streamedAnswer() };
  const mapped = mapAnswer(urlRoute(functionName), result.payload);
  return 'malformed' in mapped ? { answer: FAILED, note: `malformed response: ${mapped.malformed}` } : { answer: mapped.answer };
}

interface Prelude {
  readonly statusCode: number;
  readonly headers: [string, string][];
}

/** HttpResponseStream.from's prelude: { statusCode, headers, cookies }; unreadable JSON gives 200 and no headers. */
function readPrelude(json: string): Prelude {
  let value: { statusCode?: unknown; headers?: unknown; cookies?: unknown } = {};
  try {
    value = JSON.parse(json) as typeof value;
  } catch {
    // Lambda sends what it can: the body still goes out.
  }
  const headers: [string, string][] = [];
  if (value.headers && typeof value.headers === 'object') for (const [name, v] of Object.entries(value.headers)) headers.push([name, String(v)]);
  if (Array.isArray(value.cookies)) for (const cookie of value.cookies) headers.push(['Set-Cookie', String(cookie)]);
  const statusCode = typeof value.statusCode === 'number' ? value.statusCode : 200;
  return { statusCode, headers };
}

/** A stream gathered whole, for a BUFFERED URL. */
class CollectedStream {
  private prelude?: Prelude;
  private contentType = 'application/octet-stream';
  private readonly chunks: Uint8Array[] = [];
  private readonly splitter = new PreludeSplitter({ prelude: (json) => (this.prelude = readPrelude(json)), body: (bytes) => this.chunks.push(bytes) });

  push(chunk: Uint8Array, contentType: string): void {
    this.contentType = contentType;
    this.splitter.push(chunk, contentType);
  }

  answer(): ApiAnswer {
    this.splitter.end();
    const head = this.prelude ?? { statusCode: 200, headers: [['Content-Type', this.contentType] as [string, string]] };
    return { statusCode: head.statusCode, headers: head.headers, body: Buffer.concat(this.chunks) };
  }
}

function urlRoute(functionName: string) {
  return { method: 'ANY', path: '$default', functionName, kind: 'http' as const, payloadVersion: '2.0' as const, apiId: functionName };
}

/** A stand-in for the URL id Lambda makes up: the function's name, lower-cased, as a host label. */
function urlId(config: FunctionUrl): string {
  return config.functionName.toLowerCase().replace(/[^a-z0-9]/g, '');
}
