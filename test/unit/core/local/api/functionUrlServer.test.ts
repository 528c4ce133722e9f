import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { FunctionUrl } from '../../../../../src/core/local/api/apiDefinitions';
import type { ApiSite } from '../../../../../src/core/local/api/apiSite';
import { LocalFunctionUrlServer } from '../../../../../src/core/local/api/functionUrlServer';
import type { ApiRequestLog } from '../../../../../src/core/local/api/localServerOptions';
import { LocalInvoker } from '../../../../../src/core/local/invoker';
import { readFunctionsIn } from '../../../../../src/core/local/sources/registry';

// Function URLs served by real runtimes (the streaming fixture's functions, which the response-streaming tests
// use too), with curl and Node's fetch as the clients: the URL's event, buffered and streamed answers, failures.

const ROOT = path.resolve(__dirname, '../../../../../..');
const TEMPLATE = path.join(ROOT, 'test', 'unit', 'core', 'local', 'functions', 'node-streaming', 'template.yaml');
const run = promisify(execFile);

describe('core/local/api function URLs: a port per URL, buffered and streamed answers, curl and fetch as clients', function () {
  this.timeout(60_000);
  let invoker: LocalInvoker;
  const servers = new Map<string, LocalFunctionUrlServer>();
  const log: ApiRequestLog[] = [];
  const warnings: string[] = [];

  const urls: FunctionUrl[] = [
    {
      functionName: 'BufferedFunction',
      authType: 'NONE',
      invokeMode: 'BUFFERED',
      cors: { allowOrigins: ['https://app.example'], allowMethods: ['GET', 'PUT'], allowHeaders: ['content-type'], exposeHeaders: ['x-trace'], allowCredentials: false, maxAgeSeconds: 60 },
    },
    { functionName: 'StreamingFunction', authType: 'NONE', invokeMode: 'RESPONSE_STREAM' },
    { functionName: 'StreamingEsmFunction', authType: 'NONE', invokeMode: 'BUFFERED' },
    { functionName: 'StreamingFailingFunction', authType: 'AWS_IAM', invokeMode: 'RESPONSE_STREAM' },
  ];

  before(async () => {
    const { functions } = await readFunctionsIn(TEMPLATE);
    const site: ApiSite = { routes: [], stages: new Map(), functionUrls: urls, webSockets: [], functions };
    invoker = new LocalInvoker({ runtimesDir: path.join(ROOT, 'dist', 'runtimes') });
    for (const url of urls) {
      servers.set(url.functionName, await LocalFunctionUrlServer.start({ site: () => site, invoker, functionName: url.functionName, port: 0, onRequest: (entry) => log.push(entry), onWarning: (w) => warnings.push(w) }));
    }
  });
  after(async () => {
    await Promise.all([...servers.values()].map((server) => server.stop()));
    await invoker.dispose();
  });

  const at = (name: string, rest = '/') => `${servers.get(name)!.url}${rest}`;

  it("any path and method reach the function as the URL's event: payload 2.0, $default, null path parameters, anonymous account", async () => {
    const { stdout } = await run('curl', ['-s', '-X', 'PUT', '-H', 'Cookie: a=1; b=2', '-H', 'Content-Type: application/json', '--data', '{"x":1}', at('BufferedFunction', '/any/deep/path?q=1&q=2')]);
    const answer = JSON.parse(stdout) as { buffered: boolean; echo: Record<string, unknown> & { requestContext: Record<string, unknown> & { http: Record<string, string> } } };
    assert.equal(answer.buffered, true, 'a plain object is answered as JSON, as an HTTP API answers a "simple" response');
    const { echo } = answer;
    assert.equal(echo.routeKey, '$default');
    assert.equal(echo.rawPath, '/any/deep/path');
    assert.equal(echo.rawQueryString, 'q=1&q=2');
    assert.deepEqual(echo.queryStringParameters, { q: '1,2' });
    assert.deepEqual(echo.cookies, ['a=1', 'b=2']);
    assert.equal(echo.body, '{"x":1}');
    assert.equal(echo.pathParameters, null);
    assert.equal(echo.stageVariables, null);
    assert.equal(echo.requestContext.accountId, 'anonymous');
    assert.equal(echo.requestContext.stage, '$default');
    assert.equal(echo.requestContext.http.method, 'PUT');
    assert.equal(echo.requestContext.authentication, null);
  });

  it("Cors: the URL answers a preflight itself, and puts its headers on the function's answer", async () => {
    const preflight = await run('curl', ['-s', '-i', '-X', 'OPTIONS', '-H', 'Origin: https://app.example', '-H', 'Access-Control-Request-Method: PUT', at('BufferedFunction', '/x')]);
    assert.match(preflight.stdout, /^HTTP\/1\.1 204/);
    assert.match(preflight.stdout, /access-control-allow-origin: https:\/\/app\.example/i);
    assert.match(preflight.stdout, /access-control-max-age: 60/i);
    assert.doesNotMatch(preflight.stdout, /"buffered"/, 'the preflight reached the function');
    const put = await run('curl', ['-s', '-i', '-X', 'PUT', '-H', 'Origin: https://app.example', at('BufferedFunction', '/x')]);
    assert.match(put.stdout, /access-control-allow-origin: https:\/\/app\.example/i);
    assert.match(put.stdout, /access-control-expose-headers: x-trace/i);
    const stranger = await run('curl', ['-s', '-i', '-H', 'Origin: https://evil.example', at('BufferedFunction', '/x')]);
    assert.doesNotMatch(stranger.stdout, /access-control-allow-origin/i);
  });

  it('RESPONSE_STREAM: the prelude gives status and headers, and the first part reaches the client before the function ends', async () => {
    const started = performance.now();
    const response = await fetch(at('StreamingFunction'));
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('content-type'), 'text/plain');
    assert.match(response.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let firstAt = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (!firstAt && text.includes('first part')) firstAt = performance.now();
    }
    const endedAt = performance.now();
    assert.equal(text, 'first part for nobody\nsecond part\n');
    assert.ok(endedAt - firstAt >= 200, `the first part came ${Math.round(firstAt - started)} ms in and the end ${Math.round(endedAt - started)} ms in: it was buffered, not streamed`);
  });

  it('a streaming handler behind a BUFFERED URL is answered whole, with the content type it set', async () => {
    const { stdout } = await run('curl', ['-s', '-i', at('StreamingEsmFunction')]);
    assert.match(stdout, /^HTTP\/1\.1 200/);
    assert.match(stdout, /content-type: text\/plain; charset=utf-8/i);
    assert.match(stdout, /content-length: 21/i);
    assert.ok(stdout.endsWith('line 1\nline 2\nline 3\n'));
  });

  it('AWS_IAM: an unsigned request is 403; a signed one reaches the function (the signature not checked, said once); a failure mid-stream cuts the answer off', async () => {
    const unsigned = await run('curl', ['-s', '-w', '\n%{http_code}', at('StreamingFailingFunction')]);
    assert.deepEqual(unsigned.stdout.split('\n'), ['{"Message":"Forbidden"}', '403']);
    assert.match(log.at(-1)!.note ?? '', /AuthType is AWS_IAM and the request is not SigV4-signed/);
    const signed = await run('curl', ['-s', '--aws-sigv4', 'aws:amz:us-east-1:lambda', '--user', 'AKIALOCALTEST:secret', at('StreamingFailingFunction')]).catch((error: { code: number; stdout: string }) => error);
    assert.equal((signed as { code?: number }).code, 18, 'curl should see the answer end before it was whole (exit 18, partial file)');
    assert.equal(signed.stdout, 'before the failure\n');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /StreamingFailingFunction's function URL has AuthType AWS_IAM: requests must be signed, but the signature is not checked locally/);
    assert.match(log.at(-1)!.note ?? '', /the function failed while streaming: RangeError: the stream broke/);
  });
});
