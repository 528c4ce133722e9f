import * as assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RuntimeApiServer } from '../../../../src/core/local/runtimeApi';
import type { RuntimeInvocation, RuntimeOutcome } from '../../../../src/core/local/runtimeApi';
import { newRuntimeToken, RUNTIME_TOKEN_HEADER } from '../../../../src/core/local/runtimeApiAccess';
import { LocalInvoker } from '../../../../src/core/local/invoker';
import type { LocalFunctionDefinition } from '../../../../src/core/local/types';

// Who a local environment's Runtime API answers. The attacker is a real process of another user (nobody, through
// setpriv) using curl, as a process polling /proc/net/tcp for new 127.0.0.1 ports would.

const ROOT = path.resolve(__dirname, '../../../../..');
const RUNTIMES = path.join(ROOT, 'dist', 'runtimes');
const NEXT = '/2018-06-01/runtime/invocation/next';
const NOBODY = 65534;

interface CurlReply {
  readonly status: number;
  readonly body: string;
}

/** curl as another user, when we may switch users (root) and setpriv is there; else undefined. */
function curlAsNobody(url: string, method = 'GET', body?: string): Promise<CurlReply> {
  const args = ['--reuid', String(NOBODY), '--regid', String(NOBODY), '--clear-groups', 'curl', '-s', '-m', '3', '-X', method, '-w', '\n%{http_code}', ...(body ? ['-d', body] : []), url];
  return new Promise((resolve) => {
    execFile('setpriv', args, (_error, stdout) => {
      const lines = stdout.split('\n');
      resolve({ status: Number(lines.pop()), body: lines.join('\n') });
    });
  });
}

const canSwitchUser = () => process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0 && spawnSync('curl', ['--version']).status === 0;

function invocation(requestId: string): RuntimeInvocation {
  return { requestId, payload: '{"password":"hunter2"}', timeoutMs: 3000, invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f', traceId: 'Root=1-0-0' };
}

async function next(address: string, headers: Record<string, string>): Promise<{ status: number; id: string | null; body: string }> {
  const res = await fetch(`http://${address}${NEXT}`, { headers });
  return { status: res.status, id: res.headers.get('lambda-runtime-aws-request-id'), body: await res.text() };
}

describe('Runtime API access: only the runtime it started', function () {
  this.timeout(20_000);
  let api: RuntimeApiServer;
  let token: string;
  const outcomes: [string, RuntimeOutcome][] = [];

  beforeEach(async () => {
    token = newRuntimeToken();
    api = await RuntimeApiServer.start(token);
    outcomes.length = 0;
    api.on({ onOutcome: (id, outcome) => outcomes.push([id, outcome]) });
  });
  afterEach(() => api.stop());

  it('refuses a process of another user: it neither takes the event nor answers for the runtime', async function () {
    if (!canSwitchUser()) this.skip(); // needs root (to run as nobody), setpriv and curl
    api.enqueue(invocation('req-1'));
    // The attacker comes first, before the runtime asked: the race that used to win on every cold start.
    const stolen = await curlAsNobody(`http://${api.address}${NEXT}`);
    assert.equal(stolen.status, 403);
    assert.ok(!stolen.body.includes('hunter2'), 'the attacker read the event');
    const forged = await curlAsNobody(`http://${api.address}/2018-06-01/runtime/invocation/req-1/response`, 'POST', '"forged"');
    assert.equal(forged.status, 403);
    // The runtime still gets the invocation, and only its own answer counts.
    const taken = await next(api.address, { [RUNTIME_TOKEN_HEADER]: token });
    assert.equal(taken.id, 'req-1');
    assert.match(taken.body, /hunter2/);
    const answered = await fetch(`http://${api.address}/2018-06-01/runtime/invocation/req-1/response`, { method: 'POST', body: '"real"', headers: { [RUNTIME_TOKEN_HEADER]: token } });
    assert.equal(answered.status, 202);
    assert.deepEqual(outcomes.map(([id, o]) => [id, o.kind, 'body' in o ? o.body : '']), [['req-1', 'response', '"real"']]);
  });

  it('refuses a wrong token even from our own user, and a stray next leaves the waiting runtime alone', async () => {
    const waiting = next(api.address, { [RUNTIME_TOKEN_HEADER]: token });
    await new Promise((r) => setTimeout(r, 100));
    const wrong = await next(api.address, { [RUNTIME_TOKEN_HEADER]: 'not-the-token' });
    assert.equal(wrong.status, 403);
    api.enqueue(invocation('req-2'));
    const taken = await waiting;
    assert.equal(taken.status, 200, 'the runtime’s own next was ended by the stray one');
    assert.equal(taken.id, 'req-2');
  });

  it('answers a same-user runtime without a token (official runtime interface clients, provided bootstraps)', async () => {
    api.enqueue(invocation('req-3'));
    const taken = await next(api.address, {});
    assert.equal(taken.status, 200);
    assert.equal(taken.id, 'req-3');
  });
});

describe('the runtime token never reaches the handler', function () {
  this.timeout(30_000);
  let dir: string;
  const invoker = new LocalInvoker({ runtimesDir: RUNTIMES });

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-token-'));
    fs.writeFileSync(path.join(dir, 'app.js'), "exports.handler = async () => ({ env: Object.keys(process.env), cmdline: require('node:fs').readFileSync('/proc/self/cmdline', 'utf8') });\n");
    fs.writeFileSync(path.join(dir, 'app.py'), "import os\ndef handler(event, context):\n    return {'env': list(os.environ), 'cmdline': open('/proc/self/cmdline').read()}\n");
  });
  after(async () => {
    await invoker.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const definition = (runtime: string): LocalFunctionDefinition => ({ name: `token-${runtime}`, codeDir: dir, handler: 'app.handler', runtime, timeoutSeconds: 10, memoryMb: 128, environment: {}, architecture: 'x86_64' });

  for (const runtime of ['nodejs20.x', 'python3.11']) {
    it(`${runtime}: not in the handler's environment nor on its command line`, async () => {
      const result = await invoker.invoke(definition(runtime), '{}');
      assert.equal(result.functionError, undefined, result.payload + result.log);
      const { env, cmdline } = JSON.parse(result.payload) as { env: string[]; cmdline: string };
      assert.ok(env.includes('AWS_LAMBDA_RUNTIME_API'), 'the runtime variables are there');
      assert.ok(!env.includes('SERVERLESS_EXPLORER_RUNTIME_TOKEN'), 'the token is in the handler’s environment');
      assert.ok(!/[A-Za-z0-9_-]{43}/.test(cmdline), `a token-like value is on the command line: ${cmdline}`);
    });
  }
});
