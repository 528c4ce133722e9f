import * as net from 'node:net';
import { markOutputEnd } from './outputEndMark';

export interface RuntimeApiAnswer {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

interface Waiter {
  resolve(answer: RuntimeApiAnswer): void;
  reject(error: Error): void;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * The secret that proves to the Runtime API that we are the runtime it started, taken out of the environment
 * before the handler loads: neither the handler, its children nor an `env` dump ever see it.
 */
export function takeRuntimeToken(): string | undefined {
  const token = process.env.SERVERLESS_EXPLORER_RUNTIME_TOKEN;
  delete process.env.SERVERLESS_EXPLORER_RUNTIME_TOKEN;
  return token;
}

/**
 * The Node runtime's HTTP/1.1 client for the Runtime API: one keep-alive connection on which requests are
 * pipelined, so that a response's POST and the next `GET …/invocation/next` leave in a single write, and answers
 * are read in order. Lambda's own Node runtime uses a small native client for the same reason: node:http's
 * client costs more per request than the whole round trip. It reads what the Runtime API sends: Content-Length
 * bodies (RuntimeApiServer sends no other kind).
 */
export class RuntimeApiClient {
  private readonly socket: net.Socket;
  private readonly waiters: Waiter[] = [];
  private buffered: Buffer = Buffer.alloc(0);
  private batch?: string[];
  private chunkedRoute?: string;

  private readonly tokenHeader: string;

  constructor(host: string, port: number, token: string | undefined, onClose: (error?: Error) => void) {
    this.tokenHeader = token ? `X-Serverless-Explorer-Runtime-Token: ${token}\r\n` : '';
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
    this.socket.on('error', (error) => this.fail(error, onClose));
    this.socket.on('close', () => this.fail(new Error('The Runtime API closed the connection'), onClose));
  }

  request(method: 'GET' | 'POST', route: string, body?: string, headers: Record<string, string> = {}): Promise<RuntimeApiAnswer> {
    // Every POST is an outcome (a response, an invocation's or the init's error).
    if (method === 'POST') markOutputEnd(route);
    let head = `${method} /2018-06-01/runtime${route} HTTP/1.1\r\nHost: runtime\r\n${this.tokenHeader}`;
    for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
    const text = body === undefined ? `${head}\r\n` : `${head}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const answer = new Promise<RuntimeApiAnswer>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (this.batch) this.batch.push(text);
    else this.socket.write(text);
    return answer;
  }

  /**
   * Starts a request whose body follows in chunks (`Transfer-Encoding: chunked`), as a streamed response is sent;
   * nothing else may be sent on the connection until {@link endChunked}. The answer comes once the body has ended.
   */
  startChunked(route: string, headers: Record<string, string>): Promise<RuntimeApiAnswer> {
    this.chunkedRoute = route;
    let head = `POST /2018-06-01/runtime${route} HTTP/1.1\r\nHost: runtime\r\n${this.tokenHeader}Transfer-Encoding: chunked\r\n`;
    for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
    const answer = new Promise<RuntimeApiAnswer>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.socket.write(`${head}\r\n`);
    return answer;
  }

  /** One chunk of the body; `done` is called once the socket has taken it (a writable stream's backpressure). */
  writeChunk(data: Uint8Array, done: (error?: Error | null) => void): void {
    // A chunk of size 0 would end the body.
    if (data.length === 0) return done();
    this.socket.write(`${data.length.toString(16)}\r\n`);
    this.socket.write(data);
    this.socket.write('\r\n', done);
  }

  /** Ends a chunked body, with trailers (a streamed response's error). */
  endChunked(trailers: Record<string, string> = {}): void {
    // The outcome is in once the body ends: what the handler wrote while it streamed is its output.
    markOutputEnd(this.chunkedRoute ?? '');
    let text = '0\r\n';
    for (const [name, value] of Object.entries(trailers)) text += `${name}: ${value}\r\n`;
    this.socket.write(`${text}\r\n`);
  }

  /** Sends the requests that `send` makes in one write. */
  together<T>(send: () => T): T {
    this.batch = [];
    try {
      return send();
    } finally {
      const texts = this.batch;
      this.batch = undefined;
      if (texts.length) this.socket.write(texts.join(''));
    }
  }

  private read(chunk: Buffer): void {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    for (;;) {
      const end = this.buffered.indexOf(HEADER_END);
      if (end < 0) return;
      const lines = this.buffered.toString('latin1', 0, end).split('\r\n');
      const status = Number(lines[0].split(' ')[1]);
      const headers: Record<string, string> = {};
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const length = Number(headers['content-length'] ?? 0);
      const bodyStart = end + HEADER_END.length;
      if (this.buffered.length < bodyStart + length) return;
      const body = this.buffered.toString('utf8', bodyStart, bodyStart + length);
      this.buffered = this.buffered.subarray(bodyStart + length);
      this.waiters.shift()?.resolve({ status, headers, body });
    }
  }

  private fail(error: Error, onClose: (error?: Error) => void): void {
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
    onClose(error);
  }
}
