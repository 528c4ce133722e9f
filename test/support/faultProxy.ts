import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A stand-in for the faults moto cannot make: an HTTP proxy on 127.0.0.1 in front of it that, request by request,
 * passes the call on, answers with an error of its own (throttling, expired credentials), stops half-way through
 * moto's answer, or never answers at all.
 */
export type Fault = 'pass' | 'silent' | 'stall-mid-body' | { readonly status: number; readonly error: string; readonly message: string };

export interface ProxiedRequest {
  readonly method: string;
  readonly path: string;
  /** The JSON protocol's operation (ECS: "AmazonEC2ContainerServiceV20141113.ListClusters"), if any. */
  readonly target?: string;
  /** The access key of the SigV4 signature: which profile sent it. */
  readonly accessKey?: string;
  /** How many requests came before this one. */
  readonly index: number;
}

export class FaultProxy {
  readonly requests: ProxiedRequest[] = [];
  private readonly held = new Set<Socket>();
  private heldEver = 0;

  private constructor(
    private readonly server: http.Server,
    readonly endpoint: string,
  ) {}

  static async start(target: string, decide: (request: ProxiedRequest) => Fault): Promise<FaultProxy> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxy = new FaultProxy(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const upstream = new URL(target);
    server.on('request', (req, res) => {
      const credential = /Credential=([^/]+)\//.exec(req.headers.authorization ?? '')?.[1];
      const request: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', target: req.headers['x-amz-target'] as string | undefined, accessKey: credential, index: proxy.requests.length };
      proxy.requests.push(request);
      const fault = decide(request);
      if (fault === 'silent') return proxy.hold(req.socket);
      if (typeof fault === 'object') {
        const body = JSON.stringify({ __type: fault.error, message: fault.message });
        res.writeHead(fault.status, { 'content-type': 'application/json', 'x-amzn-errortype': fault.error, 'content-length': Buffer.byteLength(body) });
        return res.end(body);
      }
      const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          if (fault === 'stall-mid-body') {
            // The headers promise the whole body; half of it comes, then nothing.
            res.write(body.subarray(0, Math.floor(body.length / 2)));
            return proxy.hold(req.socket);
          }
          res.end(body);
        });
      });
      forward.on('error', (error) => {
        res.writeHead(502);
        res.end(error.message);
      });
      req.pipe(forward);
    });
    return proxy;
  }

  /** Connections held without an answer that the client has not closed yet. */
  get stillHeld(): number {
    return this.held.size;
  }

  /** Connections held without an answer so far. */
  get heldInAll(): number {
    return this.heldEver;
  }

  async stop(): Promise<void> {
    for (const socket of this.held) socket.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private hold(socket: Socket): void {
    this.heldEver++;
    this.held.add(socket);
    socket.once('close', () => this.held.delete(socket));
  }
}
