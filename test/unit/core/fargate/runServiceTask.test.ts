import * as assert from 'node:assert/strict';
import { DescribeServicesCommand, DescribeTasksCommand, ECSClient } from '@aws-sdk/client-ecs';
import { FargateError } from '../../../../src/core/fargate/fargateError';
import { followTask } from '../../../../src/core/fargate/followTask';
import type { TaskSnapshot } from '../../../../src/core/fargate/followTask';
import { runServiceTask, RunTaskError } from '../../../../src/core/fargate/runTask';
import { FaultProxy } from '../../../support/faultProxy';
import { DEMO, seedDemo } from '../../../support/seed';
import { useMoto } from '../../../support/useMoto';
import { advanceTasksOnDescribe, clientConfig, container, keepTasksRunning, seedService } from './fargateFixtures';

describe('core/fargate runServiceTask and followTask, against moto_server', function () {
  this.timeout(60_000);
  const moto = useMoto();
  afterEach(async () => keepTasksRunning(moto.endpoint));

  it("runs a task of demo's web with the exact event JSON in the container's environment, on the service's subnets and security groups", async () => {
    await seedDemo(moto.endpoint);
    const ecs = new ECSClient(clientConfig(moto.endpoint));
    const event = '{\n  "Records": [ { "s3": { "object": { "key": "a b.jpg" } } } ],\n  "note": "é ✓"\n}';
    const started = await runServiceTask(ecs, { cluster: DEMO.cluster, serviceName: 'web', event });

    const { tasks } = await ecs.send(new DescribeTasksCommand({ cluster: DEMO.cluster, tasks: [started.taskArn] }));
    const task = tasks![0];
    assert.deepEqual(task.overrides?.containerOverrides, [{ name: 'web', environment: [{ name: 'EVENT', value: event }] }]);
    assert.equal(task.startedBy, 'serverless-explorer');
    assert.equal(task.launchType, 'FARGATE');

    const { services } = await ecs.send(new DescribeServicesCommand({ cluster: DEMO.cluster, services: ['web'] }));
    const network = services![0].networkConfiguration!.awsvpcConfiguration!;
    assert.deepEqual(started.subnets, network.subnets);
    assert.deepEqual(started.securityGroups, network.securityGroups);
    assert.equal(started.assignPublicIp, 'ENABLED');
    const eni = task.attachments?.[0]?.details?.find((d) => d.name === 'subnetId')?.value;
    assert.equal(eni, network.subnets![0], 'the task runs in the service subnet');

    assert.equal(started.taskId, started.taskArn.split('/').pop());
    assert.deepEqual(
      { container: started.container, taskDefinition: started.taskDefinition, launch: started.launch, essential: started.essentialContainers },
      { container: 'web', taskDefinition: 'web:1', launch: 'FARGATE', essential: ['web'] },
    );
    assert.deepEqual(started.logStream, { logGroupName: '/ecs/web', logStreamName: `ecs/web/${started.taskId}` });
  });

  it('puts the event and the command in the container asked for, under the name asked for', async () => {
    const { ecs } = await seedService(moto.endpoint, { containers: [container('proxy', { essential: false }), container('job')] });
    const started = await runServiceTask(ecs, { cluster: 'jobs', serviceName: 'batch', event: '{"id":7}', envName: 'JOB_INPUT', container: 'job', command: ['node', 'job.js'], startedBy: 'nightly' });
    const { tasks } = await ecs.send(new DescribeTasksCommand({ cluster: 'jobs', tasks: [started.taskArn] }));
    assert.deepEqual(tasks![0].overrides?.containerOverrides, [{ name: 'job', environment: [{ name: 'JOB_INPUT', value: '{"id":7}' }], command: ['node', 'job.js'] }]);
    assert.equal(tasks![0].startedBy, 'nightly');
    assert.deepEqual(started.logStream, { logGroupName: '/ecs/job', logStreamName: `jobs/job/${started.taskId}` });
  });

  it('says which service is missing from which cluster, and which cluster is', async () => {
    const { ecs } = await seedService(moto.endpoint);
    await assert.rejects(runServiceTask(ecs, { cluster: 'jobs', serviceName: 'nightly', event: '{}' }), (error: Error) => {
      assert.ok(error instanceof RunTaskError);
      assert.equal(error.message, 'There is no service nightly in cluster jobs (us-east-1): it may have been deleted, or be in another region.');
      return true;
    });
    await assert.rejects(runServiceTask(ecs, { cluster: 'gone', serviceName: 'batch', event: '{}' }), (error: Error) => error instanceof RunTaskError && /There is no cluster gone in us-east-1/.test(error.message));
  });

  it("turns the endpoint's HTTP 500 for a container without memory into a message that says so", async () => {
    const { ecs } = await seedService(moto.endpoint, { containers: [container('app', { memory: undefined })] });
    await assert.rejects(runServiceTask(ecs, { cluster: 'jobs', serviceName: 'batch', event: '{}' }), (error: Error) => {
      assert.ok(error instanceof RunTaskError, `${error.name}: ${error.message}`);
      assert.match(error.message, /^RunTask failed on the endpoint \(HTTP 500\) for batch:1 in cluster jobs\. .*when a container has no container-level memory, as app here: set "memory" on it\.$/);
      return true;
    });
  });

  it('an HTTP 500 for a definition whose containers all have memory does not blame memory', async () => {
    await seedService(moto.endpoint);
    // FaultProxy (a stand-in: moto answers RunTask 500 only for a missing memory) fails RunTask alone with a 500.
    const proxy = await FaultProxy.start(moto.endpoint, (request) =>
      request.target?.endsWith('.RunTask') ? { status: 500, error: 'ServerException', message: 'internal' } : 'pass',
    );
    try {
      const ecs = new ECSClient(clientConfig(proxy.endpoint));
      await assert.rejects(runServiceTask(ecs, { cluster: 'jobs', serviceName: 'batch', event: '{}' }), (error: Error) => {
        assert.ok(error instanceof RunTaskError, `${error.name}: ${error.message}`);
        assert.match(error.message, /^RunTask failed on the endpoint \(HTTP 500\) for batch:1 in cluster jobs\. On AWS this is an internal fault: try again in a moment\.$/);
        return true;
      });
    } finally {
      await proxy.stop();
    }
  });

  it('follows a task to STOPPED, reporting each transition and the exit code, then resolves with the stopped snapshot', async () => {
    const { ecs } = await seedService(moto.endpoint);
    const started = await runServiceTask(ecs, { cluster: 'jobs', serviceName: 'batch', event: '{}' });
    await advanceTasksOnDescribe(moto.endpoint);
    const updates: string[][] = [];
    const final = await followTask(ecs, 'jobs', started.taskArn, { intervalMs: 10, onUpdate: (_s, lines) => updates.push(lines) });
    // moto starts tasks RUNNING and moves them on as it describes them, so the first look already sees the next status;
    // its containers stay PENDING with exit code 0 throughout.
    assert.deepEqual(updates, [
      ['DEACTIVATING', 'container app: PENDING'],
      ['DEACTIVATING → STOPPING'],
      ['STOPPING → DEPROVISIONING'],
      ['DEPROVISIONING → STOPPED', 'container app exited with code 0', 'stopped'],
    ]);
    assert.equal(final.lastStatus, 'STOPPED');
    assert.deepEqual(final.containers.map((c) => [c.name, c.exitCode]), [['app', 0]]);
  });

  it('stops following when aborted', async () => {
    const { ecs } = await seedService(moto.endpoint);
    const started = await runServiceTask(ecs, { cluster: 'jobs', serviceName: 'batch', event: '{}' });
    const controller = new AbortController();
    const seen: TaskSnapshot[] = [];
    const following = followTask(ecs, 'jobs', started.taskArn, { intervalMs: 20, signal: controller.signal, onUpdate: (s) => seen.push(s) });
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(following, (error: Error) => error.name === 'AbortError');
    assert.equal(seen.length, 1, 'the task stayed RUNNING: one update');
  });

  it('says so when the task is not known (anymore)', async () => {
    const { ecs } = await seedService(moto.endpoint);
    await assert.rejects(
      followTask(ecs, 'jobs', 'arn:aws:ecs:us-east-1:123456789012:task/jobs/0123456789abcdef0123456789abcdef', { intervalMs: 10, onUpdate: () => undefined }),
      (error: Error) => error instanceof FargateError && /The task 0123456789abcdef0123456789abcdef is no longer known in cluster jobs/.test(error.message),
    );
  });
});
