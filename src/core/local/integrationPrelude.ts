// A function URL's streamed answer (awslambda.HttpResponseStream.from): its content type is
// application/vnd.awslambda.http-integration-response, and it starts with a JSON prelude (statusCode, headers,
// cookies) ended by 8 NUL bytes; what follows is the body. Any other content type is body from the first byte.
export const HTTP_INTEGRATION_CONTENT_TYPE = 'application/vnd.awslambda.http-integration-response';
const DELIMITER_BYTES = 8;

export interface PreludeSink {
  /** The prelude's JSON text, once, before any body. */
  prelude(json: string): void;
  body(bytes: Uint8Array): void;
}

/** Tells the prelude from the body as chunks arrive, however the prelude is cut between them. */
export class PreludeSplitter {
  private pending?: Uint8Array;
  private preludeDone = false;

  constructor(private readonly sink: PreludeSink) {}

  push(chunk: Uint8Array, contentType?: string): void {
    let bytes = chunk;
    if (!this.preludeDone && contentType === HTTP_INTEGRATION_CONTENT_TYPE) {
      bytes = this.pending ? concat(this.pending, chunk) : chunk;
      const end = delimiterAt(bytes);
      if (end < 0) {
        this.pending = bytes;
        return;
      }
      this.preludeDone = true;
      this.pending = undefined;
      this.sink.prelude(new TextDecoder().decode(bytes.subarray(0, end)));
      bytes = bytes.subarray(end + DELIMITER_BYTES);
    }
    this.preludeDone = true;
    if (bytes.length > 0) this.sink.body(bytes);
  }

  /** The stream has ended: a prelude never closed is body, as bytes are. */
  end(): void {
    if (this.pending) this.sink.body(this.pending);
    this.pending = undefined;
  }
}

function delimiterAt(bytes: Uint8Array): number {
  let run = 0;
  for (let i = 0; i < bytes.length; i++) {
    run = bytes[i] === 0 ? run + 1 : 0;
    if (run === DELIMITER_BYTES) return i - DELIMITER_BYTES + 1;
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
