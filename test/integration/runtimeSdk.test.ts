import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LocalInvokeOutcome } from '../../src/ui/local/invokeLocalCommand';
import type { LocalFunctionDefinition } from '../../src/core/local/types';
import { activatedApi } from './helpers';

// "Invoke Locally" on a handler that imports @aws-sdk/client-sts without declaring it: the prompt (answered here by
// replacing showInformationMessage for the one message, the way a user clicks), then npm installs it into the
// extension's runtime cache and the function calls moto. The code is copied outside the repository, whose
// node_modules has the SDK.

const FIXTURE = path.resolve(__dirname, '..', '..', '..', 'test', 'unit', 'core', 'local', 'functions', 'runtime-sdk', 'sts-cjs');

describe('local functions: the AWS SDK the Lambda runtime provides', function () {
  this.timeout(180_000);
  let dir: string;
  let definition: LocalFunctionDefinition;
  const prompts: string[] = [];
  const original = vscode.window.showInformationMessage;
  let answer: string | undefined;

  before(async () => {
    await activatedApi();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-sdk-prompt-'));
    fs.cpSync(FIXTURE, dir, { recursive: true });
    definition = {
      name: 'WhoAmI',
      codeDir: dir,
      handler: 'app.lambdaHandler',
      runtime: 'nodejs20.x',
      timeoutSeconds: 30,
      memoryMb: 256,
      architecture: 'x86_64',
      environment: { AWS_ENDPOINT_URL: process.env.SE_MOTO_ENDPOINT!, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' },
    };
    (vscode.window as { showInformationMessage: unknown }).showInformationMessage = (message: string, ...items: unknown[]) => {
      if (!message.includes('which Lambda provides')) return (original as (...args: unknown[]) => unknown)(message, ...items);
      prompts.push(message);
      return Promise.resolve(answer);
    };
  });
  after(() => {
    (vscode.window as { showInformationMessage: unknown }).showInformationMessage = original;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const invoke = async () => (await vscode.commands.executeCommand('serverlessExplorer.invokeLocal', undefined, { definition, payload: '{}' })) as LocalInvokeOutcome;

  it('asks first; "Not now" runs nothing and says how to install it', async () => {
    answer = 'Not now';
    const outcome = await invoke();
    assert.equal(prompts.length, 1);
    assert.match(prompts[0], /^WhoAmI imports @aws-sdk\/client-sts, which Lambda provides: install it into Serverless Explorer's runtime cache \(npm, ~\d+ MB\)\?$/);
    assert.equal(outcome.status, 'failed');
    assert.match((outcome as { message: string }).message, /npm install --prefix "[^"]+aws-sdk-v3" @aws-sdk\/client-sts@3/);
  });

  it('"Install": npm fills the cache, the invoke goes on, and the handler calls moto with that SDK', async () => {
    answer = 'Install';
    const outcome = await invoke();
    assert.equal(outcome.status, 'invoked', JSON.stringify(outcome));
    const result = (outcome as { result: { payload: string; functionError?: string } }).result;
    assert.equal(result.functionError, undefined, result.payload);
    const body = JSON.parse(result.payload) as { account: string; sdk: string };
    assert.equal(body.account, '123456789012');
    assert.ok(body.sdk.includes(`${path.sep}aws-sdk-v3${path.sep}node_modules${path.sep}`), body.sdk);
    assert.equal(prompts.length, 2);
    // Installed once: the next cold start asks nothing.
    await vscode.commands.executeCommand('serverlessExplorer.refreshLocal');
    assert.equal((await invoke()).status, 'invoked');
    assert.equal(prompts.length, 2);
  });
});
