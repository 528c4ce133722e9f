import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { ServerlessExplorerApi } from '../../src/extension';
import type { SendRequestOutcome } from '../../src/ui/api/sendRequestCommand';
import type { LocalFunctionItem, LocalRouteItem } from '../../src/ui/explorer/localFunctionsTree';
import { APP_BREAKPOINT_LINE } from '../support/esbuildProjects';
import { SessionWatcher, StopWatcher, topFrame } from './debugStops';
import { activatedApi, setSetting } from './helpers';

// The local HTTP API in a real VS Code: the routes of api-app (test/support/apiApp.ts) and hello-ts's GET /hello,
// served on 127.0.0.1 by the workspace's functions, with and without the debugger.

describe('the local API (Start Local API, Send Request…, Debug Local API)', function () {
  this.timeout(180_000);
  let api: ServerlessExplorerApi;

  before(async () => {
    api = await activatedApi();
    // A free port each run: nothing else on the machine must be on 3000 for the suite to pass.
    await setSetting('localApiPort', 0);
  });

  after(async () => {
    await vscode.commands.executeCommand('serverlessExplorer.stopLocalApi');
    await setSetting('localApiPort', undefined);
  });

  /** The route item of the Local Functions view, as the view shows it under its function. */
  async function routeItem(functionName: string, label: string): Promise<LocalRouteItem> {
    // By contextValue: the items come from the extension's bundle, whose classes are not this file's imports.
    const fn = (await api.localFunctions.getChildren()).find((i): i is LocalFunctionItem => i.contextValue === 'localFunction' && (i as LocalFunctionItem).definition.name === functionName);
    assert.ok(fn, `no ${functionName} in the Local Functions view`);
    const routes = (await api.localFunctions.getChildren(fn)) as LocalRouteItem[];
    const route = routes.find((r) => r.label === label);
    assert.ok(route, `no ${label} under ${functionName}: ${routes.map((r) => r.label).join(', ')}`);
    return route;
  }

  /** The next line of the output channel that matches. */
  const nextLine = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no line ${pattern} in the Local API output within 30 s; last: ${api.localApi.lines.slice(-3).join(' | ')}`)), 30_000);
      const subscription = api.localApi.onDidLog((line) => {
        if (!pattern.test(line)) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve(line);
      });
    });

  it('lists each route under its function in the Local Functions view, with its kind of API and payload version', async () => {
    const fn = (await api.localFunctions.getChildren()).find((i) => i.contextValue === 'localFunction' && (i as LocalFunctionItem).definition.name === 'ItemsFunction')!;
    assert.equal(fn.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    const routes = (await api.localFunctions.getChildren(fn)).map((r) => [r.label, r.description, r.contextValue]);
    assert.deepEqual(routes, [
      ['ANY /items/{id}', 'HTTP API · payload 2.0', 'localRoute.get'],
      ['POST /items', 'REST · payload 1.0', 'localRoute'],
    ]);
    const greet = await routeItem('GreetFunction', 'GET /hello');
    assert.equal(greet.description, 'REST · payload 1.0');
    const plain = (await api.localFunctions.getChildren()).find((i) => i.contextValue === 'localFunction' && (i as LocalFunctionItem).definition.name === 'HelloNode')!;
    assert.equal(plain.collapsibleState, vscode.TreeItemCollapsibleState.None, 'a function without routes has no children');
  });

  it('starts from a route item: the function answers a fetch, the output channel has a line per request, the status bar shows the port', async () => {
    const url = (await vscode.commands.executeCommand('serverlessExplorer.startLocalApi', await routeItem('GreetFunction', 'GET /hello'))) as string;
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(api.localApi.mode, 'run');
    assert.equal(api.localApi.statusText, `$(radio-tower) Local API :${new URL(url).port}`);
    assert.ok(api.localApi.lines.includes(`Mounted GET ${url}/hello → GreetFunction (REST, payload 1.0)`), api.localApi.lines.join('\n'));
    assert.ok(api.localApi.lines.includes(`Mounted ANY ${url}/items/{id} → ItemsFunction (HTTP API, payload 2.0)`), api.localApi.lines.join('\n'));

    const logged = nextLine(/ GET \/hello /);
    const response = await fetch(`${url}/hello?name=vscode`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { message: 'hello vscode', path: '/hello' });
    assert.match(await logged, /^\d{4}-\d\d-\d\dT[\d:.]+Z GET \/hello 200 GreetFunction \d+\.\d ms$/);

    const missing = nextLine(/ GET \/nope /);
    const nope = await fetch(`${url}/nope`);
    assert.equal(nope.status, 403);
    assert.deepEqual(await nope.json(), { message: 'Missing Authentication Token' });
    assert.match(await missing, /GET \/nope 403 [\d.]+ ms \(no route for this method and path\)$/);
    assert.equal(await vscode.commands.executeCommand('serverlessExplorer.startLocalApi'), url, 'starting again gives the running API');
  });

  it('Open in Browser opens the route on the running API', async () => {
    const opened = await vscode.commands.executeCommand('serverlessExplorer.openRouteInBrowser', await routeItem('GreetFunction', 'GET /hello'));
    assert.equal(opened, `${api.localApi.url}/hello`);
  });

  it('Send Request…: the method, the path with its {id}, headers and a body as the prompts take them; the response in the result view', async () => {
    const logged = nextLine(/ PATCH \/items\/42 /);
    const outcome = (await vscode.commands.executeCommand('serverlessExplorer.sendApiRequest', await routeItem('ItemsFunction', 'ANY /items/{id}'), {
      method: 'patch',
      path: '/items/42?verbose=1',
      headers: 'X-Trace: abc; Accept: application/json',
      body: '{"n": 1}',
    })) as SendRequestOutcome;
    assert.equal(outcome.status, 'sent', JSON.stringify(outcome));
    const view = api.invokeResult()!.lastView!;
    assert.equal(view.eventLabel, 'PATCH /items/42?verbose=1');
    assert.equal(view.http?.status, 200);
    assert.equal(view.http?.url, `${api.localApi.url}/items/42?verbose=1`);
    assert.deepEqual(JSON.parse(view.payload), { method: 'PATCH', path: '/items/42', id: '42', trace: 'abc', query: { verbose: '1' }, body: { n: 1 } });
    assert.ok(view.http?.headers.some(([name, value]) => name === 'x-served-by' && value === 'ItemsFunction'), JSON.stringify(view.http?.headers));
    assert.match(await logged, /PATCH \/items\/42 200 ItemsFunction [\d.]+ ms$/);
  });

  it('Send Request… says which {parameter} is still to fill in, and sends nothing', async () => {
    const outcome = (await vscode.commands.executeCommand('serverlessExplorer.sendApiRequest', await routeItem('ItemsFunction', 'ANY /items/{id}'), { method: 'GET', path: '/items/{id}', headers: '' })) as SendRequestOutcome;
    assert.deepEqual(outcome, { status: 'failed', message: 'Replace {id} with its value' });
  });

  it('Stop Local API closes the port and hides the status bar item', async () => {
    const url = api.localApi.url!;
    await vscode.commands.executeCommand('serverlessExplorer.stopLocalApi');
    assert.equal(api.localApi.url, undefined);
    assert.equal(api.localApi.statusText, undefined);
    await assert.rejects(fetch(`${url}/hello`));
  });

  it('Send Request… starts the API when it is not running (a REST POST with a JSON body)', async () => {
    const outcome = (await vscode.commands.executeCommand('serverlessExplorer.sendApiRequest', await routeItem('ItemsFunction', 'POST /items'), { path: '/items', headers: '{"X-Trace": "rest"}', body: '{"name": "ada"}' })) as SendRequestOutcome;
    assert.equal(outcome.status, 'sent', JSON.stringify(outcome));
    assert.ok(api.localApi.url, 'the API runs');
    assert.deepEqual(JSON.parse(api.invokeResult()!.lastView!.payload), { method: 'POST', path: '/items', id: null, trace: 'rest', query: null, body: { name: 'ada' } });
    await vscode.commands.executeCommand('serverlessExplorer.stopLocalApi');
  });

  describe('Debug Local API', () => {
    let stops: StopWatcher;
    let sessions: SessionWatcher;

    before(() => {
      stops = new StopWatcher();
      sessions = new SessionWatcher();
    });

    after(async () => {
      vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
      await vscode.commands.executeCommand('serverlessExplorer.stopLocalApi');
      stops.dispose();
      sessions.dispose();
    });

    it('a fetch stops at a breakpoint in the TypeScript handler (built by esbuild), under the API session; continuing answers it', async () => {
      const folder = vscode.workspace.workspaceFolders![0];
      const appTs = vscode.Uri.file(path.join(folder.uri.fsPath, 'hello-ts', 'hello-world', 'app.ts'));
      vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(appTs, new vscode.Position(APP_BREAKPOINT_LINE - 1, 0)))]);
      const url = (await vscode.commands.executeCommand('serverlessExplorer.debugLocalApi')) as string;
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(api.localApi.mode, 'debug');
      assert.equal(api.localApi.statusText, `$(debug-alt) Local API :${new URL(url).port} (debugging)`);
      const apiSession = [...sessions.started].find((s) => s.name === 'Local API');
      assert.ok(apiSession, `no Local API session: ${[...sessions.started].map((s) => s.name).join(', ')}`);

      const answer = fetch(`${url}/hello?name=ada`);
      const stop = await stops.next(120_000);
      const top = await topFrame(stop);
      assert.equal(top.file, appTs.fsPath);
      assert.equal(top.line, APP_BREAKPOINT_LINE);
      const evaluated = (await stop.session.customRequest('evaluate', { expression: 'event.queryStringParameters.name', frameId: top.id, context: 'repl' })) as DebugProtocol.EvaluateResponse['body'];
      assert.match(evaluated.result, /^['"]ada['"]$/);
      const ancestors: string[] = [];
      for (let s: vscode.DebugSession | undefined = stop.session; s; s = s.parentSession) ancestors.push(s.name);
      assert.ok(ancestors.includes('Local API'), `the function's session is not under the API's: ${ancestors.join(' < ')}`);
      const pending = await Promise.race([answer.then(() => 'answered'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 500))]);
      assert.equal(pending, 'waiting', 'the request waits while the handler is stopped');

      await stop.session.customRequest('continue', { threadId: stop.threadId });
      const response = await answer;
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { message: 'hello ada', path: '/hello' });

      await vscode.commands.executeCommand('serverlessExplorer.stopLocalApi');
      assert.equal(api.localApi.url, undefined);
      await sessions.allEnded();
    });
  });
});
