import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InvokeWithResponseStreamCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { InvokeWithResponseStreamCompleteEvent } from '@aws-sdk/client-lambda';
import { LocalInvokeEndpoint } from '../../../../src/core/local/invokeEndpoint';
import { LocalInvoker } from '../../../../src/core/local/invoker';
import type { LocalInvokeResult } from '../../../../src/core/local/invoker';
import { readFunctionsIn } from '../../../../src/core/local/sources/registry';
import type { LocalFunctionDefinition } from '../../../../src/core/local/types';

// Response streaming end to end with real processes: the fixture's streaming functions (test/unit/core/local/
// functions/node-streaming, in the layout of the sam init response-streaming starter) run by the Node runtime
// client `npm run build` puts in dist/runtimes, which speaks the Runtime API's streaming mode to our server; and
// the AWS SDK's own InvokeWithResponseStreamCommand against the local Invoke API endpoint.

const ROOT = path.resolve(__dirname, '../../../../..');
const RUNTIMES = path.join(ROOT, 'dist', 'runtimes');
const TEMPLATE = path.join(ROOT, 'test', 'unit', 'core', 'local', 'functions', 'node-streaming', 'template.yaml');
const PRELUDE_DELIMITER = '\0'.repeat(8);

interface Arrival {
  readonly text: string;
  readonly at: number;
  readonly contentType: string;
}

/** Invokes with the response asked as a stream, noting when each piece arrived. */
async function invokeStreaming(invoker: LocalInvoker, definition: LocalFunctionDefinition, event: unknown = {}): Promise<{ result: LocalInvokeResult; chunks: Arrival[]; endedAt: number }> {
  const chunks: Arrival[] = [];
  const result = await invoker.invoke(definition, JSON.stringify(event), {
    onChunk: (chunk, contentType) => chunks.push({ text: Buffer.from(chunk).toString('utf8'), at: performance.now(), contentType }),
  });
  return { result, chunks, endedAt: performance.now() };
}

/** When the first piece holding `text` arrived. */
function arrivalOf(chunks: readonly Arrival[], text: string): number {
  let seen = '';
  for (const chunk of chunks) {
    seen += chunk.text;
    if (seen.includes(text)) return chunk.at;
  }
  assert.fail(`"${text}" never arrived; the chunks were ${JSON.stringify(chunks.map((c) => c.text))}`);
}

describe('core/local response streaming (real runtime client, Runtime API streaming mode)', function () {
  this.timeout(30_000);
  let invoker: LocalInvoker;
  let functions: Map<string, LocalFunctionDefinition>;
  let tmp: string;
  const fn = (name: string) => functions.get(name) ?? assert.fail(`${name} is not in ${TEMPLATE}`);
  const inline = (name: string, source: string, environment: Record<string, string> = {}, timeoutSeconds = 5): LocalFunctionDefinition => {
    fs.writeFileSync(path.join(tmp, `${name}.js`), source);
    return { name, codeDir: tmp, handler: `${name}.handler`, runtime: 'nodejs20.x', timeoutSeconds, memoryMb: 128, environment, architecture: 'x86_64' };
  };

  before(async () => {
    assert.ok(fs.existsSync(path.join(RUNTIMES, 'node', 'bootstrap.js')), `${RUNTIMES}/node/bootstrap.js is missing: run npm run build first`);
    invoker = new LocalInvoker({ runtimesDir: RUNTIMES });
    functions = new Map((await readFunctionsIn(TEMPLATE)).functions.map((f) => [f.name, f]));
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'se-streaming-'));
  });

  after(async () => {
    await invoker.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('passes a CommonJS handler’s writes on as they are written, 300 ms apart, after its HttpResponseStream prelude', async () => {
    const { result, chunks, endedAt } = await invokeStreaming(invoker, fn('StreamingFunction'), { name: 'Zoë' });
    assert.equal(result.functionError, undefined, result.payload);
    const first = arrivalOf(chunks, 'first part for Zoë\n');
    const second = arrivalOf(chunks, 'second part\n');
    assert.ok(second - first >= 250, `the second write arrived ${Math.round(second - first)} ms after the first: it should take the handler's 300 ms pause`);
    assert.ok(endedAt - first >= 250, 'the first write should arrive before the invocation ends, not with it');
    assert.ok(chunks.every((c) => c.contentType === 'application/vnd.awslambda.http-integration-response'), JSON.stringify(chunks));
    assert.deepEqual(result.streamed, { contentType: 'application/vnd.awslambda.http-integration-response' });
    // The buffered result still holds every byte: the prelude, its 8 NUL bytes, the body.
    const [prelude, body] = result.payload.split(PRELUDE_DELIMITER);
    assert.deepEqual(JSON.parse(prelude), { statusCode: 201, headers: { 'Content-Type': 'text/plain', 'X-Request-Id': result.requestId } });
    assert.equal(body, 'first part for Zoë\nsecond part\n');
    assert.equal(chunks.map((c) => c.text).join(''), result.payload);
    assert.match(result.log, /\tINFO\tstreaming for Zoë\n/);
  });

  it('streams an ES module handler that pipes a readable into the response stream, with its content type', async () => {
    const { result, chunks } = await invokeStreaming(invoker, fn('StreamingEsmFunction'), { count: 3, pauseMs: 150 });
    assert.equal(result.functionError, undefined, result.payload);
    assert.equal(result.payload, 'line 1\nline 2\nline 3\n');
    assert.ok(arrivalOf(chunks, 'line 3') - arrivalOf(chunks, 'line 1') >= 250, 'the lines should arrive as the pipeline writes them');
    assert.deepEqual(result.streamed, { contentType: 'text/plain; charset=utf-8' });
  });

  it('ends a stream that fails mid-way with Lambda’s error (from the trailers), after what was written, and keeps the environment', async () => {
    const { result, chunks } = await invokeStreaming(invoker, fn('StreamingFailingFunction'), { after: 1 });
    assert.equal(chunks.map((c) => c.text).join(''), 'before the failure\n');
    assert.equal(result.functionError, 'Unhandled');
    assert.equal(result.errorType, 'RangeError');
    const error = JSON.parse(result.payload) as { errorType: string; errorMessage: string; trace: string[] };
    assert.equal(error.errorType, 'RangeError');
    assert.equal(error.errorMessage, 'the stream broke after 1 chunk');
    assert.match(error.trace[0], /^RangeError: the stream broke after 1 chunk/);
    assert.match(result.log, /\tERROR\tInvoke Error \t\{"errorType":"RangeError"/);
    const again = await invokeStreaming(invoker, fn('StreamingFailingFunction'));
    assert.equal(again.result.coldStart, false, 'a handled error mid-stream leaves the environment warm, as on Lambda');
  });

  it('calls no chunk for a function that does not stream: its payload is the result, as before', async () => {
    const { result, chunks } = await invokeStreaming(invoker, fn('BufferedFunction'), { a: 1 });
    assert.deepEqual(chunks, []);
    assert.deepEqual(JSON.parse(result.payload), { buffered: true, echo: { a: 1 } });
    assert.equal(result.streamed, undefined);
  });

  it('gives a caller that does not stream the whole streamed response', async () => {
    const result = await invoker.invoke(fn('StreamingEsmFunction'), JSON.stringify({ count: 2, pauseMs: 10 }));
    assert.equal(result.payload, 'line 1\nline 2\n');
  });

  it('refuses a streaming handler that is not async, as Lambda does', async () => {
    const definition = inline('notAsync', `exports.handler = awslambda.streamifyResponse((event, responseStream) => { responseStream.end('sync'); });\n`);
    const { result } = await invokeStreaming(invoker, definition);
    assert.equal(result.functionError, 'Unhandled');
    assert.deepEqual(JSON.parse(result.payload), { errorType: 'string', errorMessage: 'Streaming does not support non-async handlers.', trace: [] });
  });

  it('refuses a content type set after the first write, and writes an object as its JSON', async () => {
    const definition = inline(
      'lateType',
      `exports.handler = awslambda.streamifyResponse(async (event, responseStream) => {
  responseStream.write({ n: 1 });
  try { responseStream.setContentType('text/plain'); } catch (error) { responseStream.write(' ' + error.message); }
  responseStream.end();
});\n`,
    );
    const { result } = await invokeStreaming(invoker, definition);
    assert.equal(result.payload, '{"n":1} Cannot set content-type, too late.');
    assert.deepEqual(result.streamed, { contentType: 'application/octet-stream' });
  });

  it('times out a stream that is never ended, with what it wrote already passed on', async () => {
    const definition = inline('neverEnds', `exports.handler = awslambda.streamifyResponse(async (event, responseStream) => { responseStream.write('started'); });\n`, {}, 1);
    const { result, chunks } = await invokeStreaming(invoker, definition);
    assert.equal(chunks.map((c) => c.text).join(''), 'started');
    assert.equal(result.errorType, 'Sandbox.Timedout');
  });

  it('ends a stream with an uncaught exception in its trailers (the connection is busy with the body)', async () => {
    const definition = inline(
      'uncaught',
      `exports.handler = awslambda.streamifyResponse(async (event, responseStream) => {
  responseStream.write('partial');
  setTimeout(() => { throw new TypeError('thrown from a timer'); }, 50);
  await new Promise(() => undefined);
});\n`,
    );
    const { result, chunks } = await invokeStreaming(invoker, definition);
    assert.equal(chunks.map((c) => c.text).join(''), 'partial');
    assert.equal(result.errorType, 'TypeError');
    assert.equal((JSON.parse(result.payload) as { errorMessage: string }).errorMessage, 'thrown from a timer');
  });

  it('ends a piped stream whose source fails with that error, instead of waiting for the timeout', async () => {
    const definition = inline(
      'brokenSource',
      `const { Readable } = require('node:stream');
const { pipeline } = require('node:stream/promises');
exports.handler = awslambda.streamifyResponse(async (event, responseStream) => {
  const source = new Readable({ read() {} });
  source.push('some rows\\n');
  setTimeout(() => source.destroy(new Error('the source went away')), 100);
  await pipeline(source, responseStream);
});\n`,
    );
    const started = performance.now();
    const { result, chunks } = await invokeStreaming(invoker, definition);
    assert.equal(chunks.map((c) => c.text).join(''), 'some rows\n');
    assert.equal(result.errorType, 'Error');
    assert.equal((JSON.parse(result.payload) as { errorMessage: string }).errorMessage, 'the source went away');
    assert.ok(performance.now() - started < 3000, 'the invocation should end with the error, not time out');
  });

  it('leaves the awslambda global out when AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA is set, as the managed runtime does', async () => {
    const definition = inline('noGlobal', `exports.handler = awslambda.streamifyResponse(async (e, s) => s.end());\n`, { AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA: '1' });
    const result = await invoker.invoke(definition, '{}');
    assert.equal(result.functionError, 'Unhandled');
    assert.match(result.payload, /awslambda is not defined/);
  });

  describe('InvokeWithResponseStream on the local endpoint, read by the AWS SDK v3', () => {
    let endpoint: LocalInvokeEndpoint;
    let lambda: LambdaClient;
    const logLines: string[] = [];

    before(async () => {
      endpoint = await LocalInvokeEndpoint.start({ functions: () => [...functions.values()], invoker, port: 0, log: (line) => logLines.push(line) });
      lambda = new LambdaClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-secret' }, maxAttempts: 1 });
    });

    after(async () => {
      lambda?.destroy();
      await endpoint?.stop();
    });

    async function streamed(FunctionName: string, event: unknown, LogType?: 'Tail') {
      const started = performance.now();
      const out = await lambda.send(new InvokeWithResponseStreamCommand({ FunctionName, Payload: new TextEncoder().encode(JSON.stringify(event)), LogType }));
      const chunks: Arrival[] = [];
      let complete: InvokeWithResponseStreamCompleteEvent | undefined;
      for await (const event of out.EventStream ?? []) {
        if (event.PayloadChunk) chunks.push({ text: Buffer.from(event.PayloadChunk.Payload ?? []).toString('utf8'), at: performance.now() - started, contentType: '' });
        if (event.InvokeComplete) complete = event.InvokeComplete;
      }
      return { out, chunks, complete: complete ?? assert.fail('no InvokeComplete event'), endedAt: performance.now() - started };
    }

    it('answers PayloadChunk events as the function writes, then InvokeComplete with the log tail', async () => {
      const { out, chunks, complete } = await streamed('StreamingFunction', { name: 'sdk' }, 'Tail');
      assert.equal(out.StatusCode, 200);
      assert.equal(out.ExecutedVersion, '$LATEST');
      assert.equal(out.ResponseStreamContentType, 'application/vnd.amazon.eventstream');
      assert.ok(chunks.length >= 2, `expected separate chunks, got ${JSON.stringify(chunks)}`);
      const gap = arrivalOf(chunks, 'second part') - arrivalOf(chunks, 'first part for sdk');
      assert.ok(gap >= 250, `the SDK saw the second write ${Math.round(gap)} ms after the first: chunks should arrive as written`);
      assert.match(chunks.map((c) => c.text).join(''), /^\{"statusCode":201,.*\}\0{8}first part for sdk\nsecond part\n$/s);
      assert.equal(complete.ErrorCode, undefined);
      const log = Buffer.from(complete.LogResult ?? '', 'base64').toString('utf8');
      assert.match(log, /^START RequestId: \S+ Version: \$LATEST\n[\s\S]*streaming for sdk[\s\S]*\nREPORT RequestId: /);
      assert.equal(out.$metadata.requestId, /^START RequestId: (\S+)/.exec(log)?.[1], 'the answer’s request id is the invocation’s');
      assert.ok(logLines.some((line) => /^StreamingFunction RequestResponse 200 \d+ ms$/.test(line)), logLines.join('\n'));
    });

    it('tells an error mid-stream in InvokeComplete, after the chunks written before it', async () => {
      const { chunks, complete } = await streamed('StreamingFailingFunction', {});
      assert.equal(chunks.map((c) => c.text).join(''), 'before the failure\n');
      assert.equal(complete.ErrorCode, 'RangeError');
      assert.equal((JSON.parse(complete.ErrorDetails ?? '{}') as { errorMessage?: string }).errorMessage, 'the stream broke after 1 chunk');
      assert.equal(complete.LogResult, undefined, 'no log tail unless asked with LogType Tail');
    });

    it('answers a function that does not stream with its whole payload as one chunk', async () => {
      const { chunks, complete } = await streamed('BufferedFunction', { b: 2 });
      assert.equal(chunks.length, 1);
      assert.deepEqual(JSON.parse(chunks[0].text), { buffered: true, echo: { b: 2 } });
      assert.equal(complete.ErrorCode, undefined);
    });

    it('answers an unknown function and an Event invocation with Lambda’s errors', async () => {
      await assert.rejects(lambda.send(new InvokeWithResponseStreamCommand({ FunctionName: 'Nope' })), (error: Error) => error.name === 'ResourceNotFoundException' && /Function not found: arn:aws:lambda:us-east-1:123456789012:function:Nope/.test(error.message));
      await assert.rejects(
        lambda.send(new InvokeWithResponseStreamCommand({ FunctionName: 'StreamingFunction', InvocationType: 'Event' as 'RequestResponse' })),
        (error: Error) => error.name === 'ValidationException' && /enum value set: \[RequestResponse, DryRun\]/.test(error.message),
      );
    });
  });
});
