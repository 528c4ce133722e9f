import * as assert from 'node:assert/strict';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { AwsClientFactory } from '../../../../src/core/aws/clients';
import { DEFAULT_CHAIN } from '../../../../src/core/aws/sessions';
import { AwsCallTimeoutError } from '../../../../src/core/aws/timeouts';
import { FaultProxy } from '../../../support/faultProxy';
import type { Fault } from '../../../support/faultProxy';
import { seedManyFunctions } from '../../../support/seed';
import { useMoto } from '../../../support/useMoto';

// AWS calls through AwsClientFactory (what the extension and the CLI use) against moto behind FaultProxy, a
// stand-in for the faults moto cannot make: silence, an answer that stops half-way, throttling.

const session = { profile: DEFAULT_CHAIN, region: 'us-east-1' };

async function timed<T>(call: Promise<T>): Promise<{ error?: Error; ms: number }> {
  const started = performance.now();
  try {
    await call;
    return { ms: performance.now() - started };
  } catch (error) {
    return { error: error as Error, ms: performance.now() - started };
  }
}

async function until(what: string, ms: number, done: () => boolean): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('core/aws timeouts and cancellation (moto behind a fault-injecting proxy)', function () {
  this.timeout(60_000);
  const moto = useMoto();
  let proxy: FaultProxy | undefined;
  let factory: AwsClientFactory | undefined;
  let fault: (request: { index: number; path: string; target?: string }) => Fault = () => 'pass';
  const warnings: string[] = [];
  const warn = console.warn;
  let saved: { id?: string; secret?: string } = {};
  const restore = (name: string, value: string | undefined) => (value === undefined ? delete process.env[name] : (process.env[name] = value));

  beforeEach(async () => {
    fault = () => 'pass';
    proxy = await FaultProxy.start(moto.endpoint, (request) => fault(request));
    factory = new AwsClientFactory({ endpointUrl: proxy.endpoint, connectTimeoutSeconds: 1, requestTimeoutSeconds: 1 });
    saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    process.env.AWS_ACCESS_KEY_ID = 'testing';
    process.env.AWS_SECRET_ACCESS_KEY = 'testing';
    warnings.length = 0;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
  });

  afterEach(async () => {
    console.warn = warn;
    restore('AWS_ACCESS_KEY_ID', saved.id);
    restore('AWS_SECRET_ACCESS_KEY', saved.secret);
    factory?.dispose();
    await proxy?.stop();
  });

  const lambda = () => factory!.client(LambdaClient, session);

  it('a silent endpoint: the call fails within connect + request timeout, its socket closed, no SDK warning printed', async () => {
    fault = () => 'silent';
    const { error, ms } = await timed(lambda().send(new ListFunctionsCommand({})));
    assert.ok(error instanceof AwsCallTimeoutError, String(error));
    assert.ok(ms >= 900 && ms < 3000, `failed after ${ms.toFixed(0)} ms (budget 2 s)`);
    await until('the held connections to be closed', 2000, () => proxy!.stillHeld === 0);
    assert.ok(proxy!.heldInAll >= 1);
    assert.deepEqual(warnings, []);
  });

  it('an answer that stops half-way: the call fails within its budget and the socket is closed, not left waiting', async () => {
    await seedManyFunctions(moto.endpoint, 'us-east-1', 'half', 5);
    fault = () => 'stall-mid-body';
    const { error, ms } = await timed(lambda().send(new ListFunctionsCommand({})));
    assert.ok(error instanceof AwsCallTimeoutError, String(error));
    assert.ok(ms < 3000, `failed after ${ms.toFixed(0)} ms`);
    await until('the stalled connection to be closed', 2000, () => proxy!.stillHeld === 0);
  });

  it('a caller’s abort (Cancel on a notification) stops a waiting call at once', async () => {
    fault = () => 'silent';
    const cancel = new AbortController();
    setTimeout(() => cancel.abort(), 100);
    const { error, ms } = await timed(lambda().send(new ListFunctionsCommand({}), { abortSignal: cancel.signal }));
    assert.equal(error?.name, 'AbortError', String(error));
    assert.ok(ms < 600, `stopped after ${ms.toFixed(0)} ms`);
    await until('the connection to be closed', 2000, () => proxy!.stillHeld === 0);
  });

  it('throttling answers are retried and the call then succeeds with moto’s answer', async () => {
    await seedManyFunctions(moto.endpoint, 'us-east-1', 'throttled', 3);
    factory = new AwsClientFactory({ endpointUrl: proxy!.endpoint, maxAttempts: 4 });
    fault = ({ index }) => (index < 2 ? { status: 429, error: 'TooManyRequestsException', message: 'Rate exceeded' } : 'pass');
    const answer = await lambda().send(new ListFunctionsCommand({}));
    assert.deepEqual(answer.Functions?.map((f) => f.FunctionName).sort(), ['throttled-000', 'throttled-001', 'throttled-002']);
    assert.equal(proxy!.requests.length, 3);
  });
});
