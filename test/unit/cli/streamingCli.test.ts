import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';

// `serverless-explorer invoke` (dist/cli.js, as users run it) on the streaming fixture, in the layout of the sam
// init response-streaming starter: the chunks reach stdout as the function writes them.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURE = path.join(ROOT, 'test', 'unit', 'core', 'local', 'functions', 'node-streaming');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Each piece of stdout with when it came, in ms after the start. */
  readonly pieces: { readonly text: string; readonly at: number }[];
  readonly exitedAt: number;
}

function invoke(fn: string, event: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, 'invoke', fn, '--event', '-'], { cwd: FIXTURE, env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir() } });
    const pieces: { text: string; at: number }[] = [];
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => pieces.push({ text, at: performance.now() - started }));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: pieces.map((p) => p.text).join(''), stderr, pieces, exitedAt: performance.now() - started }));
    child.stdin.end(event);
  });
}

function arrivalOf(run: Run, text: string): number {
  let seen = '';
  for (const piece of run.pieces) {
    seen += piece.text;
    if (seen.includes(text)) return piece.at;
  }
  assert.fail(`"${text}" never reached stdout: ${JSON.stringify(run.stdout)}`);
}

describe('cli invoke of a streaming function (dist/cli.js)', function () {
  this.timeout(30_000);

  it('prints each write to stdout as it comes, the function URL prelude and the log to stderr', async () => {
    const run = await invoke('StreamingFunction', '{"name":"terminal","pauseMs":400}');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'first part for terminal\nsecond part\n');
    const gap = arrivalOf(run, 'second part') - arrivalOf(run, 'first part for terminal');
    assert.ok(gap >= 300, `stdout got the second write ${Math.round(gap)} ms after the first: the handler paused 400 ms between them`);
    assert.ok(run.exitedAt - arrivalOf(run, 'first part') >= 300, 'the first write should be printed before the function ends');
    assert.match(run.stderr, /^Function URL response: \{"statusCode":201,"headers":\{"Content-Type":"text\/plain","X-Request-Id":"[0-9a-f-]{36}"\}\}\n/m);
    assert.match(run.stderr, /\nREPORT RequestId: /);
  });

  it('prints what a failing stream wrote, then its error on a line of its own, and exits 1', async () => {
    const run = await invoke('StreamingFailingFunction', '{}');
    assert.equal(run.code, 1);
    const [written, error, end] = run.stdout.split('\n');
    assert.equal(written, 'before the failure');
    assert.deepEqual({ ...JSON.parse(error), trace: undefined }, { errorType: 'RangeError', errorMessage: 'the stream broke after 1 chunk', trace: undefined });
    assert.equal(end, '');
  });

  it('keeps a non-streaming function’s output as it was: its payload and a newline', async () => {
    const run = await invoke('BufferedFunction', '{"x":1}');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '{"buffered":true,"echo":{"x":1}}\n');
  });
});
