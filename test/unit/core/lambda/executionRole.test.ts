import * as assert from 'node:assert/strict';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { assumeExecutionRole } from '../../../../src/core/lambda/executionRole';
import { useMoto } from '../../../support/useMoto';

describe('core/lambda the execution role, assumed for a local run', function () {
  this.timeout(30_000);
  const moto = useMoto();
  const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };

  it("gives the role's temporary credentials (a session token, an hour), not the profile's", async () => {
    const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials });
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' }] };
    const role = (await iam.send(new CreateRoleCommand({ RoleName: 'assumed-for-local', AssumeRolePolicyDocument: JSON.stringify(trust) }))).Role!.Arn!;
    iam.destroy();
    const got = await assumeExecutionRole(role, { masterCredentials: async () => credentials, region: 'us-east-1', endpointUrl: moto.endpoint });
    assert.notEqual(got.accessKeyId, credentials.accessKeyId);
    assert.ok(got.sessionToken, 'temporary credentials carry a session token');
    const minutes = (got.expiration!.getTime() - Date.now()) / 60_000;
    assert.ok(minutes > 50 && minutes <= 61, `they last an hour (${minutes.toFixed(0)} min)`);
  });

  it('says which role could not be assumed and why', async () => {
    await assert.rejects(
      assumeExecutionRole('arn:aws:iam::123456789012:role/x', { masterCredentials: async () => credentials, region: 'us-east-1', endpointUrl: 'http://127.0.0.1:9' }),
      /^Error: could not assume the execution role arn:aws:iam::123456789012:role\/x: /,
    );
  });
});
