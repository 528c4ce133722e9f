import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalInvoker } from '../../../../../../src/core/local/invoker';
import { findVirtualEnvironment } from '../../../../../../src/core/local/runtimes/python/virtualEnvironment';
import type { LocalFunctionDefinition } from '../../../../../../src/core/local/types';

// A Python function whose dependency is installed only in the project's virtual environment runs, as it does for the
// user in a terminal with the environment activated. Real environments, made with `python3 -m venv`.

const RUNTIMES = path.resolve(__dirname, '../../../../../../..', 'dist', 'runtimes');
const pythonVersion = execFileSync('python3', ['-c', 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")'], { encoding: 'utf8' }).trim();

/** A real virtual environment at `dir` holding a module `only_in_venv` that no system Python has. */
function makeVenv(dir: string): void {
  execFileSync('python3', ['-m', 'venv', '--without-pip', dir]);
  const sitePackages = execFileSync(path.join(dir, 'bin', 'python'), ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], { encoding: 'utf8' }).trim();
  fs.writeFileSync(path.join(sitePackages, 'only_in_venv.py'), 'GREETING = "hello from the venv"\n');
}

describe('Python functions run in the project\'s virtual environment (src/core/local/runtimes/python/virtualEnvironment.ts)', function () {
  this.timeout(60_000);
  let project: string;
  let codeDir: string;
  let invoker: LocalInvoker;
  const definition = (runtime: string): LocalFunctionDefinition => ({
    name: 'venv-fn',
    codeDir,
    handler: 'app.handler',
    runtime,
    timeoutSeconds: 10,
    memoryMb: 128,
    environment: {},
    architecture: 'x86_64',
    origin: { source: 'sam', file: path.join(project, 'template.yaml'), id: 'VenvFunction' },
  });

  before(function () {
    if (!fs.existsSync(path.join(RUNTIMES, 'python', 'bootstrap.py'))) this.skip();
  });
  beforeEach(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'se-venv-'));
    codeDir = path.join(project, 'hello_world');
    fs.mkdirSync(codeDir);
    fs.writeFileSync(path.join(codeDir, 'app.py'), 'import os, sys\nimport only_in_venv\n\ndef handler(event, context):\n    return {"greeting": only_in_venv.GREETING, "prefix": sys.prefix, "venv": os.environ.get("VIRTUAL_ENV")}\n');
    invoker = new LocalInvoker({ runtimesDir: RUNTIMES });
  });
  afterEach(async () => {
    await invoker.dispose();
    fs.rmSync(project, { recursive: true, force: true });
  });

  it('imports what is installed only in the .venv at the project root, for a function in a folder below it', async () => {
    const venv = path.join(project, '.venv');
    makeVenv(venv);
    const result = await invoker.invoke(definition(`python${pythonVersion}`), '{}');
    assert.equal(result.functionError, undefined, result.payload);
    assert.deepEqual(JSON.parse(result.payload), { greeting: 'hello from the venv', prefix: fs.realpathSync(venv), venv });
    assert.equal(result.warning, undefined, 'the venv has the runtime\'s Python version: nothing to warn about');
  });

  it('says so when the environment\'s Python is not the function\'s runtime', async () => {
    makeVenv(path.join(codeDir, 'venv'));
    const result = await invoker.invoke(definition('python3.99'), '{}');
    assert.equal(result.functionError, undefined, result.payload);
    assert.equal(result.warning, `python3.99 runs on the Python ${pythonVersion} of ${path.join(codeDir, 'venv')}.`);
  });

  it('fails as before, naming the module, when no environment has it', async () => {
    const result = await invoker.invoke(definition(`python${pythonVersion}`), '{}');
    assert.equal(result.functionError, 'Unhandled');
    assert.match(result.payload, /No module named 'only_in_venv'/);
  });

  it('says how to fix an environment whose Python is gone, instead of running without its packages', async () => {
    const venv = path.join(project, '.venv');
    makeVenv(venv);
    fs.rmSync(path.join(venv, 'bin', 'python'));
    fs.symlinkSync('/usr/bin/python3.0-removed', path.join(venv, 'bin', 'python'));
    await assert.rejects(invoker.invoke(definition(`python${pythonVersion}`), '{}'), (error: Error) => {
      assert.equal(error.message, `${venv} is a virtual environment whose Python (${path.join(venv, 'bin', 'python')}) no longer runs: recreate it with python${pythonVersion} -m venv --clear ${venv} and reinstall its packages, or delete it.`);
      return true;
    });
  });

  it('looks no higher than the project root, and falls back to an activated VIRTUAL_ENV', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'se-venv-outside-'));
    try {
      const above = path.join(outside, 'project');
      fs.mkdirSync(path.join(above, 'fn'), { recursive: true });
      makeVenv(path.join(outside, '.venv'));
      assert.equal(findVirtualEnvironment(path.join(above, 'fn'), above, {}), undefined);
      assert.equal(findVirtualEnvironment(path.join(above, 'fn'), above, { VIRTUAL_ENV: path.join(outside, '.venv') })?.dir, path.join(outside, '.venv'));
      assert.equal(findVirtualEnvironment(path.join(above, 'fn'), above, { VIRTUAL_ENV: path.join(outside, 'not-a-venv') }), undefined);
      fs.mkdirSync(path.join(above, '.venv'));
      assert.equal(findVirtualEnvironment(path.join(above, 'fn'), above, {}), undefined, 'a .venv folder without pyvenv.cfg is not an environment');
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
