import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { ECSClient, ListServicesCommand, ListTasksCommand } from '@aws-sdk/client-ecs';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { MotoError, MotoServer } from '../../support/moto';
import { DEMO, seedDemo } from '../../support/seed';
import { useMoto } from '../../support/useMoto';
import { groupAlive } from '../../support/processGroup';
import { freePort } from '../../support/freePort';

const client = <T>(Client: new (config: object) => T, endpoint: string, region: string = DEMO.region) =>
  new Client({ endpoint, region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 });

describe('test harness: moto_server', function () {
  this.timeout(60_000);
  const moto = useMoto();

  it('seeds the demo: Lambda functions in two regions and Fargate services with running tasks', async () => {
    await seedDemo(moto.endpoint);
    const lambda = client(LambdaClient, moto.endpoint);
    const names = (await lambda.send(new ListFunctionsCommand({}))).Functions!.map((f) => f.FunctionName).sort();
    assert.deepEqual(names, DEMO.functions.map((f) => f.name).sort());
    const eu = (await client(LambdaClient, moto.endpoint, DEMO.secondRegion).send(new ListFunctionsCommand({}))).Functions!;
    assert.deepEqual(eu.map((f) => f.FunctionName), ['edge-auth']);
    const ecs = client(ECSClient, moto.endpoint);
    const services = await ecs.send(new ListServicesCommand({ cluster: DEMO.cluster }));
    assert.equal(services.serviceArns!.length, DEMO.services.length);
    const tasks = await ecs.send(new ListTasksCommand({ cluster: DEMO.cluster }));
    assert.equal(tasks.taskArns!.length, 3);
  });

  it('starts every test from an empty account', async () => {
    const lambda = client(LambdaClient, moto.endpoint);
    assert.deepEqual((await lambda.send(new ListFunctionsCommand({}))).Functions, []);
  });

  it('stops moto by its process group, leaving nothing behind', async () => {
    const server = await MotoServer.start();
    assert.ok(groupAlive(server.pid));
    await server.stop();
    assert.ok(!groupAlive(server.pid));
    await assert.rejects(fetch(`${server.endpoint}/moto-api/`));
  });

  it('explains how to install moto when the interpreter lacks it', async () => {
    await assert.rejects(MotoServer.start({ python: 'python3-that-does-not-exist' }), (e: Error) => {
      assert.ok(e instanceof MotoError);
      assert.match(e.message, /need moto/);
      assert.match(e.message, /pip install 'moto\[server\]'/);
      return true;
    });
  });

  it('says which port is taken instead of failing obscurely', async () => {
    const port = await freePort();
    const blocker = net.createServer().listen(port, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    try {
      await assert.rejects(MotoServer.start({ port }), new RegExp(`port ${port} on 127.0.0.1 is already in use`));
    } finally {
      blocker.close();
    }
  });
});
