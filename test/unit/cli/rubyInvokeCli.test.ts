import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

// `serverless-explorer invoke` (dist/cli.js) on our Ruby fixture, a SAM app in the layout of the sam init Ruby starter.
const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const APP = path.join(ROOT, 'test', 'unit', 'core', 'local', 'functions', 'ruby');

function cli(args: string[], input?: string) {
  const env = { ...process.env, AWS_PROFILE: undefined, AWS_REGION: 'us-east-1' };
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: APP, input, encoding: 'utf8', env, timeout: 30_000 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli: invoke a Ruby function of a SAM template', function () {
  this.timeout(40_000);

  it('prints the response on stdout and Lambda\'s log on stderr, with the one-line warning when the runtime\'s Ruby is not installed', () => {
    const { code, stdout, stderr } = cli(['invoke', 'HelloRubyFunction', '--event', '-'], '{"path": "/hello"}');
    assert.equal(code, 0, stderr);
    const response = JSON.parse(stdout) as { statusCode: number; body: string };
    assert.equal(response.statusCode, 200);
    assert.equal((JSON.parse(response.body) as { message: string }).message, 'Hello World!');
    assert.match(stderr, /^START RequestId: \S+ Version: \$LATEST\nhello from ruby, invocation 1\n/m);
    assert.match(stderr, /\nREPORT RequestId: \S+\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 512 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms/);
    const local = spawnSync('ruby', ['-e', 'print RUBY_VERSION'], { encoding: 'utf8' }).stdout;
    if (!local.startsWith('3.3.')) assert.match(stderr, new RegExp(`ruby3\\.3 runs on the local Ruby ${local.replace(/\./g, '\\.')} \\(Ruby 3\\.3 is not installed\\)\\.`));
  });

  it('runs dir:file.Module::Class.method ad hoc, guessing ruby from the .rb file', () => {
    const { code, stdout, stderr } = cli(['invoke', 'hello_world:orders.Shop::Orders.create', '--event', '-'], '{"item": "tea"}');
    assert.equal(code, 0, stderr);
    assert.deepEqual(JSON.parse(stdout), { order: 'tea', by: 'hello_world' });
    assert.match(stderr, /ruby3\.4/);
  });

  it('exits 1 on a function error, with Lambda\'s error payload on stdout', () => {
    const { code, stdout } = cli(['invoke', 'hello_world:app.fail', '--event', '-'], '{"item": "tea"}');
    assert.equal(code, 1);
    const error = JSON.parse(stdout) as { errorMessage: string; errorType: string; stackTrace: string[] };
    assert.deepEqual([error.errorType, error.errorMessage], ['Function<OutOfStock>', 'no tea left']);
    assert.match(error.stackTrace[0]!, /hello_world\/app\.rb:\d+:in .fail'$/);
  });
});
