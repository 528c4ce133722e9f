import { randomBytes, timingSafeEqual } from 'node:crypto';
import type * as http from 'node:http';
import type * as net from 'node:net';
import { canTellSocketOwners, socketOwnerUid } from './socketOwner';

/** The environment variable that carries the secret to our own runtime clients (never argv). */
export const RUNTIME_TOKEN_VARIABLE = 'SERVERLESS_EXPLORER_RUNTIME_TOKEN';
/** The header our runtime clients send it in, on every Runtime API request. */
export const RUNTIME_TOKEN_HEADER = 'x-serverless-explorer-runtime-token';

/** A per-environment secret: 256 random bits. */
export function newRuntimeToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Who may use one environment's Runtime API. Our own clients prove themselves with the token. A request without
 * one (an official runtime interface client, a `provided` bootstrap) is accepted only from a socket owned by our own
 * uid, looked up once per connection. A wrong token is refused, whoever sends it.
 *
 * Without /proc (macOS, Windows) the owner of a loopback socket cannot be read cheaply, so token-less requests are
 * accepted there: the server listens on 127.0.0.1 only, those systems are mostly single-user desktops, and refusing
 * would break every runtime interface client and `provided` bootstrap. Our own clients always send the token, and
 * a wrong one is refused on every platform.
 */
export class RuntimeApiAccess {
  private readonly owners = new WeakMap<net.Socket, boolean>();
  private readonly expected?: Buffer;
  private readonly checkOwners = canTellSocketOwners() && typeof process.getuid === 'function';

  constructor(token?: string) {
    this.expected = token ? Buffer.from(token) : undefined;
  }

  allows(req: http.IncomingMessage): boolean {
    const sent = req.headers[RUNTIME_TOKEN_HEADER];
    if (sent !== undefined) {
      const given = Buffer.from(Array.isArray(sent) ? sent.join(',') : sent);
      return !!this.expected && given.length === this.expected.length && timingSafeEqual(given, this.expected);
    }
    return this.ownedByUs(req.socket);
  }

  private ownedByUs(socket: net.Socket): boolean {
    if (!this.checkOwners) return true;
    let ours = this.owners.get(socket);
    if (ours === undefined) {
      ours = socket.remotePort !== undefined && socket.localPort !== undefined && socketOwnerUid(socket.remotePort, socket.localPort) === process.getuid!();
      this.owners.set(socket, ours);
    }
    return ours;
  }
}
