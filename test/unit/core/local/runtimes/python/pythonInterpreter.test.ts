import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalInvoker } from '../../../../../../src/core/local/invoker';
import type { ChosenInterpreter, InterpreterChoices } from '../../../../../../src/core/local/runtimes/interpreters';
import type { LocalFunctionDefinition } from '../../../../../../src/core/local/types';

// The Python a function runs on, when the user or the Python extension chose one: a setting or --python overrides the
// project's .venv; the Python extension's global interpreter comes after it. Real interpreters of this machine; the
// function says which one ran it (sys.version, sys.executable).

const RUNTIMES = path.resolve(__dirname, '../../../../../../..', 'dist', 'runtimes');
const python3 = execFileSync('sh', ['-c', 'command -v python3'], { encoding: 'utf8' }).trim();
const minorOf = (python: string) => execFileSync(python, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
const defaultMinor = minorOf(python3);

/** A real Python 3 of another minor version than python3's, if this machine has one (pyenv's, /usr/bin's). */
function otherPython(): string | undefined {
  const pyenv = path.join(os.homedir(), '.pyenv', 'versions');
  const candidates = [
    ...(fs.existsSync(pyenv) ? fs.readdirSync(pyenv).map((v) => path.join(pyenv, v, 'bin', `python${v.split('.').slice(0, 2).join('.')}`)) : []),
    ...fs.readdirSync('/usr/bin').filter((f) => /^python3\.\d+$/.test(f)).map((f) => path.join('/usr/bin', f)),
  ];
  return candidates.find((file) => {
    try {
      return fs.statSync(file).isFile() && /^3\.\d+$/.test(minorOf(file)) && minorOf(file) !== defaultMinor && Number(minorOf(file).split('.')[1]) >= 8;
    } catch {
      return false;
    }
  });
}

describe('Python functions run on the interpreter chosen for them (src/core/local/runtimes/python/pythonInterpreter.ts)', function () {
  this.timeout(60_000);
  const other = otherPython();
  let project: string;
  let codeDir: string;

  const definition = (runtime: string): LocalFunctionDefinition => ({
    name: 'which-python',
    codeDir,
    handler: 'app.handler',
    runtime,
    timeoutSeconds: 10,
    memoryMb: 128,
    environment: {},
    architecture: 'x86_64',
    origin: { source: 'sam', file: path.join(project, 'template.yaml'), id: 'WhichPython' },
  });
  const run = async (runtime: string, interpreters?: InterpreterChoices) => {
    const invoker = new LocalInvoker({ runtimesDir: RUNTIMES, interpreters: () => interpreters });
    try {
      const result = await invoker.invoke(definition(runtime), '{}');
      assert.equal(result.functionError, undefined, result.payload);
      return { ...(JSON.parse(result.payload) as { minor: string; executable: string; venv: string | null }), result };
    } finally {
      await invoker.dispose();
    }
  };
  const chosen = (file: string, extra: Partial<ChosenInterpreter> = {}): InterpreterChoices => ({
    python: { path: file, source: 'setting serverlessExplorer.localPythonPath', fix: 'set serverlessExplorer.localPythonPath to a Python 3 interpreter', ...extra },
  });

  before(function () {
    if (!other || !fs.existsSync(path.join(RUNTIMES, 'python', 'bootstrap.py'))) this.skip();
  });
  beforeEach(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'se-python-choice-'));
    codeDir = path.join(project, 'hello_world');
    fs.mkdirSync(codeDir);
    fs.writeFileSync(path.join(codeDir, 'app.py'), 'import os, sys\n\ndef handler(event, context):\n    return {"minor": f"{sys.version_info[0]}.{sys.version_info[1]}", "executable": sys.executable, "venv": os.environ.get("VIRTUAL_ENV")}\n');
  });
  afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

  it("runs on the interpreter a setting names, over the project's .venv, and says where it came from", async () => {
    execFileSync(python3, ['-m', 'venv', '--without-pip', path.join(project, '.venv')]);
    const otherMinor = minorOf(other!);
    const { minor, result } = await run(`python${otherMinor}`, chosen(other!));
    assert.equal(minor, otherMinor, 'the chosen interpreter ran the function');
    assert.equal(result.interpreter?.path, other);
    assert.equal(result.interpreter?.source, 'setting serverlessExplorer.localPythonPath');
    assert.match(result.interpreter?.version ?? '', new RegExp(`^Python ${otherMinor.replace('.', '\\.')}\\.\\d+`));
    assert.equal(result.warning, undefined);
  });

  it("says so when the chosen interpreter is not the runtime's version", async () => {
    const { result } = await run(`python${defaultMinor}`, chosen(other!));
    assert.match(result.warning ?? '', new RegExp(`^python${defaultMinor.replace('.', '\\.')} runs on Python ${minorOf(other!).replace('.', '\\.')}\\.\\d+ \\(from setting serverlessExplorer\\.localPythonPath\\)\\.$`));
  });

  it("takes a virtual environment's folder and runs in it as if activated", async () => {
    const venv = path.join(project, 'envs', 'other');
    execFileSync(other!, ['-m', 'venv', '--without-pip', venv]);
    const { minor, venv: active, result } = await run(`python${minorOf(other!)}`, chosen(venv));
    assert.equal(minor, minorOf(other!));
    assert.equal(active, venv);
    assert.equal(result.interpreter?.path, path.join(venv, 'bin', 'python'));
  });

  it("puts the Python extension's global interpreter after the project's .venv, and before python3 on PATH", async () => {
    const fromExtension = chosen(other!, { source: 'Python extension', fallback: true });
    const venv = path.join(project, '.venv');
    execFileSync(python3, ['-m', 'venv', '--without-pip', venv]);
    const withVenv = await run(`python${defaultMinor}`, fromExtension);
    assert.equal(withVenv.venv, venv);
    assert.deepEqual([withVenv.result.interpreter?.path, withVenv.result.interpreter?.source], [path.join(venv, 'bin', 'python'), '.venv']);
    fs.rmSync(venv, { recursive: true });
    const without = await run(`python${defaultMinor}`, fromExtension);
    assert.equal(without.minor, minorOf(other!));
    assert.equal(without.result.interpreter?.source, 'Python extension');
  });

  it('says PATH and the version when nothing was chosen and there is no virtual environment', async () => {
    const { minor, result } = await run(`python${defaultMinor}`);
    assert.equal(minor, defaultMinor);
    assert.equal(result.interpreter?.source, 'PATH');
    assert.match(result.interpreter?.version ?? '', new RegExp(`^Python ${defaultMinor.replace('.', '\\.')}\\.`));
  });

  it('refuses a chosen interpreter that does not exist, naming the setting and the fix', async () => {
    const missing = path.join(project, 'gone', 'bin', 'python');
    await assert.rejects(run(`python${defaultMinor}`, chosen(missing)), (error: Error) => {
      assert.equal(error.name, 'RuntimeSetupError');
      assert.equal(error.message, `${missing} (the Python interpreter from setting serverlessExplorer.localPythonPath) does not exist: set serverlessExplorer.localPythonPath to a Python 3 interpreter.`);
      return true;
    });
  });

  it('starts a fresh environment when another interpreter is chosen, instead of reusing the warm one', async () => {
    let choice: InterpreterChoices | undefined;
    const invoker = new LocalInvoker({ runtimesDir: RUNTIMES, interpreters: () => choice });
    try {
      const first = await invoker.invoke(definition(`python${defaultMinor}`), '{}');
      assert.equal(JSON.parse(first.payload).minor, defaultMinor);
      choice = chosen(other!);
      const second = await invoker.invoke(definition(`python${defaultMinor}`), '{}');
      assert.equal(JSON.parse(second.payload).minor, minorOf(other!));
      assert.equal(second.coldStart, true);
    } finally {
      await invoker.dispose();
    }
  });
});
