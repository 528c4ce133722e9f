import * as assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { stopGroup } from '../../support/processGroup';

// `start-api` as a user meets it: a SAM project of the hello-world layout (our own fixture), curl as the client.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const NODE_RUNTIME = `nodejs${process.versions.node.split('.')[0]}.x`;
const run = promisify(execFile);

const TEMPLATE = (helloPath: string) => `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  HelloWorldFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: hello-world/
      Handler: app.lambdaHandler
      Runtime: ${NODE_RUNTIME}
      Events:
        HelloWorld:
          Type: Api
          Properties:
            Path: ${helloPath}
            Method: get
  ItemsFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: items/
      Handler: index.handler
      Runtime: ${NODE_RUNTIME}
      Events:
        Items:
          Type: HttpApi
          Properties:
            Path: /items/{proxy+}
            Method: any
            ApiId: !Ref ItemsApi
  ItemsApi:
    Type: AWS::Serverless::HttpApi
    Properties:
      StageVariables:
        TABLE: items-local
`;

const HELLO = `exports.lambdaHandler = async (event) => {
  if (event.queryStringParameters && event.queryStringParameters.fail) throw new Error('asked to fail');
  if (event.queryStringParameters && event.queryStringParameters.malformed) return { statusCode: 200, body: { not: 'a string' } };
  return {
    statusCode: 200,
    multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] },
    body: JSON.stringify({ message: 'hello world', tags: event.multiValueQueryStringParameters, stage: event.requestContext.stage, path: event.requestContext.path, greeting: process.env.GREETING }),
  };
};
`;
const ITEMS = `exports.handler = async (event) => ({ route: event.routeKey, proxy: event.pathParameters.proxy, cookies: event.cookies, table: event.stageVariables.TABLE, body: event.body, method: event.requestContext.http.method, pid: process.pid });
`;

async function curl(...args: string[]): Promise<{ status: number; headers: string[]; body: string }> {
  const { stdout } = await run('curl', ['-s', '-i', '--max-time', '15', ...args], { encoding: 'utf8' });
  const [head, ...rest] = stdout.split('\r\n\r\n');
  const lines = head.split('\r\n');
  return { status: Number(lines[0].split(' ')[1]), headers: lines.slice(1), body: rest.join('\r\n\r\n') };
}

describe('cli start-api: a local API Gateway for the template, curl as the client', function () {
  this.timeout(60_000);
  let dir: string;
  let child: ChildProcess;
  let stderr = '';
  let url: string;

  const until = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`never printed ${pattern}: ${stderr}`)), 15_000);
      const check = () => pattern.test(stderr) && (clearTimeout(timer), child.stderr!.off('data', check), resolve());
      child.stderr!.on('data', check);
      check();
    });

  before(async () => {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" first`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-start-api-'));
    fs.mkdirSync(path.join(dir, 'hello-world'));
    fs.mkdirSync(path.join(dir, 'items'));
    fs.writeFileSync(path.join(dir, 'template.yaml'), TEMPLATE('/hello'));
    fs.writeFileSync(path.join(dir, 'hello-world', 'app.js'), HELLO);
    fs.writeFileSync(path.join(dir, 'items', 'index.js'), ITEMS);
    child = spawn(process.execPath, [CLI, 'start-api', '--port', '0'], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir() }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await until(/Press Ctrl\+C to stop/);
    url = /Local API on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)![1];
  });
  after(async () => {
    await stopGroup(child?.pid);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("prints one line per route in SAM's form", () => {
    assert.match(stderr, new RegExp(`^Mounted GET ${url}/hello → HelloWorldFunction \\(REST, payload 1\\.0\\)$`, 'm'));
    assert.match(stderr, new RegExp(`^Mounted ANY ${url}/items/\\{proxy\\+\\} → ItemsFunction \\(HTTP API, payload 2\\.0\\)$`, 'm'));
  });

  it('GET /hello: the REST event (stage Prod, repeated query parameters), each Set-Cookie on its own line, and a log line', async () => {
    const answer = await curl(`${url}/hello?tag=a&tag=b`);
    assert.equal(answer.status, 200);
    assert.deepEqual(JSON.parse(answer.body), { message: 'hello world', tags: { tag: ['a', 'b'] }, stage: 'Prod', path: '/Prod/hello' });
    assert.deepEqual(answer.headers.filter((h) => /^set-cookie:/i.test(h)), ['Set-Cookie: a=1', 'Set-Cookie: b=2']);
    await until(/^GET \/hello 200 HelloWorldFunction [\d.]+ ms$/m);
  });

  it('an HTTP API route: payload 2.0 with cookies, the greedy path, the stage variables, and a plain object as a "simple" answer', async () => {
    const answer = await curl('-X', 'POST', '-H', 'Cookie: s=1; t=2', '-H', 'Content-Type: text/plain', '--data', 'hi', `${url}/items/a/b/c`);
    assert.equal(answer.status, 200);
    assert.match(answer.headers.join('\n'), /^Content-Type: application\/json$/m);
    assert.deepEqual(JSON.parse(answer.body), { route: 'ANY /items/{proxy+}', proxy: 'a/b/c', cookies: ['s=1', 't=2'], table: 'items-local', body: 'hi', method: 'POST', pid: JSON.parse(answer.body).pid });
  });

  it('an unknown route is 403 Missing Authentication Token, as API Gateway answers', async () => {
    const answer = await curl(`${url}/nowhere`);
    assert.equal(answer.status, 403);
    assert.deepEqual(JSON.parse(answer.body), { message: 'Missing Authentication Token' });
    const wrongMethod = await curl('-X', 'DELETE', `${url}/hello`);
    assert.equal(wrongMethod.status, 403);
  });

  it('a function error and a malformed response are 502 Internal server error, the reason in the log and not in the body', async () => {
    const failed = await curl(`${url}/hello?fail=1`);
    assert.equal(failed.status, 502);
    assert.deepEqual(JSON.parse(failed.body), { message: 'Internal server error' });
    await until(/^GET \/hello 502 HelloWorldFunction [\d.]+ ms \(the function failed: Error: asked to fail\)$/m);
    const malformed = await curl(`${url}/hello?malformed=1`);
    assert.equal(malformed.status, 502);
    assert.doesNotMatch(malformed.body, /string/);
    await until(/\(malformed response: body must be a string, not object/);
  });

  it('--stage serves every API as that stage, --env-vars sets the functions\' variables, a bad --stage is refused', async () => {
    fs.writeFileSync(path.join(dir, 'vars.json'), JSON.stringify({ HelloWorldFunction: { GREETING: 'hi from vars' } }));
    const flagged = spawn(process.execPath, [CLI, 'start-api', '--port', '0', '--stage', 'dev', '--env-vars', 'vars.json'], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir() }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let text = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`never started: ${text}`)), 15_000);
        flagged.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()) && /Press Ctrl\+C/.test(text) && (clearTimeout(timer), resolve()));
      });
      const flaggedUrl = /Local API on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)![1];
      const answer = JSON.parse((await curl(`${flaggedUrl}/hello`)).body) as { stage: string; path: string; greeting: string };
      assert.deepEqual([answer.stage, answer.path, answer.greeting], ['dev', '/dev/hello', 'hi from vars']);
    } finally {
      await stopGroup(flagged.pid);
    }
    const refused = await run(process.execPath, [CLI, 'start-api', '--stage', 'a/b'], { cwd: dir }).catch((error: { code: number; stderr: string }) => error);
    assert.equal((refused as { code: number }).code, 2);
    assert.match(refused.stderr, /--stage must be a stage name of letters, digits/);
  });

  it('a saved handler is used by the next request; until then the warm runtime is reused', async () => {
    const pidOf = async () => (JSON.parse((await curl(`${url}/items/x`)).body) as { pid: number; edited?: boolean }).pid;
    const warm = await pidOf();
    assert.equal(await pidOf(), warm, 'the second request ran in another runtime: warm environments are not reused');
    fs.writeFileSync(path.join(dir, 'items', 'index.js'), ITEMS.replace('({ route', '({ edited: true, route'));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const answer = JSON.parse((await curl(`${url}/items/x`)).body) as { pid: number; edited?: boolean };
    assert.equal(answer.edited, true, 'the request after the save ran the old code');
    assert.notEqual(answer.pid, warm);
  });

  it('a template change is served on the next request, without a restart', async () => {
    fs.writeFileSync(path.join(dir, 'template.yaml'), TEMPLATE('/greeting'));
    const future = new Date(Date.now() + 2000);
    fs.utimesSync(path.join(dir, 'template.yaml'), future, future);
    assert.equal((await curl(`${url}/greeting`)).status, 200);
    assert.equal((await curl(`${url}/hello`)).status, 403);
    await until(/Reloaded the routes \(2\): \+ GET \/greeting → HelloWorldFunction, - GET \/hello → HelloWorldFunction\./);
  });
});
