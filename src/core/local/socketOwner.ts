import * as fs from 'node:fs';

/**
 * The uid that owns the other end of a loopback TCP connection, read from /proc/net/tcp and /proc/net/tcp6 (Linux):
 * the peer's socket is the line whose local port is the peer's and whose remote port is ours. `undefined` where
 * there is no /proc (macOS, Windows) or the line is gone (the peer already closed).
 */
export function socketOwnerUid(peerPort: number, localPort: number): number | undefined {
  const local = `:${hexPort(peerPort)}`;
  const remote = `:${hexPort(localPort)}`;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = fs.readFileSync(table, 'latin1');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid …
      const fields = line.trim().split(/\s+/);
      if (fields.length > 7 && fields[1].endsWith(local) && fields[2].endsWith(remote)) return Number(fields[7]);
    }
  }
  return undefined;
}

/** Whether this platform can tell who owns a socket (see socketOwnerUid). */
export function canTellSocketOwners(): boolean {
  return fs.existsSync('/proc/net/tcp');
}

function hexPort(port: number): string {
  return port.toString(16).toUpperCase().padStart(4, '0');
}
