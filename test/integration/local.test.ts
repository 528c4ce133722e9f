import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ServerlessExplorerApi } from '../../src/extension';
import type { LocalInvokeOutcome } from '../../src/ui/local/invokeLocalCommand';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { LocalFunctionItem } from '../../src/ui/explorer/localFunctionsTree';
import { activatedApi, setSetting } from './helpers';

describe('local functions: the workspace template, run without Docker', function () {
  this.timeout(60_000);
  let api: ServerlessExplorerApi;
  let items: LocalFunctionItem[];

  before(async () => {
    api = await activatedApi();
    // By contextValue: the items come from the extension's bundle, whose classes are not this file's imports.
    items = (await api.localFunctions.getChildren()).filter((i): i is LocalFunctionItem => i.contextValue === 'localFunction');
  });

  const item = (name: string) => items.find((i) => i.definition.name === name)!;
  const invoke = async (name: string, options: Record<string, unknown>) =>
    (await vscode.commands.executeCommand('serverlessExplorer.invokeLocal', item(name), options)) as LocalInvokeOutcome;

  it("lists the template's functions in the Local Functions view, with runtime and code folder", () => {
    assert.deepEqual(items.map((i) => i.definition.name).sort(), ['FailingNode', 'GreetFunction', 'HelloNode', 'HelloPython', 'HelloRuby', 'ItemsFunction', 'TsHandlerEsbuild', 'TsHandlerTsc']);
    assert.equal(item('HelloNode').description, 'nodejs20.x · app/node');
    assert.equal(item('HelloNode').definition.memoryMb, 256);
    assert.equal(item('HelloNode').definition.environment.STAGE, 'local');
  });

  it('runs a Node function with a sample event, cold then warm, and shows Lambda-shaped logs in the result view', async () => {
    const cold = await invoke('HelloNode', { eventId: 'sqs receive-message' });
    assert.equal(cold.status, 'invoked');
    const first = api.invokeResult()!.lastView!;
    assert.deepEqual(JSON.parse(first.payload), { calls: 1, stage: 'local', fn: 'HelloNode', source: 'aws:sqs' });
    assert.match(first.logTail ?? '', /^START RequestId: [0-9a-f-]{36} Version: \$LATEST\n.*\tINFO\trecords 1\nEND RequestId: .*\nREPORT RequestId: .*\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 256 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms/s);
    assert.ok(first.report?.initDurationMs !== undefined, 'a cold start reports its init duration');
    await invoke('HelloNode', { payload: '{"Records":[]}' });
    const warm = api.invokeResult()!.lastView!;
    assert.equal(JSON.parse(warm.payload).calls, 2, 'the warm environment keeps module state');
    assert.equal(warm.report?.initDurationMs, undefined);
  });

  it("reports a thrown error with Lambda's type and message, and the next invocation still works", async () => {
    const failed = await invoke('FailingNode', { payload: '{}' });
    assert.equal(failed.status, 'invoked');
    const view = api.invokeResult()!.lastView!;
    assert.equal(view.functionError, 'Unhandled');
    assert.deepEqual([JSON.parse(view.payload).errorType, JSON.parse(view.payload).errorMessage], ['RangeError', 'quantity must be positive']);
    assert.equal((await invoke('HelloNode', { payload: '{}' })).status, 'invoked');
  });

  it('runs a TypeScript function that the template builds with esbuild (hello-ts), built for the user', async () => {
    assert.equal(item('GreetFunction').description, 'nodejs20.x · hello-ts/hello-world');
    const outcome = await invoke('GreetFunction', { payload: '{"path":"/hello","queryStringParameters":{"name":"vscode"}}' });
    assert.equal(outcome.status, 'invoked');
    const view = api.invokeResult()!.lastView!;
    assert.equal(view.functionError, undefined, view.payload);
    assert.deepEqual(JSON.parse(JSON.parse(view.payload).body), { message: 'hello vscode', path: '/hello' });
  });

  it('runs a Python function', async () => {
    await invoke('HelloPython', { payload: '{"b": 1, "a": 2}' });
    const view = api.invokeResult()!.lastView!;
    assert.deepEqual(JSON.parse(view.payload), { keys: ['a', 'b'], memory: '128' });
    assert.match(view.logTail ?? '', /python got \['a', 'b'\]/);
  });

  it('lists a Ruby function and runs it with Invoke Locally, its output in the log', async () => {
    assert.equal(item('HelloRuby').description, 'ruby3.3 · app/ruby');
    assert.equal((await invoke('HelloRuby', { payload: '{"b": 1, "a": 2}' })).status, 'invoked');
    const view = api.invokeResult()!.lastView!;
    assert.equal(view.functionError, undefined, view.payload);
    const response = JSON.parse(view.payload) as { statusCode: number; body: string };
    assert.equal(response.statusCode, 200);
    assert.deepEqual(JSON.parse(response.body), { keys: ['a', 'b'], function: 'HelloRuby' });
    assert.match(view.logTail ?? '', /\nruby got a,b\n/);
  });

  it('serves the workspace functions on a local Lambda Invoke API that the AWS SDK calls, and stops it', async () => {
    await setSetting('localEndpointPort', 0);
    try {
      const url = (await vscode.commands.executeCommand('serverlessExplorer.startLocalEndpoint')) as string;
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const lambda = new LambdaClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
      const response = await lambda.send(new InvokeCommand({ FunctionName: 'HelloPython', Payload: Buffer.from('{"z": 0}'), LogType: 'Tail' }));
      assert.equal(response.StatusCode, 200);
      assert.deepEqual(JSON.parse(Buffer.from(response.Payload!).toString()), { keys: ['z'], memory: '128' });
      assert.match(Buffer.from(response.LogResult!, 'base64').toString(), /REPORT RequestId: /);
      assert.equal(await vscode.commands.executeCommand('serverlessExplorer.startLocalEndpoint'), undefined, 'the second run stops it');
      await assert.rejects(fetch(`${url}/2015-03-31/functions/HelloPython/invocations`, { method: 'POST', body: '{}' }));
    } finally {
      await setSetting('localEndpointPort', undefined);
    }
  });
});
