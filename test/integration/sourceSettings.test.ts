import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ServerlessExplorerApi } from '../../src/extension';
import type { LocalFunctionItem } from '../../src/ui/explorer/localFunctionsTree';
import { activatedApi, setSetting } from './helpers';

// The Local Functions view with a Serverless Framework service and a CDK app beside the workspace's SAM templates:
// the serverless.stage setting re-reads the service, and Run cdk synth runs a CDK app (our fixture's stand-in CLI)
// whose functions then show. Both folders are removed after, so that the other tests see the workspace as it was.
const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');

describe('local functions from a serverless.yml and a CDK app', function () {
  this.timeout(60_000);
  let api: ServerlessExplorerApi;
  let root: string;
  const added: string[] = [];

  before(async () => {
    api = await activatedApi();
    root = vscode.workspace.workspaceFolders![0].uri.fsPath;
  });
  after(async () => {
    await setSetting('serverless.stage', undefined);
    for (const dir of added) fs.rmSync(dir, { recursive: true, force: true });
    await vscode.commands.executeCommand('serverlessExplorer.refreshLocal');
  });

  const copy = (fixture: string) => {
    const dir = path.join(root, `se-${fixture}`);
    fs.cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
    added.push(dir);
    return dir;
  };
  /** Every item of the view, its groups opened. */
  const allItems = async (): Promise<vscode.TreeItem[]> => {
    const top = await api.localFunctions.getChildren();
    const nested = await Promise.all(top.map(async (item) => (item.contextValue?.startsWith('localSource') ? api.localFunctions.getChildren(item) : [item])));
    return [...top, ...nested.flat()];
  };
  const functionItem = async (name: string) =>
    (await allItems()).find((item): item is LocalFunctionItem => item.contextValue === 'localFunction' && (item as LocalFunctionItem).definition.name === name);
  const until = async <T>(what: string, value: () => Promise<T | undefined>): Promise<T> => {
    for (const end = Date.now() + 20_000; Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 200))) {
      const found = await value();
      if (found !== undefined) return found;
    }
    throw new Error(`never saw ${what}`);
  };

  it('reads a serverless.yml for the stage of the serverlessExplorer.serverless.stage setting, again when it changes', async () => {
    copy('serverless-app');
    await vscode.commands.executeCommand('serverlessExplorer.refreshLocal');
    const dev = await until('hello', () => functionItem('hello'));
    assert.deepEqual([dev.definition.environment.STAGE, dev.definition.environment.FROM_DOTENV], ['dev', 'from-dotenv']);
    await setSetting('serverless.stage', 'prod');
    const prod = await until('hello read for prod', async () => {
      const item = await functionItem('hello');
      return item?.definition.environment.STAGE === 'prod' ? item : undefined;
    });
    assert.deepEqual([prod.definition.environment.TABLE, prod.definition.environment.FROM_DOTENV], ['items-prod', 'from-dotenv-prod']);
  });

  it('offers Run cdk synth on a CDK app without cdk.out; the command writes it and the view lists its function', async () => {
    const app = copy('cdk-synth-app');
    await vscode.commands.executeCommand('serverlessExplorer.refreshLocal');
    const problem = await until('the cdk synth problem', async () => (await allItems()).find((item) => item.contextValue === 'localProblem.cdkSynth'));
    assert.match(String(problem.label), /the CDK app has no cdk\.out yet/);
    const group = (await api.localFunctions.getChildren()).find((item) => item.contextValue === 'localSource.cdk');
    assert.ok(group, 'the AWS CDK group, where Run cdk synth is an inline action');
    assert.equal(await functionItem('SynthStack/Hello'), undefined);
    await vscode.commands.executeCommand('serverlessExplorer.cdkSynth', group);
    assert.ok(fs.existsSync(path.join(app, 'cdk.out', 'manifest.json')), 'cdk synth wrote cdk.out');
    const hello = await until('SynthStack/Hello', () => functionItem('SynthStack/Hello'));
    assert.equal(hello.definition.codeDir, path.join(app, 'cdk.out', 'asset.hello'));
    assert.equal((await allItems()).some((item) => item.contextValue === 'localProblem.cdkSynth'), false, 'the problem is gone');
  });
});
