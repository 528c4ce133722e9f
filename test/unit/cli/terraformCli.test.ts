import * as assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { stopGroup } from '../../support/processGroup';

// The CLI on a Terraform project (our fixture test/fixtures/terraform-app, copied): invoke and start-api --template main.tf.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'terraform-app');
const run = promisify(execFile);
const env = () => ({ PATH: process.env.PATH ?? '', HOME: os.tmpdir() });

describe('cli on a Terraform configuration', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-tf-cli-'));
    fs.cpSync(FIXTURE, dir, { recursive: true });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('invokes a function by its resource address, with its variables, locals and layer', async () => {
    fs.writeFileSync(path.join(dir, 'event.json'), '{"pathParameters":{"id":"7"}}');
    const { stdout, stderr } = await run(process.execPath, [CLI, 'invoke', 'aws_lambda_function.orders', '--template', 'main.tf', '--event', 'event.json'], { cwd: dir, env: env(), encoding: 'utf8' });
    assert.match(stderr, /Memory Size: 256 MB/);
    const answer = JSON.parse(stdout) as { statusCode: number; body: string };
    assert.equal(answer.statusCode, 200);
    assert.deepEqual(JSON.parse(answer.body), { order: '7', table: 'orders', stage: 'shop-dev', greeting: 'hi orders from the shared layer' });
  });

  it('invokes a Python function of the terraform-aws-modules Lambda module, with its layer module under python/', async () => {
    fs.writeFileSync(path.join(dir, 'note.json'), '{"text":"the order shipped"}');
    const { stdout, stderr } = await run(process.execPath, [CLI, 'invoke', 'module.notifier', '--template', 'main.tf', '--event', 'note.json'], { cwd: dir, env: env(), encoding: 'utf8' });
    assert.match(stderr, /Memory Size: 512 MB/);
    assert.deepEqual(JSON.parse(stdout), { message: 'Kindly note: the order shipped', channel: 'email-dev' });
  });

  it('invokes a function of a local module with the input its module block passes', async () => {
    const { stdout } = await run(process.execPath, [CLI, 'invoke', 'module.greeter.aws_lambda_function.greeter', '--template', 'main.tf'], { cwd: dir, env: env(), encoding: 'utf8' });
    assert.deepEqual(JSON.parse(stdout), { greeting: 'hello from dev' });
  });

  it('invokes a function by the function_name it has in AWS, here and through start-lambda for an SDK', async () => {
    const { stdout } = await run(process.execPath, [CLI, 'invoke', 'greeter', '--template', 'main.tf'], { cwd: dir, env: env(), encoding: 'utf8' });
    assert.deepEqual(JSON.parse(stdout), { greeting: 'hello from dev' });

    const child = spawn(process.execPath, [CLI, 'start-lambda', '--template', 'main.tf', '--port', '0'], { cwd: dir, env: env(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const deadline = Date.now() + 30_000;
      while (!/Local Lambda Invoke API on (http:\/\/127\.0\.0\.1:\d+)/.test(stderr) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      const endpoint = /Local Lambda Invoke API on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1];
      assert.ok(endpoint, stderr);
      const client = new LambdaClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-secret' }, maxAttempts: 1 });
      try {
        const answer = await client.send(new InvokeCommand({ FunctionName: 'shop-dev-orders', Payload: new TextEncoder().encode('{"pathParameters":{"id":"9"}}') }));
        assert.equal(answer.FunctionError, undefined);
        const body = JSON.parse((JSON.parse(Buffer.from(answer.Payload ?? []).toString('utf8')) as { body: string }).body) as { order: string; stage: string };
        assert.deepEqual([body.order, body.stage], ['9', 'shop-dev']);
      } finally {
        client.destroy();
      }
    } finally {
      await stopGroup(child.pid);
    }
  });

  describe('start-api --template main.tf', () => {
    let child: ChildProcess | undefined;
    let stderr = '';
    let url = '';
    let functionUrl = '';
    before(async () => {
      child = spawn(process.execPath, [CLI, 'start-api', '--template', 'main.tf', '--port', '0'], { cwd: dir, env: env(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const deadline = Date.now() + 30_000;
      while (!/Local API on (http:\/\/127\.0\.0\.1:\d+)/.test(stderr) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      url = /Local API on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1] ?? '';
      functionUrl = /Mounted function URL (http:\/\/127\.0\.0\.1:\d+)\/ → aws_lambda_function\.orders/.exec(stderr)?.[1] ?? '';
      assert.ok(url && functionUrl, stderr);
    });
    after(async () => stopGroup(child?.pid));

    it('serves the aws_apigatewayv2_route through its integration, answering curl', async () => {
      assert.match(stderr, /^Mounted GET http:\/\/127\.0\.0\.1:\d+\/orders\/\{id\} → aws_lambda_function\.orders \(HTTP API, payload 2\.0\)$/m);
      const { stdout } = await run('curl', ['-s', '--max-time', '15', `${url}/orders/42`], { encoding: 'utf8' });
      assert.equal((JSON.parse(stdout) as { order: string }).order, '42');
      const missing = await run('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '--max-time', '15', `${url}/nowhere`], { encoding: 'utf8' });
      assert.equal(missing.stdout, '404');
    });

    it('serves a route whose integration is a terraform-aws-modules/lambda function (module.notifier.lambda_function_invoke_arn)', async () => {
      assert.match(stderr, /^Mounted POST http:\/\/127\.0\.0\.1:\d+\/notify → module\.notifier \(HTTP API, payload 2\.0\)$/m);
      const { stdout } = await run('curl', ['-s', '--max-time', '30', '-X', 'POST', `${url}/notify`], { encoding: 'utf8' });
      assert.deepEqual(JSON.parse(stdout), { message: 'Kindly note: ', channel: 'email-dev' });
    });

    it('serves the aws_lambda_function_url with its CORS', async () => {
      const { stdout } = await run('curl', ['-s', '-i', '--max-time', '15', '-H', 'Origin: https://shop.example', `${functionUrl}/`], { encoding: 'utf8' });
      assert.match(stdout, /^HTTP\/1\.1 200/);
      assert.match(stdout, /^access-control-allow-origin: https:\/\/shop\.example\r?$/im);
      assert.match(stdout, /"table":"orders"/);
    });

    it('warns about what does not run, in the configuration\'s words', () => {
      assert.match(stderr, /aws_lambda_function\.archived: s3_bucket\/s3_key/);
    });
  });
});
