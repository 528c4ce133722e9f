import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { ServerlessExplorerApi } from '../../src/extension';
import type { LocalFunctionItem } from '../../src/ui/explorer/localFunctionsTree';
import type { PullOutcome } from '../../src/ui/pull/pullCommand';
import { LayerApiStandIn } from '../support/layerApiStandIn';
import { zipFolder } from '../support/zipFolder';
import { SessionWatcher, StopWatcher, nextFinish, topFrame } from './debugStops';
import { activatedApi, resetSettings, setSetting } from './helpers';

// Pull a deployed function (moto, through the stand-in that serves the package moto cannot) into the workspace, in a
// real VS Code: it shows in Local Functions under "Pulled from AWS" with its secrets masked, and F5 stops in the pulled
// handler with the deployed environment.

const FUNCTION = 'pull-orders-api';

describe('pull a deployed function, then debug it locally', function () {
  this.timeout(120_000);
  let api: ServerlessExplorerApi;
  let folder: vscode.WorkspaceFolder;
  let standIn: LayerApiStandIn;
  let arn: string;
  let stops: StopWatcher;
  let sessions: SessionWatcher;

  before(async () => {
    api = await activatedApi();
    folder = vscode.workspace.workspaceFolders![0];
    const moto = process.env.SE_MOTO_ENDPOINT!;
    standIn = await LayerApiStandIn.start(moto);
    const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
    const iam = new IAMClient({ region: 'us-east-1', endpoint: moto, credentials });
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    const role = (await iam.send(new CreateRoleCommand({ RoleName: 'pull-int', AssumeRolePolicyDocument: JSON.stringify(trust) }))).Role!.Arn!;
    iam.destroy();
    const src = fs.mkdtempSync(path.join(os.tmpdir(), 'se-int-pull-'));
    fs.writeFileSync(path.join(src, 'app.js'), ['exports.handler = async (event) => {', '  const table = process.env.TABLE;', '  return { table, id: event.orderId, region: process.env.AWS_REGION };', '};', ''].join('\n'));
    const zip = zipFolder(src);
    fs.rmSync(src, { recursive: true, force: true });
    const lambda = new LambdaClient({ region: 'us-east-1', endpoint: moto, credentials });
    const created = await lambda.send(
      new CreateFunctionCommand({ FunctionName: FUNCTION, Runtime: 'nodejs20.x', Handler: 'app.handler', Role: role, Code: { ZipFile: zip }, MemorySize: 256, Environment: { Variables: { TABLE: 'orders-table', STRIPE_API_KEY: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc' } } }),
    );
    lambda.destroy();
    arn = created.FunctionArn!;
    standIn.serveFunction(FUNCTION, zip);
    await setSetting('profiles', ['moto']);
    await setSetting('endpointUrl', standIn.endpoint);
    stops = new StopWatcher();
    sessions = new SessionWatcher();
  });

  after(async () => {
    vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
    await vscode.debug.stopDebugging();
    stops.dispose();
    sessions.dispose();
    fs.rmSync(path.join(folder.uri.fsPath, '.serverless-explorer'), { recursive: true, force: true });
    await vscode.commands.executeCommand('serverlessExplorer.refreshLocal');
    await resetSettings();
    await standIn.stop();
  });

  it('pulls into .serverless-explorer/pulled/<name>, kept out of git, listed under "Pulled from AWS" with its secret masked', async () => {
    const outcome = (await vscode.commands.executeCommand('serverlessExplorer.pullFunction', { session: { profile: 'moto', region: 'us-east-1' }, fn: { name: FUNCTION, arn } }, { destination: 'workspace', credentials: 'profile', quiet: true })) as PullOutcome;
    assert.equal(outcome.status, 'pulled', JSON.stringify(outcome));
    const dir = path.join(folder.uri.fsPath, '.serverless-explorer', 'pulled', FUNCTION);
    assert.ok(fs.existsSync(path.join(dir, 'code', 'app.js')));
    assert.equal(fs.readFileSync(path.join(folder.uri.fsPath, '.serverless-explorer', '.gitignore'), 'utf8').trim().split('\n').pop(), '*');

    const deadline = Date.now() + 20_000;
    let item: LocalFunctionItem | undefined;
    while (!item) {
      const group = (await api.localFunctions.getChildren()).find((i) => i.label === 'Pulled from AWS');
      item = group && ((await api.localFunctions.getChildren(group)) as LocalFunctionItem[]).find((i) => i.definition?.name === FUNCTION);
      if (!item && Date.now() > deadline) throw new Error('no "Pulled from AWS" group with the function in Local Functions');
      if (!item) await new Promise((r) => setTimeout(r, 200));
    }
    // As it reads: the Markdown's escapes and non-breaking spaces undone.
    const tooltip = (item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    assert.match(tooltip, /TABLE = orders-table/);
    assert.match(tooltip, /STRIPE_API_KEY = •+ \(32 characters, hidden\)/);
    assert.doesNotMatch(tooltip, /sk_live/);
    assert.match(tooltip, /Credentials\*\* profile moto/);
  });

  it('F5 on it stops in the pulled handler with the deployed environment, then shows the result', async () => {
    const config = (await api.debugConfigurations(folder)).find((c) => String(c.name).includes(FUNCTION));
    assert.ok(config, 'the Run and Debug picker offers the pulled function');
    const handler = vscode.Uri.file(path.join(folder.uri.fsPath, '.serverless-explorer', 'pulled', FUNCTION, 'code', 'app.js'));
    vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(handler, new vscode.Position(2, 0)))]);
    const finished = nextFinish(api);
    assert.equal(await vscode.debug.startDebugging(folder, { ...config, event: { orderId: 'o-7' } }), true, 'the debug session starts');
    const stop = await stops.next();
    const top = await topFrame(stop);
    assert.deepEqual([top.file, top.line], [handler.fsPath, 3]);
    const evaluated = (await stop.session.customRequest('evaluate', { expression: 'table + " " + process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE', frameId: top.id, context: 'repl' })) as DebugProtocol.EvaluateResponse['body'];
    assert.match(evaluated.result, /^['"]orders-table 256['"]$/);
    await stop.session.customRequest('continue', { threadId: stop.threadId });
    const done = await finished;
    assert.equal(done.result.functionError, undefined, done.result.payload);
    assert.deepEqual(JSON.parse(done.result.payload), { table: 'orders-table', id: 'o-7', region: 'us-east-1' });
    await sessions.allEnded();
  });
});
