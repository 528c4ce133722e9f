import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import { closeServer, listenOn } from './listening';
import { MAX_REQUEST_BYTES } from './invoker';
import type { LocalInvoker, LocalInvokeResult } from './invoker';
import type { LocalInvokeOptions } from './executionEnvironment';
import { RuntimeSetupError } from './runtimes/runtimeSetupError';
import type { LocalFunctionDefinition } from './types';
import { findLocalFunction } from './functionLookup';
import { streamInvocation } from './responseStreamInvocation';
import { printable } from './printable';

/** `sam local start-lambda` listens here too, so `--endpoint-url http://127.0.0.1:3001` carries over. */
export const DEFAULT_INVOKE_PORT = 3001;
/** Lambda's limit on an asynchronous (Event) invocation's payload. */
export const MAX_ASYNC_REQUEST_BYTES = 1024 * 1024;
/** How much of the log `X-Amz-Log-Type: Tail` returns, as Lambda does. */
export const LOG_TAIL_BYTES = 4 * 1024;
/** Account in the ARNs this endpoint reports when the caller gave none (the one the local runtime uses too). */
const LOCAL_ACCOUNT = '123456789012';
/** Lambda's limit on `X-Amz-Client-Context` (the base64 text). */
export const MAX_CLIENT_CONTEXT_BYTES = 3583;
/** The only version a local function has; an alias or a published version does not exist here. */
const LATEST = '$LATEST';

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations\/?$/;
/** InvokeWithResponseStream: the response as an event stream of its chunks. */
const STREAM_PATH = /^\/2021-11-15\/functions\/([^/]+)\/response-streaming-invocations\/?$/;
const STREAM_INVOCATION_TYPES = ['RequestResponse', 'DryRun'] as const;
/** A name, `name:qualifier`, a partial ARN `123456789012:function:name[:qualifier]` or a full ARN. */
const FUNCTION_NAME = /^(?:arn:(aws[a-z-]*):lambda:([a-z0-9-]+):(\d{12}):function:|(\d{12}):function:)?([^:]+)(?::([^:]+))?$/;
const INVOCATION_TYPES = ['RequestResponse', 'Event', 'DryRun'] as const;
type InvocationType = (typeof INVOCATION_TYPES)[number];

export interface LocalInvokeEndpointOptions {
  /** The functions it serves, asked on every request (so a changed template is picked up). */
  readonly functions: () => readonly LocalFunctionDefinition[] | Promise<readonly LocalFunctionDefinition[]>;
  /** Runs the invocations; an object with its own invoke, so that a caller may swap the invoker behind it. */
  readonly invoker: Pick<LocalInvoker, 'invoke'>;
  /** Default 127.0.0.1: only this machine can invoke. */
  readonly host?: string;
  /** Default 3001 (as `sam local start-lambda`); 0 picks a free port. */
  readonly port?: number;
  /** One line per invocation: "<function> <invocation type> <status> <duration> ms". */
  readonly log?: (line: string) => void;
}

/** An answer in the shape of a Lambda API error: `x-amzn-ErrorType` and `{"Type", "message"}`. */
class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
    readonly kind: 'User' | 'Service' = 'User',
  ) {
    super(message);
  }
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body?: Buffer;
  /** The log line to write once answered; absent when it is written later (Event) or not at all. */
  readonly logAs?: { functionName: string; invocationType: string; note?: string };
  /** An answer written as it is produced (InvokeWithResponseStream); the log line follows its end. */
  readonly stream?: (res: http.ServerResponse) => Promise<{ status: number; note?: string }>;
}

/**
 * The Lambda Invoke API on this machine, as `sam local start-lambda` offers it: point an AWS SDK or the AWS CLI
 * at `url` and `Invoke` runs the local function through a {@link LocalInvoker}. Only Invoke is served
 * (`POST /2015-03-31/functions/{FunctionName}/invocations`); every function is `$LATEST` only, so any other
 * qualifier (alias, version) is not found, as Lambda answers for one that does not exist.
 */
export class LocalInvokeEndpoint {
  private stopped?: Promise<void>;

  private constructor(
    private readonly server: http.Server,
    private readonly options: LocalInvokeEndpointOptions,
    readonly url: string,
  ) {}

  static async start(options: LocalInvokeEndpointOptions): Promise<LocalInvokeEndpoint> {
    const server = http.createServer();
    const url = await listenOn(server, options.host ?? '127.0.0.1', options.port ?? DEFAULT_INVOKE_PORT);
    const endpoint = new LocalInvokeEndpoint(server, options, url);
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => void endpoint.handle(req, res));
    return endpoint;
  }

  /** Stops listening and drops open connections. Invocations already running finish in the invoker. */
  stop(): Promise<void> {
    this.stopped ??= closeServer(this.server);
    return this.stopped;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = performance.now();
    let answer: Answer;
    try {
      answer = await this.answer(req);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(500, 'ServiceException', `Local invoke endpoint failed: ${(error as Error).message}`, 'Service');
      const logAs = (error as { logAs?: Answer['logAs'] }).logAs;
      // The reason for a failure on this side (runtime cannot start…) belongs in the log too.
      answer = { ...errorAnswer(apiError), logAs: logAs && { ...logAs, note: apiError.status >= 500 ? apiError.message : undefined } };
    }
    if (answer.stream) {
      const { status, note } = await answer.stream(res);
      if (answer.logAs) this.logLine(answer.logAs.functionName, answer.logAs.invocationType, status, started, note);
      return;
    }
    if (!res.destroyed && !res.headersSent) {
      res.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(answer.body?.length ?? 0) });
      res.end(answer.body);
    }
    if (answer.logAs) this.logLine(answer.logAs.functionName, answer.logAs.invocationType, answer.status, started, answer.logAs.note);
  }

  private async answer(req: http.IncomingMessage): Promise<Answer> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const streamPath = STREAM_PATH.exec(url.pathname);
    const path = streamPath ?? INVOKE_PATH.exec(url.pathname);
    if (!path || req.method !== 'POST') {
      await readBody(req, 0);
      throw new ApiError(
        404,
        'UnknownOperationException',
        `${req.method} ${url.pathname} is not served here: this local endpoint offers only Lambda Invoke (POST /2015-03-31/functions/{FunctionName}/invocations) and InvokeWithResponseStream (POST /2021-11-15/functions/{FunctionName}/response-streaming-invocations).`,
      );
    }
    const allowedTypes: readonly string[] = streamPath ? STREAM_INVOCATION_TYPES : INVOCATION_TYPES;
    let requestedName: string;
    try {
      requestedName = decodeURIComponent(path[1]);
    } catch {
      requestedName = path[1];
    }
    const invocationTypeHeader = header(req, 'x-amz-invocation-type') ?? 'RequestResponse';
    const logAs = { functionName: requestedName, invocationType: invocationTypeHeader };
    const fail = (error: ApiError) => Object.assign(error, { logAs });

    if (!allowedTypes.includes(invocationTypeHeader)) {
      await readBody(req, 0);
      throw fail(validationError(invocationTypeHeader, 'invocationType', `enum value set: [${allowedTypes.join(', ')}]`));
    }
    const invocationType = invocationTypeHeader as InvocationType;
    const logType = header(req, 'x-amz-log-type') ?? 'None';
    if (logType !== 'None' && logType !== 'Tail') {
      await readBody(req, 0);
      throw fail(validationError(logType, 'logType', 'enum value set: [None, Tail]'));
    }

    const limit = invocationType === 'Event' ? MAX_ASYNC_REQUEST_BYTES : MAX_REQUEST_BYTES;
    const body = await readBody(req, limit);
    if (body.size > limit) {
      throw fail(new ApiError(413, 'RequestEntityTooLargeException', `Request must be smaller than ${limit} bytes for the InvokeFunction operation`));
    }

    const parsed = FUNCTION_NAME.exec(requestedName);
    if (!parsed) {
      throw fail(validationError(requestedName, 'functionName', 'regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?'));
    }
    const [, partition = 'aws', arnRegion, arnAccount, partialAccount, name, nameQualifier] = parsed;
    logAs.functionName = name;
    const queryQualifier = url.searchParams.get('Qualifier') ?? undefined;
    if (nameQualifier && queryQualifier && nameQualifier !== queryQualifier) {
      throw fail(new ApiError(400, 'InvalidParameterValueException', 'The derived qualifier from the function name does not match the specified qualifier.'));
    }
    const qualifier = nameQualifier ?? queryQualifier;

    let functions: readonly LocalFunctionDefinition[];
    try {
      functions = await this.options.functions();
    } catch (error) {
      throw fail(new ApiError(500, 'ServiceException', `Could not read the local functions: ${(error as Error).message}`, 'Service'));
    }
    const found = findLocalFunction(functions, name);
    const definition = qualifier === undefined || qualifier === LATEST ? found : undefined;
    if (!definition) {
      const region = arnRegion ?? signingRegion(req) ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
      const arn = `arn:${partition}:lambda:${region}:${arnAccount ?? partialAccount ?? LOCAL_ACCOUNT}:function:${name}${qualifier ? `:${qualifier}` : ''}`;
      const known = found ? ` (locally only ${LATEST} exists)` : functions.length ? '' : ' (no local functions are loaded)';
      throw fail(new ApiError(404, 'ResourceNotFoundException', `Function not found: ${arn}${known}`));
    }

    const text = body.buffer.length === 0 ? '{}' : body.buffer.toString('utf8');
    try {
      JSON.parse(text);
    } catch (error) {
      throw fail(new ApiError(400, 'InvalidRequestContentException', `Could not parse request body into json: Could not parse payload into json: ${(error as Error).message}`));
    }
    const invokeOptions: LocalInvokeOptions = { clientContext: clientContext(header(req, 'x-amz-client-context'), fail) };

    const requestId = randomUUID();
    const headers = { 'Content-Type': 'application/json', 'x-amzn-RequestId': requestId, 'X-Amz-Executed-Version': '$LATEST' };
    if (invocationType === 'DryRun') return { status: 204, headers, logAs };
    if (streamPath) {
      const invoke = (onChunk: (chunk: Uint8Array) => void, onDelivered: (id: string) => void) => this.options.invoker.invoke(definition, text, { ...invokeOptions, onChunk, onDelivered });
      return {
        status: 200,
        headers,
        logAs,
        stream: (res) => streamInvocation(res, invoke, { headers, logTail: logType === 'Tail' ? logTail : undefined, startError: (error) => errorAnswer(startError(definition, error)) }),
      };
    }
    if (invocationType === 'Event') {
      void this.runInBackground(definition, text, invokeOptions);
      return { status: 202, headers };
    }

    let result: LocalInvokeResult;
    try {
      result = await this.options.invoker.invoke(definition, text, invokeOptions);
    } catch (error) {
      throw fail(startError(definition, error));
    }
    if (result.throttled) return throttleAnswer(result, logAs);
    const answerHeaders: Record<string, string> = { ...headers, 'x-amzn-RequestId': result.requestId || requestId };
    if (result.functionError) answerHeaders['X-Amz-Function-Error'] = result.functionError;
    if (logType === 'Tail') answerHeaders['X-Amz-Log-Result'] = logTail(result.log);
    return {
      status: 200,
      headers: answerHeaders,
      body: Buffer.from(result.payload, 'utf8'),
      logAs: { ...logAs, note: result.functionError ? functionErrorNote(result) : undefined },
    };
  }

  /** An Event invocation: answered 202 already; runs now and logs when it ends. */
  private async runInBackground(definition: LocalFunctionDefinition, payload: string, options: LocalInvokeOptions): Promise<void> {
    const started = performance.now();
    let note: string | undefined;
    try {
      const result = await this.options.invoker.invoke(definition, payload, options);
      if (result.functionError) note = functionErrorNote(result);
    } catch (error) {
      note = startError(definition, error).message;
    }
    this.logLine(definition.name, 'Event', 202, started, note);
  }

  private logLine(functionName: string, invocationType: string, status: number, started: number, note?: string): void {
    if (!this.options.log) return;
    const line = `${printable(functionName)} ${printable(invocationType)} ${status} ${Math.round(performance.now() - started)} ms${note ? ` (${printable(note)})` : ''}`;
    try {
      this.options.log(line);
    } catch {
      // a failing logger must not take the endpoint down
    }
  }
}

/** Lambda's 429 for a function at its concurrency cap: SDKs and the AWS CLI retry it, then report "Rate Exceeded.". */
function throttleAnswer(result: LocalInvokeResult, logAs: Answer['logAs']): Answer {
  return {
    status: 429,
    headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': randomUUID(), 'x-amzn-ErrorType': 'TooManyRequestsException' },
    body: Buffer.from(result.payload, 'utf8'),
    logAs: logAs && { ...logAs, note: 'throttled: at its concurrency cap' },
  };
}

function errorAnswer(error: ApiError): Answer {
  return {
    status: error.status,
    headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': randomUUID(), 'x-amzn-ErrorType': error.errorType },
    body: Buffer.from(JSON.stringify({ Type: error.kind, message: error.message }), 'utf8'),
  };
}

function validationError(value: string, member: string, constraint: string): ApiError {
  return new ApiError(400, 'ValidationException', `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy ${constraint}`);
}

/** The invoker could not start the function's runtime (missing interpreter, bootstrap, unsupported runtime…). */
function startError(definition: LocalFunctionDefinition, error: unknown): ApiError {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof RuntimeSetupError) {
    return new ApiError(502, 'InvalidRuntimeException', `Function ${definition.name} (${definition.runtime}) cannot run locally: ${message}`);
  }
  return new ApiError(502, 'ServiceException', `Function ${definition.name} (${definition.runtime}) could not be started locally: ${message}`, 'Service');
}

function functionErrorNote(result: LocalInvokeResult): string {
  return `${result.functionError}${result.errorType ? `: ${result.errorType}` : ''}`;
}

/**
 * `X-Amz-Client-Context` is base64 of a JSON object; the runtime gets the JSON itself. Re-serialized with
 * non-ASCII escaped, so it is a valid HTTP header value on the way to the runtime.
 */
function clientContext(value: string | undefined, fail: (error: ApiError) => ApiError): string | undefined {
  if (!value) return undefined;
  if (Buffer.byteLength(value, 'utf8') > MAX_CLIENT_CONTEXT_BYTES) {
    throw fail(
      new ApiError(
        400,
        'ValidationException',
        `1 validation error detected: Value at 'clientContext' failed to satisfy constraint: Member must have length less than or equal to ${MAX_CLIENT_CONTEXT_BYTES} (it is ${Buffer.byteLength(value, 'utf8')} bytes of base64)`,
      ),
    );
  }
  const invalid = () => fail(new ApiError(400, 'InvalidRequestContentException', 'Client context must be a valid Base64-encoded JSON object.'));
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value.trim())) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid();
  return JSON.stringify(parsed).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Base64 of the log's last 4 KB, starting on a whole UTF-8 character. */
export function logTail(log: string): string {
  let bytes = Buffer.from(log, 'utf8');
  if (bytes.length > LOG_TAIL_BYTES) {
    bytes = bytes.subarray(bytes.length - LOG_TAIL_BYTES);
    let start = 0;
    while (start < bytes.length && (bytes[start] & 0xc0) === 0x80) start++;
    bytes = bytes.subarray(start);
  }
  return bytes.toString('base64');
}

/** The region a SigV4-signed request was signed for (`Credential=AKID/20240101/eu-west-1/lambda/aws4_request`). */
function signingRegion(req: http.IncomingMessage): string | undefined {
  const authorization = header(req, 'authorization');
  return authorization ? /Credential=[^/,\s]+\/\d{8}\/([^/]+)\/lambda\//.exec(authorization)?.[1] : undefined;
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === '' ? undefined : text;
}

/** Reads the whole body (so the client always gets to read the answer), keeping at most `limit` bytes. */
function readBody(req: http.IncomingMessage, limit: number): Promise<{ buffer: Buffer; size: number }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve({ buffer: Buffer.concat(chunks), size }));
    req.on('error', () => resolve({ buffer: Buffer.concat(chunks), size }));
  });
}
