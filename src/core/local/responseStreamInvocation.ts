// InvokeWithResponseStream on the local endpoint: runs the function with its response asked as a stream, and
// answers each piece as a PayloadChunk event when it arrives, then InvokeComplete. A function that does not
// stream arrives as one chunk, as on Lambda; a function error is told in InvokeComplete (ErrorCode: its type,
// ErrorDetails: Lambda's error JSON), never as a chunk.
import type * as http from 'node:http';
import { EventStreamWriter } from './eventStreamWriter';
import type { LocalInvokeResult } from './invoker';

export interface StreamInvocationOptions {
  /** The answer's headers (request id, executed version); the content type is the event stream's. */
  readonly headers: Record<string, string>;
  /** Set when asked with LogType Tail: the log's tail, base64. */
  readonly logTail?: (log: string) => string;
  /** The API error to answer when the function could not be started. */
  readonly startError: (error: unknown) => { readonly status: number; readonly headers: Record<string, string>; readonly body?: Buffer };
}

export async function streamInvocation(
  res: http.ServerResponse,
  invoke: (onChunk: (chunk: Uint8Array) => void, onDelivered: (requestId: string) => void) => Promise<LocalInvokeResult>,
  options: StreamInvocationOptions,
): Promise<{ status: number; note?: string }> {
  const writer = new EventStreamWriter(res, options.headers);
  let result: LocalInvokeResult;
  try {
    result = await invoke(
      (chunk) => writer.chunk(chunk),
      (requestId) => writer.header('x-amzn-RequestId', requestId),
    );
  } catch (error) {
    const answer = options.startError(error);
    const message = error instanceof Error ? error.message : String(error);
    if (!writer.started && !res.destroyed) {
      res.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(answer.body?.length ?? 0) });
      res.end(answer.body);
      return { status: answer.status, note: message };
    }
    writer.complete({ ErrorCode: 'ServiceException', ErrorDetails: message });
    return { status: 200, note: message };
  }
  if (result.requestId) writer.header('x-amzn-RequestId', result.requestId);
  // As on Lambda, a function that does not stream answers its whole response as one chunk.
  if (!result.streamed && !result.functionError) writer.chunk(Buffer.from(result.payload, 'utf8'));
  const logResult = options.logTail?.(result.log);
  writer.complete({
    ...(result.functionError ? { ErrorCode: result.errorType ?? result.functionError, ErrorDetails: result.payload } : {}),
    ...(logResult !== undefined ? { LogResult: logResult } : {}),
  });
  return { status: 200, note: result.functionError ? `${result.functionError}${result.errorType ? `: ${result.errorType}` : ''}` : undefined };
}
