// The answer of InvokeWithResponseStream: an `application/vnd.amazon.eventstream` body, framed by the SDK's own
// codec (the one the Lambda client decodes with): a PayloadChunk event per piece of the response, as it arrives,
// then one InvokeComplete event (ErrorCode, ErrorDetails, LogResult).
import type * as http from 'node:http';
import { EventStreamCodec } from '@smithy/core/event-streams';
import type { MessageHeaders } from '@smithy/core/event-streams';

export const EVENT_STREAM_CONTENT_TYPE = 'application/vnd.amazon.eventstream';

export interface InvokeComplete {
  readonly ErrorCode?: string;
  readonly ErrorDetails?: string;
  readonly LogResult?: string;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();
const codec = new EventStreamCodec((bytes) => decoder.decode(bytes), (text) => encoder.encode(text));

const event = (type: string, contentType: string): MessageHeaders => ({
  ':event-type': { type: 'string', value: type },
  ':message-type': { type: 'string', value: 'event' },
  ':content-type': { type: 'string', value: contentType },
});

/** Writes the events to an HTTP answer; its head goes out with the first event. */
export class EventStreamWriter {
  private headers: Record<string, string>;

  constructor(
    private readonly res: http.ServerResponse,
    headers: Record<string, string>,
  ) {
    this.headers = { ...headers, 'Content-Type': EVENT_STREAM_CONTENT_TYPE };
  }

  /** Whether the head has gone out (after which a failure can only be told in InvokeComplete). */
  get started(): boolean {
    return this.res.headersSent;
  }

  /** Changes a header before the head goes out (the request id, known once the runtime takes the invocation). */
  header(name: string, value: string): void {
    this.headers[name] = value;
  }

  chunk(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.write(codec.encode({ headers: event('PayloadChunk', 'application/octet-stream'), body: bytes }));
  }

  complete(complete: InvokeComplete): void {
    this.write(codec.encode({ headers: event('InvokeComplete', 'application/json'), body: encoder.encode(JSON.stringify(complete)) }));
    this.res.end();
  }

  private write(message: Uint8Array): void {
    if (this.res.destroyed) return;
    if (!this.res.headersSent) this.res.writeHead(200, this.headers);
    this.res.write(message);
  }
}
