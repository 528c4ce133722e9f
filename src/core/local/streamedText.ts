// A streamed response read as text while it arrives: multi-byte characters cut between chunks are joined, and a
// function URL's prelude (content type application/vnd.awslambda.http-integration-response: JSON, then 8 NUL
// bytes) is told apart from the body, as a function URL does before answering.
export const HTTP_INTEGRATION_CONTENT_TYPE = 'application/vnd.awslambda.http-integration-response';
const DELIMITER_BYTES = 8;

export interface StreamedTextSink {
  /** The prelude's JSON text (status code, headers, cookies). */
  prelude(json: string): void;
  /** The body's text, piece by piece. */
  text(text: string): void;
}

export class StreamedText {
  private readonly decoder = new TextDecoder();
  private pending?: Uint8Array;
  private preludeDone = false;
  /** Whether any text has been given. */
  started = false;
  /** Whether the last text given ended a line. */
  endsLine = true;

  constructor(private readonly sink: StreamedTextSink) {}

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
    this.emit(this.decoder.decode(bytes, { stream: true }));
  }

  /** The stream has ended: what is left (a prelude never closed is body, as bytes are). */
  end(): void {
    const rest = this.pending ? this.decoder.decode(this.pending, { stream: true }) : '';
    this.pending = undefined;
    this.emit(rest + this.decoder.decode());
  }

  private emit(text: string): void {
    if (!text) return;
    this.started = true;
    this.endsLine = text.endsWith('\n');
    this.sink.text(text);
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
