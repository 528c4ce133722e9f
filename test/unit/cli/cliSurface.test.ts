import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stopGroup } from '../../support/processGroup';

// The CLI's surface as a terminal user meets it: help everywhere, flags checked against what they promise, a pipe
// closed early, and a warning before the local endpoint is offered to the network.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const env = () => ({ PATH: process.env.PATH ?? '', HOME: os.tmpdir() });

function cli(args: string[], cwd = os.tmpdir(), input = '{}') {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8', env: env(), timeout: 20_000 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli surface: --help, flag checks, a closed pipe, --host', function () {
  this.timeout(30_000);
  let dir: string;

  before(() => {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" first`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-surface-'));
    fs.mkdirSync(path.join(dir, 'fn'));
    fs.writeFileSync(path.join(dir, 'fn', 'index.js'), 'exports.handler = async () => process.env.GREETING ?? "no greeting";\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const command of [[], ['profiles'], ['list'], ['list', 'functions'], ['list', 'services'], ['invoke'], ['start-lambda'], ['start-api'], ['events'], ['events', 'list'], ['events', 'generate'], ['run-task'], ['pull'], ['deploy'], ['configure']]) {
    it(`${['serverless-explorer', ...command].join(' ')} --help: usage on stdout, exit 0`, () => {
      const run = cli([...command, '--help']);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stderr, '');
      assert.match(run.stdout, new RegExp(`Usage:\\n {2}serverless-explorer ${command[0] ?? '<command>'}`));
    });
  }

  for (const timeout of ['0.0001', '0', '901', '1.5', 'soon', '-3']) {
    it(`invoke --timeout ${timeout} is refused before anything runs, exit 2`, () => {
      const run = cli(['invoke', 'fn:index.handler', '--runtime', 'nodejs20.x', `--timeout=${timeout}`], dir);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, new RegExp(`--timeout must be a whole number of seconds from 1 to 900 \\(Lambda's limits\\), not "${timeout.replace('.', '\\.')}"`));
    });
  }

  it('invoke --timeout 1 and 900, the limits, are accepted', () => {
    for (const timeout of ['1', '900']) {
      const run = cli(['invoke', 'fn:index.handler', '--runtime', 'nodejs20.x', '--timeout', timeout], dir);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout.trim(), '"no greeting"');
    }
  });

  for (const [shape, text, said] of [
    ['a list', '[1,2,3]', 'holds a list, not an object of functions'],
    ['null', 'null', 'holds null, not an object of functions'],
    ['a string', '"GREETING=hi"', 'not an object of functions'],
    ['a function of a list', '{"fn": [1]}', 'fn'],
    ['a nested object as a value', '{"Parameters": {"GREETING": {"a": 1}}}', 'GREETING'],
    ['not JSON', '{GREETING: hi}', 'JSON'],
  ] as const) {
    it(`--env-vars holding ${shape} is refused with SAM's format as an example, exit 2`, () => {
      fs.writeFileSync(path.join(dir, 'vars.json'), text);
      const run = cli(['invoke', 'fn:index.handler', '--runtime', 'nodejs20.x', '--env-vars', 'vars.json'], dir);
      assert.equal(run.code, 2, run.stdout);
      assert.ok(run.stderr.includes(said), run.stderr);
      assert.match(run.stderr, /--env-vars vars\.json/);
      assert.doesNotMatch(run.stderr, /Cannot read properties|\n\s+at /);
    });
  }

  it('events list | head -1: the first line, then a quiet exit 0, no EPIPE', () => {
    const run = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${CLI}" events list | head -1`], { encoding: 'utf8', env: env(), timeout: 20_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^EVENT\s+TRIGGER SOURCE\s+FORMAT FROM\s+TITLE\n$/);
    assert.equal(run.stderr, '');
  });

  it('start-lambda --host 0.0.0.0 warns what is exposed and prints the address bound', async () => {
    fs.writeFileSync(
      path.join(dir, 'template.yaml'),
      "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: fn/\n      Handler: index.handler\n      Runtime: nodejs20.x\n",
    );
    const child = spawn(process.execPath, [CLI, 'start-lambda', '--host', '0.0.0.0', '--port', '0'], { cwd: dir, env: env(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner: ${stderr}`)), 15_000);
        child.stderr.on('data', () => stderr.includes('Ctrl+C') && (clearTimeout(timer), resolve()));
      });
      const port = /bound to 0\.0\.0\.0:(\d+)\)/.exec(stderr)?.[1];
      assert.ok(port, stderr);
      assert.match(stderr, new RegExp(`^Warning: listening on 0\\.0\\.0\\.0:${port}, not only on this machine's loopback: anyone who can reach this machine on port ${port} can run the workspace's functions`, 'm'));
      const answer = await fetch(`http://127.0.0.1:${port}/2015-03-31/functions/Fn/invocations`, { method: 'POST', body: '{}' });
      assert.equal(await answer.text(), '"no greeting"');
    } finally {
      await stopGroup(child.pid);
    }
  });
});
