import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { FaultProxy } from '../../support/faultProxy';
import type { Fault, ProxiedRequest } from '../../support/faultProxy';
import { DEMO, seedDemo } from '../../support/seed';
import { useMoto } from '../../support/useMoto';

// The CLI against moto behind FaultProxy (a stand-in for faults moto cannot make): one profile's calls fail in
// one way or another while the other profile's keep working, and the CLI says which, in CLI words, in time.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs the CLI without blocking this process (the proxy answers from it). */
function cli(args: string[], env: Record<string, string>): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started })));
}

const ALPHA_KEY = 'AKIAALPHAEXAMPLE0001';
const BETA_KEY = 'AKIABETAEXAMPLE00002';

describe('cli under faults: timeouts, an answer cut short, throttling, expired credentials', function () {
  this.timeout(120_000);
  const moto = useMoto();
  let dir: string;
  let proxy: FaultProxy;
  let fault: (request: ProxiedRequest) => Fault;

  before(() => {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" first`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-cli-faults-'));
    fs.writeFileSync(
      path.join(dir, 'config'),
      `[profile alpha]\nregion = ${DEMO.region}\naws_access_key_id = ${ALPHA_KEY}\naws_secret_access_key = alpha-secret\n` +
        `[profile beta]\nregion = ${DEMO.region}\naws_access_key_id = ${BETA_KEY}\naws_secret_access_key = beta-secret\n`,
    );
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeEach(async () => {
    await seedDemo(moto.endpoint);
    fault = () => 'pass';
    proxy = await FaultProxy.start(moto.endpoint, (request) => fault(request));
  });
  afterEach(async () => proxy.stop());

  const env = () => ({ AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'none') });
  const both = (...args: string[]) => cli([...args, '--profile', 'alpha', '--profile', 'beta', '--endpoint-url', proxy.endpoint], env());
  const rowsOf = (stdout: string, profile: string) => stdout.split('\n').filter((line) => line.startsWith(`${profile} `));

  it('a listener that never answers: list and run-task fail within the timeouts given, naming the endpoint, in CLI words', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    try {
      const timeouts = ['--connect-timeout', '1', '--request-timeout', '1'];
      for (const args of [
        ['list', 'functions', '--profile', 'alpha'],
        ['run-task', '--cluster', 'demo-cluster', '--service', 'web', '--profile', 'alpha'],
      ]) {
        const run = await cli([...args, '--endpoint-url', endpoint, ...timeouts], env());
        assert.equal(run.code, 1, run.stderr);
        assert.ok(run.ms < 6000, `${args[0]} took ${run.ms.toFixed(0)} ms with a 2 s budget`);
        assert.match(run.stderr, new RegExp(`No answer in time\\. ${endpoint.replace(/[.:/]/g, '\\$&')} did not answer`));
        assert.match(run.stderr, /--request-timeout/);
        assert.doesNotMatch(run.stderr, /serverlessExplorer\.|\n\s+at |WARN/, 'no extension words, stack trace or SDK warning');
      }
    } finally {
      silent.close();
    }
  });

  it('rejects a timeout that is not a positive number of seconds, on every command', async () => {
    for (const args of [['list', 'functions'], ['invoke', 'Fn'], ['start-lambda'], ['run-task', '--cluster', 'c', '--service', 's']]) {
      const run = await cli([...args, '--request-timeout', 'soon'], env());
      assert.equal(run.code, 2, `${args[0]}: ${run.stderr}`);
      assert.match(run.stderr, /--request-timeout needs a positive number of seconds \(not "soon"\)/);
    }
  });

  it('one profile’s answer stops half-way: the other profile is listed in full, the stalled one is reported in time', async () => {
    fault = ({ accessKey }) => (accessKey === ALPHA_KEY ? 'stall-mid-body' : 'pass');
    const run = await both('list', 'functions', '--request-timeout', '2');
    assert.equal(run.code, 1);
    assert.ok(run.ms < 8000, `took ${run.ms.toFixed(0)} ms`);
    assert.equal(rowsOf(run.stdout, 'beta').length, DEMO.functions.length, run.stdout);
    assert.deepEqual(rowsOf(run.stdout, 'alpha'), []);
    assert.match(run.stderr, /^serverless-explorer: alpha us-east-1: No answer in time\./m);
    assert.doesNotMatch(run.stderr, /beta/);
  });

  it('throttling answers for one profile are retried: both are listed in full, exit 0', async () => {
    let throttled = 0;
    fault = ({ accessKey }) => (accessKey === ALPHA_KEY && throttled++ < 2 ? { status: 429, error: 'TooManyRequestsException', message: 'Rate exceeded' } : 'pass');
    const run = await both('list', 'functions');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(throttled, 3, 'two throttled answers, then a pass');
    assert.equal(rowsOf(run.stdout, 'alpha').length, DEMO.functions.length);
    assert.equal(rowsOf(run.stdout, 'beta').length, DEMO.functions.length);
  });

  it('one profile’s credentials expire between two calls: the other profile’s services are listed, the expired one says how to renew', async () => {
    let betaCalls = 0;
    fault = ({ accessKey }) => (accessKey === BETA_KEY && betaCalls++ >= 1 ? { status: 400, error: 'ExpiredTokenException', message: 'The security token included in the request is expired' } : 'pass');
    const run = await both('list', 'services');
    assert.equal(run.code, 1);
    assert.ok(betaCalls >= 2, 'beta listed its clusters, then its credentials expired');
    assert.ok(rowsOf(run.stdout, 'alpha').length >= 1, run.stdout);
    assert.deepEqual(rowsOf(run.stdout, 'beta'), [], 'no half listing for beta');
    assert.match(run.stderr, /^serverless-explorer: beta us-east-1: Credentials expired\. The credentials of profile "beta" have expired\. Renew them/m);
    assert.doesNotMatch(run.stderr, /alpha/);
  });
});
