import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CreateFunctionCommand, DeleteFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { ServerlessExplorerApi } from '../../src/extension';
import type { AwsNode } from '../../src/ui/explorer/nodes/awsNode';
import type { PullOutcome } from '../../src/ui/pull/pullCommand';
import { LayerApiStandIn } from '../support/layerApiStandIn';
import { DEMO } from '../support/seed';
import { zipFolder } from '../support/zipFolder';
import { activatedApi, EXTENSION_ID, label, resetSettings, setSetting, walk } from './helpers';
import { functionLinkUri, openLink } from './linkRoute';

// Function links through VS Code's own URL route (see linkRoute.ts) into the extension's URI handler, against the
// seeded moto_server: what the AWS view selects afterwards is what a person sees.

describe('function links: the URI handler and Copy Link', function () {
  this.timeout(90_000);
  let api: ServerlessExplorerApi;

  before(async () => {
    api = await activatedApi();
    await setSetting('regions', undefined);
    await setSetting('profiles', ['moto', 'moto-eu']);
    await setSetting('endpointUrl', process.env.SE_MOTO_ENDPOINT);
  });
  after(resetSettings);

  const selected = (): AwsNode | undefined => api.awsView.selection[0];
  async function assertSelected(...path: string[]): Promise<void> {
    const expected = await walk(api, ...path);
    // VS Code updates the selection a moment after reveal resolves.
    for (let i = 0; i < 50 && selected()?.id !== expected.id; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(selected()?.id, expected.id, `selected: ${selected() ? label(selected()!) : 'nothing'}`);
    assert.equal(api.awsView.visible, true, 'the AWS view is shown');
  }

  it('reveals and selects the node of a seeded function a name link names', async () => {
    const outcome = await openLink(api, functionLinkUri('name=stream-processor&region=us-east-1&profile=moto'));
    assert.equal(outcome.status, 'revealed', JSON.stringify(outcome));
    await assertSelected('moto', DEMO.region, 'Lambda', 'stream-processor');
  });

  it('an ARN link, percent-encoded, opens in the profile that shows its region', async () => {
    const arn = `arn:aws:lambda:${DEMO.secondRegion}:${DEMO.account}:function:edge-auth`;
    const outcome = await openLink(api, `${vscode.env.uriScheme}://${EXTENSION_ID}/function?arn=${encodeURIComponent(arn)}`);
    assert.equal(outcome.status, 'revealed', JSON.stringify(outcome));
    assert.deepEqual(outcome.status === 'revealed' && outcome.session, { profile: 'moto-eu', region: DEMO.secondRegion });
    await assertSelected('moto-eu', DEMO.secondRegion, 'Lambda', 'edge-auth');
  });

  it('a qualifier selects the version or the alias', async () => {
    assert.equal((await openLink(api, functionLinkUri('name=orders-api&region=us-east-1&profile=moto&qualifier=live'))).status, 'revealed');
    await assertSelected('moto', DEMO.region, 'Lambda', 'orders-api', 'Aliases', 'live');
    assert.equal((await openLink(api, functionLinkUri('name=orders-api&region=us-east-1&profile=moto&qualifier=1'))).status, 'revealed');
    await assertSelected('moto', DEMO.region, 'Lambda', 'orders-api', 'Versions', 'Version 1');
  });

  it('Copy Link puts a link in this product’s scheme on the clipboard that, opened, selects the same node', async () => {
    const fn = await walk(api, 'moto', DEMO.region, 'Lambda', 'thumbnail-generator');
    const copied = await vscode.commands.executeCommand<string>('serverlessExplorer.copyLink', fn);
    const clipboard = await vscode.env.clipboard.readText();
    assert.equal(clipboard, copied);
    assert.equal(clipboard, `${vscode.env.uriScheme}://${EXTENSION_ID}/function?name=thumbnail-generator&region=us-east-1&profile=moto`);
    await openLink(api, functionLinkUri('name=invoice-worker&region=us-east-1&profile=moto'));
    await assertSelected('moto', DEMO.region, 'Lambda', 'invoice-worker');
    assert.equal((await openLink(api, clipboard)).status, 'revealed');
    await assertSelected('moto', DEMO.region, 'Lambda', 'thumbnail-generator');

    const alias = await walk(api, 'moto', DEMO.region, 'Lambda', 'orders-api', 'Aliases', 'live');
    const aliasLink = await vscode.commands.executeCommand<string>('serverlessExplorer.copyLink', alias);
    assert.match(aliasLink, /\/function\?name=orders-api&region=us-east-1&profile=moto&qualifier=live$/);
  });

  it('a function that is not there: a message naming it, the region and the profile, and the selection stays', async () => {
    await openLink(api, functionLinkUri('name=orders-api&region=us-east-1&profile=moto'));
    await assertSelected('moto', DEMO.region, 'Lambda', 'orders-api');
    const outcome = await openLink(api, functionLinkUri('name=orders-api-gone&region=us-east-1&profile=moto'));
    assert.equal(outcome.status, 'not-found');
    assert.match(outcome.status === 'not-found' ? outcome.message : '', /^Function "orders-api-gone" was not found in us-east-1 with profile "moto"\. Check the link/);
    const version = await openLink(api, functionLinkUri('name=orders-api&region=us-east-1&profile=moto&qualifier=42'));
    assert.match(version.status === 'not-found' ? version.message : JSON.stringify(version), /^Version "42" of function "orders-api" was not found in us-east-1 with profile "moto"/);
    await assertSelected('moto', DEMO.region, 'Lambda', 'orders-api');
  });

  it('offers Invoke…, Open Monitor and Pull to Debug Locally, and the Pull button pulls the function the link revealed', async () => {
    // moto cannot serve a package download: the stand-in serves GetFunction's Code.Location (as in pull.test.ts).
    const standIn = await LayerApiStandIn.start(process.env.SE_MOTO_ENDPOINT!);
    let pulledDir: string | undefined;
    try {
      const src = fs.mkdtempSync(path.join(os.tmpdir(), 'se-int-link-'));
      fs.writeFileSync(path.join(src, 'app.js'), 'exports.handler = async () => "linked";\n');
      const zip = zipFolder(src);
      fs.rmSync(src, { recursive: true, force: true });
      const lambda = new LambdaClient({ region: 'us-east-1', endpoint: process.env.SE_MOTO_ENDPOINT, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
      await lambda.send(new CreateFunctionCommand({ FunctionName: 'linked-fn', Runtime: 'nodejs20.x', Handler: 'app.handler', Role: `arn:aws:iam::${DEMO.account}:role/demo-lambda-role`, Code: { ZipFile: zip } }));
      lambda.destroy();
      standIn.serveFunction('linked-fn', zip);
      await setSetting('endpointUrl', standIn.endpoint);
      const outcome = await openLink(api, functionLinkUri('name=linked-fn&region=us-east-1&profile=moto'));
      assert.equal(outcome.status, 'revealed', JSON.stringify(outcome));
      if (outcome.status !== 'revealed') return;
      await assertSelected('moto', DEMO.region, 'Lambda', 'linked-fn');
      assert.deepEqual(outcome.actions.map((a) => a.title), ['Invoke…', 'Open Monitor', 'Pull to Debug Locally']);
      const pull = outcome.actions[2];
      // The button's own command and arguments, with what a person would answer in the pickers it would show.
      const pulled = await vscode.commands.executeCommand<PullOutcome>(pull.command, ...pull.arguments, { destination: 'cache', credentials: 'profile', quiet: true });
      assert.equal(pulled.status, 'pulled', JSON.stringify(pulled));
      assert.equal(pulled.status === 'pulled' && pulled.definition.name, 'linked-fn');
      pulledDir = pulled.status === 'pulled' ? path.dirname(pulled.definition.origin!.file) : undefined;
    } finally {
      // Later suites see neither the pulled copy (Local Functions would show a "Pulled from AWS" group) nor the function.
      if (pulledDir) fs.rmSync(pulledDir, { recursive: true, force: true });
      await vscode.commands.executeCommand('serverlessExplorer.refreshLocal');
      const lambda = new LambdaClient({ region: 'us-east-1', endpoint: process.env.SE_MOTO_ENDPOINT, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
      await lambda.send(new DeleteFunctionCommand({ FunctionName: 'linked-fn' })).catch(() => undefined);
      lambda.destroy();
      await setSetting('endpointUrl', process.env.SE_MOTO_ENDPOINT);
      await standIn.stop();
    }
  });

  it('a profile whose credentials fail: the reason and what to run, not a silent nothing', async () => {
    await setSetting('profiles', ['moto', 'moto-eu', 'eu']);
    try {
      const outcome = await openLink(api, functionLinkUri('name=edge-auth&region=eu-west-1&profile=eu'));
      assert.equal(outcome.status, 'failed');
      assert.match(outcome.status === 'failed' ? outcome.message : '', /^Could not open Function "edge-auth": .*aws sso login --profile eu/);
    } finally {
      await setSetting('profiles', ['moto', 'moto-eu']);
    }
  });

  it('refuses hostile links, saying what is wrong, and runs nothing', async () => {
    const refusals: [string, RegExp][] = [
      ['name=orders.api&region=us-east-1', /function name contains "\." \(U\+002E\)/],
      ['name=orders-api&region=us-east-1&then=invoke', /parameter "then" that function links do not have/],
      ['arn=arn%3Aaws%3As3%3A%3A%3Abucket', /ARN is of "s3", not of a Lambda function/],
      ['arn=orders-api', /This is not an ARN/],
      [`name=${'x'.repeat(80)}&region=us-east-1`, /function name is 80 characters long/],
      ['name=orders%252Dapi&region=us-east-1', /contains "%" \(U\+0025\).*decoded once/],
    ];
    const resultBefore = api.invokeResult();
    for (const [query, expected] of refusals) {
      const outcome = await openLink(api, functionLinkUri(query));
      assert.equal(outcome.status, 'refused', query);
      assert.match(outcome.status === 'refused' ? outcome.message : '', expected, query);
    }
    const path = await openLink(api, `${vscode.env.uriScheme}://${EXTENSION_ID}/invoke?name=orders-api&region=us-east-1`);
    assert.match(path.status === 'refused' ? path.message : '', /path "\/invoke" is not one Serverless Explorer opens/);
    assert.equal(api.invokeResult(), resultBefore, 'nothing was invoked');
  });
});
