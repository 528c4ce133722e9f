import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ServerlessExplorerApi } from '../../src/extension';
import type { LocalFunctionItem } from '../../src/ui/explorer/localFunctionsTree';
import { activatedApi, label, setSetting, settledChildren, walk } from '../integration/helpers';
import { functionLinkUri, openLink } from '../integration/linkRoute';

// The workspace is not trusted (runUntrusted.ts): local runs refuse, the AWS side works.

describe('Restricted Mode (an untrusted workspace)', function () {
  this.timeout(60_000);
  let api: ServerlessExplorerApi;
  const folder = () => vscode.workspace.workspaceFolders![0];
  const marker = () => path.join(folder().uri.fsPath, 'src', 'ran.marker');

  before(async () => {
    api = await activatedApi();
  });

  it('really is untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('refuses Invoke Locally with the reason, and loads none of the folder’s code', async () => {
    // By contextValue: the items come from the extension's bundle, whose classes are not this file's imports.
    const items = (await api.localFunctions.getChildren()).filter((i): i is LocalFunctionItem => i.contextValue === 'localFunction');
    const item = items.find((i) => i.definition.name === 'MarkerFunction');
    assert.ok(item, 'the folder’s functions are still listed: reading a template runs nothing');
    const outcome = (await vscode.commands.executeCommand('serverlessExplorer.invokeLocal', item, { payload: '{}' })) as { status: string; message?: string };
    assert.equal(outcome.status, 'refused');
    assert.match(outcome.message ?? '', /Restricted Mode: Invoke Locally is off because it runs code from this folder/);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(fs.existsSync(marker()), false, 'the handler was loaded');
  });

  it('refuses the local endpoint', async () => {
    const outcome = (await vscode.commands.executeCommand('serverlessExplorer.startLocalEndpoint')) as { status: string };
    assert.equal(outcome.status, 'refused');
  });

  it('refuses the local API: Start, Debug, Send Request… and Open in Browser, each with the reason', async () => {
    for (const [command, what] of [
      ['serverlessExplorer.startLocalApi', 'the local API'],
      ['serverlessExplorer.sendApiRequest', 'the local API'],
      ['serverlessExplorer.openRouteInBrowser', 'the local API'],
      ['serverlessExplorer.debugLocalApi', 'Debug Local API'],
    ]) {
      const outcome = (await vscode.commands.executeCommand(command)) as { status: string; message?: string };
      assert.equal(outcome.status, 'refused', command);
      assert.equal(outcome.message, `Restricted Mode: ${what} is off because it runs code from this folder, which you have not trusted. Trust the folder to turn it on.`);
    }
  });

  it('refuses Run cdk synth (it runs the app of cdk.json) and writes no cdk.out', async () => {
    const app = path.join(folder().uri.fsPath, 'cdk-synth-app');
    fs.cpSync(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'cdk-synth-app'), app, { recursive: true });
    try {
      const outcome = (await vscode.commands.executeCommand('serverlessExplorer.cdkSynth', app)) as { status: string; message?: string };
      assert.equal(outcome.status, 'refused');
      assert.equal(outcome.message, 'Restricted Mode: Run cdk synth is off because it runs code from this folder, which you have not trusted. Trust the folder to turn it on.');
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(fs.existsSync(path.join(app, 'cdk.out')), false, 'the app ran');
    } finally {
      fs.rmSync(app, { recursive: true, force: true });
    }
  });

  it('refuses Deploy Code of an esbuild function (it would run the project\'s esbuild), before asking AWS anything', async () => {
    const app = path.join(folder().uri.fsPath, 'esbuild-app');
    fs.mkdirSync(path.join(app, 'src'), { recursive: true });
    fs.writeFileSync(path.join(app, 'src', 'app.ts'), 'export const handler = async () => "built";\n');
    fs.writeFileSync(
      path.join(app, 'template.yaml'),
      'AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::Serverless-2016-10-31\nResources:\n  BuiltFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/\n      Handler: app.handler\n      Runtime: nodejs20.x\n    Metadata:\n      BuildMethod: esbuild\n',
    );
    try {
      await vscode.commands.executeCommand('serverlessExplorer.refreshLocal');
      let item: LocalFunctionItem | undefined;
      for (let i = 0; i < 50 && !item; i++) {
        const items = (await api.localFunctions.getChildren()).filter((i): i is LocalFunctionItem => i.contextValue === 'localFunction');
        item = items.find((i) => i.definition.name === 'BuiltFunction');
        if (!item) await new Promise((r) => setTimeout(r, 200));
      }
      assert.ok(item, 'the esbuild function is listed');
      const outcome = (await vscode.commands.executeCommand('serverlessExplorer.deployCode', item)) as { status: string; message?: string };
      assert.equal(outcome.status, 'refused');
      assert.match(outcome.message ?? '', /^Restricted Mode: Deploy Code of BuiltFunction \(it builds the function with the project's esbuild\) is off because it runs code from this folder/);
    } finally {
      fs.rmSync(app, { recursive: true, force: true });
      await vscode.commands.executeCommand('serverlessExplorer.refreshLocal');
    }
  });

  it('offers no local debug configurations in the Run and Debug picker', async () => {
    assert.deepEqual(await api.debugConfigurations(folder()), []);
  });

  it('still browses AWS: the deployed functions are listed', async () => {
    await setSetting('profiles', ['moto']);
    await setSetting('endpointUrl', process.env.SE_MOTO_ENDPOINT);
    const functions = await settledChildren(api, await walk(api, 'moto', 'us-east-1', 'Lambda'));
    assert.ok(functions.map(label).includes('orders-api'), functions.map(label).join(', '));
  });

  it('opens a function link: it only reveals the function, so Restricted Mode leaves it on', async () => {
    await setSetting('profiles', ['moto']);
    await setSetting('endpointUrl', process.env.SE_MOTO_ENDPOINT);
    const outcome = await openLink(api, functionLinkUri('name=orders-api&region=us-east-1&profile=moto'));
    assert.equal(outcome.status, 'revealed', JSON.stringify(outcome));
    const expected = await walk(api, 'moto', 'us-east-1', 'Lambda', 'orders-api');
    for (let i = 0; i < 50 && api.awsView.selection[0]?.id !== expected.id; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(api.awsView.selection[0]?.id, expected.id);
  });
});
