import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { ServerlessExplorerApi } from '../../src/extension';
import type { FinishedInvocation } from '../../src/ui/debug/lambdaDebugRun';
import { APP_BREAKPOINT_LINE } from '../support/esbuildProjects';
import { BREAKPOINT_LINE } from '../support/typescriptApp';
import { SessionWatcher, StopWatcher, nextFinish as nextFinishOf, topFrame } from './debugStops';
import { activatedApi } from './helpers';

// The `aws-lambda-local` debug type in a real VS Code, with its built-in JavaScript debugger: breakpoints in the
// TypeScript sources of ts-app (test/support/typescriptApp.ts), compiled by tsc and bundled by esbuild.

describe('debugging a Lambda handler locally (aws-lambda-local)', function () {
  this.timeout(180_000);
  let api: ServerlessExplorerApi;
  let folder: vscode.WorkspaceFolder;
  let stops: StopWatcher;
  let handlerTs: vscode.Uri;
  let sessions: SessionWatcher;

  before(async () => {
    api = await activatedApi();
    folder = vscode.workspace.workspaceFolders![0];
    handlerTs = vscode.Uri.file(path.join(folder.uri.fsPath, 'ts-app', 'src', 'handler.ts'));
    stops = new StopWatcher();
    sessions = new SessionWatcher();
  });

  after(() => {
    stops.dispose();
    sessions.dispose();
  });

  afterEach(async () => {
    vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
    await vscode.debug.stopDebugging();
  });

  const nextFinish = () => nextFinishOf(api);

  /** The invocation's end; a stop before it (nobody asked for one) fails with where it stopped. */
  async function finishWithoutStopping(finished: Promise<FinishedInvocation>): Promise<FinishedInvocation> {
    const stopped = stops.next(170_000).then(async (stop) => {
      const trace = (await stop.session.customRequest('stackTrace', { threadId: stop.threadId, startFrame: 0, levels: 3 })) as DebugProtocol.StackTraceResponse['body'];
      throw new Error(`stopped unexpectedly at ${trace.stackFrames.map((f) => `${f.name} (${f.source?.path}:${f.line})`).join(' < ')}`);
    });
    return Promise.race([finished, stopped]);
  }

  /** Resolves when every session started so far (the one resolved from our configuration, and js-debug's child) has ended. */
  const sessionsEnded = () => sessions.allEnded();

  const config = (logicalId: string, extra: Record<string, unknown> = {}): vscode.DebugConfiguration => ({
    type: 'aws-lambda-local',
    request: 'launch',
    name: `debug ${logicalId}`,
    template: '${workspaceFolder}/ts-app/ts.template.yaml',
    logicalId,
    ...extra,
  });

  for (const logicalId of ['TsHandlerTsc', 'TsHandlerEsbuild']) {
    it(`${logicalId}: stops at a breakpoint in the .ts source with the event in scope, then shows the result`, async () => {
      vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(handlerTs, new vscode.Position(BREAKPOINT_LINE - 1, 0)))]);
      const finished = nextFinish();
      const started = await vscode.debug.startDebugging(folder, config(logicalId, { event: { id: 's3 put', params: { bucket: 'debug-bucket', key: 'in/a.txt' } } }));
      assert.equal(started, true, 'the debug session starts');
      const stop = await stops.next();
      const top = await topFrame(stop);
      assert.equal(top.file, handlerTs.fsPath);
      assert.equal(top.line, BREAKPOINT_LINE);
      const evaluated = (await stop.session.customRequest('evaluate', { expression: 'event.Records[0].s3.bucket.name', frameId: top.id, context: 'repl' })) as DebugProtocol.EvaluateResponse['body'];
      assert.match(evaluated.result, /^['"]debug-bucket['"]$/);
      await stop.session.customRequest('continue', { threadId: stop.threadId });
      const done = await finished;
      assert.equal(done.result.functionError, undefined, done.result.payload);
      assert.deepEqual(JSON.parse(done.result.payload), { object: 's3://debug-bucket/in/a.txt', length: 26 });
      assert.match(done.console.join('\n'), /^START RequestId: [0-9a-f-]{36} Version: \$LATEST\nEND RequestId: .*\nREPORT RequestId: .*\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms\t\n.*returned:\n\{\n {2}"object": "s3:\/\/debug-bucket\/in\/a.txt"/);
      assert.match(done.result.log, /\tINFO\tdescribed debug-bucket\n/, 'the function output is in the log');
      const view = api.invokeResult()?.lastView;
      assert.equal(view?.functionName, logicalId);
      assert.deepEqual(JSON.parse(view!.payload), JSON.parse(done.result.payload));
      await sessionsEnded();
    });
  }

  it('GreetFunction (hello-ts, BuildMethod: esbuild, built into the cache): stops at a breakpoint in app.ts with the event in scope', async () => {
    const appTs = vscode.Uri.file(path.join(folder.uri.fsPath, 'hello-ts', 'hello-world', 'app.ts'));
    vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(appTs, new vscode.Position(APP_BREAKPOINT_LINE - 1, 0)))]);
    const finished = nextFinish();
    const launched = await vscode.debug.startDebugging(folder, {
      type: 'aws-lambda-local',
      request: 'launch',
      name: 'debug GreetFunction',
      template: '${workspaceFolder}/hello-ts/esbuild.template.yaml',
      logicalId: 'GreetFunction',
      event: 'hello-ts/events/event.json',
    });
    assert.equal(launched, true, 'the debug session starts');
    const stop = await stops.next();
    const top = await topFrame(stop);
    assert.equal(top.file, appTs.fsPath);
    assert.equal(top.line, APP_BREAKPOINT_LINE);
    const evaluated = (await stop.session.customRequest('evaluate', { expression: 'event.queryStringParameters.name', frameId: top.id, context: 'repl' })) as DebugProtocol.EvaluateResponse['body'];
    assert.match(evaluated.result, /^['"]ada['"]$/);
    await stop.session.customRequest('continue', { threadId: stop.threadId });
    const done = await finished;
    assert.equal(done.result.functionError, undefined, done.result.payload);
    assert.deepEqual(JSON.parse(JSON.parse(done.result.payload).body), { message: 'hello ada', path: '/hello' });
    await sessionsEnded();
  });

  it('time stopped on a breakpoint does not count towards the timeout', async () => {
    vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(handlerTs, new vscode.Position(BREAKPOINT_LINE - 1, 0)))]);
    const finished = nextFinish();
    assert.equal(await vscode.debug.startDebugging(folder, config('TsHandlerTsc', { timeout: 1, event: { id: 's3 put', params: { bucket: 'paused' } } })), true);
    const stop = await stops.next();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await stop.session.customRequest('continue', { threadId: stop.threadId });
    const done = await finished;
    assert.equal(done.result.functionError, undefined, done.result.payload);
    assert.ok(done.result.report.durationMs < 1000, `Duration ${done.result.report.durationMs} ms leaves the paused time out`);
    await sessionsEnded();
  });

  it('a handler that throws: the Lambda-shaped error in the Debug Console and the result view', async () => {
    const finished = nextFinish();
    assert.equal(await vscode.debug.startDebugging(folder, config('TsHandlerEsbuild', { event: { id: 's3 put', params: { bucket: 'refuse' } } })), true);
    const done = await finishWithoutStopping(finished);
    assert.equal(done.result.functionError, 'Unhandled');
    const error = JSON.parse(done.result.payload) as { errorType: string; errorMessage: string; trace: string[] };
    assert.equal(error.errorType, 'RangeError');
    assert.equal(error.errorMessage, 'bucket refuse refused');
    assert.match(error.trace[1], /src\/handler\.ts:10:\d+\)$/, 'the trace points at the TypeScript source');
    assert.match(done.console.join('\n'), /failed \(RangeError\):\n\{\n {2}"errorType": "RangeError"/);
    assert.equal(api.invokeResult()?.lastView?.functionError, 'Unhandled');
    await sessionsEnded();
  });

  it('a handler that times out: "Task timed out", and the next debug session works', async () => {
    const timedOut = nextFinish();
    assert.equal(await vscode.debug.startDebugging(folder, config('TsHandlerTsc', { timeout: 1, event: { id: 's3 put', params: { bucket: 'slow' } } })), true);
    const done = await finishWithoutStopping(timedOut);
    assert.equal(done.result.errorType, 'Sandbox.Timedout');
    assert.match(done.console.join('\n'), /Task timed out after 1\.00 seconds/);
    await sessionsEnded();
    const next = nextFinish();
    assert.equal(await vscode.debug.startDebugging(folder, config('TsHandlerTsc', { event: { id: 's3 put', params: { bucket: 'after' } } })), true);
    const after = await finishWithoutStopping(next);
    assert.equal(JSON.parse(after.result.payload).object.startsWith('s3://after/'), true, after.result.payload);
    await sessionsEnded();
  });

  it('Invoke Again runs the warm runtime again in the same session (stopAfterInvocation: false)', async () => {
    const first = nextFinish();
    assert.equal(await vscode.debug.startDebugging(folder, config('TsHandlerTsc', { stopAfterInvocation: false, event: { id: 's3 put', params: { bucket: 'warm' } } })), true);
    const a = await first;
    assert.match(a.result.log, /Init Duration/);
    const session = vscode.debug.activeDebugSession;
    assert.ok(session, 'the session stays while the runtime is warm');
    const second = nextFinish();
    await vscode.commands.executeCommand('serverlessExplorer.reinvoke');
    const b = await second;
    assert.equal(b.runId, a.runId, 'the same run');
    assert.doesNotMatch(b.result.log, /Init Duration/, 'warm: no init');
    assert.deepEqual(JSON.parse(b.result.payload), JSON.parse(a.result.payload));
    await vscode.debug.stopDebugging(session);
    await sessionsEnded();
  });

  it('offers every function of the workspace templates that can be debugged as a dynamic configuration (not HelloRuby)', async () => {
    const configs = await api.debugConfigurations(folder);
    assert.deepEqual(configs.map((c) => c.logicalId).sort(), ['FailingNode', 'GreetFunction', 'HelloNode', 'HelloPython', 'ItemsFunction', 'TsHandlerEsbuild', 'TsHandlerTsc']);
    const tsc = configs.find((c) => c.logicalId === 'TsHandlerTsc')!;
    assert.deepEqual(tsc, { type: 'aws-lambda-local', request: 'launch', name: 'Lambda: TsHandlerTsc (ts-app/ts.template.yaml)', template: '${workspaceFolder}/ts-app/ts.template.yaml', logicalId: 'TsHandlerTsc' });
  });

  it('a Python function without the Python Debugger extension: a message that names it', async () => {
    const refused = new Promise<string>((resolve) => {
      const subscription = api.lambdaDebug.onDidRefuse((message) => {
        subscription.dispose();
        resolve(message);
      });
    });
    const started = await vscode.debug.startDebugging(folder, { type: 'aws-lambda-local', request: 'launch', name: 'py', template: '${workspaceFolder}/app/app.template.yaml', logicalId: 'HelloPython', event: '{}' });
    assert.equal(started, false);
    assert.match(await refused, /Python Debugger extension \(ms-python\.debugpy\)/);
  });

  it('a Ruby function: a message that it cannot be debugged yet, offering to run it without debugging', async () => {
    const refused = new Promise<string>((resolve) => {
      const subscription = api.lambdaDebug.onDidRefuse((message) => {
        subscription.dispose();
        resolve(message);
      });
    });
    const started = await vscode.debug.startDebugging(folder, { type: 'aws-lambda-local', request: 'launch', name: 'rb', template: '${workspaceFolder}/app/app.template.yaml', logicalId: 'HelloRuby', event: '{}' });
    assert.equal(started, false);
    assert.match(await refused, /^HelloRuby runs on ruby3\.3, which cannot be debugged locally yet: breakpoint debugging is for nodejs\*, python3\.\* functions\. Run it without debugging instead\.$/);
  });

  it('a wrong logical id: a message listing the template functions', async () => {
    const refused = new Promise<string>((resolve) => {
      const subscription = api.lambdaDebug.onDidRefuse((message) => {
        subscription.dispose();
        resolve(message);
      });
    });
    assert.equal(await vscode.debug.startDebugging(folder, config('Nope', { event: '{}' })), false);
    assert.match(await refused, /has no function Nope\. Its functions: TsHandlerTsc, TsHandlerEsbuild\./);
  });
});
