import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CreateFunctionCommand, DeleteFunctionCommand, GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { ServerlessExplorerApi } from '../../src/extension';
import type { DeployOutcome } from '../../src/ui/deploy/deployCodeCommand';
import type { EditOutcome } from '../../src/ui/deploy/editConfigurationCommand';
import type { LocalFunctionItem } from '../../src/ui/explorer/localFunctionsTree';
import { LayerApiStandIn } from '../support/layerApiStandIn';
import { zipFolder } from '../support/zipFolder';
import { activatedApi, resetSettings, setSetting, walk } from './helpers';

// Deploy Code… and Edit Configuration… in a real extension host against moto, through the stand-in that serves the
// deployed package (moto cannot), so the changes quick pick lists real files.

const ROLE = 'arn:aws:iam::123456789012:role/demo-lambda-role';
// A region of its own, so that the other suites' counts of the seeded functions stay true.
const REGION = 'us-west-2';
/** What CloudFormation would have named the sample app's HelloPython (test/support/sampleApp.ts). */
const LOCAL_DEPLOYED = 'sample-app-HelloPython-AbCdEf123456';

/** Accepts each quick pick as it opens (Enter on its first item, "Deploy") until the command ends. */
async function answeringQuickPicks<T>(running: Thenable<T>): Promise<T> {
  let done = false;
  const settled = Promise.resolve(running).finally(() => (done = true));
  // Observed at once: a refusal is the caller's to assert, not an unhandled rejection while we wait.
  settled.catch(() => undefined);
  while (!done) {
    await new Promise((r) => setTimeout(r, 400));
    if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return settled;
}

/** A Local Functions item by its function's name, in whichever group of the view it is. By contextValue: the items come from the extension's bundle. */
async function localItem(name: string): Promise<LocalFunctionItem> {
  const api = await activatedApi();
  const queue: vscode.TreeItem[] = [...(await api.localFunctions.getChildren())];
  for (const item of queue) {
    if (item.contextValue === 'localFunction' && (item as LocalFunctionItem).definition.name === name) return item as LocalFunctionItem;
    if (item.contextValue?.startsWith('localSource')) queue.push(...(await api.localFunctions.getChildren(item)));
  }
  throw new Error(`no ${name} in the Local Functions view`);
}

describe('deploying code and editing configuration from a function node (moto)', function () {
  this.timeout(90_000);
  let api: ServerlessExplorerApi;
  let standIn: LayerApiStandIn;
  let lambda: LambdaClient;
  let dir: string;

  before(async () => {
    api = await activatedApi();
    standIn = await LayerApiStandIn.start(process.env.SE_MOTO_ENDPOINT!);
    lambda = new LambdaClient({ region: REGION, endpoint: process.env.SE_MOTO_ENDPOINT, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-deploy-it-'));
    for (const name of ['deploy-target', 'deploy-target-prod', LOCAL_DEPLOYED]) {
      const src = path.join(dir, `${name}-deployed`);
      fs.mkdirSync(src);
      fs.writeFileSync(path.join(src, 'app.js'), 'exports.handler = async () => "deployed";\n');
      const zip = zipFolder(src);
      await lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs20.x', Handler: 'app.handler', Role: ROLE, Code: { ZipFile: zip }, MemorySize: 256 }));
      standIn.serveFunction(name, zip);
    }
    await setSetting('profiles', ['moto']);
    await setSetting('regions', [REGION]);
    await setSetting('endpointUrl', standIn.endpoint);
    await vscode.commands.executeCommand('serverlessExplorer.refresh');
  });

  after(async () => {
    for (const name of ['deploy-target', 'deploy-target-prod', LOCAL_DEPLOYED]) await lambda.send(new DeleteFunctionCommand({ FunctionName: name })).catch(() => undefined);
    await resetSettings();
    lambda.destroy();
    await standIn.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const codeSha256 = async (name: string) => (await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }))).CodeSha256;

  it('deploys a folder from the function node once the changes are accepted, and AWS then has the new CodeSha256', async () => {
    const before = await codeSha256('deploy-target');
    const code = path.join(dir, 'new-code');
    fs.mkdirSync(path.join(code, 'lib'), { recursive: true });
    fs.writeFileSync(path.join(code, 'app.js'), 'exports.handler = async () => require("./lib/answer");\n');
    fs.writeFileSync(path.join(code, 'lib', 'answer.js'), 'module.exports = 42;\n');
    const node = await walk(api, 'moto', REGION, 'Lambda', 'deploy-target');
    const outcome = await answeringQuickPicks(vscode.commands.executeCommand<DeployOutcome>('serverlessExplorer.deployCode', node, { code, publish: false }));
    assert.equal(outcome.status, 'deployed', JSON.stringify(outcome));
    const after = await codeSha256('deploy-target');
    assert.notEqual(after, before);
    assert.equal(after, (outcome as { result: { codeSha256: string } }).result.codeSha256);

    const again = await vscode.commands.executeCommand<DeployOutcome>('serverlessExplorer.deployCode', node, { code, publish: false });
    assert.equal(again.status, 'unchanged', 'the same folder again: nothing to deploy');
  });

  it("deploys a Local Functions item to CloudFormation's <stack>-<LogicalId>-<suffix> function: its code folder, once accepted", async () => {
    const before = await codeSha256(LOCAL_DEPLOYED);
    const item = await localItem('HelloPython');
    const outcome = await answeringQuickPicks(vscode.commands.executeCommand<DeployOutcome>('serverlessExplorer.deployCode', item, { publish: false }));
    assert.equal(outcome.status, 'deployed', JSON.stringify(outcome));
    assert.equal((outcome as { result: { name: string } }).result.name, LOCAL_DEPLOYED);
    const after = await codeSha256(LOCAL_DEPLOYED);
    assert.notEqual(after, before);
    assert.equal(after, (outcome as { result: { codeSha256: string } }).result.codeSha256);
  });

  it('asks before deploying to a production-looking function, saying why, and deploys nothing unanswered', async () => {
    const before = await codeSha256('deploy-target-prod');
    const code = path.join(dir, 'prod-code');
    fs.mkdirSync(code);
    fs.writeFileSync(path.join(code, 'app.js'), 'exports.handler = async () => "new";\n');
    const node = await walk(api, 'moto', REGION, 'Lambda', 'deploy-target-prod');
    // The test host refuses modal dialogs, with the dialog's text: that is the confirmation a user would see.
    await assert.rejects(answeringQuickPicks(vscode.commands.executeCommand('serverlessExplorer.deployCode', node, { code, publish: false })), /Deploy new code to deploy-target-prod \(moto · us-west-2\)\?/);
    assert.equal(await codeSha256('deploy-target-prod'), before);
  });

  it('edits memory and an environment variable from the function node; bad memory is refused before AWS is asked', async () => {
    const node = await walk(api, 'moto', REGION, 'Lambda', 'deploy-target');
    const outcome = await vscode.commands.executeCommand<EditOutcome>('serverlessExplorer.editConfiguration', node, { edit: { memoryMb: 512, setEnvironment: { STAGE: 'dev' } } });
    assert.equal(outcome.status, 'updated', JSON.stringify(outcome));
    const now = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'deploy-target' }));
    assert.deepEqual([now.MemorySize, now.Environment?.Variables], [512, { STAGE: 'dev' }]);
    const refused = await vscode.commands.executeCommand<EditOutcome>('serverlessExplorer.editConfiguration', node, { edit: { memoryMb: 64 } });
    assert.equal(refused.status, 'refused');
    assert.match((refused as { message: string }).message, /memory must be a whole number of MB from 128 to 10240/);
    assert.equal((await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'deploy-target' }))).MemorySize, 512);
  });
});
