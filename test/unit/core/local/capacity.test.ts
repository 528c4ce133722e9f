import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalInvokeEndpoint } from '../../../../src/core/local/invokeEndpoint';
import { LocalInvoker } from '../../../../src/core/local/invoker';
import type { LocalFunctionDefinition } from '../../../../src/core/local/types';
import { processAlive as alive } from '../../../support/processGroup';

// Capacity of the local runtime with real processes: the concurrency cap (Lambda's throttle), the idle reaper and
// the runtime's whole process group going with it.

const ROOT = path.resolve(__dirname, '../../../../..');
const RUNTIMES = path.join(ROOT, 'dist', 'runtimes');

const HANDLERS = `
const { spawn } = require('node:child_process');
const fs = require('node:fs');
exports.slow = async () => { await new Promise((r) => setTimeout(r, 600)); return { pid: process.pid }; };
exports.pid = async () => ({ pid: process.pid });
exports.leaveChild = async (event) => {
  const child = spawn('sleep', ['300'], { stdio: 'ignore' });
  child.unref();
  fs.writeFileSync(event.pidFile, String(child.pid));
  process.exit(0);
};
`;

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return condition();
}

describe('local runtime capacity', function () {
  this.timeout(30_000);
  let dir: string;
  const invokers: LocalInvoker[] = [];
  const definition = (handler: string, overrides: Partial<LocalFunctionDefinition> = {}): LocalFunctionDefinition => ({
    name: `capacity-${handler}`,
    codeDir: dir,
    handler: `app.${handler}`,
    runtime: 'nodejs20.x',
    timeoutSeconds: 10,
    memoryMb: 128,
    environment: {},
    architecture: 'x86_64',
    ...overrides,
  });
  const invoker = (options: ConstructorParameters<typeof LocalInvoker>[0] = {}) => {
    const made = new LocalInvoker({ runtimesDir: RUNTIMES, cacheDir: path.join(dir, '.cache'), ...options });
    invokers.push(made);
    return made;
  };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-capacity-'));
    fs.writeFileSync(path.join(dir, 'app.js'), HANDLERS);
  });
  afterEach(async () => {
    await Promise.all(invokers.splice(0).map((i) => i.dispose()));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs at most maxConcurrency invocations of a function at once and throttles the rest as Lambda does', async () => {
    const local = invoker({ maxConcurrency: 3 });
    const results = await Promise.all(Array.from({ length: 8 }, () => local.invoke(definition('slow'), '{}')));
    const ran = results.filter((r) => !r.throttled);
    const throttled = results.filter((r) => r.throttled);
    assert.equal(ran.length, 3, 'three ran');
    assert.equal(new Set(ran.map((r) => (JSON.parse(r.payload) as { pid: number }).pid)).size, 3, 'in three runtimes');
    assert.equal(throttled.length, 5);
    for (const r of throttled) {
      assert.equal(r.errorType, 'TooManyRequestsException');
      assert.deepEqual(JSON.parse(r.payload), { Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded', Type: 'User', message: 'Rate Exceeded.' });
    }
    // Once they are done, the function runs again (warm).
    const again = await local.invoke(definition('slow'), '{}');
    assert.equal(again.throttled, undefined);
    assert.equal(again.coldStart, false);
  });

  it('throttles every call of a function whose ReservedConcurrentExecutions is 0', async () => {
    const result = await invoker().invoke(definition('pid', { reservedConcurrency: 0 }), '{}');
    assert.equal(result.throttled, true);
    assert.equal(result.errorType, 'TooManyRequestsException');
  });

  it('answers a throttled call on the endpoint with HTTP 429 TooManyRequestsException', async () => {
    const local = invoker({ maxConcurrency: 1 });
    const fn = definition('slow');
    const endpoint = await LocalInvokeEndpoint.start({ functions: () => [fn], invoker: local, port: 0 });
    try {
      const call = () => fetch(`${endpoint.url}/2015-03-31/functions/${fn.name}/invocations`, { method: 'POST', body: '{}' });
      const [first, second] = await Promise.all([call(), new Promise((r) => setTimeout(r, 150)).then(call)]);
      assert.equal(first.status, 200);
      assert.equal(second.status, 429);
      assert.equal(second.headers.get('x-amzn-errortype'), 'TooManyRequestsException');
      assert.equal(((await second.json()) as { message: string }).message, 'Rate Exceeded.');
    } finally {
      await endpoint.stop();
    }
  });

  it('stops an idle runtime after idleMinutes, and the next call starts cold', async () => {
    const local = invoker({ idleMinutes: 0.01 });
    const first = await local.invoke(definition('pid'), '{}');
    const { pid } = JSON.parse(first.payload) as { pid: number };
    assert.ok(alive(pid), 'warm right after the call');
    assert.ok(await until(() => !alive(pid), 5_000), 'the idle runtime was stopped');
    const second = await local.invoke(definition('pid'), '{}');
    assert.equal(second.coldStart, true);
  });

  it("stops what a handler started when it calls process.exit (the runtime's whole process group)", async () => {
    const pidFile = path.join(dir, 'child.pid');
    const result = await invoker().invoke(definition('leaveChild'), JSON.stringify({ pidFile }));
    assert.equal(result.errorType, 'Runtime.ExitError');
    const child = Number(fs.readFileSync(pidFile, 'utf8'));
    assert.ok(await until(() => !alive(child), 3_000), `the handler's child ${child} was stopped with its runtime`);
  });
});
