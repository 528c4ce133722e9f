import * as assert from 'node:assert/strict';
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateClusterCommand, CreateFargateProfileCommand, EKSClient } from '@aws-sdk/client-eks';
import { listEksFargateProfiles } from '../../../../src/core/fargate/eksFargate';
import { useMoto } from '../../../support/useMoto';
import { clientConfig } from './fargateFixtures';

const ROLE = 'arn:aws:iam::123456789012:role/eks-role';
const POD_ROLE = 'arn:aws:iam::123456789012:role/pod-execution';

describe('core/fargate listEksFargateProfiles, against moto_server', function () {
  this.timeout(30_000);
  const moto = useMoto();

  it("lists every cluster's Fargate profiles with their selectors, subnets and pod execution role; clusters without any too", async () => {
    const eks = new EKSClient(clientConfig(moto.endpoint));
    const subnets = (await new EC2Client(clientConfig(moto.endpoint)).send(new DescribeSubnetsCommand({}))).Subnets!.slice(0, 2).map((s) => s.SubnetId!);
    for (const name of ['platform', 'analytics']) {
      await eks.send(new CreateClusterCommand({ name, roleArn: ROLE, resourcesVpcConfig: { subnetIds: subnets } }));
    }
    await eks.send(
      new CreateFargateProfileCommand({
        clusterName: 'platform',
        fargateProfileName: 'system',
        podExecutionRoleArn: POD_ROLE,
        subnets,
        selectors: [{ namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } }, { namespace: 'default' }],
      }),
    );
    await eks.send(new CreateFargateProfileCommand({ clusterName: 'platform', fargateProfileName: 'batch', podExecutionRoleArn: POD_ROLE, subnets: subnets.slice(0, 1), selectors: [{ namespace: 'jobs' }] }));

    const result = await listEksFargateProfiles(eks);
    assert.deepEqual(result.map((c) => [c.cluster, c.profiles.map((p) => p.name)]), [
      ['analytics', []],
      ['platform', ['batch', 'system']],
    ]);
    const system = result[1].profiles[1];
    assert.equal(system.clusterName, 'platform');
    assert.equal(system.podExecutionRoleArn, POD_ROLE);
    assert.deepEqual(system.subnets, subnets);
    assert.deepEqual(system.selectors, [
      { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
      { namespace: 'default', labels: {} },
    ]);
    assert.equal(system.status, 'ACTIVE');
    assert.ok(system.createdAt instanceof Date);
  });

  it('is empty for a region without EKS clusters', async () => {
    assert.deepEqual(await listEksFargateProfiles(new EKSClient(clientConfig(moto.endpoint))), []);
  });
});
