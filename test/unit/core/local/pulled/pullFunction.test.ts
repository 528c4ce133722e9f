import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient, UpdateFunctionCodeCommand } from '@aws-sdk/client-lambda';
import { getDeployedFunction } from '../../../../../src/core/lambda/deployedFunction';
import { LocalInvoker } from '../../../../../src/core/local/invoker';
import { pullFunction } from '../../../../../src/core/local/pulled/pullFunction';
import { LayerApiStandIn } from '../../../../support/layerApiStandIn';
import { useMoto } from '../../../../support/useMoto';
import { zipFolder } from '../../../../support/zipFolder';

// Pulling a deployed function down: GetFunction against moto (through the stand-in, which serves the package
// moto cannot), the package unpacked, the configuration kept, and the copy run locally with it.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..', '..');

describe('core/local pullFunction: a deployed function brought down to run locally', function () {
  this.timeout(60_000);
  const moto = useMoto();
  let standIn: LayerApiStandIn;
  let dir: string;
  let client: LambdaClient;
  let role: string;
  const download = async (location: string) => Buffer.from(await (await fetch(location)).arrayBuffer());

  before(async () => (standIn = await LayerApiStandIn.start(moto.endpoint)));
  after(() => standIn.stop());
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-pull-'));
    const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
    client = new LambdaClient({ region: 'us-east-1', endpoint: standIn.endpoint, credentials });
    const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials });
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    role = (await iam.send(new CreateRoleCommand({ RoleName: 'pull-role', AssumeRolePolicyDocument: JSON.stringify(trust) }))).Role!.Arn!;
    iam.destroy();
  });
  afterEach(() => {
    client.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const packageOf = (source: string): Buffer => {
    const src = fs.mkdtempSync(path.join(dir, 'src-'));
    fs.writeFileSync(path.join(src, 'app.js'), source);
    return zipFolder(src);
  };

  it('downloads the code and keeps the deployed configuration; a second pull of the same CodeSha256 downloads nothing', async () => {
    const zip = packageOf('exports.handler = async (event) => ({ stage: process.env.STAGE, got: event });\n');
    await client.send(
      new CreateFunctionCommand({ FunctionName: 'orders-prod', Runtime: 'nodejs20.x', Handler: 'app.handler', Role: role, Code: { ZipFile: zip }, MemorySize: 512, Timeout: 9, Architectures: ['arm64'], Environment: { Variables: { STAGE: 'prod' } } }),
    );
    standIn.serveFunction('orders-prod', zip);
    const target = path.join(dir, 'pulled');
    const deployed = await getDeployedFunction(client, 'orders-prod');
    const first = await pullFunction(deployed, { dir: target, download, from: { profile: 'dev', region: 'us-east-1' } });
    assert.equal(first.downloaded, true);
    const { definition } = first;
    assert.deepEqual(
      [definition.name, definition.handler, definition.runtime, definition.memoryMb, definition.timeoutSeconds, definition.architecture, definition.environment, definition.origin?.source],
      ['orders-prod', 'app.handler', 'nodejs20.x', 512, 9, 'arm64', { AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-east-1', STAGE: 'prod' }, 'pulled'],
    );
    assert.deepEqual(definition.credentials, { profile: 'dev', region: 'us-east-1' }, 'its runs get the profile it was pulled with');
    const asRole = await pullFunction(deployed, { dir: target, download, credentials: 'executionRole' });
    assert.deepEqual(asRole.definition.credentials, { profile: 'dev', region: 'us-east-1', assumeRole: deployed.role }, 'the profile is kept from the earlier pull; the role is assumed with it');
    assert.ok(fs.existsSync(path.join(target, 'code', 'app.js')));
    assert.equal(JSON.parse(fs.readFileSync(path.join(target, 'function.json'), 'utf8')).deployed.codeSha256, deployed.codeSha256);

    const downloadsBefore = standIn.downloads;
    const again = await pullFunction(await getDeployedFunction(client, 'orders-prod'), { dir: target, download });
    assert.equal(again.downloaded, false);
    assert.equal(standIn.downloads, downloadsBefore);

    const invoker = new LocalInvoker({ runtimesDir: path.join(ROOT, 'dist', 'runtimes'), cacheDir: path.join(dir, '.cache') });
    try {
      const result = await invoker.invoke(definition, '{"id":7}');
      assert.deepEqual(JSON.parse(result.payload), { stage: 'prod', got: { id: 7 } });
    } finally {
      await invoker.dispose();
    }
  });

  it('downloads again when the deployed code changed, and refuses a package that does not match its CodeSha256', async () => {
    const zip = packageOf('exports.handler = async () => 1;\n');
    await client.send(new CreateFunctionCommand({ FunctionName: 'report', Runtime: 'nodejs20.x', Handler: 'app.handler', Role: role, Code: { ZipFile: zip } }));
    standIn.serveFunction('report', zip);
    const target = path.join(dir, 'report');
    await pullFunction(await getDeployedFunction(client, 'report'), { dir: target, download });
    const changed = packageOf('exports.handler = async () => 2; // changed\n');
    await client.send(new UpdateFunctionCodeCommand({ FunctionName: 'report', ZipFile: changed }));
    standIn.serveFunction('report', changed);
    const second = await pullFunction(await getDeployedFunction(client, 'report'), { dir: target, download });
    assert.equal(second.downloaded, true);
    assert.match(fs.readFileSync(path.join(target, 'code', 'app.js'), 'utf8'), /changed/);

    standIn.damageNext = 1;
    await client.send(new UpdateFunctionCodeCommand({ FunctionName: 'report', ZipFile: zip }));
    standIn.serveFunction('report', zip);
    await assert.rejects(pullFunction(await getDeployedFunction(client, 'report'), { dir: target, download }), /does not match its CodeSha256 .*try again/);
    assert.match(fs.readFileSync(path.join(target, 'code', 'app.js'), 'utf8'), /changed/, 'the copy pulled before is kept');
  });

  it('says a container image function cannot be pulled', async () => {
    // What GetFunction says of one (moto cannot create image functions without a registry).
    const image = { name: 'web', arn: 'arn:aws:lambda:us-east-1:123456789012:function:web', version: '$LATEST', architecture: 'x86_64' as const, environment: {}, layers: [], packageType: 'Image', codeSha256: 'x' };
    await assert.rejects(pullFunction(image, { dir, download }), /web is a container image function: its code is an image in ECR/);
  });
});
