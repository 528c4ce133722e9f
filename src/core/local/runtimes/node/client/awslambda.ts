// The `awslambda` global the managed Node.js runtime defines before it loads the handler (so CommonJS and ES
// modules alike find it): streamifyResponse marks a handler as streaming, HttpResponseStream.from frames a
// function URL's status and headers. AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA=1|true leaves it out, as there.
import type { LambdaResponseStream } from './responseStream';

/** The mark streamifyResponse puts on a handler, under the symbol the managed runtime uses. */
const STREAMING = Symbol.for('aws.lambda.runtime.handler.streaming');
const HIGH_WATER_MARK = Symbol.for('aws.lambda.runtime.handler.streaming.highWaterMark');
const STREAM_RESPONSE = 'response';

/** What a function URL reads before the body: a JSON prelude, then 8 NUL bytes. */
export const HTTP_INTEGRATION_CONTENT_TYPE = 'application/vnd.awslambda.http-integration-response';
const PRELUDE_DELIMITER = new Uint8Array(8);

type Marked = { [STREAMING]?: unknown; [HIGH_WATER_MARK]?: unknown };

export class MalformedStreamingHandler extends Error {
  override name = 'Runtime.MalformedStreamingHandler';
}

class HttpResponseStream {
  static from(stream: LambdaResponseStream, prelude: unknown): LambdaResponseStream {
    stream.setContentType(HTTP_INTEGRATION_CONTENT_TYPE);
    // NUL may not appear in the prelude: JSON never has a raw one.
    const json = JSON.stringify(prelude);
    stream._onBeforeFirstWrite = (write) => {
      write(json);
      write(PRELUDE_DELIMITER);
    };
    return stream;
  }
}

export function installAwsLambdaGlobal(): void {
  const off = process.env.AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA;
  if (off === '1' || off === 'true') return;
  (globalThis as Record<string, unknown>).awslambda = {
    streamifyResponse<T extends object>(handler: T, options?: { highWaterMark?: number }): T {
      (handler as Marked)[STREAMING] = STREAM_RESPONSE;
      if (typeof options?.highWaterMark === 'number') (handler as Marked)[HIGH_WATER_MARK] = Math.trunc(options.highWaterMark);
      return handler;
    },
    HttpResponseStream,
  };
}

/** Whether a loaded handler streams its response, and the buffer size it asked for. */
export function streamingOf(handler: object): { highWaterMark?: number } | undefined {
  const mark = (handler as Marked)[STREAMING];
  if (mark === undefined || mark === null || mark === false) return undefined;
  if (mark !== STREAM_RESPONSE) throw new MalformedStreamingHandler('Only response streaming is supported.');
  const highWaterMark = (handler as Marked)[HIGH_WATER_MARK];
  return typeof highWaterMark === 'number' ? { highWaterMark } : {};
}
