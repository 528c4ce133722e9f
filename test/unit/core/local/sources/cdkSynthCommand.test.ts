import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalInvoker } from '../../../../../src/core/local/invoker';
import { cdkAppDirOf, cdkSynthCommand, runCdkSynth } from '../../../../../src/core/local/sources/cdk/cdkSynthCommand';
import { readWorkspaceFunctions } from '../../../../../src/core/local/sources/registry';
import { ROOT } from '../../../../support/paths';

// "Run cdk synth" without VS Code: the command line it builds for an app folder, and a run of our fixture app
// (test/fixtures/cdk-synth-app) through its stand-in CDK CLI, whose cdk.out the CDK source then reads and runs.
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'cdk-synth-app');

/** Whether a process runs: a killed one whose parent is gone may stay a zombie until init reaps it. */
function running(pid: number): boolean {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  return !/^\d+ \(.*\) [ZX]/.test(stat);
}

describe('cdk synth: the command and its run', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-cdk-synth-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const app = (files: Record<string, string>) => {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text, { mode: 0o755 });
    }
  };

  it("runs the project's own CDK CLI when node_modules/.bin/cdk is there, in the app's folder or one above it", () => {
    app({ 'cdk.json': '{"app": "npx ts-node bin/app.ts"}', 'node_modules/.bin/cdk': '#!/bin/sh\n' });
    assert.deepEqual(cdkSynthCommand(dir, 'linux'), { command: path.join(dir, 'node_modules/.bin/cdk'), args: ['synth'], cwd: dir, app: 'npx ts-node bin/app.ts', commandLine: 'node_modules/.bin/cdk synth' });
    app({ 'packages/infra/cdk.json': '{"app": "node app.js"}' });
    const nested = cdkSynthCommand(path.join(dir, 'packages/infra'), 'linux');
    assert.ok(!('problem' in nested));
    assert.equal(nested.command, path.join(dir, 'node_modules/.bin/cdk'));
    assert.equal(nested.commandLine, '../../node_modules/.bin/cdk synth');
  });

  it('runs npx --yes cdk synth when the project has no CDK CLI of its own', () => {
    app({ 'cdk.json': '{"app": "python3 app.py"}' });
    const synth = cdkSynthCommand(dir, 'linux');
    assert.ok(!('problem' in synth));
    assert.deepEqual([synth.command, synth.args, synth.commandLine], ['npx', ['--yes', 'cdk', 'synth'], 'npx --yes cdk synth']);
  });

  it('says what is wrong with a cdk.json without "app", or with no cdk.json', () => {
    app({ 'cdk.json': '{"context": {}}' });
    assert.deepEqual(cdkSynthCommand(dir), { problem: `${path.join(dir, 'cdk.json')} has no "app", so cdk synth has nothing to run: add the command that runs the app, as in "app": "npx ts-node --prefer-ts-exts bin/app.ts"` });
    assert.deepEqual(cdkSynthCommand(path.join(dir, 'elsewhere')), { problem: `${path.join(dir, 'elsewhere', 'cdk.json')} could not be read: there is no such file` });
  });

  it("writes the fixture app's cdk.out through the stand-in CLI, whose function the CDK source then reads and runs", async () => {
    fs.cpSync(FIXTURE, dir, { recursive: true });
    const before = await readWorkspaceFunctions(dir);
    assert.deepEqual(before.functions, []);
    assert.deepEqual(before.problems.map((p) => p.synthApp), [dir]);
    const synth = cdkSynthCommand(dir);
    assert.ok(!('problem' in synth));
    let output = '';
    const end = await runCdkSynth(synth, { output: (text) => (output += text) });
    assert.deepEqual(end, { code: 0, signal: null, cancelled: false });
    assert.match(output, /Successfully synthesized to /);
    const after = await readWorkspaceFunctions(dir);
    assert.deepEqual([after.functions.map((f) => f.name), after.problems], [['SynthStack/Hello'], []]);
    assert.equal(cdkAppDirOf(after.functions[0].origin!.file), dir);
    const invoker = new LocalInvoker({ runtimesDir: path.join(ROOT, 'dist', 'runtimes'), cacheDir: path.join(dir, '.cache') });
    try {
      const result = await invoker.invoke(after.functions[0], '{}');
      assert.deepEqual(JSON.parse(result.payload), { message: 'hello from the synthesized stack' }, result.log);
    } finally {
      await invoker.dispose();
    }
  });

  it("reports a failing app's exit code with what it wrote", async () => {
    fs.cpSync(FIXTURE, dir, { recursive: true });
    const synth = cdkSynthCommand(dir);
    assert.ok(!('problem' in synth));
    let output = '';
    const end = await runCdkSynth(synth, { output: (text) => (output += text), env: { ...process.env, SE_FIXTURE_SYNTH_FAIL: '1' } });
    assert.deepEqual(end, { code: 3, signal: null, cancelled: false });
    assert.match(output, /the app failed on purpose/);
  });

  it('cancelling stops the CLI and the app it started (its whole process group)', async () => {
    app({ 'cdk.json': '{"app": "sleep 30"}', 'node_modules/.bin/cdk': '#!/bin/sh\necho "$$" > cli.pid\nsh -c \'echo "$$" > app.pid; exec sleep 30\'\n' });
    const synth = cdkSynthCommand(dir);
    assert.ok(!('problem' in synth));
    const abort = new AbortController();
    const ending = runCdkSynth(synth, { output: () => undefined, signal: abort.signal });
    const appPid = path.join(dir, 'app.pid');
    for (let i = 0; i < 100 && !fs.existsSync(appPid); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const pid = Number(fs.readFileSync(appPid, 'utf8'));
    abort.abort();
    const end = await ending;
    assert.equal(end.cancelled, true);
    assert.equal(end.signal, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(running(pid), false, 'the app the CLI started still runs');
  });
});
