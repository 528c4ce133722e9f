import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ServerlessExplorerApi } from '../../src/extension';
import type { InvokeOutcome } from '../../src/ui/invoke/invokeCommand';
import { activatedApi, label, resetSettings, setSetting, settledChildren, walk } from './helpers';

const ORDERS = ['moto', 'us-east-1', 'Lambda', 'orders-api'];

describe('invoking deployed functions with sample events (moto)', function () {
  this.timeout(60_000);
  let api: ServerlessExplorerApi;

  before(async () => {
    api = await activatedApi();
    await setSetting('profiles', ['moto']);
    await setSetting('endpointUrl', process.env.SE_MOTO_ENDPOINT);
  });

  after(async () => {
    await resetSettings();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('invokes a function from its tree node with "s3 put" and shows the result', async () => {
    const fn = await walk(api, ...ORDERS);
    const outcome = (await vscode.commands.executeCommand('serverlessExplorer.invoke', fn, {
      eventId: 's3 put',
      params: { bucket: 'invoices-bucket', key: 'in/März 2026.pdf' },
      invocationType: 'RequestResponse',
      qualifier: '',
    })) as InvokeOutcome;
    assert.equal(outcome.status, 'invoked');
    const view = api.invokeResult()?.lastView;
    assert.ok(view, 'no result view');
    assert.equal(view.functionName, 'orders-api');
    assert.equal(view.statusCode, 200);
    assert.equal(view.functionError, undefined);
    // moto echoes the request payload: the response is the event that was sent.
    const echoed = JSON.parse(view.payload);
    assert.equal(echoed.Records[0].s3.bucket.name, 'invoices-bucket');
    assert.equal(echoed.Records[0].s3.object.key, 'in/M%C3%A4rz+2026.pdf');
    assert.equal(view.eventLabel, 's3 put');
  });

  it('refuses invalid JSON before sending, pointing at line and column', async () => {
    const fn = await walk(api, ...ORDERS);
    const before = api.invokeResult()?.lastView;
    const outcome = (await vscode.commands.executeCommand('serverlessExplorer.invoke', fn, {
      payload: '{\n  "orderId": 42,\n}',
      invocationType: 'RequestResponse',
      qualifier: '',
    })) as InvokeOutcome;
    assert.equal(outcome.status, 'refused');
    assert.match((outcome as { message: string }).message, /not valid JSON \(line 3, column 1\).*nothing was sent/);
    assert.equal(api.invokeResult()?.lastView, before, 'the result view changed: something was sent');
  });

  it("refuses payloads over Lambda's limits: 6 MB synchronous, 1 MB asynchronous", async () => {
    const fn = await walk(api, ...ORDERS);
    const big = (bytes: number) => JSON.stringify({ data: 'x'.repeat(bytes) });
    const sync = (await vscode.commands.executeCommand('serverlessExplorer.invoke', fn, { payload: big(6 * 1024 * 1024), invocationType: 'RequestResponse', qualifier: '' })) as InvokeOutcome;
    assert.equal(sync.status, 'refused');
    assert.match((sync as { message: string }).message, /over Lambda's 6 MB limit for synchronous invocations/);
    const async = (await vscode.commands.executeCommand('serverlessExplorer.invoke', fn, { payload: big(1024 * 1024), invocationType: 'Event', qualifier: '' })) as InvokeOutcome;
    assert.equal(async.status, 'refused');
    assert.match((async as { message: string }).message, /over Lambda's 1 MB limit for asynchronous \(Event\) invocations/);
  });

  it('saves the event in the editor as a test event: a file in the workspace, listed under its function, and invokable', async () => {
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: '{ "orderId": "A-7", "items": 3 }' });
    await vscode.window.showTextDocument(document);
    const fn = await walk(api, ...ORDERS);
    const file = (await vscode.commands.executeCommand('serverlessExplorer.saveTestEvent', fn, 'order-created')) as string;
    assert.equal(file, path.join(root, '.vscode', 'lambda-events', 'orders-api', 'order-created.json'));
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), { orderId: 'A-7', items: 3 });
    const events = await settledChildren(api, await walk(api, ...ORDERS, 'Test Events'));
    assert.deepEqual(events.map(label), ['order-created']);
    const outcome = (await vscode.commands.executeCommand('serverlessExplorer.invoke', events[0], { invocationType: 'RequestResponse', qualifier: '1' })) as InvokeOutcome;
    assert.equal(outcome.status, 'invoked');
    assert.deepEqual(JSON.parse(api.invokeResult()!.lastView!.payload), { orderId: 'A-7', items: 3 });
    assert.equal(api.invokeResult()!.lastView!.qualifier, '1');
  });

  it('asks before invoking what looks like production (the alias "live"), and not when told never to', async () => {
    const fn = await walk(api, ...ORDERS);
    const options = { payload: '{}', invocationType: 'RequestResponse', qualifier: 'live' };
    // The test host refuses modal dialogs, with the dialog's text: that is the confirmation a user would see.
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('serverlessExplorer.invoke', fn, options)), /Invoke orders-api:live \(moto · us-east-1\)\?/);
    await setSetting('confirmInvoke', 'never');
    try {
      const outcome = (await vscode.commands.executeCommand('serverlessExplorer.invoke', fn, options)) as InvokeOutcome;
      assert.equal(outcome.status, 'invoked');
    } finally {
      await setSetting('confirmInvoke', undefined);
    }
  });

  it('opens a sample event as JSON in an editor, with the defaults when the user just presses Enter', async () => {
    const opening = vscode.commands.executeCommand('serverlessExplorer.openSampleEvent', 'sqs receive-message');
    await new Promise((r) => setTimeout(r, 800));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await opening;
    const editor = vscode.window.activeTextEditor!;
    assert.match(editor.document.uri.path, /sqs-receive-message(-\d+)?\.json$/);
    assert.equal(editor.document.languageId, 'json');
    const event = JSON.parse(editor.document.getText());
    assert.equal(event.Records[0].eventSourceARN, 'arn:aws:sqs:us-east-1:123456789012:my-queue');
  });
});
