// One invocation of a streaming handler (awslambda.streamifyResponse), as the managed runtime runs it:
// handler(event, responseStream, context) must return a promise; the invocation ends when the stream ends; a
// throw or a rejection ends the stream with the error in trailers; a returned value is ignored with a warning.
import { LambdaResponseStream } from './responseStream';
import type { ErrorPayload } from './responseStream';
import type { RuntimeApiClient } from './runtimeApiClient';

type StreamingHandler = (event: unknown, responseStream: LambdaResponseStream, context: Record<string, unknown>) => unknown;

let open: LambdaResponseStream | undefined;

export async function runStreaming(
  client: RuntimeApiClient,
  handler: (...args: never[]) => unknown,
  event: unknown,
  context: Record<string, unknown>,
  requestId: string,
  options: { highWaterMark?: number; describe: (error: unknown, errorType?: string) => string },
): Promise<void> {
  const stream = new LambdaResponseStream(client, requestId, options.highWaterMark);
  open = stream;
  const fail = (error: unknown) => {
    const payload = options.describe(error);
    console.error(`Invoke Error \t${payload}`);
    return stream.fail(JSON.parse(payload) as ErrorPayload);
  };
  try {
    const returned = (handler as StreamingHandler)(event, stream, context);
    if (!returned || typeof (returned as Promise<unknown>).then !== 'function') {
      await fail('Streaming does not support non-async handlers.');
      return;
    }
    const result = await returned;
    if (result !== undefined) console.warn('Streaming handlers ignore return values.');
    // As on Lambda, the invocation lasts until the stream ends (or the function times out).
    if (!stream.finished) await new Promise((resolve) => stream.once('finish', resolve));
  } catch (error) {
    await fail(error);
  } finally {
    open = undefined;
  }
}

/**
 * An uncaught exception while a response streams: it ends that response (the connection carries its body, so no
 * other request can go out before). Undefined when no response is streaming.
 */
export function failOpenStream(payload: string): Promise<boolean> | undefined {
  return open?.fail(JSON.parse(payload) as ErrorPayload);
}
