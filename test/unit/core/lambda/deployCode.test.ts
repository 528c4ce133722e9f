import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, GetAliasCommand, GetFunctionCommand, LambdaClient, ListVersionsByFunctionCommand, UpdateFunctionCodeCommand } from '@aws-sdk/client-lambda';
import { codePackage } from '../../../../src/core/lambda/deploy/codePackage';
import { deployCode, planDeploy } from '../../../../src/core/lambda/deploy/deployCode';
import { downloadPackage } from '../../../../src/core/lambda/packageDownload';
import { LayerApiStandIn } from '../../../support/layerApiStandIn';
import { useMoto } from '../../../support/useMoto';
import { zipFolder } from '../../../support/zipFolder';

// Deploying code to a function against moto, through the stand-in that serves the deployed package moto cannot
// (and remembers each UpdateFunctionCode's package, so that the next diff is against what was deployed).

describe('core/lambda deployCode: a folder or a .zip deployed to a function, guarded and compared', function () {
  this.timeout(60_000);
  const moto = useMoto();
  let standIn: LayerApiStandIn;
  let dir: string;
  let client: LambdaClient;
  let other: LambdaClient;
  let role: string;
  const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
  const download = (location: string, signal?: AbortSignal) => downloadPackage(location, signal);

  before(async () => (standIn = await LayerApiStandIn.start(moto.endpoint)));
  after(() => standIn.stop());
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-deploy-'));
    client = new LambdaClient({ region: 'us-east-1', endpoint: standIn.endpoint, credentials });
    // Someone else, changing the function behind our back.
    other = new LambdaClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials });
    const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials });
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    role = (await iam.send(new CreateRoleCommand({ RoleName: 'deploy-role', AssumeRolePolicyDocument: JSON.stringify(trust) }))).Role!.Arn!;
    iam.destroy();
  });
  afterEach(() => {
    client.destroy();
    other.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const folder = (name: string, files: Record<string, string>): string => {
    const root = path.join(dir, name);
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    return root;
  };
  const createFunction = async (name: string, files: Record<string, string>): Promise<void> => {
    const zip = zipFolder(folder(`${name}-deployed`, files));
    await client.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs20.x', Handler: 'app.handler', Role: role, Code: { ZipFile: zip } }));
    standIn.serveFunction(name, zip);
  };
  const configuration = async (name: string) => (await other.send(new GetFunctionCommand({ FunctionName: name }))).Configuration!;

  it('deploys a folder: the diff names the files added, changed and removed, and GetFunction then has its CodeSha256 and size', async () => {
    await createFunction('orders', { 'app.js': 'exports.handler = async () => 1;\n', 'lib/old.js': 'module.exports = 1;\n', 'lib/same.js': 'module.exports = "same";\n' });
    const code = folder('orders-src', { 'app.js': 'exports.handler = async () => 2; // new\n', 'lib/same.js': 'module.exports = "same";\n', 'lib/new.js': 'module.exports = 2;\n' });
    const pkg = await codePackage(code);
    const plan = await planDeploy(client, 'orders', pkg, { download });
    assert.deepEqual(plan.diff?.added.map((e) => e.name), ['lib/new.js']);
    assert.deepEqual(plan.diff?.changed.map((e) => e.name), ['app.js']);
    assert.deepEqual(plan.diff?.removed.map((e) => e.name), ['lib/old.js']);
    assert.equal(plan.diff?.unchangedCount, 1);
    assert.equal(plan.unchanged, false);
    const before = await configuration('orders');
    assert.equal(plan.before.codeSize, before.CodeSize);

    const progress: string[] = [];
    const result = await deployCode(client, plan, { onProgress: (m) => progress.push(m) });
    const after = await configuration('orders');
    assert.equal(after.CodeSha256, pkg.codeSha256);
    assert.notEqual(after.CodeSha256, before.CodeSha256);
    assert.equal(after.CodeSize, pkg.zip.length);
    assert.deepEqual([result.codeSha256, result.codeSize, result.updated], [after.CodeSha256, after.CodeSize, true]);
    assert.ok(progress.some((m) => /Waiting until Lambda has applied it/.test(m)), progress.join('\n'));
  });

  it('zips the same files to the same bytes, so deploying the same folder twice says nothing changed and uploads nothing', async () => {
    await createFunction('report', { 'app.js': 'exports.handler = async () => 1;\n' });
    const code = folder('report-src', { 'app.js': 'exports.handler = async () => 2;\n', 'bin/tool': '#!/bin/sh\necho hi\n' });
    fs.chmodSync(path.join(code, 'bin/tool'), 0o755);
    fs.symlinkSync('tool', path.join(code, 'bin/tool-link'));
    fs.symlinkSync('/etc/hostname', path.join(code, 'outside-link'));
    const first = await codePackage(code);
    assert.deepEqual(first.entries.map((e) => e.name), ['app.js', 'bin/tool', 'bin/tool-link'], 'a link inside is kept, one to outside the folder left out');
    assert.deepEqual(first.leftOut, ['outside-link']);
    await deployCode(client, await planDeploy(client, 'report', first, { download }));
    // Touched, not changed: the package is the same.
    fs.utimesSync(path.join(code, 'app.js'), new Date(), new Date(Date.now() + 60_000));
    const second = await codePackage(code);
    assert.equal(second.codeSha256, first.codeSha256);
    assert.equal(second.entries.find((e) => e.name === 'bin/tool')?.mode, 0o755, 'the executable stays executable');
    const plan = await planDeploy(client, 'report', second, { download });
    assert.equal(plan.unchanged, true);
    const lookupsBefore = standIn.downloads;
    const result = await deployCode(client, plan);
    assert.equal(result.updated, false);
    assert.equal(standIn.downloads, lookupsBefore);
    assert.equal((await configuration('report')).CodeSha256, first.codeSha256);
  });

  it('refuses to deploy over a change made since the diff was read, and leaves that change in AWS', async () => {
    await createFunction('billing', { 'app.js': 'exports.handler = async () => 1;\n' });
    const plan = await planDeploy(client, 'billing', await codePackage(folder('ours', { 'app.js': 'exports.handler = async () => "ours";\n' })), { download });
    const theirs = zipFolder(folder('theirs', { 'app.js': 'exports.handler = async () => "theirs";\n' }));
    const concurrent = await other.send(new UpdateFunctionCodeCommand({ FunctionName: 'billing', ZipFile: theirs }));
    await assert.rejects(deployCode(client, plan), (error: Error) => {
      assert.equal(error.name, 'ConcurrentChangeError');
      assert.match(error.message, /^billing changed since you looked at it \(its code was deployed again\), so nothing was changed: look again/);
      return true;
    });
    assert.equal((await configuration('billing')).CodeSha256, concurrent.CodeSha256, 'their code is still the deployed one');
  });

  it('publishes a version and points an alias at it, then moves the alias on the next deploy', async () => {
    await createFunction('checkout', { 'app.js': 'exports.handler = async () => 0;\n' });
    const deploy = async (text: string) => deployCode(client, await planDeploy(client, 'checkout', await codePackage(folder(`v-${text.length}`, { 'app.js': text })), { download, alias: 'blue' }), { publish: true, alias: 'blue' });
    const first = await deploy('exports.handler = async () => 1;\n');
    assert.deepEqual([first.version, first.alias], ['1', 'blue']);
    assert.equal((await other.send(new GetAliasCommand({ FunctionName: 'checkout', Name: 'blue' }))).FunctionVersion, '1');
    const second = await deploy('exports.handler = async () => 22;\n');
    assert.equal(second.version, '2');
    assert.equal((await other.send(new GetAliasCommand({ FunctionName: 'checkout', Name: 'blue' }))).FunctionVersion, '2');
    const versions = (await other.send(new ListVersionsByFunctionCommand({ FunctionName: 'checkout' }))).Versions!;
    const v2 = versions.find((v) => v.Version === '2')!;
    assert.equal(v2.CodeSha256, second.codeSha256, 'version 2 is the code deployed');
  });

  it("says Lambda's reason when it could not apply the update (LastUpdateStatus Failed)", async () => {
    await createFunction('broken', { 'app.js': 'exports.handler = async () => 1;\n' });
    const plan = await planDeploy(client, 'broken', await codePackage(folder('broken-src', { 'app.js': 'exports.handler = async () => 2;\n' })), { download });
    standIn.updateFailure = { reason: 'The role defined for the function cannot be assumed by Lambda.', code: 'InvalidRole' };
    try {
      await assert.rejects(deployCode(client, plan), /^Error: Lambda could not apply the update to broken: The role defined for the function cannot be assumed by Lambda\. \(InvalidRole\)\.$/);
    } finally {
      standIn.updateFailure = undefined;
    }
  });

  it('compares the next deploy with the code deployed last, not the first package', async () => {
    await createFunction('again', { 'app.js': 'exports.handler = async () => 1;\n' });
    await deployCode(client, await planDeploy(client, 'again', await codePackage(folder('again-1', { 'app.js': 'exports.handler = async () => 2;\n', 'two.js': '2' })), { download }));
    const plan = await planDeploy(client, 'again', await codePackage(folder('again-2', { 'app.js': 'exports.handler = async () => 2;\n', 'three.js': '3' })), { download });
    assert.deepEqual([plan.diff?.added.map((e) => e.name), plan.diff?.removed.map((e) => e.name), plan.diff?.changed.length], [['three.js'], ['two.js'], 0]);
  });

  it('says what is wrong with the code given: no such folder, a file that is not a .zip, an empty folder, a container image function', async () => {
    await assert.rejects(codePackage(path.join(dir, 'nope')), /nope does not exist \(ENOENT\): give a folder of code or a \.zip/);
    fs.writeFileSync(path.join(dir, 'fake.zip'), 'not a zip at all');
    await assert.rejects(codePackage(path.join(dir, 'fake.zip')), /fake\.zip is not a \.zip archive \(.+\): give a folder of code or a \.zip/);
    fs.mkdirSync(path.join(dir, 'empty'));
    await assert.rejects(codePackage(path.join(dir, 'empty')), /empty has no files: there is no code to deploy/);
    // 251 MB of zeros, a few hundred KB zipped: over Lambda's limit once unzipped.
    const big = path.join(dir, 'big.zip');
    execFileSync(process.env.SE_PYTHON ?? 'python3', ['-c', 'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:\n  with z.open("zeros.bin", "w", force_zip64=True) as f:\n    for _ in range(251): f.write(bytes(1024 * 1024))', big]);
    await assert.rejects(codePackage(big), /big\.zip is 251\.0 MB unzipped, over Lambda's 250 MB limit/);
    const pkg = await codePackage(folder('x', { 'app.js': '1' }));
    await assert.rejects(planDeploy(client, 'no-such-function', pkg, { download }), (error: Error) => error.name === 'ResourceNotFoundException');
  });

  it('takes a .zip as it is: its CodeSha256 is the file\'s', async () => {
    await createFunction('zipped', { 'app.js': 'exports.handler = async () => 1;\n' });
    const zip = zipFolder(folder('built', { 'app.js': 'exports.handler = async () => "zip";\n' }));
    fs.writeFileSync(path.join(dir, 'app.zip'), zip);
    const pkg = await codePackage(path.join(dir, 'app.zip'));
    assert.ok(pkg.zip.equals(zip));
    const result = await deployCode(client, await planDeploy(client, 'zipped', pkg, { download }));
    assert.equal((await configuration('zipped')).CodeSha256, result.codeSha256);
    assert.equal(result.codeSha256, pkg.codeSha256);
  });
});
