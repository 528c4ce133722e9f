import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { RuntimeApiClient } from '../../../../src/core/local/runtimes/node/client/runtimeApiClient';

// The Node runtime's own Runtime API client against a raw TCP server that answers with canned HTTP bytes,
// cut wherever TCP may cut them: a header or a multi-byte character across reads, several answers in one.

const answer = (status: number, headers: Record<string, string>, body: string) =>
  Buffer.from(`HTTP/1.1 ${status} X\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);

/** A server that reads the requests and writes `bytes` in the given pieces, one write (and one flush) each. */
async function serve(pieces: Buffer[]): Promise<{ port: number; received: Promise<string>; close: () => Promise<void> }> {
  let resolveReceived: (text: string) => void = () => undefined;
  const received = new Promise<string>((resolve) => (resolveReceived = resolve));
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    void (async () => {
      await new Promise((r) => setTimeout(r, 5));
      resolveReceived(text);
      for (const piece of pieces) {
        socket.write(piece);
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

function cut(bytes: Buffer, at: number[]): Buffer[] {
  const points = [...new Set(at.map((n) => n % bytes.length))].filter((n) => n > 0).sort((a, b) => a - b);
  return [0, ...points].map((start, i) => bytes.subarray(start, points[i] ?? bytes.length));
}

describe('core/local RuntimeApiClient (the Node runtime client)', function () {
  this.timeout(30_000);

  it('sends a streamed response as a chunked body: one chunk per write (none for an empty one), trailers last', async () => {
    // Reads until the body's last chunk and trailers have come (a time window would race a loaded machine).
    let resolveText: (text: string) => void = () => undefined;
    const received = new Promise<string>((resolve) => (resolveText = resolve));
    const sockets: net.Socket[] = [];
    const server = net.createServer((socket) => {
      sockets.push(socket);
      let text = '';
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString('latin1');
        if (/\r\n0\r\n(?:[^\r\n]+\r\n)*\r\n$/.test(text)) resolveText(text);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = new RuntimeApiClient('127.0.0.1', (server.address() as AddressInfo).port, undefined, () => undefined);
    void client.startChunked('/invocation/abc/response', { 'Lambda-Runtime-Function-Response-Mode': 'streaming' }).catch(() => undefined);
    client.writeChunk(Buffer.from('héllo'), () => undefined);
    client.writeChunk(new Uint8Array(), () => undefined);
    client.endChunked({ 'Lambda-Runtime-Function-Error-Type': 'Boom' });
    const text = await received;
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
    assert.equal(
      text,
      'POST /2018-06-01/runtime/invocation/abc/response HTTP/1.1\r\nHost: runtime\r\nTransfer-Encoding: chunked\r\nLambda-Runtime-Function-Response-Mode: streaming\r\n\r\n' +
        `6\r\n${Buffer.from('héllo').toString('latin1')}\r\n0\r\nLambda-Runtime-Function-Error-Type: Boom\r\n\r\n`,
    );
  });

  it('sends pipelined requests in one write, with method, route, headers and a JSON body', async () => {
    const server = await serve([]);
    const client = new RuntimeApiClient('127.0.0.1', server.port, undefined, () => undefined);
    client.together(() => {
      void client.request('POST', '/invocation/abc/response', '{"n":"é"}', { 'x-a': '1' }).catch(() => undefined);
      void client.request('GET', '/invocation/next').catch(() => undefined);
    });
    const text = await server.received;
    await server.close();
    assert.equal(
      text,
      'POST /2018-06-01/runtime/invocation/abc/response HTTP/1.1\r\nHost: runtime\r\nx-a: 1\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{"n":"é"}'.replace('é', Buffer.from('é').toString('latin1')) +
        'GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: runtime\r\n\r\n',
    );
  });

  it('reads answers in order, whichever way TCP cuts them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 6 }), async (bodies, at) => {
        const answers = bodies.map((body, i) => answer(i === 0 ? 202 : 200, { 'Lambda-Runtime-Aws-Request-Id': `id-${i}` }, body));
        const server = await serve(cut(Buffer.concat(answers), at));
        const client = new RuntimeApiClient('127.0.0.1', server.port, undefined, () => undefined);
        try {
          const replies = await Promise.all(bodies.map(() => client.request('GET', '/invocation/next')));
          assert.deepEqual(
            replies.map((r) => [r.status, r.headers['lambda-runtime-aws-request-id'], r.body]),
            bodies.map((body, i) => [i === 0 ? 202 : 200, `id-${i}`, body]),
          );
        } finally {
          await server.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('rejects what is pending and calls onClose when the connection goes away', async () => {
    const server = await serve([]);
    let closed = 0;
    const client = new RuntimeApiClient('127.0.0.1', server.port, undefined, () => closed++);
    const pending = client.request('GET', '/invocation/next');
    await server.received;
    await server.close();
    await assert.rejects(pending, /closed the connection|ECONNRESET/);
    assert.ok(closed >= 1);
  });
});
