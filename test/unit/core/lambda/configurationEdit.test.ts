import * as assert from 'node:assert/strict';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, GetFunctionConfigurationCommand, LambdaClient, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { applyConfigurationEdit, planConfigurationEdit } from '../../../../src/core/lambda/deploy/configurationEdit';
import { useMoto } from '../../../support/useMoto';
import { zipFolder } from '../../../support/zipFolder';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Configuration edits against moto: what GetFunctionConfiguration says after, and what is refused before AWS is asked.

describe('core/lambda configuration edits: environment, memory, timeout, validated and guarded', function () {
  this.timeout(60_000);
  const moto = useMoto();
  let client: LambdaClient;

  beforeEach(async () => {
    const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
    client = new LambdaClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials });
    const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials });
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    const role = (await iam.send(new CreateRoleCommand({ RoleName: 'config-role', AssumeRolePolicyDocument: JSON.stringify(trust) }))).Role!.Arn!;
    iam.destroy();
    const src = fs.mkdtempSync(path.join(os.tmpdir(), 'se-config-'));
    fs.writeFileSync(path.join(src, 'app.js'), 'exports.handler = async () => 1;\n');
    const zip = zipFolder(src);
    fs.rmSync(src, { recursive: true, force: true });
    await client.send(new CreateFunctionCommand({ FunctionName: 'orders', Runtime: 'nodejs20.x', Handler: 'app.handler', Role: role, Code: { ZipFile: zip }, MemorySize: 256, Timeout: 10, Environment: { Variables: { TABLE: 'orders', OLD: 'x' } } }));
  });
  afterEach(() => client.destroy());

  const now = () => client.send(new GetFunctionConfigurationCommand({ FunctionName: 'orders' }));

  it('sets and unsets variables, memory and timeout, and GetFunctionConfiguration shows them; the plan names each change', async () => {
    const plan = await planConfigurationEdit(client, 'orders', { setEnvironment: { STAGE: 'dev', TABLE: 'orders-v2' }, unsetEnvironment: ['OLD', 'NEVER_SET'], memoryMb: 1024, timeoutSeconds: 30 });
    assert.deepEqual(plan.changes, ['memory 256 MB → 1024 MB', 'timeout 10 s → 30 s', 'environment STAGE: added', 'environment TABLE: changed', 'environment OLD: removed', 'environment NEVER_SET: not set, nothing to remove']);
    const result = await applyConfigurationEdit(client, plan);
    const after = await now();
    assert.deepEqual([after.MemorySize, after.Timeout, after.Environment?.Variables], [1024, 30, { TABLE: 'orders-v2', STAGE: 'dev' }]);
    assert.deepEqual([result.memoryMb, result.timeoutSeconds, result.environment], [1024, 30, ['STAGE', 'TABLE']]);
  });

  it("refuses, before calling AWS, memory 64, timeout 901, a bad or reserved variable name and more than Lambda's 4 KB of variables", async () => {
    await assert.rejects(planConfigurationEdit(client, 'orders', { memoryMb: 64 }), /memory must be a whole number of MB from 128 to 10240 \(Lambda's limits\), not 64/);
    await assert.rejects(planConfigurationEdit(client, 'orders', { timeoutSeconds: 901 }), /timeout must be a whole number of seconds from 1 to 900/);
    await assert.rejects(planConfigurationEdit(client, 'orders', { setEnvironment: { '1BAD-NAME': 'x' } }), /"1BAD-NAME" is not a valid environment variable name: it must start with a letter/);
    await assert.rejects(planConfigurationEdit(client, 'orders', { setEnvironment: { AWS_REGION: 'eu-west-1' } }), /AWS_REGION is set by Lambda itself/);
    await assert.rejects(planConfigurationEdit(client, 'orders', { setEnvironment: { BIG: 'x'.repeat(4100) } }), /over Lambda's 4 KB \(4096 bytes\) limit/);
    await assert.rejects(planConfigurationEdit(client, 'orders', {}), /nothing to change/);
    const after = await now();
    assert.deepEqual([after.MemorySize, after.Timeout, after.Environment?.Variables], [256, 10, { TABLE: 'orders', OLD: 'x' }], 'nothing changed in AWS');
  });

  it('refuses an edit when someone changed the function since it was read, and keeps their change', async () => {
    const plan = await planConfigurationEdit(client, 'orders', { memoryMb: 512 });
    await client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'orders', Timeout: 60 }));
    await assert.rejects(applyConfigurationEdit(client, plan), /^ConcurrentChangeError: orders changed since you looked at it \(its timeout changed\), so nothing was changed: look again/);
    const after = await now();
    assert.deepEqual([after.MemorySize, after.Timeout], [256, 60]);
  });
});
