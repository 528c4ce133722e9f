import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, GetAliasCommand, GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { installDependencies, writeHelloTs } from '../../support/esbuildProjects';
import { LayerApiStandIn } from '../../support/layerApiStandIn';
import { useMoto } from '../../support/useMoto';
import { zipFolder } from '../../support/zipFolder';

// `serverless-explorer deploy` and `configure` against moto (through the stand-in that serves deployed packages):
// what a terminal user reads on stderr, the JSON on stdout, what AWS has after, and every refusal's exit code.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

describe('cli: deploy code to a function, and configure it', function () {
  this.timeout(90_000);
  const moto = useMoto();
  let standIn: LayerApiStandIn;
  let project: string;
  let env: NodeJS.ProcessEnv;
  let lambda: LambdaClient;
  let role: string;
  const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };

  before(async () => (standIn = await LayerApiStandIn.start(moto.endpoint)));
  after(() => standIn.stop());
  beforeEach(async () => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'se-cli-deploy-'));
    env = { PATH: process.env.PATH, HOME: project, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'eu-west-1', SERVERLESS_EXPLORER_CACHE_DIR: path.join(project, 'cache') };
    const iam = new IAMClient({ region: 'eu-west-1', endpoint: moto.endpoint, credentials });
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    role = (await iam.send(new CreateRoleCommand({ RoleName: 'deploy-cli', AssumeRolePolicyDocument: JSON.stringify(trust) }))).Role!.Arn!;
    iam.destroy();
    lambda = new LambdaClient({ region: 'eu-west-1', endpoint: moto.endpoint, credentials });
  });
  afterEach(() => {
    lambda.destroy();
    fs.rmSync(project, { recursive: true, force: true });
  });

  const write = (files: Record<string, string>) => {
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
      fs.writeFileSync(path.join(project, file), text);
    }
  };
  const createFunction = async (name: string, extra: Partial<ConstructorParameters<typeof CreateFunctionCommand>[0]> = {}) => {
    const src = fs.mkdtempSync(path.join(project, 'deployed-'));
    fs.writeFileSync(path.join(src, 'app.js'), 'exports.handler = async () => "deployed";\n');
    const zip = zipFolder(src);
    await lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs20.x', Handler: 'app.handler', Role: role, Code: { ZipFile: zip }, ...extra }));
    standIn.serveFunction(name, zip);
  };
  const cli = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [CLI, ...args, '--endpoint-url', standIn.endpoint], { env, cwd: project, timeout: 60_000 }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
    });
  const configuration = (name: string) => lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));

  it('deploys a folder: the diff on stderr, the new CodeSha256 and size on stdout as GetFunction has them; the same folder again changes nothing', async () => {
    await createFunction('orders-api');
    write({ 'dist/app.js': 'exports.handler = async () => "new";\n', 'dist/lib/util.js': 'module.exports = {};\n' });
    const run = await cli('deploy', 'orders-api', '--code', 'dist');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^Deploying dist to orders-api \(eu-west-1\):$/m);
    assert.match(run.stderr, /^ {2}\+ lib\/util\.js {2}\(21 B\)$/m);
    assert.match(run.stderr, /^ {2}~ app\.js {2}\(42 B → 37 B\)$/m);
    assert.match(run.stderr, /1 added, 1 changed, 0 removed, 0 unchanged/);
    assert.match(run.stderr, /^ {2}Package \d+ B → \d+ B$/m);
    const printed = JSON.parse(run.stdout) as { name: string; codeSha256: string; codeSize: number; revisionId: string | null; updated: boolean };
    const now = await configuration('orders-api');
    assert.deepEqual([printed.name, printed.codeSha256, printed.codeSize, printed.updated], ['orders-api', now.CodeSha256, now.CodeSize, true]);
    assert.ok('revisionId' in printed);

    const again = await cli('deploy', 'orders-api', '--code', 'dist');
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /Nothing changed: the package is the one deployed/);
    assert.equal((JSON.parse(again.stdout) as { updated: boolean }).updated, false);
  });

  it('--publish gives a new version and --alias points at it, then moves it on the next deploy', async () => {
    await createFunction('checkout');
    write({ 'v1/app.js': 'exports.handler = async () => 1;\n', 'v2/app.js': 'exports.handler = async () => 2;\n' });
    const first = await cli('deploy', 'checkout', '--code', 'v1', '--publish', '--alias', 'blue');
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(JSON.parse(first.stdout).version, '1');
    assert.equal((await lambda.send(new GetAliasCommand({ FunctionName: 'checkout', Name: 'blue' }))).FunctionVersion, '1');
    const second = await cli('deploy', 'arn:aws:lambda:eu-west-1:123456789012:function:checkout', '--code', 'v2', '--alias', 'blue');
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual([JSON.parse(second.stdout).version, JSON.parse(second.stdout).alias], ['2', 'blue']);
    assert.equal((await lambda.send(new GetAliasCommand({ FunctionName: 'checkout', Name: 'blue' }))).FunctionVersion, '2');
  });

  it('refuses a production-looking function without --yes, and deploys it with --yes', async () => {
    await createFunction('payments', { Tags: { stage: 'production' } });
    write({ 'dist/app.js': 'exports.handler = async () => "new";\n' });
    const before = (await configuration('payments')).CodeSha256;
    const refused = await cli('deploy', 'payments', '--code', 'dist');
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /payments looks like production \(its tag stage=production\): nothing was deployed\. Pass --yes to deploy to it anyway\./);
    assert.equal(refused.stdout, '');
    assert.equal((await configuration('payments')).CodeSha256, before);
    const deployed = await cli('deploy', 'payments', '--code', 'dist', '--yes');
    assert.equal(deployed.code, 0, deployed.stderr);
    assert.notEqual((await configuration('payments')).CodeSha256, before);
  });

  it("deploys a local function by its name: an esbuild function built first, its build output sent to CloudFormation's <stack>-<LogicalId>-<suffix>", async () => {
    writeHelloTs(project);
    installDependencies(path.join(project, 'hello-world'));
    await createFunction('hello-app-GreetFunction-AbCdEf123456');
    await createFunction('hello-app-OtherFunction-ZyXwVu987654');
    const run = await cli('deploy', 'GreetFunction');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^Deploying hello-world \(built with esbuild\) to hello-app-GreetFunction-AbCdEf123456 \(eu-west-1\):$/m);
    assert.match(run.stderr, /^ {2}~ app\.js {2}\(42 B → \d+ B\)$/m, 'the bundle replaces the deployed app.js');
    assert.match(run.stderr, /^ {2}\+ app\.js\.map {2}/m, 'with its source map (Sourcemap: true)');
    assert.doesNotMatch(run.stderr, /app\.ts|node_modules/);
    assert.equal(JSON.parse(run.stdout).codeSha256, (await configuration('hello-app-GreetFunction-AbCdEf123456')).CodeSha256);
  });

  it('deploys a pulled copy back to its function after an edit: pull, change, deploy <name>', async () => {
    await createFunction('orders-dev');
    assert.equal((await cli('pull', 'orders-dev')).code, 0);
    const code = path.join(project, '.serverless-explorer', 'pulled', 'orders-dev', 'code');
    fs.appendFileSync(path.join(code, 'app.js'), '// fixed\n');
    const run = await cli('deploy', 'orders-dev');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^Deploying \.serverless-explorer\/pulled\/orders-dev\/code to orders-dev \(eu-west-1\):\n {2}~ app\.js {2}\(42 B → 51 B\)$/m);
    assert.equal(JSON.parse(run.stdout).codeSha256, (await configuration('orders-dev')).CodeSha256);
  });

  it('configure sets and unsets variables, memory and timeout, as GetFunctionConfiguration then says; values are never printed', async () => {
    await createFunction('orders-api', { MemorySize: 256, Environment: { Variables: { OLD: 'x', API_KEY: 'hunter2' } } });
    const run = await cli('configure', 'orders-api', '--env', 'TABLE=orders-v2', '--env', 'API_KEY=s3cr3t-value', '--unset-env', 'OLD', '--memory', '1024', '--timeout', '30');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /memory 256 MB → 1024 MB/);
    assert.match(run.stderr, /environment API_KEY: changed/);
    assert.doesNotMatch(run.stderr + run.stdout, /hunter2|s3cr3t-value/);
    assert.deepEqual(JSON.parse(run.stdout), { name: 'orders-api', memoryMb: 1024, timeoutSeconds: 30, environment: ['API_KEY', 'TABLE'], revisionId: null });
    const now = await configuration('orders-api');
    assert.deepEqual([now.MemorySize, now.Timeout, now.Environment?.Variables], [1024, 30, { API_KEY: 's3cr3t-value', TABLE: 'orders-v2' }]);
  });

  it('bad input: no such folder, a .zip that is not one, no --code for a deployed name, memory 64, an unknown function', async () => {
    await createFunction('orders-api');
    const missing = await cli('deploy', 'orders-api', '--code', 'nope');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--code: nope does not exist \(ENOENT\): give a folder of code or a \.zip/);
    write({ 'broken.zip': 'this is text' });
    const broken = await cli('deploy', 'orders-api', '--code', 'broken.zip');
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /--code: broken\.zip is not a \.zip archive/);
    const noCode = await cli('deploy', 'orders-api');
    assert.equal(noCode.code, 2);
    assert.match(noCode.stderr, /"orders-api" is not a function of this folder's templates, so give the code to deploy to it: --code <dir\|zip>/);
    const memory = await cli('configure', 'orders-api', '--memory', '64');
    assert.equal(memory.code, 2);
    assert.match(memory.stderr, /--memory must be a whole number of MB from 128 to 10240 \(Lambda's limits\), not 64/);
    write({ 'dist/app.js': '1' });
    const unknown = await cli('deploy', 'no-such-function', '--code', 'dist');
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /^serverless-explorer: no-such-function in eu-west-1: /m);
    const unknownConfigure = await cli('configure', 'no-such-function', '--timeout', '5');
    assert.equal(unknownConfigure.code, 1);
    assert.match(unknownConfigure.stderr, /^serverless-explorer: no-such-function in eu-west-1: /m);
    assert.equal((await configuration('orders-api')).MemorySize, 128, 'nothing changed');
  });
});
