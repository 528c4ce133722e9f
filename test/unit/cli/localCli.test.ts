import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { execFileResult } from '../../support/execFileResult';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
/** The local Node's own runtime, so that no version warning joins the logs. */
const NODE_RUNTIME = `nodejs${process.versions.node.split('.')[0]}.x`;

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  HelloFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: hello/
      Handler: app.handler
      Runtime: ${NODE_RUNTIME}
      Environment:
        Variables:
          GREETING: from-template
          TABLE: from-template
  SlowFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: hello/
      Handler: slow.handler
      Runtime: ${NODE_RUNTIME}
  PyFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: py/
      Handler: app.lambda_handler
      Runtime: python3.12
`;

const FILES: Record<string, string> = {
  'template.yaml': TEMPLATE,
  'hello/app.js': `exports.handler = async (event) => {
  console.log('hello from the handler');
  if (event.fail) throw new TypeError('asked to fail: ' + event.fail);
  return { greeting: process.env.GREETING ?? null, table: process.env.TABLE ?? null, undeclared: process.env.UNDECLARED ?? null, event };
};
`,
  'hello/slow.js': `exports.handler = async (event) => { await new Promise((r) => setTimeout(r, event.ms ?? 5000)); return 'late'; };\n`,
  'py/app.py': `import sys

def lambda_handler(event, context):
    print("python says hi")
    return {"python": sys.version_info[0], "event": event}
`,
  'events/a.json': '{ "a": 1 }\n',
  'events/bad.json': '{\n  "a": 1,\n  oops\n}\n',
  'vars.json': JSON.stringify({ Parameters: { TABLE: 'from-parameters', UNDECLARED: 'not-in-template' }, HelloFunction: { GREETING: 'from-env-vars' } }),
};

/** The environment the CLI runs with: no AWS settings of this machine. */
const cliEnv = () => ({ PATH: process.env.PATH ?? '', HOME: os.tmpdir() });

function cli(args: string[], options: { cwd: string; input?: string }) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, input: options.input, encoding: 'utf8', env: cliEnv(), timeout: 15_000 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The one RequestId of START, END and REPORT, in that order, on stderr. */
function assertLambdaLog(stderr: string): string {
  const start = /^START RequestId: (\S+) Version: \$LATEST$/m.exec(stderr);
  assert.ok(start, `no START line in ${stderr}`);
  const id = start[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  assert.match(stderr, new RegExp(`START RequestId: ${id}[\\s\\S]*\\nEND RequestId: ${id}\\nREPORT RequestId: ${id}\\tDuration: [\\d.]+ ms`));
  return start[1];
}

const run = (command: string, args: string[], env: NodeJS.ProcessEnv) => execFileResult(command, args, env, 30_000);

describe('local cli invoke and start-lambda', function () {
  this.timeout(20_000);
  let dir: string;
  /** The project: the template and the functions' code. */
  let project: string;
  /** A directory with no template. */
  let elsewhere: string;

  before(() => {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" first`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-local-cli-'));
    project = path.join(dir, 'project');
    elsewhere = path.join(dir, 'elsewhere');
    fs.mkdirSync(elsewhere, { recursive: true });
    for (const [file, content] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
      fs.writeFileSync(path.join(project, file), content);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('invoke', () => {
    it('runs a template function with --event file.json: the response alone on stdout, START/END/REPORT on stderr', () => {
      const { code, stdout, stderr } = cli(['invoke', 'HelloFunction', '--event', 'events/a.json'], { cwd: project });
      assert.equal(code, 0, stderr);
      assert.deepEqual(JSON.parse(stdout), { greeting: 'from-template', table: 'from-template', undeclared: null, event: { a: 1 } });
      assertLambdaLog(stderr);
      assert.match(stderr, /\tINFO\thello from the handler\n/);
      assert.doesNotMatch(stdout, /START|END|REPORT|hello from the handler/);
    });

    it('reads the event from stdin with --event -', () => {
      const { code, stdout, stderr } = cli(['invoke', 'HelloFunction', '--event', '-'], { cwd: project, input: '{"from": "stdin", "list": [1, 2]}' });
      assert.equal(code, 0, stderr);
      assert.deepEqual(JSON.parse(stdout).event, { from: 'stdin', list: [1, 2] });
    });

    it('sends {} when no event is given', () => {
      const { code, stdout, stderr } = cli(['invoke', 'HelloFunction'], { cwd: project });
      assert.equal(code, 0, stderr);
      assert.deepEqual(JSON.parse(stdout).event, {});
    });

    it('finds the function in the template given with --template, from another directory', () => {
      const { code, stdout, stderr } = cli(['invoke', 'HelloFunction', '--template', '../project/template.yaml', '--event', '../project/events/a.json'], { cwd: elsewhere });
      assert.equal(code, 0, stderr);
      assert.deepEqual(JSON.parse(stdout), { greeting: 'from-template', table: 'from-template', undeclared: null, event: { a: 1 } });
      assertLambdaLog(stderr);
    });

    it('says there is no template, with exit code 2, where there is none and no --template', () => {
      const { code, stdout, stderr } = cli(['invoke', 'HelloFunction'], { cwd: elsewhere });
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, /no function "HelloFunction": no template with functions found here \(give --template, or path\/to\/dir:handler\)/);
    });

    it('runs the Python function of the template', () => {
      const { code, stdout, stderr } = cli(['invoke', 'PyFunction', '--event', 'events/a.json'], { cwd: project });
      assert.equal(code, 0, stderr);
      assert.deepEqual(JSON.parse(stdout), { python: 3, event: { a: 1 } });
      assertLambdaLog(stderr);
      assert.match(stderr, /\npython says hi\n/);
    });

    it('runs dir:handler ad hoc, without a template', () => {
      const { code, stdout, stderr } = cli(['invoke', '../project/hello:app.handler', '--event', '-'], { cwd: elsewhere, input: '{"n": 7}' });
      assert.equal(code, 0, stderr);
      assert.deepEqual(JSON.parse(stdout), { greeting: null, table: null, undeclared: null, event: { n: 7 } });
      assertLambdaLog(stderr);
    });

    it('exits 1 on a function error, with the error payload on stdout', () => {
      const { code, stdout, stderr } = cli(['invoke', 'HelloFunction', '--event', '-'], { cwd: project, input: '{"fail": "on purpose"}' });
      assert.equal(code, 1);
      const payload = JSON.parse(stdout) as { errorType: string; errorMessage: string; trace: string[] };
      assert.equal(payload.errorType, 'TypeError');
      assert.equal(payload.errorMessage, 'asked to fail: on purpose');
      assert.ok(Array.isArray(payload.trace));
      assertLambdaLog(stderr);
      assert.match(stderr, /\tERROR\tInvoke Error \t\{"errorType":"TypeError"/);
    });

    it('--env-vars gives Parameters to every function and the logical id\'s entry to that function', () => {
      const { code, stdout, stderr } = cli(['invoke', 'HelloFunction', '--env-vars', 'vars.json'], { cwd: project });
      assert.equal(code, 0, stderr);
      const payload = JSON.parse(stdout) as { greeting: string; table: string };
      assert.equal(payload.greeting, 'from-env-vars');
      assert.equal(payload.table, 'from-parameters');
    });

    // As SAM: --env-vars replaces only the variables a function declares (all of them for a function declaring none).
    it('--env-vars does not add a variable the function does not declare, as SAM does', () => {
      const { code, stdout, stderr } = cli(['invoke', 'HelloFunction', '--env-vars', 'vars.json'], { cwd: project });
      assert.equal(code, 0, stderr);
      assert.equal((JSON.parse(stdout) as { undeclared: string | null }).undeclared, null);
    });

    it('--timeout 1 stops a slow handler: exit 1 and "Task timed out after 1.00 seconds"', () => {
      const started = Date.now();
      const { code, stdout, stderr } = cli(['invoke', 'SlowFunction', '--timeout', '1'], { cwd: project });
      assert.equal(code, 1);
      assert.ok(Date.now() - started < 4500, 'it did not wait for the 5 s handler');
      const payload = JSON.parse(stdout) as { errorType: string; errorMessage: string };
      assert.equal(payload.errorType, 'Sandbox.Timedout');
      assert.match(payload.errorMessage, /Task timed out after 1\.00 seconds$/);
      assertLambdaLog(stderr);
      assert.match(stderr, /Task timed out after 1\.00 seconds\n/);
      assert.match(stderr, /REPORT RequestId: \S+\tDuration: 1000\.00 ms/);
    });

    it('exits 2 for an unknown logical id, listing the functions of the template', () => {
      const { code, stdout, stderr } = cli(['invoke', 'NoSuchFunction'], { cwd: project });
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, /no function "NoSuchFunction" in the template\. Functions: HelloFunction, SlowFunction, PyFunction\./);
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    });

    it('exits 2 for an event that is not JSON, naming its line and column', () => {
      const { code, stdout, stderr } = cli(['invoke', 'HelloFunction', '--event', 'events/bad.json'], { cwd: project });
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, /The event is not valid JSON \(line 3, column 3\)/);
      assert.doesNotMatch(stderr, /START RequestId/, 'nothing ran');
    });

    it('exits 2 for an invalid event on stdin too', () => {
      const { code, stderr } = cli(['invoke', 'HelloFunction', '--event', '-'], { cwd: project, input: '{"a": 1,}' });
      assert.equal(code, 2);
      assert.match(stderr, /not valid JSON \(line 1, column \d+\)/);
    });

    it('exits 2 for an event file that does not exist', () => {
      const { code, stdout, stderr } = cli(['invoke', 'HelloFunction', '--event', 'events/missing.json'], { cwd: project });
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, /could not read the event file events\/missing\.json: no such file/);
      assert.doesNotMatch(stderr, /START RequestId/, 'nothing ran');
    });
  });

  describe('start-lambda', () => {
    let server: ChildProcess | undefined;
    let url: string;
    let stderr = '';
    let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

    before(async () => {
      const child = spawn(process.execPath, [CLI, 'start-lambda', '--port', '0'], { cwd: project, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
      server = child;
      exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
      child.stderr.setEncoding('utf8');
      url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL on stderr within 10 s: ${stderr}`)), 10_000);
        child.stderr.on('data', (chunk: string) => {
          stderr += chunk;
          const found = /Local Lambda Invoke API on (http:\/\/127\.0\.0\.1:\d+) /.exec(stderr);
          if (found) {
            clearTimeout(timer);
            resolve(found[1]);
          }
        });
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`start-lambda exited with ${code}: ${stderr}`));
        });
      });
    });

    /** Resolves once stderr matches: start-lambda logs an invocation just after it answers. */
    async function logged(pattern: RegExp): Promise<void> {
      for (const started = Date.now(); !pattern.test(stderr); await new Promise((r) => setTimeout(r, 20))) {
        if (Date.now() - started > 5000) assert.fail(`no line matching ${pattern} in ${stderr}`);
      }
    }

    after(() => {
      if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    });

    it('says how to call it, naming the functions', () => {
      assert.match(stderr, /Local Lambda Invoke API on http:\/\/127\.0\.0\.1:\d+ for HelloFunction, SlowFunction, PyFunction\./);
      assert.ok(stderr.includes(`Try: aws lambda invoke --endpoint-url ${url} --function-name HelloFunction out.json`));
    });

    it('serves Invoke to an AWS SDK LambdaClient: a response, a function error and the Python function', async () => {
      const lambda = new LambdaClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-secret' }, maxAttempts: 1 });
      try {
        const ok = await lambda.send(new InvokeCommand({ FunctionName: 'HelloFunction', Payload: new TextEncoder().encode('{"via":"sdk"}') }));
        assert.equal(ok.StatusCode, 200);
        assert.equal(ok.FunctionError, undefined);
        assert.deepEqual(JSON.parse(Buffer.from(ok.Payload ?? []).toString('utf8')), { greeting: 'from-template', table: 'from-template', undeclared: null, event: { via: 'sdk' } });

        const failed = await lambda.send(new InvokeCommand({ FunctionName: 'HelloFunction', Payload: new TextEncoder().encode('{"fail":"sdk"}') }));
        assert.equal(failed.StatusCode, 200);
        assert.equal(failed.FunctionError, 'Unhandled');
        assert.equal((JSON.parse(Buffer.from(failed.Payload ?? []).toString('utf8')) as { errorMessage: string }).errorMessage, 'asked to fail: sdk');

        const python = await lambda.send(new InvokeCommand({ FunctionName: 'PyFunction', Payload: new TextEncoder().encode('{"x":1}') }));
        assert.equal(python.StatusCode, 200);
        assert.deepEqual(JSON.parse(Buffer.from(python.Payload ?? []).toString('utf8')), { python: 3, event: { x: 1 } });
      } finally {
        lambda.destroy();
      }
      await logged(/HelloFunction RequestResponse 200 \d+ ms\n/);
      await logged(/HelloFunction RequestResponse 200 \d+ ms \(Unhandled: TypeError\)\n/);
      await logged(/PyFunction RequestResponse 200 \d+ ms\n/);
    });

    it('serves Invoke to the AWS CLI (aws lambda invoke --endpoint-url)', async function () {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        AWS_ACCESS_KEY_ID: 'AKIDLOCALTEST',
        AWS_SECRET_ACCESS_KEY: 'local-secret',
        AWS_REGION: 'us-east-1',
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_CONFIG_FILE: path.join(dir, 'no-config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'no-credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_PAGER: '',
      };
      delete env.AWS_PROFILE;
      delete env.AWS_SESSION_TOKEN;
      const probe = await run('aws', ['--version'], env).catch((error: NodeJS.ErrnoException) => error);
      if (probe instanceof Error) {
        if (probe.code === 'ENOENT') this.skip();
        throw probe;
      }
      // AWS CLI v2 reads --payload as base64 unless told otherwise; v1 takes it as it is.
      const binaryFormat = /aws-cli\/1\./.test(probe.stdout + probe.stderr) ? [] : ['--cli-binary-format', 'raw-in-base64-out'];
      const outFile = path.join(dir, 'out.json');
      const { code, stdout, stderr: cliErr } = await run(
        'aws',
        ['lambda', 'invoke', '--endpoint-url', url, '--function-name', 'HelloFunction', '--payload', '{"via":"aws-cli"}', ...binaryFormat, outFile],
        env,
      );
      assert.equal(code, 0, cliErr);
      const printed = JSON.parse(stdout) as { StatusCode: number; ExecutedVersion: string; FunctionError?: string };
      assert.equal(printed.StatusCode, 200);
      assert.equal(printed.ExecutedVersion, '$LATEST');
      assert.equal(printed.FunctionError, undefined);
      assert.deepEqual(JSON.parse(fs.readFileSync(outFile, 'utf8')).event, { via: 'aws-cli' });
    });

    it('stops on SIGINT (Ctrl+C) with exit code 0', async () => {
      assert.ok(server);
      server.kill('SIGINT');
      const { code, signal } = await exited;
      assert.deepEqual({ code, signal }, { code: 0, signal: null });
    });
  });

  describe('start-lambda options', () => {
    it('exits 1 with a clear message for a port in use', async () => {
      const blocker = net.createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const port = (blocker.address() as net.AddressInfo).port;
      try {
        const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
          // Not spawnSync: the port is held by this process, which must stay responsive.
          const child = spawn(process.execPath, [CLI, 'start-lambda', '--port', String(port)], { cwd: project, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
          let out = '';
          let err = '';
          child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
          child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new Error(`start-lambda on a port in use did not exit: ${err}`));
          }, 10_000);
          child.once('close', (exitCode) => {
            clearTimeout(timer);
            resolve({ code: exitCode, stdout: out, stderr: err });
          });
        });
        assert.equal(code, 1);
        assert.equal(stdout, '');
        assert.match(stderr, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use; choose another with --port`));
        assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
      } finally {
        await new Promise((resolve) => blocker.close(resolve));
      }
    });

    it('exits 2 for --port abc', () => {
      const { code, stderr } = cli(['start-lambda', '--port', 'abc'], { cwd: project });
      assert.equal(code, 2);
      assert.match(stderr, /--port must be a port number \(0–65535\), not "abc"/);
    });
  });
});
