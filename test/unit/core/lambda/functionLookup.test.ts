import * as assert from 'node:assert/strict';
import { CreateAliasCommand, CreateFunctionCommand, LambdaClient, PublishVersionCommand } from '@aws-sdk/client-lambda';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { lookUpFunction } from '../../../../src/core/lambda/functionLookup';
import { useMoto } from '../../../support/useMoto';

const EMPTY_ZIP = Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

describe('core/lambda lookUpFunction: does the function a link names exist there', function () {
  this.timeout(30_000);
  const moto = useMoto();
  let client: LambdaClient;

  beforeEach(async () => {
    const config = { region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 };
    const iam = new IAMClient(config);
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    const role = (await iam.send(new CreateRoleCommand({ RoleName: 'lookup-role', AssumeRolePolicyDocument: JSON.stringify(trust) }))).Role!.Arn!;
    iam.destroy();
    client = new LambdaClient(config);
    await client.send(new CreateFunctionCommand({ FunctionName: 'orders-api', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: role, Code: { ZipFile: EMPTY_ZIP } }));
    const { Version } = await client.send(new PublishVersionCommand({ FunctionName: 'orders-api' }));
    await client.send(new CreateAliasCommand({ FunctionName: 'orders-api', Name: 'live', FunctionVersion: Version! }));
  });
  afterEach(() => client.destroy());

  it('finds a function, and its version, with the ARN that says its account', async () => {
    const found = await lookUpFunction(client, 'orders-api');
    assert.ok(found.found);
    assert.equal(found.fn.arn, 'arn:aws:lambda:us-east-1:123456789012:function:orders-api');
    const version = await lookUpFunction(client, 'orders-api', '1');
    assert.ok(version.found);
    assert.equal(version.fn.version, '1');
  });

  it('says "not found" for a function, or a version, that is not there; other failures reject', async () => {
    assert.deepEqual(await lookUpFunction(client, 'orders-apix'), { found: false });
    assert.deepEqual(await lookUpFunction(client, 'orders-api', '9'), { found: false });
    const offline = new LambdaClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 });
    await assert.rejects(lookUpFunction(offline, 'orders-api'), (error: Error) => error.name !== 'ResourceNotFoundException');
    offline.destroy();
  });
});
