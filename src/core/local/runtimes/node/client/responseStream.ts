// The `responseStream` a streaming handler writes to (awslambda.streamifyResponse): a Writable whose bytes go to
// the Runtime API as they are written, in the streaming response mode: one chunked POST to
// /invocation/{id}/response with `Lambda-Runtime-Function-Response-Mode: streaming`, an error at the end as trailers.
import { Writable } from 'node:stream';
import { MAX_RSS_HEADER } from '../../maxRssHeader';
import type { RuntimeApiAnswer, RuntimeApiClient } from './runtimeApiClient';

const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
const ERROR_TYPE_TRAILER = 'Lambda-Runtime-Function-Error-Type';
const ERROR_BODY_TRAILER = 'Lambda-Runtime-Function-Error-Body';

export class InvalidStreamingOperation extends Error {
  override name = 'Runtime.InvalidStreamingOperation';
}

/** Lambda's error shape for Node: { errorType, errorMessage, trace }. */
export type ErrorPayload = { errorType: string; errorMessage: string; trace: string[] };

export class LambdaResponseStream extends Writable {
  private contentType = DEFAULT_CONTENT_TYPE;
  private answer?: Promise<RuntimeApiAnswer>;
  private ended = false;
  private error?: ErrorPayload;
  /** Set by awslambda.HttpResponseStream.from: what goes out before the first byte (its prelude). */
  _onBeforeFirstWrite?: (write: (chunk: string | Uint8Array) => void) => void;

  constructor(
    private readonly client: RuntimeApiClient,
    private readonly requestId: string,
    highWaterMark?: number,
  ) {
    super({ highWaterMark, decodeStrings: true });
  }

  /** The response's content type, before anything is written (default application/octet-stream). */
  setContentType(contentType: string): void {
    if (this.answer) throw new InvalidStreamingOperation('Cannot set content-type, too late.');
    this.contentType = contentType;
  }

  // As on Lambda, what is neither text nor bytes is written as its JSON.
  override write(chunk: unknown, encoding?: BufferEncoding | ((error?: Error | null) => void), callback?: (error?: Error | null) => void): boolean {
    const data = typeof chunk === 'string' || chunk instanceof Uint8Array ? chunk : JSON.stringify(chunk);
    return typeof encoding === 'function' ? super.write(data, encoding) : super.write(data, encoding ?? 'utf8', callback);
  }

  /** Whether the POST has ended (by end() or an error); the server's answer follows. */
  get finished(): boolean {
    return this.ended;
  }

  /** The Runtime API's answer to the POST, once it has ended. */
  get done(): Promise<RuntimeApiAnswer> | undefined {
    return this.answer;
  }

  /**
   * Ends the response with an error, sent as trailers after what was written before it; false when the response
   * had already ended.
   */
  fail(error: ErrorPayload): Promise<boolean> {
    if (this.ended) return Promise.resolve(false);
    this.error = error;
    return new Promise((resolve) => {
      if (this.writableEnded) this.once('finish', () => resolve(true));
      else this.end(() => resolve(true));
    });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.open();
    this.client.writeChunk(chunk, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.open();
    this.ended = true;
    // Our own addition, as on every outcome: the peak resident memory, which spares the host reading /proc.
    const trailers: Record<string, string> = { [MAX_RSS_HEADER]: String(process.resourceUsage().maxRSS) };
    if (this.error) {
      trailers[ERROR_TYPE_TRAILER] = this.error.errorType;
      trailers[ERROR_BODY_TRAILER] = Buffer.from(JSON.stringify(this.error)).toString('base64');
    }
    this.client.endChunked(trailers);
    callback();
  }

  // Destroyed (a pipeline whose source failed, or destroy() called): the response still ends, with the error if
  // there is one, or the Runtime API would wait for the rest until the function timed out.
  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (!this.ended) {
      this.error ??= error ? { errorType: error.name, errorMessage: error.message, trace: (error.stack ?? '').split('\n') } : undefined;
      this._final(() => undefined);
    }
    callback(error);
  }

  /** Sends the request's head (then the prelude, if any) the first time a byte or the end goes out. */
  private open(): void {
    if (this.answer) return;
    this.answer = this.client.startChunked(`/invocation/${this.requestId}/response`, {
      'Lambda-Runtime-Function-Response-Mode': 'streaming',
      'Content-Type': this.contentType,
      Trailer: `${ERROR_TYPE_TRAILER}, ${ERROR_BODY_TRAILER}, ${MAX_RSS_HEADER}`,
    });
    const before = this._onBeforeFirstWrite;
    this._onBeforeFirstWrite = undefined;
    before?.((chunk) => this.client.writeChunk(typeof chunk === 'string' ? Buffer.from(chunk) : chunk, () => undefined));
  }
}
