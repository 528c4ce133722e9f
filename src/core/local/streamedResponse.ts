// The Runtime API's streaming response mode, server side: `POST …/invocation/{id}/response` with
// `Lambda-Runtime-Function-Response-Mode: streaming` and a chunked body, passed on as it arrives; an error the
// runtime met mid-stream comes last, as the trailers Lambda-Runtime-Function-Error-Type and
// Lambda-Runtime-Function-Error-Body (base64 of Lambda's error JSON).
import type * as http from 'node:http';

/** Lambda's limit on a streamed response (a buffered one: 6 MB). */
export const MAX_STREAMED_RESPONSE_BYTES = 200 * 1024 * 1024;

export interface StreamedResponse {
  /** Everything the function wrote (up to the limit). */
  readonly body: Buffer;
  readonly tooLarge: boolean;
  readonly contentType: string;
  /** From the trailers: the error that ended the stream. */
  readonly error?: { readonly errorType: string; readonly body: string };
  /** From a trailer: the runtime's peak resident memory (ours). */
  readonly trailers: NodeJS.Dict<string>;
}

export function isStreamedResponse(req: http.IncomingMessage): boolean {
  const mode = req.headers['lambda-runtime-function-response-mode'];
  return (Array.isArray(mode) ? mode[0] : mode)?.toLowerCase() === 'streaming';
}

/** Reads a streamed response, handing each piece to `onChunk` as it arrives (Node merges or splits HTTP chunks). */
export function readStreamedResponse(req: http.IncomingMessage, onChunk: (chunk: Buffer) => void): Promise<StreamedResponse> {
  const contentType = req.headers['content-type'] || 'application/octet-stream';
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > MAX_STREAMED_RESPONSE_BYTES) {
        tooLarge = true;
        return;
      }
      chunks.push(chunk);
      onChunk(chunk);
    });
    const done = (aborted: boolean) => {
      const trailers = req.trailers;
      const errorType = trailers['lambda-runtime-function-error-type'];
      const errorBody = trailers['lambda-runtime-function-error-body'];
      const error = errorType
        ? { errorType, body: errorBody ? Buffer.from(errorBody, 'base64').toString('utf8') : JSON.stringify({ errorType, errorMessage: '' }) }
        : aborted
          ? { errorType: 'Runtime.StreamAborted', body: JSON.stringify({ errorType: 'Runtime.StreamAborted', errorMessage: 'The runtime closed the response stream before it ended.' }) }
          : undefined;
      resolve({ body: Buffer.concat(chunks), tooLarge, contentType, error, trailers });
    };
    req.on('end', () => done(false));
    req.on('aborted', () => done(true));
    req.on('error', () => done(true));
  });
}
