import * as net from 'node:net';

// A minimal Debug Adapter Protocol client over TCP, for tests that drive a real debug adapter (debugpy) the way
// VS Code does: Content-Length framed JSON messages, requests matched to responses by seq, events kept in order.

export interface DapMessage {
  readonly seq: number;
  readonly type: 'request' | 'response' | 'event';
}

export interface DapResponse<B = Record<string, unknown>> extends DapMessage {
  readonly type: 'response';
  readonly request_seq: number;
  readonly command: string;
  readonly success: boolean;
  readonly message?: string;
  readonly body?: B;
}

export interface DapEvent<B = Record<string, unknown>> extends DapMessage {
  readonly type: 'event';
  readonly event: string;
  readonly body?: B;
}

interface Waiter {
  readonly event: string;
  readonly match: (e: DapEvent) => boolean;
  readonly resolve: (e: DapEvent) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

export class DapClient {
  /** Every event received so far, in order. */
  readonly events: DapEvent[] = [];
  private seq = 1;
  private buffer = Buffer.alloc(0);
  private readonly pending = new Map<number, { command: string; resolve: (r: DapResponse) => void; reject: (e: Error) => void }>();
  private waiters: Waiter[] = [];
  private readonly listeners: { event: string; listener: (e: DapEvent) => void }[] = [];
  private closed = false;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('close', () => this.fail(new Error('the debug adapter closed the connection')));
    socket.on('error', () => undefined);
  }

  /** Connects to an adapter listening on host:port, retrying until it listens (or timeoutMs passes). */
  static async connect(port: number, timeoutMs = 15_000, host = '127.0.0.1'): Promise<DapClient> {
    const deadline = Date.now() + timeoutMs;
    let lastError: Error | undefined;
    while (Date.now() < deadline) {
      try {
        const socket = await new Promise<net.Socket>((resolve, reject) => {
          const s = net.connect({ host, port });
          s.once('connect', () => {
            s.removeListener('error', reject);
            resolve(s);
          });
          s.once('error', reject);
        });
        return new DapClient(socket);
      } catch (error) {
        lastError = error as Error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`No debug adapter listened on ${host}:${port} within ${timeoutMs} ms${lastError ? ` (${lastError.message})` : ''}`);
  }

  /** Sends a request and resolves with its response; rejects when the adapter answers success: false. */
  request<B = Record<string, unknown>>(command: string, args?: Record<string, unknown>, timeoutMs = 15_000): Promise<DapResponse<B>> {
    const seq = this.seq++;
    const response = new Promise<DapResponse<B>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(seq);
        reject(new Error(`No response to "${command}" within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(seq, {
        command,
        resolve: (r) => {
          clearTimeout(timer);
          if (r.success) resolve(r as DapResponse<B>);
          else reject(new Error(`"${command}" failed: ${r.message ?? JSON.stringify(r.body)}`));
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
    this.send({ seq, type: 'request', command, ...(args ? { arguments: args } : {}) });
    return response;
  }

  /**
   * The next event of that name matching `match`, including one already received after `since` (an index into
   * `events`, by default only events from now on).
   */
  waitForEvent<B = Record<string, unknown>>(event: string, options: { match?: (e: DapEvent<B>) => boolean; timeoutMs?: number; since?: number } = {}): Promise<DapEvent<B>> {
    const match = (options.match ?? (() => true)) as (e: DapEvent) => boolean;
    const earlier = this.events.slice(options.since ?? this.events.length).find((e) => e.event === event && match(e));
    if (earlier) return Promise.resolve(earlier as DapEvent<B>);
    if (this.closed) return Promise.reject(new Error(`The debug adapter is gone; no "${event}" event`));
    const timeoutMs = options.timeoutMs ?? 15_000;
    return new Promise<DapEvent<B>>((resolve, reject) => {
      const waiter: Waiter = {
        event,
        match,
        resolve: resolve as (e: DapEvent) => void,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          const seen = this.events.map((e) => e.event).join(', ');
          reject(new Error(`No "${event}" event within ${timeoutMs} ms (events so far: ${seen || 'none'})`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** Calls listener for every later event of that name. */
  on<B = Record<string, unknown>>(event: string, listener: (e: DapEvent<B>) => void): void {
    this.listeners.push({ event, listener: listener as (e: DapEvent) => void });
  }

  /** The text of every `output` event so far. */
  output(): string {
    return this.events
      .filter((e) => e.event === 'output')
      .map((e) => String((e.body as { output?: unknown } | undefined)?.output ?? ''))
      .join('');
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }

  private send(message: Record<string, unknown>): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.socket.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length:\s*(\d+)/i.exec(header)?.[1]);
      if (!Number.isFinite(length)) {
        this.fail(new Error(`A DAP message without Content-Length: ${header}`));
        this.socket.destroy();
        return;
      }
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const message = JSON.parse(this.buffer.subarray(start, start + length).toString('utf8')) as DapMessage;
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: DapMessage): void {
    if (message.type === 'response') {
      const response = message as DapResponse;
      const pending = this.pending.get(response.request_seq);
      this.pending.delete(response.request_seq);
      pending?.resolve(response);
    } else if (message.type === 'event') {
      const event = message as DapEvent;
      this.events.push(event);
      for (const { listener } of this.listeners.filter((l) => l.event === event.event)) listener(event);
      const waiter = this.waiters.find((w) => w.event === event.event && w.match(event));
      if (waiter) {
        clearTimeout(waiter.timer);
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve(event);
      }
    } else {
      // A reverse request (runInTerminal, startDebugging): not supported by this client.
      const request = message as DapMessage & { command?: string };
      this.send({ seq: this.seq++, type: 'response', request_seq: request.seq, command: request.command, success: false, message: 'not supported by the test client' });
    }
  }

  private fail(error: Error): void {
    this.closed = true;
    for (const [, p] of this.pending) p.reject(new Error(`${error.message} before answering "${p.command}"`));
    this.pending.clear();
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(new Error(`${error.message}; no "${w.event}" event`));
    }
    this.waiters = [];
  }
}
