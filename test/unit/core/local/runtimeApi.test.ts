import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import { MAX_RESPONSE_BYTES, RuntimeApiServer } from '../../../../src/core/local/runtimeApi';
import type { RuntimeInvocation, RuntimeOutcome } from '../../../../src/core/local/runtimeApi';
import { MAX_RSS_HEADER } from '../../../../src/core/local/runtimes/maxRssHeader';
import { RuntimeApiClient } from '../../../../src/core/local/runtimes/node/client/runtimeApiClient';

// A contract test of the Lambda Runtime API as a runtime client sees it: plain HTTP against a started
// server, no runtime process.

interface Reply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** One HTTP request on its own connection (no keep-alive), so that a held `next` never blocks another. */
function send(address: string, method: string, route: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<Reply> {
  const [host, port] = address.split(':');
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port: Number(port), method, path: route, agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const RUNTIME = '/2018-06-01/runtime';
const settled = <T>(promise: Promise<T>) => {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  return () => done;
};
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function invocation(overrides: Partial<RuntimeInvocation> = {}): RuntimeInvocation {
  return {
    requestId: `req-${Math.random().toString(16).slice(2)}`,
    payload: JSON.stringify({ hello: 'world' }),
    deadlineMs: Date.now() + 3000,
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:contract',
    traceId: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0',
    ...overrides,
  };
}

describe('core/local RuntimeApiServer (Runtime API contract)', () => {
  let api: RuntimeApiServer;
  let outcomes: { requestId: string; outcome: RuntimeOutcome }[];
  let initErrors: { body: string; errorType?: string }[];
  let delivered: RuntimeInvocation[];
  let firstNext: number;

  beforeEach(async () => {
    api = await RuntimeApiServer.start();
    outcomes = [];
    initErrors = [];
    delivered = [];
    firstNext = 0;
    api.on({
      onOutcome: (requestId, outcome) => outcomes.push({ requestId, outcome }),
      onInitError: (body, errorType) => initErrors.push({ body, errorType }),
      onNext: (i) => delivered.push(i),
      onFirstNext: () => firstNext++,
    });
  });

  afterEach(async () => {
    await api.stop();
  });

  /** Enqueues an invocation and takes it with `next`, as a runtime would. */
  async function take(overrides: Partial<RuntimeInvocation> = {}): Promise<RuntimeInvocation> {
    const inv = invocation(overrides);
    const next = send(api.address, 'GET', `${RUNTIME}/invocation/next`);
    api.enqueue(inv);
    const reply = await next;
    assert.equal(reply.status, 200);
    return inv;
  }

  it('holds next until an invocation is enqueued, then answers 200 with the payload and every header', async () => {
    const next = send(api.address, 'GET', `${RUNTIME}/invocation/next`);
    const isDone = settled(next);
    await delay(200);
    assert.equal(isDone(), false, 'next must be held while there is nothing to do');
    assert.equal(firstNext, 1, 'onFirstNext fires when the runtime first asks');

    const clientContext = JSON.stringify({ client: { app_title: 'demo' }, custom: { tenant: 't-1' }, env: { locale: 'en' } });
    const cognitoIdentity = JSON.stringify({ cognitoIdentityId: 'eu-west-1:abc', cognitoIdentityPoolId: 'eu-west-1:pool' });
    const inv = invocation({ payload: '{"name":"Zoë"}', clientContext, cognitoIdentity });
    api.enqueue(inv);
    const reply = await next;

    assert.equal(reply.status, 200);
    assert.equal(reply.body, '{"name":"Zoë"}');
    assert.equal(reply.headers['lambda-runtime-aws-request-id'], inv.requestId);
    const deadline = Number(reply.headers['lambda-runtime-deadline-ms']);
    assert.ok(Number.isInteger(deadline) && deadline > Date.now(), `deadline ${deadline} must be in the future`);
    assert.equal(reply.headers['lambda-runtime-invoked-function-arn'], 'arn:aws:lambda:eu-west-1:123456789012:function:contract');
    assert.equal(reply.headers['lambda-runtime-trace-id'], inv.traceId);
    assert.equal(reply.headers['lambda-runtime-client-context'], clientContext);
    assert.equal(reply.headers['lambda-runtime-cognito-identity'], cognitoIdentity);
    assert.deepEqual(delivered.map((d) => d.requestId), [inv.requestId]);
  });

  it('answers next at once when an invocation is already queued, without client context or identity headers', async () => {
    const inv = invocation();
    api.enqueue(inv);
    assert.equal(delivered.length, 0, 'nothing is delivered before the runtime asks');
    const reply = await send(api.address, 'GET', `${RUNTIME}/invocation/next`);
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['lambda-runtime-aws-request-id'], inv.requestId);
    assert.equal(reply.headers['lambda-runtime-client-context'], undefined);
    assert.equal(reply.headers['lambda-runtime-cognito-identity'], undefined);
  });

  it('delivers queued invocations one per next, in order', async () => {
    const first = invocation();
    const second = invocation();
    api.enqueue(first);
    api.enqueue(second);
    const a = await send(api.address, 'GET', `${RUNTIME}/invocation/next`);
    const b = await send(api.address, 'GET', `${RUNTIME}/invocation/next`);
    assert.deepEqual([a.headers['lambda-runtime-aws-request-id'], b.headers['lambda-runtime-aws-request-id']], [first.requestId, second.requestId]);
    assert.equal(firstNext, 1, 'onFirstNext fires once');
  });

  it('takes a response with 202 and hands it to the listener', async () => {
    const inv = await take();
    const reply = await send(api.address, 'POST', `${RUNTIME}/invocation/${inv.requestId}/response`, '{"ok":true}', { 'content-type': 'application/json' });
    assert.equal(reply.status, 202);
    assert.deepEqual(outcomes, [{ requestId: inv.requestId, outcome: { kind: 'response', body: '{"ok":true}' } }]);
  });

  it('takes an error with 202 and passes on Lambda-Runtime-Function-Error-Type', async () => {
    const inv = await take();
    const body = JSON.stringify({ errorType: 'ValidationError', errorMessage: 'bad', trace: [] });
    const reply = await send(api.address, 'POST', `${RUNTIME}/invocation/${inv.requestId}/error`, body, { 'Lambda-Runtime-Function-Error-Type': 'ValidationError' });
    assert.equal(reply.status, 202);
    assert.deepEqual(outcomes, [{ requestId: inv.requestId, outcome: { kind: 'error', body, errorType: 'ValidationError' } }]);
  });

  it('answers 400 InvalidRequestID for an unknown request id, on response and on error', async () => {
    await take();
    for (const kind of ['response', 'error']) {
      const reply = await send(api.address, 'POST', `${RUNTIME}/invocation/not-a-request/${kind}`, '{}');
      assert.equal(reply.status, 400, kind);
      assert.equal((JSON.parse(reply.body) as { errorType: string }).errorType, 'InvalidRequestID');
    }
    assert.deepEqual(outcomes, []);
  });

  it('answers 400 for an invocation that was queued but not yet delivered', async () => {
    const inv = invocation();
    api.enqueue(inv);
    const reply = await send(api.address, 'POST', `${RUNTIME}/invocation/${inv.requestId}/response`, '{}');
    assert.equal(reply.status, 400);
    assert.deepEqual(outcomes, []);
  });

  it('answers 400 to a second response (or error) for the same request id', async () => {
    const inv = await take();
    assert.equal((await send(api.address, 'POST', `${RUNTIME}/invocation/${inv.requestId}/response`, '"first"')).status, 202);
    const again = await send(api.address, 'POST', `${RUNTIME}/invocation/${inv.requestId}/response`, '"second"');
    assert.equal(again.status, 400);
    assert.equal((JSON.parse(again.body) as { errorType: string }).errorType, 'InvalidRequestID');
    assert.equal((await send(api.address, 'POST', `${RUNTIME}/invocation/${inv.requestId}/error`, '{}')).status, 400);
    assert.deepEqual(
      outcomes.map((o) => o.outcome),
      [{ kind: 'response', body: '"first"' }],
    );
  });

  it('answers 413 to a response over 6 MB and reports Function.ResponseSizeTooLarge; the id is then spent', async () => {
    const inv = await take();
    const big = Buffer.alloc(MAX_RESPONSE_BYTES + 1024 * 1024, 'x');
    const reply = await send(api.address, 'POST', `${RUNTIME}/invocation/${inv.requestId}/response`, big);
    assert.equal(reply.status, 413);
    assert.equal(outcomes.length, 1);
    const { outcome } = outcomes[0];
    assert.equal(outcome.kind, 'error');
    assert.equal(outcome.kind === 'error' && outcome.errorType, 'Function.ResponseSizeTooLarge');
    const payload = JSON.parse(outcome.body) as { errorType: string; errorMessage: string };
    assert.equal(payload.errorType, 'Function.ResponseSizeTooLarge');
    assert.match(payload.errorMessage, /exceeded maximum allowed payload size \(6291456 bytes\)/);
    assert.equal((await send(api.address, 'POST', `${RUNTIME}/invocation/${inv.requestId}/response`, '"late"')).status, 400);
  });

  it('accepts a response of exactly 6 MB', async () => {
    const inv = await take();
    const reply = await send(api.address, 'POST', `${RUNTIME}/invocation/${inv.requestId}/response`, Buffer.alloc(MAX_RESPONSE_BYTES, 'x'));
    assert.equal(reply.status, 202);
    assert.equal(outcomes[0].outcome.kind, 'response');
    assert.equal(outcomes[0].outcome.body.length, MAX_RESPONSE_BYTES);
  });

  // Was a bug, now fixed (src/core/local/runtimeApi.ts, handle()): the response body is read with
  // readBody(req, MAX_RESPONSE_BYTES + 1), and readBody flags tooLarge only when size > limit, so a response
  // of MAX_RESPONSE_BYTES + 1 bytes (one byte over 6 MB) is accepted with 202 instead of 413: an off-by-one
  // (the limit passed should be MAX_RESPONSE_BYTES). The invoker's request check (> MAX_REQUEST_BYTES) has no
  // such slack, so a payload one byte over is refused going in but accepted coming out.
  it('answers 413 to a response one byte over 6 MB', async () => {
    const inv = await take();
    const reply = await send(api.address, 'POST', `${RUNTIME}/invocation/${inv.requestId}/response`, Buffer.alloc(MAX_RESPONSE_BYTES + 1, 'x'));
    assert.equal(reply.status, 413);
    assert.equal(outcomes[0].outcome.kind === 'error' && outcomes[0].outcome.errorType, 'Function.ResponseSizeTooLarge');
  });

  it('takes init/error with 202 and hands body and error type to onInitError', async () => {
    const body = JSON.stringify({ errorType: 'Runtime.ImportModuleError', errorMessage: "Cannot find module 'index'" });
    const reply = await send(api.address, 'POST', `${RUNTIME}/init/error`, body, { 'Lambda-Runtime-Function-Error-Type': 'Runtime.ImportModuleError' });
    assert.equal(reply.status, 202);
    assert.deepEqual(initErrors, [{ body, errorType: 'Runtime.ImportModuleError' }]);
    assert.deepEqual(outcomes, []);
  });

  it('answers 404 to anything else', async () => {
    const inv = await take();
    const cases: [string, string][] = [
      ['GET', '/'],
      ['GET', `${RUNTIME}/invocation/${inv.requestId}/response`],
      ['POST', `${RUNTIME}/invocation/next`],
      ['GET', `${RUNTIME}/init/error`],
      ['POST', `${RUNTIME}/invocation/${inv.requestId}/result`],
      ['POST', `/2020-01-01/runtime/invocation/${inv.requestId}/response`],
      ['PUT', `${RUNTIME}/invocation/${inv.requestId}/response`],
    ];
    for (const [method, route] of cases) {
      const reply = await send(api.address, method, route, method === 'GET' ? undefined : '{}');
      assert.equal(reply.status, 404, `${method} ${route}`);
    }
    assert.deepEqual(outcomes, [], 'no outcome from a wrong route');
    // The request is still open: the right route still takes its response.
    assert.equal((await send(api.address, 'POST', `${RUNTIME}/invocation/${inv.requestId}/response`, '1')).status, 202);
  });

  it('takes an outcome and the next GET pipelined in one write on one connection (our Node client), with the memory header', async () => {
    const [host, port] = api.address.split(':');
    const client = new RuntimeApiClient(host, Number(port), undefined, () => undefined);
    const first = invocation();
    const next = client.request('GET', '/invocation/next');
    api.enqueue(first);
    assert.equal((await next).headers['lambda-runtime-aws-request-id'], first.requestId);
    const { posted, following } = client.together(() => ({
      posted: client.request('POST', `/invocation/${first.requestId}/response`, '{"ok":true}', { [MAX_RSS_HEADER]: '51200' }),
      following: client.request('GET', '/invocation/next'),
    }));
    assert.equal((await posted).status, 202);
    assert.deepEqual(outcomes, [{ requestId: first.requestId, outcome: { kind: 'response', body: '{"ok":true}', maxRssKb: 51200 } }]);
    const isDone = settled(following);
    await delay(50);
    assert.equal(isDone(), false, 'the pipelined next is held until there is an invocation');
    const second = invocation({ payload: '{"é":"ü"}' });
    api.enqueue(second);
    const answer = await following;
    assert.equal(answer.headers['lambda-runtime-aws-request-id'], second.requestId);
    assert.equal(answer.body, '{"é":"ü"}');
  });

  it('works with plain fetch too (keep-alive client)', async () => {
    const base = `http://${api.address}${RUNTIME}`;
    const next = fetch(`${base}/invocation/next`);
    const inv = invocation();
    api.enqueue(inv);
    const reply = await next;
    assert.equal(reply.status, 200);
    assert.equal(reply.headers.get('lambda-runtime-aws-request-id'), inv.requestId);
    assert.deepEqual(await reply.json(), { hello: 'world' });
    const posted = await fetch(`${base}/invocation/${inv.requestId}/response`, { method: 'POST', body: '"done"' });
    assert.equal(posted.status, 202);
    await posted.arrayBuffer();
    assert.deepEqual(outcomes, [{ requestId: inv.requestId, outcome: { kind: 'response', body: '"done"' } }]);
  });

  it('listens on 127.0.0.1 only', async () => {
    const [host, port] = api.address.split(':');
    assert.equal(host, '127.0.0.1');
    const connects = (address: string) =>
      new Promise<boolean>((resolve) => {
        const socket = net.connect({ host: address, port: Number(port) });
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
    assert.equal(await connects('127.0.0.1'), true);
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((i): i is os.NetworkInterfaceInfo => !!i && !i.internal)
      .map((i) => i.address);
    for (const address of ['::1', ...others]) {
      assert.equal(await connects(address), false, `must not be reachable at ${address}`);
    }
  });
});
