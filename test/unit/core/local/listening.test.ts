import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { canListen, nextFreePort } from '../../../../src/core/local/listening';

// What the local servers offer when their port is taken: real sockets on 127.0.0.1.

function listen(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject).listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('a taken port and the next free one (listening.ts)', () => {
  const servers: net.Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it('tells a taken port from a free one', async () => {
    const taken = await listen(0);
    servers.push(taken);
    const port = (taken.address() as net.AddressInfo).port;
    assert.equal(await canListen('127.0.0.1', port), false);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    assert.equal(await canListen('127.0.0.1', port), true, 'free once closed');
  });

  it('offers the first free port after a taken one, skipping the others taken', async () => {
    const first = await listen(0);
    servers.push(first);
    const port = (first.address() as net.AddressInfo).port;
    // The next one taken too, when it can be: the offer skips it.
    const next = await listen(port + 1).catch(() => undefined);
    if (next) servers.push(next);
    const offered = await nextFreePort('127.0.0.1', port);
    assert.ok(offered > (next ? port + 1 : port), `offered ${offered} for ${port}${next ? ` and ${port + 1}` : ''}, both taken`);
    servers.push(await listen(offered));
  });
});
