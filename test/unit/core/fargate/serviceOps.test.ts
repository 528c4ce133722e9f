import * as assert from 'node:assert/strict';
import { DescribeServicesCommand, DescribeTasksCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import { FargateError } from '../../../../src/core/fargate/fargateError';
import { deploymentSettled, redeployService, scaleService, stopTask, validateDesiredCount } from '../../../../src/core/fargate/serviceOps';
import type { FargateService } from '../../../../src/core/fargate/services';
import { useMoto } from '../../../support/useMoto';
import { seedService } from './fargateFixtures';

describe('core/fargate validateDesiredCount', () => {
  it('accepts whole numbers from 0 to 5000, spaces around them too', () => {
    for (const text of ['0', '1', '42', ' 7 ', '5000', '007']) assert.equal(validateDesiredCount(text), undefined, text);
  });

  it('says what to enter instead', () => {
    assert.equal(validateDesiredCount(''), 'Enter the number of tasks to run, a whole number from 0 to 5000.');
    for (const text of ['-1', '1.5', 'two', '1e3', '0x10', '+3']) assert.equal(validateDesiredCount(text), 'Enter a whole number from 0 to 5000.', text);
    assert.match(validateDesiredCount('5001')!, /at most 5000 tasks \(the ECS quota\)/);
  });
});

describe('core/fargate deploymentSettled', () => {
  const service = (extra: Partial<FargateService>): FargateService => ({
    name: 'web', arn: '', clusterArn: '', status: 'ACTIVE', running: 2, desired: 2, pending: 0, deploying: false, taskDefinition: 'web:1', capacity: 'FARGATE', ...extra,
  });

  it('is true when no rollout is in progress and exactly the desired tasks run', () => {
    assert.equal(deploymentSettled(service({})), true);
    assert.equal(deploymentSettled(service({ deploying: true, rolloutState: 'IN_PROGRESS' })), false);
    assert.equal(deploymentSettled(service({ running: 1, pending: 1 })), false);
    assert.equal(deploymentSettled(service({ running: 3 })), false);
    assert.equal(deploymentSettled(service({ desired: 0, running: 0 })), true);
  });
});

describe('core/fargate service operations, against moto_server', function () {
  this.timeout(30_000);
  const moto = useMoto();

  it('scales a service to the desired count', async () => {
    const { ecs } = await seedService(moto.endpoint, { desiredCount: 1 });
    const scaled = await scaleService(ecs, 'jobs', 'batch', 3);
    assert.equal(scaled.desired, 3);
    const { services } = await ecs.send(new DescribeServicesCommand({ cluster: 'jobs', services: ['batch'] }));
    assert.equal(services![0].desiredCount, 3);
  });

  it('refuses a desired count ECS would refuse, before asking it', async () => {
    const { ecs } = await seedService(moto.endpoint);
    await assert.rejects(scaleService(ecs, 'jobs', 'batch', 5001), (error: Error) => error instanceof FargateError && /Cannot scale batch to 5001 tasks\. A service runs at most 5000/.test(error.message));
    await assert.rejects(scaleService(ecs, 'jobs', 'batch', 1.5), FargateError);
  });

  it('says which service is missing when scaling one that does not exist', async () => {
    const { ecs } = await seedService(moto.endpoint);
    await assert.rejects(scaleService(ecs, 'jobs', 'gone', 2), (error: Error) => error instanceof FargateError && /There is no active service gone in cluster jobs/.test(error.message));
  });

  it('forces a new deployment of the service', async () => {
    const { ecs } = await seedService(moto.endpoint);
    const before = await ecs.send(new DescribeServicesCommand({ cluster: 'jobs', services: ['batch'] }));
    const redeployed = await redeployService(ecs, 'jobs', 'batch');
    assert.equal(redeployed.name, 'batch');
    const after = await ecs.send(new DescribeServicesCommand({ cluster: 'jobs', services: ['batch'] }));
    assert.notEqual(after.services![0].deployments![0].id, before.services![0].deployments![0].id, 'a new deployment');
  });

  it('stops a task with the reason given', async () => {
    const { ecs, taskDefinitionArn, subnets, securityGroups } = await seedService(moto.endpoint);
    const { tasks } = await ecs.send(
      new RunTaskCommand({ cluster: 'jobs', taskDefinition: taskDefinitionArn, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets, securityGroups } } }),
    );
    const stopped = await stopTask(ecs, 'jobs', tasks![0].taskArn!, '  Stopped from Serverless Explorer: stuck job  ');
    assert.equal(stopped.arn, tasks![0].taskArn);
    assert.equal(stopped.desiredStatus, 'STOPPED');
    const described = await ecs.send(new DescribeTasksCommand({ cluster: 'jobs', tasks: [tasks![0].taskArn!] }));
    assert.equal(described.tasks![0].stoppedReason, 'Stopped from Serverless Explorer: stuck job');
  });

  it('refuses a reason over 255 characters, saying how long it is', async () => {
    const { ecs } = await seedService(moto.endpoint);
    await assert.rejects(stopTask(ecs, 'jobs', 'arn:aws:ecs:us-east-1:123456789012:task/jobs/abc', 'x'.repeat(256)), (error: Error) => error instanceof FargateError && /The reason is 256 characters long; ECS keeps at most 255/.test(error.message));
  });
});
