import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalInvoker } from '../../../../src/core/local/invoker';
import { spawnRuntime } from '../../../../src/core/local/runtimeProcess';
import type { RuntimeEvents, RuntimeLaunch } from '../../../../src/core/local/runtimeProcess';
import type { LocalFunctionDefinition } from '../../../../src/core/local/types';

// The invoker with a launcher of its own, as Debug Local API starts runtimes under a debugger: here the launcher
// starts a real process itself and reports what a debugger would (a stop on a breakpoint, the run going on).

const ROOT = path.resolve(__dirname, '../../../../..');
const RUNTIMES = path.join(ROOT, 'dist', 'runtimes');

describe('LocalInvoker with a launcher (Debug Local API)', function () {
  this.timeout(30_000);
  let dir: string;
  const invokers: LocalInvoker[] = [];
  const definition = (name: string, timeoutSeconds = 10): LocalFunctionDefinition => ({
    name,
    codeDir: dir,
    handler: 'app.handler',
    runtime: 'nodejs20.x',
    timeoutSeconds,
    memoryMb: 128,
    environment: {},
    architecture: 'x86_64',
  });

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-launcher-'));
    fs.writeFileSync(path.join(dir, 'app.js'), 'exports.handler = async (event) => { await new Promise((r) => setTimeout(r, event.sleepMs || 0)); return { pid: process.pid }; };\n');
  });
  afterEach(async () => {
    await Promise.all(invokers.splice(0).map((i) => i.dispose()));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("starts each cold environment through the function's launcher, reuses it warm, and runs a function without one as its own process", async () => {
    const launched: { name: string; launch: RuntimeLaunch }[] = [];
    const invoker = new LocalInvoker({
      runtimesDir: RUNTIMES,
      cacheDir: path.join(dir, '.cache'),
      launcher: (d) => (d.name === 'plain' ? undefined : (launch, events) => (launched.push({ name: d.name, launch }), spawnRuntime(launch, events))),
    });
    invokers.push(invoker);
    const first = await invoker.invoke(definition('launched'), '{}');
    const second = await invoker.invoke(definition('launched'), '{}');
    assert.equal(first.functionError, undefined, first.payload);
    assert.equal(JSON.parse(second.payload).pid, JSON.parse(first.payload).pid, 'the warm runtime answers again');
    assert.equal(second.coldStart, false);
    const plain = await invoker.invoke(definition('plain'), '{}');
    assert.equal(plain.functionError, undefined, plain.payload);
    assert.deepEqual(
      launched.map((l) => l.name),
      ['launched'],
      'one launch, for the function that has a launcher',
    );
    assert.equal(launched[0].launch.env._HANDLER, 'app.handler');
  });

  it("does not count the time the launcher reports the runtime paused (a breakpoint) towards the function's timeout", async () => {
    let events: RuntimeEvents | undefined;
    const invoker = new LocalInvoker({
      runtimesDir: RUNTIMES,
      cacheDir: path.join(dir, '.cache'),
      launcher: () => (launch, reported) => spawnRuntime(launch, (events = reported)),
    });
    invokers.push(invoker);
    const fn = definition('paused', 1);
    await invoker.invoke(fn, '{}');
    // Warm, so that no init grace hides the timeout: 1.5 s of work in a 1 s timeout, 1.2 s of it "stopped in the debugger".
    const result = await invoker.invoke(fn, '{"sleepMs": 1500}', {
      onDelivered: () => {
        events!.paused();
        setTimeout(() => events!.resumed(), 1200);
      },
    });
    assert.equal(result.functionError, undefined, result.payload);
    assert.ok(result.report.durationMs < 1000, `Duration ${result.report.durationMs} ms leaves the paused time out`);
    const unpaused = await invoker.invoke(fn, '{"sleepMs": 1500}');
    assert.equal(unpaused.errorType, 'Sandbox.Timedout', 'without the pause it times out');
  });
});
