import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InvokeOutcome } from '../../src/ui/invoke/invokeCommand';
import { PagingStandIn } from '../support/pagingStandIn';
import { activatedApi, label, resetSettings, setSetting, settledChildren, walk } from './helpers';

describe('AWS explorer with 10,000 functions (paginating stand-in)', function () {
  this.timeout(60_000);
  let standIn: PagingStandIn;

  before(async () => {
    // moto answers ListFunctions in one page; this stand-in pages by 50, with a little latency per page.
    standIn = await PagingStandIn.start({ functions: 10_000, latencyMs: 3 });
  });

  after(async () => {
    await resetSettings();
    await standIn.stop();
  });

  it('shows the first pages while the rest streams in, then all 10,000 in order', async () => {
    const api = await activatedApi();
    await setSetting('profiles', ['moto']);
    await setSetting('endpointUrl', standIn.endpoint);
    const lambda = await walk(api, 'moto', 'us-east-1', 'Lambda');
    const first = await api.awsExplorer.getChildren(lambda);
    const loading = first[first.length - 1];
    assert.match(label(loading), /^Loading more… \([\d,]+ so far\)$/, 'the first answer should not wait for the whole listing');
    assert.ok(first.length - 1 >= 50 && first.length - 1 < 10_000, `${first.length - 1} functions in the first answer`);
    const all = await settledChildren(api, lambda, 30_000);
    assert.equal(all.length, 10_000);
    assert.equal(label(all[0]), 'fn-00000');
    assert.equal(label(all[9_999]), 'fn-09999');
    assert.equal(lambda.description, '10,000 functions');
  });

  it('shows a function error with its log tail and REPORT figures in the result view', async () => {
    const api = await activatedApi();
    const fn = await walk(api, 'moto', 'us-east-1', 'Lambda', 'fn-00001');
    const outcome = (await vscode.commands.executeCommand('serverlessExplorer.invoke', fn, { payload: '{"orderId":1}', invocationType: 'RequestResponse', qualifier: '' })) as InvokeOutcome;
    assert.equal(outcome.status, 'invoked');
    const view = api.invokeResult()!.lastView!;
    assert.equal(view.functionError, 'Unhandled');
    assert.equal(view.executedVersion, '3');
    assert.equal(view.requestId, '8f5d2b9e-3c1a-4d7e-9f60-1a2b3c4d5e6f');
    assert.deepEqual(view.report, { durationMs: 41.27, billedDurationMs: 42, memorySizeMb: 512, maxMemoryUsedMb: 88, initDurationMs: 201.09 });
    assert.match(view.logTail ?? '', /ERROR\tInvoke Error/);
    assert.equal(JSON.parse(view.payload).errorType, 'TypeError');
    assert.match(view.payload, /\n {2}"errorType"/, 'the payload is pretty-printed');
  });
});
