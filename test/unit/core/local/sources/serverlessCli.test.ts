import * as assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { stopGroup } from '../../../../support/processGroup';

// The CLI on our Serverless Framework fixture service: `invoke` and `start-api` with --template serverless.yml, curl as the client.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'serverless-app');
const ENV = { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), PYTHONDONTWRITEBYTECODE: '1' };
const run = promisify(execFile);

async function curl(...args: string[]): Promise<{ status: number; body: string }> {
  const { stdout } = await run('curl', ['-s', '-i', '--max-time', '15', ...args], { encoding: 'utf8' });
  const [head, ...rest] = stdout.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), body: rest.join('\r\n\r\n') };
}

describe('serverless source: the CLI on a serverless.yml', function () {
  this.timeout(60_000);
  before(() => assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" first`));

  it('invoke hello --template serverless.yml runs the function with its resolved environment and its layer', async () => {
    const { stdout, stderr } = await run(process.execPath, [CLI, 'invoke', 'hello', '--template', 'serverless.yml'], { cwd: FIXTURE, env: ENV, encoding: 'utf8' });
    const answer = JSON.parse(stdout.trim()) as { statusCode: number; body: string };
    const body = JSON.parse(answer.body) as { greeting: string; env: Record<string, string> };
    assert.equal(answer.statusCode, 200);
    assert.equal(body.greeting, 'hello from custom (via the shared layer)');
    assert.equal(body.env.TEXT, 'fixture-app-dev');
    assert.equal(body.env.FROM_DOTENV, 'from-dotenv');
    assert.equal(body.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE, '1024');
    assert.equal(body.env.DOTENV_ONLY, undefined);
    assert.match(stderr, /^Warning: serverless\.yml: functions\.hello\.environment\.SECRET: \$\{ssm:\/fixture\/secret\} is read from SSM Parameter Store/m);
  });

  it('invoke hello without --template finds it in the folder and says the same about its placeholder', async () => {
    const { stdout, stderr } = await run(process.execPath, [CLI, 'invoke', 'hello'], { cwd: FIXTURE, env: ENV, encoding: 'utf8' });
    assert.equal((JSON.parse(stdout.trim()) as { statusCode: number }).statusCode, 200);
    assert.match(stderr, /^Warning: serverless\.yml: functions\.hello\.environment\.SECRET: \$\{ssm:\/fixture\/secret\} is read from SSM Parameter Store/m);
  });

  it('invoke hello --source serverless.yml --stage prod reads the service for prod: ${sls:stage}, its params and .env.prod', async () => {
    const { stdout } = await run(process.execPath, [CLI, 'invoke', 'hello', '--source', 'serverless.yml', '--stage', 'prod'], { cwd: FIXTURE, env: ENV, encoding: 'utf8' });
    const { env } = JSON.parse((JSON.parse(stdout.trim()) as { body: string }).body) as { env: Record<string, string> };
    assert.deepEqual([env.STAGE, env.TEXT, env.TABLE, env.FROM_DOTENV], ['prod', 'fixture-app-prod', 'items-prod', 'from-dotenv-prod']);
  });

  it('invoke hello --stage prod without --template reads the folder for prod too', async () => {
    const { stdout } = await run(process.execPath, [CLI, 'invoke', 'hello', '--stage', 'prod'], { cwd: FIXTURE, env: ENV, encoding: 'utf8' });
    const { env } = JSON.parse((JSON.parse(stdout.trim()) as { body: string }).body) as { env: Record<string, string> };
    assert.deepEqual([env.TEXT, env.FROM_DOTENV], ['fixture-app-prod', 'from-dotenv-prod']);
  });

  it('a --stage without a value, or one that is no stage name, is a usage error that says so', async () => {
    const failure = (args: string[]) => run(process.execPath, [CLI, ...args], { cwd: FIXTURE, env: ENV, encoding: 'utf8' }).then(() => assert.fail(`${args.join(' ')} succeeded`), (error: { code: number; stderr: string }) => error);
    const last = await failure(['invoke', 'hello', '--stage']);
    assert.equal(last.code, 2);
    assert.match(last.stderr, /^serverless-explorer: --stage needs a value, as in "--stage prod"/m);
    const beforeFlag = await failure(['start-lambda', '--stage', '--source', 'serverless.yml']);
    assert.equal(beforeFlag.code, 2);
    assert.match(beforeFlag.stderr, /--stage needs a value/);
    const bad = await failure(['invoke', 'hello', '--stage', 'prod/eu']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--stage must be a stage name of letters, digits, "-", "_" \(or "\$default"\), not "prod\/eu"/);
    const both = await failure(['invoke', 'hello', '--source', 'serverless.yml', '--template', 'other.yml']);
    assert.match(both.stderr, /--source is another name for --template: give one file/);
  });

  /** The CLI started in the fixture, once it printed `ready`: its match's first group. */
  async function started(args: string[], ready: RegExp, cwd = FIXTURE): Promise<{ child: ChildProcess; url: string }> {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: ENV, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`never started: ${stderr}`)), 20_000);
      child.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = ready.exec(stderr);
        if (!match) return;
        clearTimeout(timer);
        resolve(match[1]);
      });
    }).catch(async (error: unknown) => {
      await stopGroup(child.pid);
      throw error;
    });
    return { child, url };
  }

  it('start-lambda --stage prod serves the functions as read for prod', async () => {
    const { child, url } = await started(['start-lambda', '--source', 'serverless.yml', '--stage', 'prod', '--port', '0'], /Local Lambda Invoke API on (http:\/\/127\.0\.0\.1:\d+)/);
    try {
      const answer = await fetch(`${url}/2015-03-31/functions/hello/invocations`, { method: 'POST', body: '{}' });
      assert.equal(answer.status, 200);
      const { env } = JSON.parse(((await answer.json()) as { body: string }).body) as { env: Record<string, string> };
      assert.deepEqual([env.TEXT, env.FROM_DOTENV], ['fixture-app-prod', 'from-dotenv-prod']);
      // By the name the Framework deploys it as, as code calling Lambda names it (serverless-offline answers it too).
      const deployed = await fetch(`${url}/2015-03-31/functions/fixture-app-prod-hello/invocations`, { method: 'POST', body: '{}' });
      assert.equal(deployed.status, 200);
      assert.equal((JSON.parse(((await deployed.json()) as { body: string }).body) as { env: Record<string, string> }).env.TEXT, 'fixture-app-prod');
    } finally {
      await stopGroup(child.pid);
    }
  });

  it('start-api --stage prod serves the REST API on prod and leaves the HTTP API on $default, as the framework deploys them', async () => {
    const { child, url } = await started(['start-api', '--source', 'serverless.yml', '--stage', 'prod', '--port', '0'], /Local API on (http:\/\/127\.0\.0\.1:\d+)\. Press Ctrl\+C to stop/);
    try {
      const rest = JSON.parse((await curl(`${url}/hello`)).body) as { stage: string; env: Record<string, string> };
      assert.deepEqual([rest.stage, rest.env.TEXT], ['prod', 'fixture-app-prod']);
      const http = JSON.parse((await curl(`${url}/hi`)).body) as { stage: string };
      assert.equal(http.stage, '$default');
    } finally {
      await stopGroup(child.pid);
    }
  });

  it("start-api answers a path's preflight only where an http event on it has cors, with that path's methods", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-sls-cors-'));
    fs.writeFileSync(path.join(dir, 'handler.js'), 'exports.h = async () => ({ statusCode: 200, body: "ran" });\n');
    fs.writeFileSync(
      path.join(dir, 'serverless.yml'),
      'service: cors\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n  open:\n    handler: handler.h\n    events:\n      - http: { path: open, method: get, cors: true }\n      - http: { path: open, method: put, cors: true }\n      - http: { path: open, method: delete }\n  closed:\n    handler: handler.h\n    events:\n      - http: { path: closed, method: post }\n',
    );
    const { child, url } = await started(['start-api', '--port', '0'], /Local API on (http:\/\/127\.0\.0\.1:\d+)\. Press Ctrl\+C to stop/, dir);
    try {
      const preflight = async (where: string) => (await run('curl', ['-s', '-i', '--max-time', '15', '-X', 'OPTIONS', '-H', 'Origin: https://app.example', '-H', 'Access-Control-Request-Method: PUT', `${url}${where}`], { encoding: 'utf8' })).stdout;
      const open = await preflight('/open');
      assert.match(open, /^HTTP\/1\.1 200/);
      assert.match(open, /^access-control-allow-methods: GET,OPTIONS,PUT\r?$/im);
      const closed = await preflight('/closed');
      assert.match(closed, /^HTTP\/1\.1 403/, 'no OPTIONS method on a path without cors: API Gateway says Missing Authentication Token');
      assert.doesNotMatch(closed, /^access-control-allow-origin:/im);
    } finally {
      await stopGroup(child.pid);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('start-api without --template finds serverless.yml in the folder', async () => {
    const child = spawn(process.execPath, [CLI, 'start-api', '--port', '0'], { cwd: FIXTURE, env: ENV, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`never started: ${stderr}`)), 20_000);
        child.stderr!.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (!/Press Ctrl\+C to stop/.test(stderr)) return;
          clearTimeout(timer);
          resolve();
        });
      });
      assert.match(stderr, /^Mounted GET http:\/\/127\.0\.0\.1:\d+\/hello → hello \(REST, payload 1\.0\)$/m);
    } finally {
      await stopGroup(child.pid);
    }
  });

  describe('start-api --template serverless.yml', () => {
    let child: ChildProcess;
    let stderr = '';
    let url: string;
    before(async () => {
      child = spawn(process.execPath, [CLI, 'start-api', '--template', 'serverless.yml', '--port', '0'], { cwd: FIXTURE, env: ENV, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`never started: ${stderr}`)), 20_000);
        const check = () => /Press Ctrl\+C to stop/.test(stderr) && (clearTimeout(timer), resolve());
        child.stderr!.on('data', check);
        check();
      });
      url = /Local API on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)![1];
    });
    after(() => stopGroup(child?.pid));

    it('mounts each http and httpApi event', () => {
      assert.match(stderr, new RegExp(`^Mounted GET ${url}/hello → hello \\(REST, payload 1\\.0\\)$`, 'm'));
      assert.match(stderr, new RegExp(`^Mounted GET ${url}/hi → hello \\(HTTP API, payload 2\\.0\\)$`, 'm'));
    });

    it('GET /hello answers from the function, the REST event on the service stage (dev), the path without a stage prefix', async () => {
      const answer = await curl(`${url}/hello`);
      assert.equal(answer.status, 200);
      const body = JSON.parse(answer.body) as { greeting: string; stage: string };
      assert.deepEqual([body.greeting, body.stage], ['hello from custom (via the shared layer)', 'dev']);
    });

    it('an http route with a function authorizer: 401 without a token, the function with one the authorizer allows', async () => {
      assert.equal((await curl(`${url}/private/7`)).status, 401);
      assert.equal((await curl('-H', 'Authorization: deny', `${url}/private/7`)).status, 403);
      assert.equal((await curl('-H', 'Authorization: allow', `${url}/private/7`)).status, 200);
    });

    it("httpApi '*' sends what no other route serves to the Python function", async () => {
      const answer = await curl(`${url}/anything/else`);
      assert.equal(answer.status, 200);
      assert.deepEqual(JSON.parse(answer.body), { language: 'python', route: '$default' });
    });
  });
});
