import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateAliasCommand, CreateFunctionCommand, LambdaClient, PublishVersionCommand, UpdateFunctionCodeCommand } from '@aws-sdk/client-lambda';
import { execFile } from 'node:child_process';
import { LayerApiStandIn } from '../../support/layerApiStandIn';
import { useMoto } from '../../support/useMoto';
import { zipFolder } from '../../support/zipFolder';

// `serverless-explorer pull` against moto (through the stand-in that serves the package moto cannot), then the
// pulled copy run by `invoke` with the deployed configuration: found in .serverless-explorer/pulled, or by --template.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

describe('cli: pull a deployed function, then invoke the copy', function () {
  this.timeout(60_000);
  const moto = useMoto();
  let standIn: LayerApiStandIn;
  let project: string;
  let env: NodeJS.ProcessEnv;

  before(async () => (standIn = await LayerApiStandIn.start(moto.endpoint)));
  after(() => standIn.stop());
  beforeEach(async () => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'se-cli-pull-'));
    env = { PATH: process.env.PATH, HOME: project, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'eu-west-1', SERVERLESS_EXPLORER_CACHE_DIR: path.join(project, 'cache') };
    const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
    const iam = new IAMClient({ region: 'eu-west-1', endpoint: moto.endpoint, credentials });
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    const role = (await iam.send(new CreateRoleCommand({ RoleName: 'pull-cli', AssumeRolePolicyDocument: JSON.stringify(trust) }))).Role!.Arn!;
    iam.destroy();
    const src = path.join(project, 'deployed-src');
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(src, 'app.js'), 'exports.handler = async (event) => ({ table: process.env.TABLE, memory: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE, got: event });\n');
    const zip = zipFolder(src);
    const lambda = new LambdaClient({ region: 'eu-west-1', endpoint: moto.endpoint, credentials });
    await lambda.send(new CreateFunctionCommand({ FunctionName: 'orders-prod', Runtime: 'nodejs20.x', Handler: 'app.handler', Role: role, Code: { ZipFile: zip }, MemorySize: 384, Environment: { Variables: { TABLE: 'orders-prod-table' } } }));
    lambda.destroy();
    standIn.serveFunction('orders-prod', zip);
    fs.writeFileSync(path.join(project, 'event.json'), '{"id":"42"}');
  });
  afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

  const cli = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [CLI, ...args], { env, cwd: project, timeout: 30_000 }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
    });

  it('pulls into .serverless-explorer/pulled/<name>, where invoke finds it and runs it with the deployed configuration', async () => {
    const pulled = await cli('pull', 'orders-prod', '--endpoint-url', standIn.endpoint);
    assert.equal(pulled.code, 0, pulled.stderr);
    assert.match(pulled.stderr, /^Pulling orders-prod \(\$LATEST, nodejs20\.x\) from eu-west-1…$/m);
    assert.match(pulled.stderr, /\.serverless-explorer\/\.gitignore now keeps the folder out of git/);
    assert.equal(fs.readFileSync(path.join(project, '.serverless-explorer', '.gitignore'), 'utf8').split('\n').filter((l) => !l.startsWith('#'))[0], '*');
    const printed = JSON.parse(pulled.stdout) as { dir: string; downloaded: boolean };
    assert.deepEqual([printed.dir, printed.downloaded], [path.join(project, '.serverless-explorer', 'pulled', 'orders-prod'), true]);
    const record = JSON.parse(fs.readFileSync(path.join(printed.dir, 'function.json'), 'utf8')) as { from: unknown; deployed: { role: string } };
    assert.deepEqual(record.from, { profile: '(environment)', region: 'eu-west-1' });
    assert.match(record.deployed.role, /^arn:aws:iam::\d{12}:role\/pull-cli$/);

    const ran = await cli('invoke', 'orders-prod', '--event', 'event.json');
    assert.equal(ran.code, 0, ran.stderr);
    assert.deepEqual(JSON.parse(ran.stdout), { table: 'orders-prod-table', memory: '384', got: { id: '42' } });
    assert.match(ran.stderr, /Memory Size: 384 MB/);

    const again = await cli('pull', 'arn:aws:lambda:eu-west-1:123456789012:function:orders-prod', '--endpoint-url', standIn.endpoint);
    assert.equal(again.code, 0, again.stderr);
    assert.equal((JSON.parse(again.stdout) as { downloaded: boolean }).downloaded, false, 'the same CodeSha256 is not downloaded again');
  });

  it('pulls into --dir, run with --template <dir>/function.json; a missing function is said in CLI words', async () => {
    const pulled = await cli('pull', 'orders-prod', '--dir', 'copy', '--endpoint-url', standIn.endpoint);
    assert.equal(pulled.code, 0, pulled.stderr);
    assert.match(pulled.stderr, /Run it: serverless-explorer invoke orders-prod --template copy\/function\.json/);
    const ran = await cli('invoke', 'orders-prod', '--template', 'copy/function.json', '--event', 'event.json');
    assert.equal(ran.code, 0, ran.stderr);
    assert.equal((JSON.parse(ran.stdout) as { table: string }).table, 'orders-prod-table');

    const missing = await cli('pull', 'nothing-here', '--endpoint-url', standIn.endpoint);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^serverless-explorer: nothing-here in eu-west-1: /m);
    for (const [target, said] of [
      ['arn:aws:s3:::bucket', /The ARN is of "s3", not of a Lambda function: a function ARN is arn:aws:lambda:/],
      ['../../etc/passwd', /The function name contains "\." \(U\+002E\) at position 1, which is not allowed: a Lambda function name is 1 to 64 letters/],
    ] as const) {
      const wrong = await cli('pull', target, '--endpoint-url', standIn.endpoint);
      assert.equal(wrong.code, 2, wrong.stderr);
      assert.match(wrong.stderr, said);
      assert.equal(fs.existsSync(path.join(project, '.serverless-explorer')), false, 'nothing was written');
    }
    const none = await cli('pull');
    assert.equal(none.code, 2);
    assert.match(none.stderr, /pull needs a function: its name or ARN/);
  });

  it('invoke --deployed pulls the deployed function and runs it; after a deploy it runs the new code', async () => {
    const first = await cli('invoke', 'orders-prod', '--deployed', '--event', 'event.json', '--endpoint-url', standIn.endpoint);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /^Pulling orders-prod \(\$LATEST, nodejs20\.x\) from eu-west-1…$/m);
    assert.deepEqual(JSON.parse(first.stdout), { table: 'orders-prod-table', memory: '384', got: { id: '42' } });

    const src = path.join(project, 'v2');
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(src, 'app.js'), 'exports.handler = async () => ({ version: 2, region: process.env.AWS_REGION, key: process.env.AWS_ACCESS_KEY_ID });\n');
    const zip = zipFolder(src);
    const lambda = new LambdaClient({ region: 'eu-west-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'orders-prod', ZipFile: zip }));
    lambda.destroy();
    standIn.serveFunction('orders-prod', zip);
    const second = await cli('invoke', 'orders-prod', '--deployed', '--endpoint-url', standIn.endpoint);
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual(JSON.parse(second.stdout), { version: 2, region: 'eu-west-1', key: 'testing' }, 'the credentials of the profile it was pulled with');

    const both = await cli('invoke', 'orders-prod', '--deployed', '--template', 'template.yaml');
    assert.equal(both.code, 2);
    assert.match(both.stderr, /give --template or --deployed, not both/);
    const missing = await cli('invoke', 'no-such-function', '--deployed', '--endpoint-url', standIn.endpoint);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^serverless-explorer: no-such-function in eu-west-1: /m);
  });

  it('pulls a version or alias into a folder of its own, named <name>:<qualifier> locally; a bad qualifier is refused', async () => {
    const lambda = new LambdaClient({ region: 'eu-west-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    const { Version } = await lambda.send(new PublishVersionCommand({ FunctionName: 'orders-prod' }));
    await lambda.send(new CreateAliasCommand({ FunctionName: 'orders-prod', Name: 'live', FunctionVersion: Version }));
    lambda.destroy();
    const pulled = await cli('pull', 'orders-prod', '--qualifier', 'live', '--endpoint-url', standIn.endpoint);
    assert.equal(pulled.code, 0, pulled.stderr);
    const printed = JSON.parse(pulled.stdout) as { dir: string; version: string };
    assert.deepEqual([path.basename(printed.dir), printed.version], ['orders-prod@live', Version]);
    assert.match(pulled.stderr, /Run it: serverless-explorer invoke orders-prod:live --event event\.json/);
    const ran = await cli('invoke', 'orders-prod:live', '--event', 'event.json');
    assert.equal(ran.code, 0, ran.stderr);
    assert.equal((JSON.parse(ran.stdout) as { table: string }).table, 'orders-prod-table');

    const bad = await cli('pull', 'orders-prod', '--qualifier', '../../x', '--endpoint-url', standIn.endpoint);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--qualifier: The qualifier contains "\." \(U\+002E\) at position 1, which is not allowed: a qualifier is \$LATEST, a version number or an alias name/);
    assert.deepEqual(fs.readdirSync(path.join(project, '.serverless-explorer', 'pulled')), ['orders-prod@live']);
  });

  it('never replaces code/ edited since the pull: pulling again is refused until the edits are deployed, then nothing is downloaded', async () => {
    assert.equal((await cli('pull', 'orders-prod', '--endpoint-url', standIn.endpoint)).code, 0);
    const handler = path.join(project, '.serverless-explorer', 'pulled', 'orders-prod', 'code', 'app.js');
    const edited = "exports.handler = async () => ({ edited: 'here' });\n";
    fs.writeFileSync(handler, edited);

    const src = path.join(project, 'theirs');
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(src, 'app.js'), 'exports.handler = async () => ({ theirs: true });\n');
    const zip = zipFolder(src);
    const lambda = new LambdaClient({ region: 'eu-west-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'orders-prod', ZipFile: zip }));
    lambda.destroy();
    standIn.serveFunction('orders-prod', zip);

    const refused = await cli('invoke', 'orders-prod', '--deployed', '--endpoint-url', standIn.endpoint);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /was edited since orders-prod was pulled, and the deployed code has changed since too: pulling it again would replace your edits/);
    assert.equal(fs.readFileSync(handler, 'utf8'), edited, 'the edits are kept');

    const deployed = await cli('deploy', 'orders-prod', '--yes', '--endpoint-url', standIn.endpoint);
    assert.equal(deployed.code, 0, deployed.stderr);
    const downloadsBefore = standIn.downloads;
    const ran = await cli('invoke', 'orders-prod', '--deployed', '--endpoint-url', standIn.endpoint);
    assert.equal(ran.code, 0, ran.stderr);
    assert.deepEqual(JSON.parse(ran.stdout), { edited: 'here' });
    assert.match(ran.stderr, /already holds this code/);
    assert.equal(standIn.downloads, downloadsBefore, 'the code it deployed is not downloaded back');
  });
});
