import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { LocalInvokeEndpoint } from '../../../../src/core/local/invokeEndpoint';
import { LocalInvoker } from '../../../../src/core/local/invoker';
import type { LocalInvokeResult } from '../../../../src/core/local/invoker';
import { RuntimeSdkMissingError } from '../../../../src/core/local/runtimeProvided/runtimeSdkStep';
import type { RuntimeSdkRequest } from '../../../../src/core/local/runtimeProvided/runtimeSdkProvider';
import { readFunctionsIn } from '../../../../src/core/local/sources/registry';
import type { LocalFunctionDefinition } from '../../../../src/core/local/types';
import { motoEnv } from '../../../support/moto';
import { useMoto } from '../../../support/useMoto';

// What Lambda's runtimes provide (the AWS SDK v3 for Node.js, boto3 for Python) and what a project declares but has
// not installed: our fixtures in SAM's layout, copied outside the repository (whose node_modules has the SDK), run by
// the real LocalInvoker and runtime clients, calling moto. The SDK is installed from the npm registry, once.

const ROOT = path.resolve(__dirname, '../../../../..');
const RUNTIMES = path.join(ROOT, 'dist', 'runtimes');
const FIXTURE = path.join(ROOT, 'test', 'unit', 'core', 'local', 'functions', 'runtime-sdk');
/** Moto's account for any credentials. */
const MOTO_ACCOUNT = '123456789012';

function copyFixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-runtime-sdk-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

async function functionsIn(dir: string, endpoint?: string): Promise<Map<string, LocalFunctionDefinition>> {
  const { functions } = await readFunctionsIn(path.join(dir, 'template.yaml'));
  return new Map(functions.map((f) => [f.name, endpoint ? { ...f, environment: { ...f.environment, ...motoEnv(endpoint) } } : f]));
}

function errorMessage(result: LocalInvokeResult): string {
  assert.equal(result.errorType, 'Runtime.ImportModuleError', result.payload + result.log);
  return (JSON.parse(result.payload) as { errorMessage: string }).errorMessage;
}

describe('local runtime: what the Lambda runtime provides', function () {
  this.timeout(120_000);
  const moto = useMoto();
  let project: string;
  /** One cache for the suite, filled by the first test through the prompt's path. */
  let cache: string;
  let installing: LocalInvoker;
  const asked: RuntimeSdkRequest[] = [];
  const temporary: string[] = [];
  const invokers: LocalInvoker[] = [];
  const tempDir = (prefix: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    temporary.push(dir);
    return dir;
  };
  const refusing = (cacheDir: string) => {
    const invoker = new LocalInvoker({ runtimesDir: RUNTIMES, cacheDir, provideRuntimeSdk: async () => false });
    invokers.push(invoker);
    return invoker;
  };

  before(() => {
    project = copyFixture();
    cache = tempDir('se-runtime-cache-');
    installing = new LocalInvoker({
      runtimesDir: RUNTIMES,
      cacheDir: cache,
      provideRuntimeSdk: async (request) => {
        asked.push(request);
        await request.install();
        return true;
      },
    });
    invokers.push(installing);
  });
  after(async () => {
    await Promise.all(invokers.map((i) => i.dispose()));
    for (const dir of [project, ...temporary]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('without the SDK anywhere: refuses before starting, naming the package and the npm command that installs it', async () => {
    const empty = tempDir('se-runtime-empty-');
    const invoker = refusing(empty);
    const fn = (await functionsIn(project, moto.endpoint)).get('WhoAmICjsFunction')!;
    await assert.rejects(invoker.invoke(fn, '{}'), (error: unknown) => {
      assert.ok(error instanceof RuntimeSdkMissingError, String(error));
      assert.equal(error.errorType, 'Runtime.ImportModuleError');
      assert.deepEqual(error.request.packages, ['@aws-sdk/client-sts']);
      assert.match(error.message, /WhoAmICjsFunction imports @aws-sdk\/client-sts, which Lambda's nodejs20\.x runtime provides/);
      assert.ok(error.message.includes(`npm install --prefix "${path.join(empty, 'aws-sdk-v3')}" @aws-sdk/client-sts@3`), error.message);
      return true;
    });
  });

  it("declared in package.json but not installed: the other way is npm install in that folder", async () => {
    const dir = copyFixture();
    try {
      const folder = path.join(dir, 'sts-cjs');
      const manifest = path.join(folder, 'package.json');
      fs.writeFileSync(manifest, JSON.stringify({ ...JSON.parse(fs.readFileSync(manifest, 'utf8')), dependencies: { '@aws-sdk/client-sts': '^3.0.0' } }));
      const invoker = refusing(tempDir('se-runtime-empty-'));
      await assert.rejects(invoker.invoke((await functionsIn(dir)).get('WhoAmICjsFunction')!, '{}'), (error: unknown) => {
        assert.ok(error instanceof RuntimeSdkMissingError, String(error));
        assert.equal(error.request.declaredIn, folder);
        assert.ok(error.message.endsWith(`or run npm install in ${folder} (its package.json declares it).`), error.message);
        return true;
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('CommonJS: asks once for the imported client, installs it into the cache with npm, then the invoke goes on and calls moto', async () => {
    const fn = (await functionsIn(project, moto.endpoint)).get('WhoAmICjsFunction')!;
    const result = await installing.invoke(fn, '{}');
    assert.equal(result.functionError, undefined, result.payload + result.log);
    const body = JSON.parse(result.payload) as { account: string; sdk: string };
    assert.equal(body.account, MOTO_ACCOUNT);
    assert.ok(body.sdk.startsWith(path.join(cache, 'aws-sdk-v3', 'node_modules', '@aws-sdk', 'client-sts') + path.sep), body.sdk);
    assert.equal(asked.length, 1);
    assert.deepEqual(asked[0].packages, ['@aws-sdk/client-sts']);
    assert.equal(asked[0].functionName, 'WhoAmICjsFunction');
    const installed = JSON.parse(fs.readFileSync(path.join(cache, 'aws-sdk-v3', 'node_modules', '@aws-sdk', 'client-sts', 'package.json'), 'utf8')) as { version: string };
    assert.match(installed.version, /^3\./, 'the major version Lambda ships');
  });

  it('ES module: the same client from the cache, without asking again', async () => {
    const fn = (await functionsIn(project, moto.endpoint)).get('WhoAmIEsmFunction')!;
    const result = await installing.invoke(fn, '{}');
    assert.equal(result.functionError, undefined, result.payload + result.log);
    const body = JSON.parse(result.payload) as { account: string; sdk: string };
    assert.equal(body.account, MOTO_ACCOUNT);
    assert.ok(body.sdk.includes('/aws-sdk-v3/node_modules/@aws-sdk/client-sts/'), body.sdk);
    assert.equal(asked.length, 1, 'installed once for every function');
  });

  it("the project's own copy wins over the cache, for CommonJS and ES modules, and nothing is asked", async () => {
    const own = copyFixture();
    try {
      for (const folder of ['sts-cjs', 'sts-esm']) {
        // A stand-in for a project's own (older, pinned…) @aws-sdk/client-sts: it answers without calling anyone.
        const pkg = path.join(own, folder, 'node_modules', '@aws-sdk', 'client-sts');
        fs.mkdirSync(pkg, { recursive: true });
        fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: '@aws-sdk/client-sts', version: '3.0.0-project', main: 'index.js' }));
        fs.writeFileSync(
          path.join(pkg, 'index.js'),
          "class STSClient { async send() { return { Account: 'the-project-copy' }; } }\nclass GetCallerIdentityCommand {}\nexports.STSClient = STSClient;\nexports.GetCallerIdentityCommand = GetCallerIdentityCommand;\n",
        );
      }
      const functions = await functionsIn(own, moto.endpoint);
      const before = asked.length;
      for (const name of ['WhoAmICjsFunction', 'WhoAmIEsmFunction']) {
        const result = await installing.invoke(functions.get(name)!, '{}');
        assert.equal(result.functionError, undefined, result.payload + result.log);
        assert.equal((JSON.parse(result.payload) as { account: string }).account, 'the-project-copy', name);
      }
      // Even with an empty cache and a provider that refuses: the project has it.
      const invoker = refusing(tempDir('se-runtime-empty-'));
      const result = await invoker.invoke(functions.get('WhoAmICjsFunction')!, '{}');
      assert.equal((JSON.parse(result.payload) as { account: string }).account, 'the-project-copy');
      assert.equal(asked.length, before);
    } finally {
      fs.rmSync(own, { recursive: true, force: true });
    }
  });

  it('a dependency in package.json but not installed: the fix is `npm install` in its folder (CommonJS and ES module)', async () => {
    const functions = await functionsIn(project);
    const folder = path.join(project, 'declared-missing');
    for (const name of ['UuidCjsFunction', 'UuidEsmFunction']) {
      const message = errorMessage(await installing.invoke(functions.get(name)!, '{}'));
      assert.match(message, /Cannot find (module|package) 'uuid'/, 'Lambda\'s own text stays');
      assert.ok(message.includes(`uuid is a dependency in ${path.join(folder, 'package.json')} but is not installed: run \`npm install\` in ${folder}.`), message);
    }
  });

  it('the local Invoke API endpoint returns the same fix to an SDK caller', async () => {
    const functions = [...(await functionsIn(project)).values()];
    const endpoint = await LocalInvokeEndpoint.start({ functions: () => functions, invoker: installing, port: 0 });
    try {
      const lambda = new LambdaClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
      const response = await lambda.send(new InvokeCommand({ FunctionName: 'UuidEsmFunction', Payload: Buffer.from('{}') }));
      assert.equal(response.FunctionError, 'Unhandled');
      const payload = JSON.parse(Buffer.from(response.Payload!).toString()) as { errorType: string; errorMessage: string };
      assert.equal(payload.errorType, 'Runtime.ImportModuleError');
      assert.match(payload.errorMessage, /uuid is a dependency in \S+package\.json but is not installed: run `npm install` in /);
      lambda.destroy();
    } finally {
      await endpoint.stop();
    }
  });

  it("names the lockfile's tool: pnpm install where pnpm-lock.yaml is", async () => {
    const dir = copyFixture();
    try {
      fs.writeFileSync(path.join(dir, 'pnpm-lock.yaml'), "lockfileVersion: '9.0'\n");
      const message = errorMessage(await installing.invoke((await functionsIn(dir)).get('UuidCjsFunction')!, '{}'));
      assert.ok(message.includes(`run \`pnpm install\` in ${dir}.`), message);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a requirements.txt dependency not installed: the fix is pip install -r requirements.txt with the interpreter that ran, in that folder', async () => {
    const fn = (await functionsIn(project)).get('PowertoolsFunction')!;
    const message = errorMessage(await installing.invoke(fn, '{}'));
    assert.match(message, /^Unable to import module 'app': No module named 'aws_lambda_powertools'/);
    const folder = path.join(project, 'py-requirements');
    assert.match(message, new RegExp(`aws_lambda_powertools is in ${escape(path.join(folder, 'requirements.txt'))} but not installed in (\\S+): run \`\\1 -m pip install -r requirements.txt\` in ${escape(folder)}\\.`));
  });

  it('boto3 comes from the interpreter (system Python 3.11 has it) and calls moto', async function () {
    if (spawnSync('python3.11', ['-c', 'import boto3']).status !== 0) this.skip();
    const fn = (await functionsIn(project, moto.endpoint)).get('Boto3Function')!;
    const result = await installing.invoke(fn, '{}');
    assert.equal(result.functionError, undefined, result.payload + result.log);
    assert.equal((JSON.parse(result.payload) as { account: string }).account, MOTO_ACCOUNT);
  });

  it("boto3 missing from the project's virtual environment: the exact pip command, naming the venv", async () => {
    const dir = copyFixture();
    try {
      // A real venv; without pip only to keep the test fast (the message is the same with it).
      const venv = path.join(dir, 'py-boto', '.venv');
      const made = spawnSync('python3.11', ['-m', 'venv', '--without-pip', venv], { encoding: 'utf8' });
      assert.equal(made.status, 0, made.stderr);
      const message = errorMessage(await installing.invoke((await functionsIn(dir, moto.endpoint)).get('Boto3Function')!, '{}'));
      assert.match(message, /^Unable to import module 'app': No module named 'boto3'/);
      const python = path.join(venv, 'bin', 'python');
      assert.ok(message.includes(`Lambda's python3.11 runtime provides boto3; the virtual environment ${venv} does not have it: run \`${python} -m pip install boto3\`.`), message);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
