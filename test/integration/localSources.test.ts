import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { LocalFunctionDefinition } from '../../src/core/local/types';
import type { ServerlessExplorerApi } from '../../src/extension';
import type { LocalFunctionItem } from '../../src/ui/explorer/localFunctionsTree';
import type { LocalInvokeOutcome } from '../../src/ui/local/invokeLocalCommand';
import { copyCdkFixture } from '../support/cdkFixture';
import { ROOT } from '../support/paths';
import { SessionWatcher, StopWatcher, nextFinish, topFrame } from './debugStops';
import { activatedApi } from './helpers';

// A CDK app (test/fixtures/cdk-app, its committed cdk.out), a Serverless Framework service
// (test/fixtures/serverless-app) and a Terraform configuration (test/fixtures/terraform-app) beside the workspace's SAM templates, in a real VS Code: the Local Functions view
// groups them by source, Invoke Locally runs them, and the NodejsFunction's .ts is debugged through its source map.
// They are copied in for this file only (at startup a cdk.json would activate the extension, which activation.test
// must not see) and removed after it.

describe('local functions from AWS CDK, the Serverless Framework and Terraform beside SAM', function () {
  this.timeout(180_000);
  let api: ServerlessExplorerApi;
  let folder: vscode.WorkspaceFolder;
  let cdkApp: string;
  let service: string;
  let terraform: string;
  let groups: vscode.TreeItem[];

  /** The view's top level once it shows `count` source groups (the file watcher and the refresh both re-read it). */
  async function topLevel(count: number): Promise<vscode.TreeItem[]> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const top = await api.localFunctions.getChildren();
      if (top.filter((i) => i.contextValue?.startsWith('localSource')).length === count) return top;
      if (Date.now() > deadline) throw new Error(`the Local Functions view shows ${top.map((i) => String(i.label)).join(' | ')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /**
   * Resolves once the view has not changed for `quietMs`: the file watcher reports the copied (or removed) files a
   * while after they are written, and each report ends the warm environments, an invocation running in one too.
   */
  function quiet(quietMs = 3_000, timeoutMs = 30_000): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const finish = (error?: Error) => {
        clearTimeout(timer);
        clearTimeout(deadline);
        subscription.dispose();
        if (error) reject(error);
        else resolve();
      };
      let timer = setTimeout(finish, quietMs);
      const deadline = setTimeout(() => finish(new Error(`the Local Functions view still changes ${timeoutMs / 1000} s later`)), timeoutMs);
      const subscription = api.localFunctions.onDidChangeTreeData(() => {
        clearTimeout(timer);
        timer = setTimeout(finish, quietMs);
      });
    });
  }

  const group = (title: string) => {
    const found = groups.find((g) => g.label === title);
    assert.ok(found, `no "${title}" group: ${groups.map((g) => String(g.label)).join(' | ')}`);
    return found;
  };
  /** The function items of a group, by name, as the view shows them. By contextValue: the items come from the extension's bundle. */
  const functionsOf = async (title: string) =>
    new Map(
      ((await api.localFunctions.getChildren(group(title))) as LocalFunctionItem[]).filter((i) => i.contextValue === 'localFunction').map((i) => [i.definition.name, i]),
    );
  const invoke = async (item: LocalFunctionItem, payload: unknown) =>
    (await vscode.commands.executeCommand('serverlessExplorer.invokeLocal', item, { payload: JSON.stringify(payload) })) as LocalInvokeOutcome;

  before(async () => {
    api = await activatedApi();
    folder = vscode.workspace.workspaceFolders![0];
    cdkApp = path.join(folder.uri.fsPath, 'cdk-app');
    service = path.join(folder.uri.fsPath, 'serverless-app');
    terraform = path.join(folder.uri.fsPath, 'terraform-app');
    copyCdkFixture(cdkApp);
    fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'serverless-app'), service, { recursive: true });
    fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'terraform-app'), terraform, { recursive: true });
    await vscode.commands.executeCommand('serverlessExplorer.refreshLocal');
    await quiet();
    groups = (await topLevel(4)).filter((i) => i.contextValue?.startsWith('localSource'));
  });

  after(async () => {
    fs.rmSync(cdkApp, { recursive: true, force: true });
    fs.rmSync(service, { recursive: true, force: true });
    fs.rmSync(terraform, { recursive: true, force: true });
    await vscode.commands.executeCommand('serverlessExplorer.refreshLocal');
    await quiet();
    // The later files read the view's top level as the SAM templates' functions alone.
    await topLevel(0);
  });

  it('groups the Local Functions view by source: AWS CDK, Serverless Framework, Terraform, SAM / CloudFormation', async () => {
    assert.deepEqual(
      groups.map((g) => g.label),
      ['AWS CDK', 'Serverless Framework', 'Terraform', 'SAM / CloudFormation'],
    );
    const cdk = await functionsOf('AWS CDK');
    // Named by construct path; the code is the asset cdk synth wrote.
    assert.deepEqual([...cdk.keys()], ['OrdersStack/Api/Handler', 'OrdersStack/Checkout', 'OrdersStack/Reports/ReportFunction', 'Prod/ShopStack/ShopFunction']);
    assert.equal(cdk.get('OrdersStack/Checkout')!.description, 'nodejs20.x · cdk-app/cdk.out/asset.checkout');
    assert.equal(group('AWS CDK').description, '4 functions · 1 problem');
    const sls = await functionsOf('Serverless Framework');
    assert.deepEqual([...sls.keys()].sort(), ['auth', 'hello', 'private', 'pyhello']);
    assert.equal(sls.get('hello')!.description, 'nodejs20.x · serverless-app');
    const tf = await functionsOf('Terraform');
    assert.deepEqual([...tf.keys()], ['aws_lambda_function.orders', 'aws_lambda_function.report', 'module.notifier', 'module.greeter.aws_lambda_function.greeter']);
    assert.equal(tf.get('module.notifier')!.description, 'python3.12 · terraform-app/src/notifier');
    const sam = await functionsOf('SAM / CloudFormation');
    assert.ok(sam.has('HelloNode') && sam.has('TsHandlerTsc'), [...sam.keys()].join(', '));
  });

  it("Invoke Locally on a CDK function: its layer, and the environment of its stack's template, in the result view", async () => {
    const outcome = await invoke((await functionsOf('AWS CDK')).get('OrdersStack/Api/Handler')!, { name: 'vscode' });
    assert.equal(outcome.status, 'invoked');
    const view = api.invokeResult()!.lastView!;
    assert.equal(view.functionName, 'OrdersStack/Api/Handler');
    assert.equal(view.functionError, undefined, view.payload);
    const response = JSON.parse(view.payload) as { statusCode: number; body: string };
    assert.equal(response.statusCode, 200);
    assert.deepEqual(JSON.parse(response.body), { message: 'hello vscode from the layer', stage: 'dev', table: '${OrdersTable8C5A2E0F}' });
    assert.match(view.logTail ?? '', /^START RequestId: .*\nEND RequestId: .*\nREPORT RequestId: .*Memory Size: 256 MB/s);
  });

  it("Invoke Locally on a Serverless function: serverless.yml's variables resolved, .env read, its layer, in the result view", async () => {
    const outcome = await invoke((await functionsOf('Serverless Framework')).get('hello')!, {});
    assert.equal(outcome.status, 'invoked');
    const view = api.invokeResult()!.lastView!;
    assert.equal(view.functionName, 'hello');
    assert.equal(view.functionError, undefined, view.payload);
    const body = JSON.parse((JSON.parse(view.payload) as { body: string }).body) as { greeting: string; env: Record<string, string> };
    assert.equal(body.greeting, 'hello from custom (via the shared layer)');
    assert.deepEqual([body.env.TEXT, body.env.STAGE, body.env.COLOR, body.env.FROM_DOTENV], ['fixture-app-dev', 'dev', 'blue', 'from-dotenv']);
  });

  it('Invoke Locally on a Terraform function: its variables and locals, its aws_lambda_layer_version, in the result view', async () => {
    const outcome = await invoke((await functionsOf('Terraform')).get('aws_lambda_function.orders')!, { pathParameters: { id: '7' } });
    assert.equal(outcome.status, 'invoked');
    const view = api.invokeResult()!.lastView!;
    assert.equal(view.functionName, 'aws_lambda_function.orders');
    assert.equal(view.functionError, undefined, view.payload);
    assert.deepEqual(JSON.parse((JSON.parse(view.payload) as { body: string }).body), { order: '7', table: 'orders', stage: 'shop-dev', greeting: 'hi orders from the shared layer' });
  });

  describe('debugging the NodejsFunction (bundling: { sourceMap: true })', () => {
    let stops: StopWatcher;
    let sessions: SessionWatcher;
    let checkoutTs: vscode.Uri;
    let breakpointLine: number;

    before(() => {
      stops = new StopWatcher();
      sessions = new SessionWatcher();
      checkoutTs = vscode.Uri.file(path.join(cdkApp, 'lambda', 'checkout.ts'));
      // 1-based, as the debugger reports lines.
      breakpointLine = fs.readFileSync(checkoutTs.fsPath, 'utf8').split('\n').findIndex((line) => line.includes('const quantity')) + 1;
    });

    after(async () => {
      vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
      await vscode.debug.stopDebugging();
      stops.dispose();
      sessions.dispose();
    });

    it('shows Debug locally above the handler in lambda/checkout.ts, for OrdersStack/Checkout (found through the source map)', async () => {
      await vscode.workspace.openTextDocument(checkoutTs);
      const handlerLine = fs.readFileSync(checkoutTs.fsPath, 'utf8').split('\n').findIndex((line) => line.startsWith('export const handler'));
      const lenses = ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', checkoutTs)) ?? []).filter((l) => l.command?.command === 'serverlessExplorer.debugLocal');
      assert.deepEqual(
        lenses.map((l) => [l.range.start.line, (l.command!.arguments![0] as LocalFunctionDefinition).name]),
        [[handlerLine, 'OrdersStack/Checkout']],
      );
    });

    it("opens lambda/checkout.ts, not the bundle, when its item in the view is clicked (its command resolved from the source map)", async () => {
      const item = (await functionsOf('AWS CDK')).get('OrdersStack/Checkout')!;
      const resolved = await api.localFunctions.resolveTreeItem(item);
      assert.equal((resolved?.command?.arguments?.[0] as vscode.Uri | undefined)?.fsPath, checkoutTs.fsPath);
      const python = (await functionsOf('AWS CDK')).get('OrdersStack/Reports/ReportFunction')!;
      const report = await api.localFunctions.resolveTreeItem(python);
      assert.match((report?.command?.arguments?.[0] as vscode.Uri).fsPath, /cdk\.out[\\/]asset\.reports[\\/]\w+\.py$/);
    });

    it('offers a debug configuration for it, named by construct path, of its stack template', async () => {
      const config = (await api.debugConfigurations(folder)).find((c) => c.logicalId === 'CheckoutB7CD3E82');
      assert.deepEqual(config, {
        type: 'aws-lambda-local',
        request: 'launch',
        name: 'Lambda: OrdersStack/Checkout (cdk-app/cdk.out/OrdersStack.template.json)',
        template: '${workspaceFolder}/cdk-app/cdk.out/OrdersStack.template.json',
        logicalId: 'CheckoutB7CD3E82',
      });
    });

    it('stops at a breakpoint in lambda/checkout.ts (not the bundle) with the event in scope, then shows the result', async () => {
      const config = (await api.debugConfigurations(folder)).find((c) => c.logicalId === 'CheckoutB7CD3E82')!;
      vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(checkoutTs, new vscode.Position(breakpointLine - 1, 0)))]);
      const finished = nextFinish(api);
      const event = { items: [{ sku: 'tea', quantity: 2 }, { sku: 'cup', quantity: 1 }] };
      assert.equal(await vscode.debug.startDebugging(folder, { ...config, event }), true, 'the debug session starts');
      const stop = await stops.next();
      const top = await topFrame(stop);
      assert.deepEqual([top.file, top.line], [checkoutTs.fsPath, breakpointLine]);
      const evaluated = (await stop.session.customRequest('evaluate', { expression: 'items.map((i) => i.sku).join()', frameId: top.id, context: 'repl' })) as DebugProtocol.EvaluateResponse['body'];
      assert.match(evaluated.result, /^['"]tea,cup['"]$/);
      await stop.session.customRequest('continue', { threadId: stop.threadId });
      const done = await finished;
      assert.equal(done.result.functionError, undefined, done.result.payload);
      assert.deepEqual(JSON.parse(done.result.payload), { quantity: 3, currency: 'EUR', stage: 'dev' });
      assert.equal(api.invokeResult()?.lastView?.functionName, 'OrdersStack/Checkout');
      await sessions.allEnded();
    });
  });
});
