import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stopGroup } from '../../support/processGroup';
import { ROOT } from '../../support/paths';
import { copyCdkFixture } from '../../support/cdkFixture';

// `serverless-explorer start-api` in a CDK app: the routes and function URL of our handwritten cdk.out
// (test/fixtures/cdk-app), served under the functions' construct paths, fetch as the client.
const CLI = path.join(ROOT, 'dist', 'cli.js');

describe('cli start-api: a CDK app from its cdk.out', function () {
  this.timeout(60_000);
  let dir: string;
  let child: ChildProcess;
  let stderr = '';

  const until = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`never printed ${pattern}: ${stderr}`)), 15_000);
      const check = () => {
        const match = pattern.exec(stderr);
        if (!match) return;
        clearTimeout(timer);
        child.stderr!.off('data', check);
        resolve(match);
      };
      child.stderr!.on('data', check);
      check();
    });

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-cdk-api-'));
    copyCdkFixture(dir);
    child = spawn(process.execPath, [CLI, 'start-api', '--port', '0'], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir() }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await until(/Press Ctrl\+C to stop/);
  });
  after(async () => {
    await stopGroup(child?.pid);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("mounts the stack's REST API route on the function's construct path and runs it with its layer", async () => {
    const [, url] = await until(/^Mounted GET (http:\/\/127\.0\.0\.1:\d+)\/orders → OrdersStack\/Api\/Handler \(REST, payload 1\.0\)$/m);
    const answer = await fetch(`${url}/orders`);
    assert.equal(answer.status, 200);
    assert.deepEqual(await answer.json(), { message: 'hello orders from the layer', stage: 'dev', table: '${OrdersTable8C5A2E0F}' });
  });
});
