import type * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

/** Starts a local server listening on host:port (0 picks a free port) and gives its URL; rejects with what to change. */
export async function listenOn(server: http.Server, host: string, port: number): Promise<string> {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`port ${port} is not a port number (0–65535; 0 picks a free one)`);
  // SDK clients and browsers keep connections alive: don't close an idle one just as a client reuses it.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(listenError(error, host, port));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  return `http://${urlHost(host)}:${(server.address() as AddressInfo).port}`;
}

/** Stops listening and drops open connections. */
export function closeServer(server: http.Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Whether a server could listen on host:port now (0: whether any port is free). */
export function canListen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** The port to offer when `port` is taken: the first free one of the next hundred, else one the system picks. */
export async function nextFreePort(host: string, port: number): Promise<number> {
  for (let candidate = port + 1; candidate <= Math.min(port + 100, 65535); candidate++) {
    if (await canListen(host, candidate)) return candidate;
  }
  const server = net.createServer();
  server.unref();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, host, resolve));
  const { port: picked } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return picked;
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new Error(`port ${port} on ${host} is in use; choose another with --port`);
    case 'EACCES':
      return new Error(`port ${port} on ${host} needs more privileges than this process has; choose one above 1023 with --port`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new Error(`cannot listen on ${host}: it is not an address of this machine`);
    default:
      return new Error(`cannot listen on ${host}:${port}: ${error.message}`);
  }
}

/** The host to put in the URL: a wildcard address is reached through loopback; IPv6 goes in brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
