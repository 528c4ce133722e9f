import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InvokeCommand, LambdaClient, LogType } from '@aws-sdk/client-lambda';
import { LocalInvokeEndpoint } from '../../../../src/core/local/invokeEndpoint';
import { LocalInvoker } from '../../../../src/core/local/invoker';
import type { LocalInvokeResult } from '../../../../src/core/local/invoker';
import type { LocalFunctionDefinition } from '../../../../src/core/local/types';

// Everything a function writes reaches its own invocation's log, and only that one's: real runtime processes
// (Node, Python, Ruby, a provided.al2023 shell bootstrap) writing more than a pipe holds just before they return.

const RUNTIMES = path.resolve(__dirname, '..', '..', '..', '..', '..', 'dist', 'runtimes');
const KB = 1024;

const SOURCES: Record<string, string> = {
  // Three lines of 100 KB, then a short one, each tagged with the invocation's own number.
  'big.js': `exports.handler = async (event) => {
  for (let i = 0; i < 3; i++) console.log(event.n + ':' + 'x'.repeat(100 * 1024));
  process.stderr.write(event.n + ':stderr ' + 'e'.repeat(100 * 1024) + '\\n');
  console.log(event.n + ':LAST LINE');
  return event.n;
};`,
  // The same on stdout alone: a 4 KB log tail then ends with the last line.
  'tail.js': `exports.handler = async (event) => {
  for (let i = 0; i < 3; i++) console.log(event.n + ':' + 'x'.repeat(100 * 1024));
  console.log(event.n + ':LAST LINE');
  return event.n;
};`,
  'big.py': `import sys
def handler(event, context):
    for i in range(3):
        print("%d:%s" % (event["n"], "x" * 100 * 1024))
    sys.stderr.write("%d:stderr %s\\n" % (event["n"], "e" * 100 * 1024))
    print("%d:LAST LINE" % event["n"])
    return event["n"]
`,
  'big.rb': `def handler(event:, context:)
  3.times { puts "#{event['n']}:#{'x' * 100 * 1024}" }
  $stderr.write("#{event['n']}:stderr #{'e' * 100 * 1024}\\n")
  puts "#{event['n']}:LAST LINE"
  event['n']
end
`,
  // 50 MB in one write, without a newline; then a line.
  'flood.js': `exports.handler = async () => {
  process.stdout.write('z'.repeat(50 * 1024 * 1024));
  console.log('AFTER THE FLOOD');
  return 'ok';
};`,
  // 50 MB as 51,200 lines of 1 KB.
  'lines.js': `exports.handler = async () => {
  for (let i = 0; i < 51200; i++) process.stdout.write(String(i).padStart(6, '0') + '.'.repeat(1017) + '\\n');
  return 'ok';
};`,
  // Characters of two and three bytes, more than a pipe read holds, so that some are cut between reads.
  'utf8.js': `exports.handler = async () => { process.stdout.write('é€'.repeat(50000) + '\\n'); return 'ok'; };`,
  // A timer that prints after the response: on Lambda it runs when the next invocation thaws the environment.
  'late.js': `exports.handler = async (event) => { setTimeout(() => console.log('late line of ' + event.n), 50); console.log('own line of ' + event.n); return event.n; };`,
  'loud-init.js': `console.log('init ' + 'i'.repeat(200 * 1024)); console.log('INIT DONE'); exports.handler = async () => 'ok';`,
  'init-error.js': `console.log('before the throw ' + 'w'.repeat(200 * 1024)); throw new Error('init failed on purpose');`,
};

// A custom runtime speaks the Runtime API itself and writes no end marks: the host waits for a quiet moment.
const PROVIDED_BOOTSTRAP = `#!/bin/sh
set -eu
api="http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime"
while true; do
  headers=$(mktemp)
  curl -sS -D "$headers" -o /dev/null "$api/invocation/next"
  id=$(grep -i '^lambda-runtime-aws-request-id:' "$headers" | tr -d '\\r' | awk '{print $2}')
  head -c 300000 /dev/zero | tr '\\0' 'p'
  echo
  echo "LAST LINE of $id"
  curl -sS -o /dev/null -X POST -d '"ok"' "$api/invocation/$id/response"
done
`;

function definition(name: string, codeDir: string, handler: string, runtime: string, timeoutSeconds = 30): LocalFunctionDefinition {
  return { name, codeDir, handler, runtime, timeoutSeconds, memoryMb: 1024, environment: {}, architecture: 'x86_64' };
}

/** The function's own lines: between START and END. */
function outputOf(result: LocalInvokeResult): string[] {
  const lines = result.log.split('\n');
  return lines.slice(1, lines.findIndex((l) => l.startsWith('END RequestId: ')));
}

/** Node and Ruby lines carry a prefix (time, request id, level) before the message. */
const message = (line: string) => line.split('\t').at(-1)!;

describe('core/local output completeness (real processes)', function () {
  this.timeout(180_000);
  let dir: string;
  let invoker: LocalInvoker;
  let cold: LocalInvoker;

  before(() => {
    assert.ok(fs.existsSync(path.join(RUNTIMES, 'node', 'bootstrap.js')), `run npm run build first: no runtime clients in ${RUNTIMES}`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-output-'));
    for (const [file, source] of Object.entries(SOURCES)) fs.writeFileSync(path.join(dir, file), source);
    fs.mkdirSync(path.join(dir, 'provided'));
    fs.writeFileSync(path.join(dir, 'provided', 'bootstrap'), PROVIDED_BOOTSTRAP, { mode: 0o755 });
    invoker = new LocalInvoker({ runtimesDir: RUNTIMES });
    cold = new LocalInvoker({ runtimesDir: RUNTIMES, alwaysCold: true });
  });

  after(async () => {
    await invoker?.dispose();
    await cold?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const [runtime, handler] of [
    ['nodejs20.x', 'big.handler'],
    ['python3.11', 'big.handler'],
    ['ruby3.3', 'big.handler'],
  ] as const) {
    it(`${runtime}: 3 × 100 KB, 100 KB on stderr, then a last line: all of it, in its own invocation, 30 times (5 cold, 25 warm)`, async () => {
      const fn = definition(`big-${runtime}`, dir, handler, runtime);
      for (let n = 0; n < 30; n++) {
        const result = await (n < 5 ? cold : invoker).invoke(fn, JSON.stringify({ n }));
        assert.equal(result.functionError, undefined, result.payload);
        const lines = outputOf(result).map(message);
        const summary = lines.map((l) => `${l.slice(0, 20)}… (${l.length})`).join('\n');
        // stdout and stderr are two pipes: which of their lines comes first is not given.
        const stdout = lines.filter((l) => !l.startsWith(`${n}:stderr`));
        assert.equal(stdout.at(-1), `${n}:LAST LINE`, `run ${n}: the last line is missing or not last:\n${summary}`);
        assert.deepEqual(
          lines.filter((l) => l.startsWith(`${n}:x`)).map((l) => l.length),
          [1, 2, 3].map(() => `${n}:`.length + 100 * KB),
          `run ${n}: three whole 100 KB lines:\n${summary}`,
        );
        assert.ok(lines.some((l) => l === `${n}:stderr ${'e'.repeat(100 * KB)}`), `run ${n}: the stderr line:\n${summary}`);
        const strangers = lines.filter((l) => /^\d+:/.test(l) && !l.startsWith(`${n}:`));
        assert.deepEqual(strangers.map((l) => l.slice(0, 12)), [], `run ${n}: lines of another invocation`);
      }
    });
  }

  it('a 50 MB write without a newline: the invocation ends, its log keeps 10 MB and says how much it left out', async () => {
    const started = performance.now();
    const result = await cold.invoke(definition('flood', dir, 'flood.handler', 'nodejs20.x'), '{}');
    const seconds = (performance.now() - started) / 1000;
    assert.equal(result.payload, '"ok"');
    assert.ok(seconds < 20, `took ${seconds.toFixed(1)} s`);
    const lines = outputOf(result);
    assert.match(lines[0], /^z{1000}/);
    assert.equal(message(lines.at(-1)!), 'AFTER THE FLOOD');
    const note = lines.find((l) => l.startsWith('[Serverless Explorer: '));
    assert.match(note ?? '', /^\[Serverless Explorer: 40\.\d MB \(\d+ lines\) of output left out here\. This invocation wrote 50\.\d MB; its log keeps the first and the last 5\.0 MB\.\]$/);
    assert.ok(result.log.length < 10.5 * 1024 * KB && result.log.length > 9.5 * 1024 * KB, `log of ${result.log.length} characters`);
    // Lines are cut at 256 KB, as CloudWatch Logs takes events of up to 256 KB.
    assert.ok(lines.every((l) => l.length <= 256 * KB), 'no line over 256 KB');
  });

  it('50 MB as 51,200 lines: the first and the last lines kept, in order, and the next invocation starts clean', async () => {
    const fn = definition('lines', dir, 'lines.handler', 'nodejs20.x');
    const result = await invoker.invoke(fn, '{}');
    const lines = outputOf(result);
    assert.equal(lines[0].slice(0, 6), '000000');
    assert.equal(lines.at(-1)!.slice(0, 6), '051199');
    const numbers = lines.filter((l) => /^\d{6}/.test(l)).map((l) => Number(l.slice(0, 6)));
    assert.ok(numbers.every((value, i) => i === 0 || value === numbers[i - 1] + 1 || value > numbers[i - 1] + 1000), 'in order, with one gap');
    assert.match(lines.find((l) => l.startsWith('[Serverless Explorer: ')) ?? '', /left out here/);
    const again = await invoker.invoke(fn, '{}');
    assert.equal(again.coldStart, false);
    assert.equal(outputOf(again)[0].slice(0, 6), '000000', 'the warm invocation has its own log from its first line');
  });

  it('keeps characters of two and three bytes whole across pipe reads', async () => {
    const result = await cold.invoke(definition('utf8', dir, 'utf8.handler', 'nodejs20.x'), '{}');
    assert.deepEqual(outputOf(result), ['é€'.repeat(50000)]);
  });

  it('a line a timer prints after the response shows in the next invocation, not in its own', async () => {
    const fn = definition('late', dir, 'late.handler', 'nodejs20.x');
    const first = await invoker.invoke(fn, '{"n":1}');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = await invoker.invoke(fn, '{"n":2}');
    assert.deepEqual(outputOf(first).map(message), ['own line of 1']);
    assert.deepEqual(outputOf(second).map(message), ['late line of 1', 'own line of 2']);
  });

  it('a cold start’s init output and an init error’s output are in the first log', async () => {
    const loud = await cold.invoke(definition('loud-init', dir, 'loud-init.handler', 'nodejs20.x'), '{}');
    assert.equal(message(outputOf(loud).at(-1)!), 'INIT DONE');
    const failed = await cold.invoke(definition('init-error', dir, 'init-error.handler', 'nodejs20.x'), '{}');
    assert.equal(failed.functionError, 'Unhandled');
    const lines = outputOf(failed).map(message);
    assert.ok(lines.some((l) => l === `before the throw ${'w'.repeat(200 * KB)}`), lines.map((l) => l.slice(0, 40)).join('\n'));
    assert.ok(lines.some((l) => l.includes('init failed on purpose')), lines.map((l) => l.slice(0, 80)).join('\n'));
  });

  it('provided.al2023 (no end marks): 300 KB then a last line, 10 times', async () => {
    const fn = definition('provided-big', path.join(dir, 'provided'), 'bootstrap', 'provided.al2023');
    for (let n = 0; n < 10; n++) {
      const result = await invoker.invoke(fn, '{}');
      const lines = outputOf(result);
      assert.equal(lines.at(-1), `LAST LINE of ${result.requestId}`, `run ${n}: ${lines.map((l) => l.slice(0, 30)).join('\n')}`);
      assert.equal(lines.filter((l) => l.startsWith('LAST LINE')).length, 1, `run ${n}: one last line only`);
    }
  });

  describe('through the Invoke endpoint (start-lambda), with LogType Tail', () => {
    let endpoint: LocalInvokeEndpoint;
    let lambda: LambdaClient;

    before(async () => {
      const functions = [definition('big', dir, 'tail.handler', 'nodejs20.x')];
      endpoint = await LocalInvokeEndpoint.start({ functions: async () => functions, invoker, port: 0, log: () => undefined });
      lambda = new LambdaClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-secret' }, maxAttempts: 1 });
    });

    after(async () => {
      lambda?.destroy();
      await endpoint?.stop();
    });

    it('8 parallel calls, 3 rounds: each log tail ends with its own last line and holds no other invocation’s', async () => {
      for (let round = 0; round < 3; round++) {
        const ns = Array.from({ length: 8 }, (_, i) => round * 100 + i);
        const answers = await Promise.all(
          ns.map((n) => lambda.send(new InvokeCommand({ FunctionName: 'big', Payload: new TextEncoder().encode(JSON.stringify({ n })), LogType: LogType.Tail }))),
        );
        answers.forEach((answer, i) => {
          const n = ns[i];
          assert.equal(Buffer.from(answer.Payload!).toString(), String(n));
          const tail = Buffer.from(answer.LogResult!, 'base64').toString('utf8').split('\n');
          const end = tail.findIndex((l) => l.startsWith('END RequestId: '));
          assert.equal(message(tail[end - 1]), `${n}:LAST LINE`, `call ${n}: ${tail.map((l) => l.slice(-40)).join('\n')}`);
          const strangers = tail.slice(0, end).map(message).filter((l) => /^\d+:/.test(l) && !l.startsWith(`${n}:`));
          assert.deepEqual(strangers, [], `call ${n}`);
        });
      }
    });
  });
});
