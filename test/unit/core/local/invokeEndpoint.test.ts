import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { InvokeCommandInput, InvokeCommandOutput } from '@aws-sdk/client-lambda';
import { LocalInvokeEndpoint, logTail } from '../../../../src/core/local/invokeEndpoint';
import { LocalInvoker } from '../../../../src/core/local/invoker';
import type { LocalFunctionDefinition } from '../../../../src/core/local/types';
import { execFileResult } from '../../../support/execFileResult';

const RUNTIMES_DIR = path.resolve(__dirname, '..', '..', '..', '..', '..', 'dist', 'runtimes');

const HANDLERS: Record<string, string> = {
  'echo.js': `exports.handler = async (event) => { console.log('echoing', JSON.stringify(event)); return event; };`,
  'boom.js': `exports.handler = async () => { throw new TypeError('boom: no such thing'); };`,
  'chatty.js': `exports.handler = async () => { for (let i = 0; i < 200; i++) console.log('line ' + i + ' ' + 'x'.repeat(60)); return 'done'; };`,
  'ctx.js': `exports.handler = async (event, context) => ({ clientContext: context.clientContext ?? null, arn: context.invokedFunctionArn });`,
};

function definition(name: string, codeDir: string, handler: string, runtime = 'nodejs20.x'): LocalFunctionDefinition {
  return { name, codeDir, handler, runtime, timeoutSeconds: 10, memoryMb: 128, environment: {}, architecture: 'x86_64' };
}

const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');
const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** The error an SDK call rejects with (fails the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<Error & { $metadata: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { $metadata: { httpStatusCode?: number } };
  }
  assert.fail('expected the call to fail');
}

const run = (command: string, args: string[], env: NodeJS.ProcessEnv) => execFileResult(command, args, env, 60_000);

describe('core/local invoke endpoint', function () {
  this.timeout(60_000);
  let dir: string;
  let invoker: LocalInvoker;
  let endpoint: LocalInvokeEndpoint;
  let lambda: LambdaClient;
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];

  /** Resolves with the first log line (seen or still to come) that matches. */
  function logLine(pattern: RegExp): Promise<string> {
    const seen = lines.find((line) => pattern.test(line));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => waiters.push({ pattern, resolve }));
  }

  const invoke = (input: InvokeCommandInput): Promise<InvokeCommandOutput> => lambda.send(new InvokeCommand(input));

  before(async () => {
    assert.ok(fs.existsSync(path.join(RUNTIMES_DIR, 'node', 'bootstrap.js')), `run npm run build first: no runtime clients in ${RUNTIMES_DIR}`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'invoke-endpoint-'));
    for (const [file, source] of Object.entries(HANDLERS)) fs.writeFileSync(path.join(dir, file), source);
    const functions = [
      definition('echo', dir, 'echo.handler'),
      definition('boom', dir, 'boom.handler'),
      definition('chatty', dir, 'chatty.handler'),
      definition('ctx', dir, 'ctx.handler'),
      definition('broken', dir, 'main.handler', 'cobol85'),
    ];
    invoker = new LocalInvoker({ runtimesDir: RUNTIMES_DIR });
    endpoint = await LocalInvokeEndpoint.start({
      functions: async () => functions,
      invoker,
      port: 0,
      log: (line) => {
        lines.push(line);
        for (const waiter of waiters.filter((w) => w.pattern.test(line))) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      },
    });
    lambda = new LambdaClient({
      endpoint: endpoint.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-secret' },
      maxAttempts: 1,
    });
  });

  after(async () => {
    lambda?.destroy();
    await endpoint?.stop();
    await invoker?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('with the AWS SDK v3 LambdaClient', () => {
    it('listens on 127.0.0.1 and answers a RequestResponse invocation with the payload', async () => {
      assert.match(endpoint.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const out = await invoke({ FunctionName: 'echo', Payload: json({ a: 1, name: 'Zoë' }) });
      assert.equal(out.StatusCode, 200);
      assert.equal(out.FunctionError, undefined);
      assert.equal(out.ExecutedVersion, '$LATEST');
      assert.equal(out.LogResult, undefined);
      assert.deepEqual(JSON.parse(text(out.Payload)), { a: 1, name: 'Zoë' });
      assert.match(await logLine(/^echo RequestResponse/), /^echo RequestResponse 200 \d+ ms$/);
    });

    it('passes an empty event as {}', async () => {
      const out = await invoke({ FunctionName: 'echo' });
      assert.deepEqual(JSON.parse(text(out.Payload)), {});
    });

    it('returns the log tail (START, output, END, REPORT) for LogType Tail', async () => {
      const out = await invoke({ FunctionName: 'echo', Payload: json({ tail: true }), LogType: 'Tail' });
      const log = Buffer.from(out.LogResult!, 'base64').toString('utf8');
      const requestId = out.$metadata.requestId!;
      assert.match(log, new RegExp(`^START RequestId: ${requestId} Version: \\$LATEST\n`));
      assert.match(log, /echoing \{"tail":true\}/);
      assert.match(log, new RegExp(`\nEND RequestId: ${requestId}\nREPORT RequestId: ${requestId}\tDuration: [\\d.]+ ms\tBilled Duration: \\d+ ms\tMemory Size: 128 MB`));
    });

    it('keeps only the last 4 KB of a long log', async () => {
      const out = await invoke({ FunctionName: 'chatty', LogType: 'Tail' });
      assert.equal(JSON.parse(text(out.Payload)), 'done');
      const log = Buffer.from(out.LogResult!, 'base64');
      assert.ok(log.length <= 4096 && log.length > 4000, `${log.length} bytes`);
      assert.doesNotMatch(log.toString('utf8'), /START RequestId/);
      assert.match(log.toString('utf8'), /line 199 x+\nEND RequestId: [^\n]+\nREPORT RequestId: /);
      // A tail never starts inside a UTF-8 character.
      assert.equal(Buffer.from(logTail('ë'.repeat(3000)), 'base64').toString('utf8'), 'ë'.repeat(2048));
    });

    it('reports a function error as 200 with FunctionError Unhandled and the error payload', async () => {
      const out = await invoke({ FunctionName: 'boom', Payload: json({}) });
      assert.equal(out.StatusCode, 200);
      assert.equal(out.FunctionError, 'Unhandled');
      const error = JSON.parse(text(out.Payload)) as { errorType: string; errorMessage: string; trace?: string[] };
      assert.equal(error.errorType, 'TypeError');
      assert.equal(error.errorMessage, 'boom: no such thing');
      assert.match(await logLine(/^boom /), /^boom RequestResponse 200 \d+ ms \(Unhandled: TypeError\)$/);
    });

    it('answers an Event invocation with 202 and runs it in the background', async () => {
      const out = await invoke({ FunctionName: 'echo', InvocationType: 'Event', Payload: json({ async: true }) });
      assert.equal(out.StatusCode, 202);
      assert.equal(text(out.Payload), '');
      assert.match(await logLine(/^echo Event/), /^echo Event 202 \d+ ms$/);
    });

    it('answers a DryRun with 204 without running the function', async () => {
      const out = await invoke({ FunctionName: 'echo', InvocationType: 'DryRun', Payload: json({}) });
      assert.equal(out.StatusCode, 204);
      assert.match(await logLine(/^echo DryRun/), /^echo DryRun 204 \d+ ms$/);
    });

    it('invokes by full ARN, partial ARN, name:$LATEST and Qualifier $LATEST, as $LATEST', async () => {
      for (const [FunctionName, Qualifier] of [
        ['arn:aws:lambda:us-east-1:123456789012:function:echo', undefined],
        ['arn:aws:lambda:us-east-1:123456789012:function:echo:$LATEST', undefined],
        ['arn:aws:lambda:eu-west-1:123456789012:function:echo', '$LATEST'],
        ['123456789012:function:echo', undefined],
        ['echo:$LATEST', '$LATEST'],
        ['echo', '$LATEST'],
      ] as const) {
        const out = await invoke({ FunctionName, Qualifier, Payload: json({ via: FunctionName }) });
        assert.equal(out.StatusCode, 200, FunctionName);
        assert.equal(out.ExecutedVersion, '$LATEST', FunctionName);
        assert.deepEqual(JSON.parse(text(out.Payload)), { via: FunctionName });
      }
    });

    it('answers an alias or version qualifier with ResourceNotFoundException, as Lambda does for one that does not exist', async () => {
      for (const [FunctionName, Qualifier, arn] of [
        ['echo', 'prod', 'arn:aws:lambda:us-east-1:123456789012:function:echo:prod'],
        ['echo:1', undefined, 'arn:aws:lambda:us-east-1:123456789012:function:echo:1'],
        ['arn:aws:lambda:eu-west-1:123456789012:function:echo:live', 'live', 'arn:aws:lambda:eu-west-1:123456789012:function:echo:live'],
      ] as const) {
        const error = await rejection(invoke({ FunctionName, Qualifier, Payload: json({}) }));
        assert.equal(error.name, 'ResourceNotFoundException', FunctionName);
        assert.equal(error.$metadata.httpStatusCode, 404);
        assert.equal(error.message, `Function not found: ${arn} (locally only $LATEST exists)`);
      }
      const mismatch = await rejection(invoke({ FunctionName: 'echo:live', Qualifier: 'prod' }));
      assert.equal(mismatch.name, 'InvalidParameterValueException');
      assert.equal(mismatch.message, 'The derived qualifier from the function name does not match the specified qualifier.');
    });

    it('passes X-Amz-Client-Context to the function as its client context', async () => {
      const context = { custom: { tenant: 'Zoë ✓' }, env: { locale: 'en' } };
      const out = await invoke({ FunctionName: 'ctx', ClientContext: Buffer.from(JSON.stringify(context)).toString('base64') });
      const answer = JSON.parse(text(out.Payload)) as { clientContext: unknown; arn: string };
      assert.deepEqual(answer.clientContext, context);
      assert.equal(answer.arn, 'arn:aws:lambda:us-east-1:123456789012:function:ctx');
      const invalid = await rejection(invoke({ FunctionName: 'ctx', ClientContext: 'not base64 json!' }));
      assert.equal(invalid.name, 'InvalidRequestContentException');
      const notAnObject = await rejection(invoke({ FunctionName: 'ctx', ClientContext: Buffer.from('[1,2]').toString('base64') }));
      assert.equal(notAnObject.message, 'Client context must be a valid Base64-encoded JSON object.');
    });

    it('caps X-Amz-Client-Context at 3,583 bytes of base64, as Lambda does', async () => {
      const sized = (bytes: number) => {
        // base64 of {"custom":{"p":"xxx…"}}: 3 bytes of JSON per 4 of base64, so pick lengths that land exactly.
        const context = (pad: number) => Buffer.from(JSON.stringify({ custom: { p: 'x'.repeat(pad) } })).toString('base64');
        let pad = 0;
        while (context(pad + 1).length <= bytes) pad++;
        return context(pad);
      };
      const fits = sized(3583);
      assert.ok(fits.length <= 3583 && fits.length > 3578, `${fits.length}`);
      const out = await invoke({ FunctionName: 'ctx', ClientContext: fits });
      assert.equal(out.StatusCode, 200);
      assert.equal(out.FunctionError, undefined);
      const tooLong = Buffer.from(JSON.stringify({ custom: { p: 'x'.repeat(2700) } })).toString('base64');
      assert.ok(tooLong.length > 3583);
      const error = await rejection(invoke({ FunctionName: 'ctx', ClientContext: tooLong }));
      assert.equal(error.name, 'ValidationException');
      assert.equal(error.$metadata.httpStatusCode, 400);
      assert.match(error.message, /at 'clientContext' failed to satisfy constraint: Member must have length less than or equal to 3583 \(it is \d+ bytes of base64\)/);
    });

    it('answers an unknown function with ResourceNotFoundException naming its ARN', async () => {
      const error = await rejection(invoke({ FunctionName: 'nope', Payload: json({}) }));
      assert.equal(error.name, 'ResourceNotFoundException');
      assert.equal(error.$metadata.httpStatusCode, 404);
      assert.equal(error.message, 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope');
      const byArn = await rejection(invoke({ FunctionName: 'arn:aws:lambda:eu-west-2:210987654321:function:nope', Qualifier: 'v2' }));
      assert.equal(byArn.message, 'Function not found: arn:aws:lambda:eu-west-2:210987654321:function:nope:v2');
      assert.match(await logLine(/^nope /), /^nope RequestResponse 404 \d+ ms$/);
    });

    it('refuses a payload over 6 MB with RequestEntityTooLargeException, and accepts exactly 6 MB', async () => {
      const sized = (bytes: number) => new TextEncoder().encode(`"${'x'.repeat(bytes - 2)}"`);
      const error = await rejection(invoke({ FunctionName: 'echo', Payload: sized(6 * 1024 * 1024 + 1) }));
      assert.equal(error.name, 'RequestEntityTooLargeException');
      assert.equal(error.$metadata.httpStatusCode, 413);
      assert.match(error.message, /Request must be smaller than 6291456 bytes/);
      const ok = await invoke({ FunctionName: 'chatty', Payload: sized(6 * 1024 * 1024) });
      assert.equal(ok.StatusCode, 200);
      const async = await rejection(invoke({ FunctionName: 'echo', InvocationType: 'Event', Payload: sized(1024 * 1024 + 1) }));
      assert.equal(async.name, 'RequestEntityTooLargeException');
    });

    it('refuses a payload that is not JSON with InvalidRequestContentException', async () => {
      const error = await rejection(invoke({ FunctionName: 'echo', Payload: new TextEncoder().encode('{"a": tru') }));
      assert.equal(error.name, 'InvalidRequestContentException');
      assert.equal(error.$metadata.httpStatusCode, 400);
      assert.match(error.message, /^Could not parse request body into json: /);
    });

    it('answers 502 naming the function when its runtime cannot start', async () => {
      const error = await rejection(invoke({ FunctionName: 'broken', Payload: json({}) }));
      assert.equal(error.$metadata.httpStatusCode, 502);
      assert.equal(error.name, 'InvalidRuntimeException');
      assert.match(error.message, /^Function broken \(cobol85\) cannot run locally: The runtime cobol85 cannot run locally yet/);
      assert.match(await logLine(/^broken /), /^broken RequestResponse 502 \d+ ms \(Function broken/);
    });

    it('runs concurrent invocations side by side', async () => {
      const outs = await Promise.all([1, 2, 3].map((n) => invoke({ FunctionName: 'echo', Payload: json({ n }) })));
      assert.deepEqual(outs.map((o) => JSON.parse(text(o.Payload))), [{ n: 1 }, { n: 2 }, { n: 3 }]);
    });
  });

  describe('over plain HTTP', () => {
    it('answers other paths and methods with 404 in the Lambda error shape', async () => {
      for (const [method, url] of [
        ['GET', '/2015-03-31/functions/'],
        ['GET', '/2015-03-31/functions/echo/invocations'],
        ['GET', '/2021-11-15/functions/echo/response-streaming-invocations'],
        ['POST', '/2021-11-15/functions/echo/response-streaming-invocations/extra'],
      ]) {
        const res = await fetch(endpoint.url + url, { method });
        assert.equal(res.status, 404, url);
        assert.equal(res.headers.get('x-amzn-errortype'), 'UnknownOperationException');
        const body = (await res.json()) as { Type: string; message: string };
        assert.equal(body.Type, 'User');
        assert.match(body.message, /offers only Lambda Invoke/);
      }
    });

    it('refuses an unknown invocation type', async () => {
      const res = await fetch(`${endpoint.url}/2015-03-31/functions/echo/invocations`, { method: 'POST', headers: { 'X-Amz-Invocation-Type': 'Later' }, body: '{}' });
      assert.equal(res.status, 400);
      assert.equal(res.headers.get('x-amzn-errortype'), 'ValidationException');
    });

    it('escapes control characters of a requested name in its log line, and answers 404 naming it', async () => {
      const forged = 'ghost\necho RequestResponse 200 1 ms\u001b[31m';
      const res = await fetch(`${endpoint.url}/2015-03-31/functions/${encodeURIComponent(forged)}/invocations`, { method: 'POST', body: '{}' });
      assert.equal(res.status, 404);
      assert.equal(res.headers.get('x-amzn-errortype'), 'ResourceNotFoundException');
      const body = (await res.json()) as { message: string };
      assert.ok(body.message.startsWith('Function not found: arn:aws:lambda:') && body.message.endsWith(`:123456789012:function:${forged}`), body.message);
      const line = await logLine(/^ghost/);
      assert.equal(line.split('\n').length, 1);
      assert.match(line, /^ghost\\necho RequestResponse 200 1 ms\\x1b\[31m RequestResponse 404 \d+ ms$/);
      assert.ok(!lines.some((l) => l.includes('\u001b')), 'no raw escape in any log line');
    });

    it('sends the headers Lambda sends', async () => {
      const res = await fetch(`${endpoint.url}/2015-03-31/functions/echo/invocations`, { method: 'POST', body: '[1,2]' });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/json');
      assert.equal(res.headers.get('x-amz-executed-version'), '$LATEST');
      assert.match(res.headers.get('x-amzn-requestid') ?? '', /^[0-9a-f-]{36}$/);
      assert.deepEqual(await res.json(), [1, 2]);
    });
  });

  describe('with the AWS CLI', () => {
    let env: NodeJS.ProcessEnv;
    /** AWS CLI v2 reads --payload as base64 unless told otherwise; v1 takes it as is and has no such option. */
    let binaryFormat: string[];

    before(async function () {
      const probe = await run('aws', ['--version'], process.env).catch((error: NodeJS.ErrnoException) => error);
      if (probe instanceof Error) {
        if (probe.code === 'ENOENT') this.skip();
        throw probe;
      }
      binaryFormat = /aws-cli\/1\./.test(probe.stdout + probe.stderr) ? [] : ['--cli-binary-format', 'raw-in-base64-out'];
      env = {
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
    });

    it('aws lambda invoke writes the payload and prints StatusCode and LogResult', async () => {
      const outFile = path.join(dir, 'out.json');
      const { code, stdout, stderr } = await run(
        'aws',
        ['lambda', 'invoke', '--endpoint-url', endpoint.url, '--function-name', 'echo', '--payload', '{"a":1}', ...binaryFormat, '--log-type', 'Tail', outFile],
        env,
      );
      assert.equal(code, 0, stderr);
      assert.deepEqual(JSON.parse(fs.readFileSync(outFile, 'utf8')), { a: 1 });
      const printed = JSON.parse(stdout) as { StatusCode: number; LogResult: string; ExecutedVersion: string; FunctionError?: string };
      assert.equal(printed.StatusCode, 200);
      assert.equal(printed.ExecutedVersion, '$LATEST');
      assert.equal(printed.FunctionError, undefined);
      const log = Buffer.from(printed.LogResult, 'base64').toString('utf8');
      assert.match(log, /^START RequestId: \S+ Version: \$LATEST\n[\s\S]*echoing \{"a":1\}\n[\s\S]*END RequestId: \S+\nREPORT RequestId: /);
    });

    it('aws lambda invoke on a throwing function prints FunctionError', async () => {
      const outFile = path.join(dir, 'boom.json');
      const { code, stdout, stderr } = await run(
        'aws',
        ['lambda', 'invoke', '--endpoint-url', endpoint.url, '--function-name', 'arn:aws:lambda:us-east-1:123456789012:function:boom', ...binaryFormat, outFile],
        env,
      );
      assert.equal(code, 0, stderr);
      const printed = JSON.parse(stdout) as { StatusCode: number; FunctionError?: string };
      assert.equal(printed.StatusCode, 200);
      assert.equal(printed.FunctionError, 'Unhandled');
      assert.equal((JSON.parse(fs.readFileSync(outFile, 'utf8')) as { errorType: string }).errorType, 'TypeError');
    });
  });

  describe('listening', () => {
    it('refuses a port in use with a clear message', async () => {
      const port = Number(new URL(endpoint.url).port);
      await assert.rejects(
        LocalInvokeEndpoint.start({ functions: () => [], invoker, port }),
        (error: Error) => error.message === `port ${port} on 127.0.0.1 is in use; choose another with --port`,
      );
    });

    it('stops listening on stop()', async () => {
      const other = await LocalInvokeEndpoint.start({ functions: () => [], invoker, port: 0 });
      const res = await fetch(`${other.url}/2015-03-31/functions/x/invocations`, { method: 'POST', body: '{}' });
      assert.equal(res.status, 404);
      assert.match(((await res.json()) as { message: string }).message, /^Function not found: arn:aws:lambda:[a-z0-9-]+:123456789012:function:x \(no local functions are loaded\)$/);
      await other.stop();
      await other.stop();
      await assert.rejects(fetch(`${other.url}/2015-03-31/functions/x/invocations`, { method: 'POST', body: '{}' }));
    });
  });
});
