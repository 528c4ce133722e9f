import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ServerlessExplorerApi } from '../../src/extension';
import type { LocalInvokeOutcome } from '../../src/ui/local/invokeLocalCommand';
import type { LocalFunctionDefinition } from '../../src/core/local/types';
import { activatedApi } from './helpers';

// A streaming function (the unit fixture in the layout of the sam init response-streaming starter) run from the
// real extension host: the result view receives the body as the function writes it, then the final result.

const FIXTURE = path.resolve(__dirname, '..', '..', '..', 'test', 'unit', 'core', 'local', 'functions', 'node-streaming', 'src');

const streaming = (handler: string): LocalFunctionDefinition => ({
  name: `Streaming-${handler}`,
  codeDir: FIXTURE,
  handler,
  runtime: 'nodejs20.x',
  timeoutSeconds: 10,
  memoryMb: 128,
  environment: {},
  architecture: 'x86_64',
});

async function until(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('local response streaming in the result view', function () {
  this.timeout(60_000);
  let api: ServerlessExplorerApi;

  before(async () => {
    api = await activatedApi();
  });

  const invoke = (definition: LocalFunctionDefinition, payload: unknown) =>
    vscode.commands.executeCommand('serverlessExplorer.invokeLocal', undefined, { definition, payload: JSON.stringify(payload) }) as Thenable<LocalInvokeOutcome>;

  it('shows the first write while the function still runs, then the whole body with its function URL prelude', async () => {
    let finished = false;
    const running = Promise.resolve(invoke(streaming('index.handler'), { name: 'the view', pauseMs: 1500 })).finally(() => (finished = true));
    await until('the first write in the result view', () => api.invokeResult()?.lastStream?.text.includes('first part for the view\n') ?? false);
    const shown = api.invokeResult()!.lastStream!;
    assert.equal(finished, false, 'the first write should show before the invocation ends');
    assert.equal(shown.text, 'first part for the view\n', 'only what was written so far');
    assert.match(shown.prelude ?? '', /^\{"statusCode":201,"headers":\{"Content-Type":"text\/plain"/);
    assert.equal((await running).status, 'invoked');
    const view = api.invokeResult()!.lastView!;
    assert.equal(view.functionError, undefined);
    assert.equal(view.payload, 'first part for the view\nsecond part\n');
    assert.equal(view.streamed?.contentType, 'application/vnd.awslambda.http-integration-response');
    assert.match(view.streamed?.prelude ?? '', /"statusCode":201/);
    assert.match(view.logTail ?? '', /\tINFO\tstreaming for the view\n/);
  });

  it('appends each write of a piped ES module stream to the view as it comes', async () => {
    let finished = false;
    const running = Promise.resolve(invoke(streaming('piped.handler'), { count: 3, pauseMs: 1000 })).finally(() => (finished = true));
    await until('the second line in the result view', () => api.invokeResult()?.lastStream?.text.includes('line 2\n') ?? false);
    assert.equal(finished, false, 'the second line should show before the third is written');
    assert.equal(api.invokeResult()!.lastStream!.text, 'line 1\nline 2\n');
    assert.ok(api.invokeResult()!.lastStream!.posts >= 2, 'the page got the body once per write');
    await running;
    const view = api.invokeResult()!.lastView!;
    assert.equal(view.payload, 'line 1\nline 2\nline 3\n');
    assert.equal(view.streamed?.contentType, 'text/plain; charset=utf-8');
  });

  it('keeps what a failing stream wrote beside its error', async () => {
    assert.equal((await invoke(streaming('failing.handler'), {})).status, 'invoked');
    const view = api.invokeResult()!.lastView!;
    assert.equal(view.functionError, 'Unhandled');
    assert.equal(JSON.parse(view.payload).errorMessage, 'the stream broke after 1 chunk');
    assert.equal(view.streamed?.beforeError, 'before the failure\n');
  });
});
