// A streamed response read as text while it arrives: multi-byte characters cut between chunks are joined, and a
// function URL's prelude is told apart from the body (integrationPrelude.ts), as a function URL does before answering.
import { PreludeSplitter } from './integrationPrelude';

export { HTTP_INTEGRATION_CONTENT_TYPE } from './integrationPrelude';

export interface StreamedTextSink {
  /** The prelude's JSON text (status code, headers, cookies). */
  prelude(json: string): void;
  /** The body's text, piece by piece. */
  text(text: string): void;
}

export class StreamedText {
  private readonly decoder = new TextDecoder();
  private readonly splitter: PreludeSplitter;
  /** Whether any text has been given. */
  started = false;
  /** Whether the last text given ended a line. */
  endsLine = true;

  constructor(private readonly sink: StreamedTextSink) {
    this.splitter = new PreludeSplitter({ prelude: (json) => sink.prelude(json), body: (bytes) => this.emit(this.decoder.decode(bytes, { stream: true })) });
  }

  push(chunk: Uint8Array, contentType?: string): void {
    this.splitter.push(chunk, contentType);
  }

  /** The stream has ended: what is left (a prelude never closed is body, as bytes are). */
  end(): void {
    this.splitter.end();
    this.emit(this.decoder.decode());
  }

  private emit(text: string): void {
    if (!text) return;
    this.started = true;
    this.endsLine = text.endsWith('\n');
    this.sink.text(text);
  }
}
