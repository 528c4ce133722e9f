import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DeleteFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { ServerlessExplorerApi } from '../../src/extension';
import type { LocalFunctionDefinition } from '../../src/core/local/types';
import type { InvokeOutcome } from '../../src/ui/invoke/invokeCommand';
import type { PickedFunction } from '../../src/ui/invoke/pickFunction';
import { DEMO, seedManyFunctions } from '../support/seed';
import { activatedApi, resetSettings, setSetting } from './helpers';

const INVOKE_LOCALLY = '$(play) Invoke locally';
const DEBUG_LOCALLY = '$(debug-alt) Debug locally';
const INVOKE_DEPLOYED = '$(cloud) Invoke deployed';

/** The extension's lenses of a file, as VS Code asks for them (each with its command). */
async function lensesOf(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  await vscode.workspace.openTextDocument(uri); // VS Code only asks for the lenses of an open document
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses.filter((l) => l.command?.command.startsWith('serverlessExplorer.'));
}

/** "line: title" (0-based line), what a person sees above each function. */
function shown(lenses: vscode.CodeLens[]): string[] {
  return lenses.map((l) => `${l.range.start.line}: ${l.command!.title}`);
}

/** The lenses once one titled `title` is there (the deployed functions are listed in the background). */
async function lensesWith(uri: vscode.Uri, title: string, timeoutMs = 20_000): Promise<vscode.CodeLens[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lenses = await lensesOf(uri);
    if (lenses.some((l) => l.command!.title === title)) return lenses;
    if (Date.now() > deadline) throw new Error(`no "${title}" lens after ${timeoutMs} ms: ${shown(lenses).join(' | ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('CodeLens above Lambda handlers: invoke locally, debug locally, invoke deployed', function () {
  this.timeout(60_000);
  let api: ServerlessExplorerApi;
  let indexJs: vscode.Uri;
  let scratch: string;
  const deployed: string[] = [];

  before(async () => {
    api = await activatedApi();
    indexJs = vscode.Uri.file(path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, 'app', 'node', 'index.js'));
    await vscode.window.showTextDocument(indexJs);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'codelens-'));
  });

  after(async () => {
    const lambda = new LambdaClient({ endpoint: process.env.SE_MOTO_ENDPOINT, region: DEMO.region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 });
    for (const name of deployed) await lambda.send(new DeleteFunctionCommand({ FunctionName: name }));
    await setSetting('codeLens.enabled', undefined);
    await resetSettings();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("shows Invoke locally and Debug locally above the template's handlers, with the template's definitions", async () => {
    const lenses = (await lensesOf(indexJs)).filter((l) => l.command!.title !== INVOKE_DEPLOYED);
    // app/node/index.js: `exports.handler = async (event, context) =>` on line 2, `exports.fail = async () =>` on line 7.
    assert.deepEqual(shown(lenses), [`1: ${INVOKE_LOCALLY}`, `1: ${DEBUG_LOCALLY}`, `6: ${INVOKE_LOCALLY}`, `6: ${DEBUG_LOCALLY}`]);
    const [invokeHello, debugHello, invokeFailing, debugFailing] = lenses.map((l) => l.command!);
    assert.equal(invokeHello!.command, 'serverlessExplorer.invokeLocal');
    assert.equal(debugHello!.command, 'serverlessExplorer.debugLocal');
    assert.equal(invokeHello!.arguments![0], undefined);
    const hello = (invokeHello!.arguments![1] as { definition: LocalFunctionDefinition }).definition;
    assert.deepEqual(
      { name: hello.name, handler: hello.handler, runtime: hello.runtime, memoryMb: hello.memoryMb, codeDir: hello.codeDir, template: path.basename(hello.origin?.file ?? '') },
      { name: 'HelloNode', handler: 'index.handler', runtime: 'nodejs20.x', memoryMb: 256, codeDir: path.dirname(indexJs.fsPath), template: 'app.template.yaml' },
    );
    assert.deepEqual(debugHello!.arguments, [hello]);
    const failing = (invokeFailing!.arguments![1] as { definition: LocalFunctionDefinition }).definition;
    assert.deepEqual([failing.name, failing.handler], ['FailingNode', 'index.fail']);
    assert.deepEqual(debugFailing!.arguments, [failing]);

    // app/python/app.py: `def handler(event, context):` on line 1, HelloPython's handler (app.handler).
    const python = await lensesOf(vscode.Uri.file(path.join(path.dirname(indexJs.fsPath), '..', 'python', 'app.py')));
    assert.deepEqual(shown(python.filter((l) => l.command!.title !== INVOKE_DEPLOYED)), [`0: ${INVOKE_LOCALLY}`, `0: ${DEBUG_LOCALLY}`]);
    assert.equal((python[1]!.command!.arguments![0] as LocalFunctionDefinition).name, 'HelloPython');
  });

  it("shows Invoke locally, and no Debug locally, above a Ruby handler (Ruby cannot be debugged yet)", async () => {
    // app/ruby/app.rb: `def lambda_handler(event:, context:)` on line 3, HelloRuby's handler (app.lambda_handler).
    const ruby = await lensesOf(vscode.Uri.file(path.join(path.dirname(indexJs.fsPath), '..', 'ruby', 'app.rb')));
    assert.deepEqual(shown(ruby.filter((l) => l.command!.title !== INVOKE_DEPLOYED)), [`2: ${INVOKE_LOCALLY}`]);
    const definition = (ruby[0]!.command!.arguments![1] as { definition: LocalFunctionDefinition }).definition;
    assert.deepEqual([definition.name, definition.handler, definition.runtime], ['HelloRuby', 'app.lambda_handler', 'ruby3.3']);
  });

  it("runs the lens's function locally with the lens's arguments", async () => {
    // FailingNode, not HelloNode: the local functions suite expects HelloNode's first run to be a cold start.
    const invoke = (await lensesOf(indexJs)).filter((l) => l.command!.title === INVOKE_LOCALLY)[1]!.command!;
    const [target, options] = invoke.arguments as [undefined, Record<string, unknown>];
    const outcome = (await vscode.commands.executeCommand(invoke.command, target, { ...options, payload: '{}' })) as { status: string };
    assert.equal(outcome.status, 'invoked');
    const view = api.invokeResult()!.lastView!;
    assert.deepEqual([view.functionName, view.functionError, JSON.parse(view.payload).errorType], ['FailingNode', 'Unhandled', 'RangeError']);
  });

  it('adds Invoke deployed when the selected profile has a function SAM deployed from that logical id, and invokes it', async () => {
    deployed.push(...(await seedManyFunctions(process.env.SE_MOTO_ENDPOINT!, DEMO.region, 'sam-app-HelloNode', 1)));
    await setSetting('profiles', ['moto']);
    await setSetting('endpointUrl', process.env.SE_MOTO_ENDPOINT);
    const lenses = await lensesWith(indexJs, INVOKE_DEPLOYED);
    assert.deepEqual(shown(lenses), [`1: ${INVOKE_LOCALLY}`, `1: ${DEBUG_LOCALLY}`, `1: ${INVOKE_DEPLOYED}`, `6: ${INVOKE_LOCALLY}`, `6: ${DEBUG_LOCALLY}`]);
    const command = lenses[2]!.command!;
    assert.equal(command.command, 'serverlessExplorer.invoke');
    const target = command.arguments![0] as PickedFunction;
    assert.deepEqual([target.fn.name, target.session], ['sam-app-HelloNode-000', { profile: 'moto', region: DEMO.region }]);
    const outcome = (await vscode.commands.executeCommand(command.command, ...command.arguments!, { payload: '{"from":"codelens"}', invocationType: 'RequestResponse', qualifier: '' })) as InvokeOutcome;
    assert.equal(outcome.status, 'invoked');
    const view = api.invokeResult()!.lastView!;
    assert.deepEqual([view.functionName, view.profile, view.region], ['sam-app-HelloNode-000', 'moto', DEMO.region]);
    // moto echoes the request payload
    assert.deepEqual(JSON.parse(view.payload), { from: 'codelens' });
  });

  it('finds the TypeScript source of compiled handlers through their source maps (tsc and esbuild), and leaves its helpers alone', async function () {
    const app = path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, 'ts-app');
    if (!fs.existsSync(path.join(app, 'ts.template.yaml'))) this.skip(); // the TypeScript app of the debugging tests
    // ts-app/ts.template.yaml: TsHandlerTsc → dist-tsc/handler.handler, TsHandlerEsbuild → dist-esbuild/handler.handler, both from src/handler.ts.
    const lenses = await lensesOf(vscode.Uri.file(path.join(app, 'src', 'handler.ts')));
    const forHandler = lenses.filter((l) => l.command!.title !== INVOKE_DEPLOYED);
    assert.deepEqual(shown(forHandler), ['6: $(play) Invoke TsHandlerTsc locally', '6: $(debug-alt) Debug TsHandlerTsc locally', '6: $(play) Invoke TsHandlerEsbuild locally', '6: $(debug-alt) Debug TsHandlerEsbuild locally']);
    const definitions = forHandler.filter((l) => l.command!.command === 'serverlessExplorer.debugLocal').map((l) => l.command!.arguments![0] as LocalFunctionDefinition);
    assert.deepEqual(
      definitions.map((d) => [d.name, path.relative(app, d.codeDir), d.handler]),
      [
        ['TsHandlerTsc', 'dist-tsc', 'handler.handler'],
        ['TsHandlerEsbuild', 'dist-esbuild', 'handler.handler'],
      ],
    );
    // describe.ts is in the esbuild bundle's source map: a helper of a template function, with no lens of its own.
    assert.deepEqual(shown(await lensesOf(vscode.Uri.file(path.join(app, 'src', 'describe.ts')))), []);
  });

  it('offers handlers outside any template ad hoc (TypeScript and Python), named after their folder, and leaves other exports alone', async () => {
    fs.mkdirSync(path.join(scratch, 'orders-api'));
    const ts = path.join(scratch, 'orders-api', 'handler.ts');
    fs.writeFileSync(
      ts,
      [
        "import type { Handler } from 'aws-lambda';",
        'export const handler: Handler = async (event) => ({ ok: true, event });',
        'export function formatTotal(): string {',
        "  return '';",
        '}',
        '',
      ].join('\n'),
    );
    const tsLenses = await lensesWith(vscode.Uri.file(ts), INVOKE_DEPLOYED);
    assert.deepEqual(shown(tsLenses), [`1: ${INVOKE_LOCALLY}`, `1: ${DEBUG_LOCALLY}`, `1: ${INVOKE_DEPLOYED}`]);
    const adHoc = (tsLenses[0]!.command!.arguments![1] as { definition: LocalFunctionDefinition }).definition;
    assert.deepEqual([adHoc.name, adHoc.codeDir, adHoc.handler, adHoc.origin], ['orders-api', path.dirname(ts), 'handler.handler', undefined]);
    assert.match(adHoc.runtime, /^nodejs\d+\.x$/);
    assert.equal((tsLenses[2]!.command!.arguments![0] as PickedFunction).fn.name, 'orders-api', 'the deployed function of the same name');

    fs.mkdirSync(path.join(scratch, 'thumbnail-generator'));
    const py = path.join(scratch, 'thumbnail-generator', 'app.py');
    fs.writeFileSync(py, ['import json', '', '', 'def helper(value):', '    return value', '', '', 'def handler(event, context):', '    return {"ok": True}', ''].join('\n'));
    const pyLenses = await lensesWith(vscode.Uri.file(py), INVOKE_DEPLOYED);
    assert.deepEqual(shown(pyLenses), [`7: ${INVOKE_LOCALLY}`, `7: ${DEBUG_LOCALLY}`, `7: ${INVOKE_DEPLOYED}`]);
    const python = pyLenses[1]!.command!.arguments![0] as LocalFunctionDefinition;
    assert.deepEqual([python.name, python.handler, python.runtime], ['thumbnail-generator', 'app.handler', 'python3.12']);
  });

  it('shows no lenses when serverlessExplorer.codeLens.enabled is off, and shows them again when it is back on', async () => {
    await setSetting('codeLens.enabled', false);
    assert.deepEqual(shown(await lensesOf(indexJs)), []);
    await setSetting('codeLens.enabled', undefined);
    assert.deepEqual(shown(await lensesOf(indexJs)).slice(0, 2), [`1: ${INVOKE_LOCALLY}`, `1: ${DEBUG_LOCALLY}`]);
  });
});
