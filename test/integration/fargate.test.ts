import * as assert from 'node:assert/strict';
import { CloudWatchLogsClient, CreateLogStreamCommand, DeleteLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeNetworkInterfacesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateServiceCommand, DeleteServiceCommand, DescribeServicesCommand, DescribeTasksCommand, ECSClient, RegisterTaskDefinitionCommand, RunTaskCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import type { Service, Task } from '@aws-sdk/client-ecs';
import { CreateClusterCommand, CreateFargateProfileCommand, DeleteClusterCommand, DeleteFargateProfileCommand, EKSClient } from '@aws-sdk/client-eks';
import * as vscode from 'vscode';
import type { ServerlessExplorerApi } from '../../src/extension';
import type { RunTaskOutcome } from '../../src/ui/fargate/runTaskCommand';
import type { RedeployOutcome, ScaleOutcome, StopTaskOutcome } from '../../src/ui/fargate/serviceOpsCommands';
import { activatedApi, label, labels, resetSettings, setSetting, settledChildren, walk } from './helpers';

const CLUSTER = 'demo-cluster';
const WEB = ['moto', 'us-east-1', 'Fargate', CLUSTER, 'web'];
const ACCOUNT = '123456789012';
// A service of the test's own: no container-level memory (moto's RunTask fails with HTTP 500) and environment variables.
const BATCH = 'batch-job';
// Fast enough for a test; the defaults (3 s, 15 s) suit a person.
const QUICK = { confirmed: true, followIntervalMs: 200, logIntervalMs: 300, logGraceMs: 1500 } as const;

const config = { endpoint: process.env.SE_MOTO_ENDPOINT, region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 };

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** moto moves a task one status further on every DescribeTasks call when `times` is 1; the test setup keeps them RUNNING. */
async function setTaskTransition(times: number): Promise<void> {
  const response = await fetch(`${process.env.SE_MOTO_ENDPOINT}/moto-api/state-manager/set-transition`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model_name: 'ecs::task', transition: { progression: 'manual', times } }),
  });
  assert.ok(response.ok, `moto refused the transition: HTTP ${response.status}`);
}
const KEEP_RUNNING = 1_000_000_000;

function started(outcome: RunTaskOutcome): Extract<RunTaskOutcome, { status: 'started' }> {
  assert.equal(outcome.status, 'started', JSON.stringify(outcome));
  return outcome as Extract<RunTaskOutcome, { status: 'started' }>;
}

function messageOf(outcome: { status: string }): string {
  assert.ok(outcome.status === 'failed' || outcome.status === 'refused', JSON.stringify(outcome));
  return (outcome as unknown as { message: string }).message;
}

describe('Fargate operations against moto', function () {
  this.timeout(60_000);
  let api: ServerlessExplorerApi;
  const ecs = new ECSClient(config);
  const ec2 = new EC2Client(config);
  const logs = new CloudWatchLogsClient(config);
  const eks = new EKSClient(config);
  let web: Service;
  const streams: string[] = [];

  async function describeTask(taskArn: string): Promise<Task> {
    const { tasks } = await ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: [taskArn] }));
    return tasks![0];
  }

  async function describeService(name: string): Promise<Service> {
    const { services } = await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: [name] }));
    return services![0];
  }

  before(async () => {
    api = await activatedApi();
    await setSetting('profiles', ['moto']);
    await setSetting('endpointUrl', process.env.SE_MOTO_ENDPOINT);
    web = await describeService('web');
    const network = web.networkConfiguration!;
    const definition = await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: BATCH,
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '512',
        containerDefinitions: [
          {
            name: 'job',
            image: 'public.ecr.aws/docker/library/node:22-slim',
            essential: true,
            environment: [
              { name: 'DB_HOST', value: 'db.internal.example' },
              { name: 'DB_PASSWORD', value: 'hunter2-do-not-show' },
            ],
            secrets: [{ name: 'API_TOKEN', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:api-token-AbCdEf' }],
          },
        ],
      }),
    );
    await ecs.send(new CreateServiceCommand({ cluster: CLUSTER, serviceName: BATCH, taskDefinition: definition.taskDefinition!.taskDefinitionArn, desiredCount: 0, launchType: 'FARGATE', networkConfiguration: network }));
  });

  afterEach(async () => {
    await setTaskTransition(KEEP_RUNNING);
  });

  after(async () => {
    api.deployments.stopAll();
    for (const follower of api.fargateTasks()) follower.dispose();
    await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: 'web', desiredCount: 2 })).catch(() => undefined);
    await ecs.send(new DeleteServiceCommand({ cluster: CLUSTER, service: BATCH, force: true })).catch(() => undefined);
    // The Monitor suite counts the events of /ecs/web.
    for (const logStreamName of streams) await logs.send(new DeleteLogStreamCommand({ logGroupName: '/ecs/web', logStreamName })).catch(() => undefined);
    await resetSettings();
    await setSetting('fargate.eventVariable', undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('runs a task of web from its node with the exact event in EVENT, on the service network, and follows it to its exit codes and logs', async () => {
    const node = await walk(api, ...WEB);
    const payload = '{ "orderId": "A-7",\n    "items": [1, 2],  "note": "exact bytes, odd spacing" }';
    const outcome = started((await vscode.commands.executeCommand('serverlessExplorer.runTask', node, { ...QUICK, payload, command: 'node job.js --dry-run "two words"' })) as RunTaskOutcome);
    const { task, follower } = outcome;
    assert.equal(task.taskDefinition, 'web:1');
    assert.deepEqual(task.subnets, web.networkConfiguration!.awsvpcConfiguration!.subnets);
    assert.deepEqual(task.securityGroups, web.networkConfiguration!.awsvpcConfiguration!.securityGroups);

    const described = await describeTask(task.taskArn);
    const override = described.overrides!.containerOverrides![0];
    assert.equal(override.name, 'web');
    assert.deepEqual(override.environment, [{ name: 'EVENT', value: payload }]);
    assert.deepEqual(override.command, ['node', 'job.js', '--dry-run', 'two words']);
    assert.equal(described.launchType, 'FARGATE');
    // moto keeps no networkConfiguration on a task; its network interface has the subnet and security groups.
    const details = Object.fromEntries(described.attachments![0].details!.map((d) => [d.name, d.value]));
    assert.ok(task.subnets.includes(details.subnetId!), `subnet ${details.subnetId}`);
    const { NetworkInterfaces } = await ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [details.networkInterfaceId!] }));
    assert.deepEqual(NetworkInterfaces![0].Groups!.map((g) => g.GroupId), task.securityGroups);

    // The container's awslogs stream is tailed while the task runs.
    assert.deepEqual(task.logStream, { logGroupName: '/ecs/web', logStreamName: `ecs/web/${task.taskId}` });
    streams.push(task.logStream!.logStreamName);
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/ecs/web', logStreamName: task.logStream!.logStreamName }));
    const marker = `processing order A-7 ${Date.now()}`;
    await logs.send(new PutLogEventsCommand({ logGroupName: '/ecs/web', logStreamName: task.logStream!.logStreamName, logEvents: [{ timestamp: Date.now(), message: marker }] }));
    await until('the log line in the output', () => follower.transcript.find((line) => line.includes(`web | ${marker}`)));

    await setTaskTransition(1);
    const last = await follower.finished;
    assert.equal(last?.lastStatus, 'STOPPED');
    const transcript = follower.transcript.join('\n');
    for (const step of ['RUNNING → DEACTIVATING', 'DEACTIVATING → STOPPING', 'STOPPING → DEPROVISIONING', 'DEPROVISIONING → STOPPED', 'container web exited with code 0', `Task ${task.taskId.slice(0, 12)} finished`]) {
      assert.ok(transcript.includes(step), `"${step}" not in:\n${transcript}`);
    }
    assert.ok(transcript.indexOf('RUNNING → DEACTIVATING') < transcript.indexOf('DEPROVISIONING → STOPPED'), 'in order');
    await follower.logsDone;
    assert.equal(follower.transcript.filter((line) => line.includes(marker)).length, 1, 'each log line once');
    assert.ok(api.fargateTasks().includes(follower));
  });

  it('puts a sample event in the variable serverlessExplorer.fargate.eventVariable names, and stops the task by its ARN with a reason', async () => {
    await setSetting('fargate.eventVariable', 'ORDER_EVENT');
    const target = { profile: 'moto', region: 'us-east-1', cluster: CLUSTER, serviceName: 'queue-worker' };
    const { task, follower } = started(
      (await vscode.commands.executeCommand('serverlessExplorer.runTask', target, { ...QUICK, eventId: 's3 put', params: { bucket: 'batch-input', key: 'jobs/today.csv' }, command: '' })) as RunTaskOutcome,
    );
    const override = (await describeTask(task.taskArn)).overrides!.containerOverrides![0];
    assert.deepEqual(override.environment!.map((e) => e.name), ['ORDER_EVENT']);
    assert.equal(JSON.parse(override.environment![0].value!).Records[0].s3.bucket.name, 'batch-input');
    assert.equal(override.command, undefined, 'an empty command runs the image default');

    const reason = 'Superseded by a newer batch';
    const stop = (await vscode.commands.executeCommand('serverlessExplorer.stopTask', { profile: 'moto', region: 'us-east-1', cluster: CLUSTER, taskArn: task.taskArn }, { reason, confirmed: true })) as StopTaskOutcome;
    assert.equal(stop.status, 'stopped', JSON.stringify(stop));
    const last = await follower.finished;
    assert.equal(last?.stoppedReason, reason);
    assert.ok(follower.transcript.some((line) => line.includes(`stopped: ${reason}`)), follower.transcript.join('\n'));
  });

  it("stops a running task from its node under the service, with the reason, and the tree shows it stopped", async () => {
    // moto launches no tasks for services: start one as the service scheduler would.
    const run = await ecs.send(
      new RunTaskCommand({ cluster: CLUSTER, taskDefinition: web.taskDefinition, launchType: 'FARGATE', startedBy: 'ecs-svc/web', group: 'service:web', networkConfiguration: web.networkConfiguration }),
    );
    const taskArn = run.tasks![0].taskArn!;
    // The extension's classes come from its bundle, not from out/: nodes are recognised by id.
    const isTask = (n: { id: string }) => n.id.endsWith(`/t:${taskArn.split('/').pop()}`);
    const service = await walk(api, ...WEB);
    api.awsExplorer.refreshNode(service);
    const node = (await settledChildren(api, service)).find(isTask);
    assert.ok(node, 'the new task is listed under web');
    assert.equal(node.contextValue, 'fargateTask');

    const outcome = (await vscode.commands.executeCommand('serverlessExplorer.stopTask', node, { reason: 'Stopped from the integration test', confirmed: true })) as StopTaskOutcome;
    assert.equal(outcome.status, 'stopped', JSON.stringify(outcome));
    const described = await describeTask(taskArn);
    assert.equal(described.lastStatus, 'STOPPED');
    assert.equal(described.stoppedReason, 'Stopped from the integration test');
    const after = (await settledChildren(api, service)).find(isTask);
    assert.equal(after?.contextValue, 'fargateTask.stopped');
    assert.match(String(after?.description), /^STOPPED/);
  });

  it('scales web to 3 (ECS and the tree node agree) and refuses a count that is not one', async () => {
    const node = await walk(api, ...WEB);
    const outcome = (await vscode.commands.executeCommand('serverlessExplorer.scaleService', node, { desiredCount: 3, confirmed: true })) as ScaleOutcome;
    assert.equal(outcome.status, 'scaled', JSON.stringify(outcome));
    assert.equal((await describeService('web')).desiredCount, 3);
    assert.match(String((await walk(api, ...WEB)).description), /^3\/3 running/);
    // moto leaves the rollout IN_PROGRESS: the tree keeps following it.
    assert.ok(api.deployments.active().some((s) => s.endsWith(`${CLUSTER}/web`)), api.deployments.active().join(', '));

    for (const [bad, why] of [
      ['three', /whole number/],
      ['-1', /whole number/],
      ['5001', /at most 5000/],
    ] as const) {
      const refused = (await vscode.commands.executeCommand('serverlessExplorer.scaleService', node, { desiredCount: bad, confirmed: true })) as ScaleOutcome;
      assert.equal(refused.status, 'refused');
      assert.match(messageOf(refused), why);
    }
    assert.equal((await describeService('web')).desiredCount, 3, 'nothing was sent');
    const back = (await vscode.commands.executeCommand('serverlessExplorer.scaleService', node, { desiredCount: '2', confirmed: true })) as ScaleOutcome;
    assert.equal(back.status, 'scaled');
    assert.match(String(node.description), /^2\/2 running/);
  });

  it('forces a new deployment of queue-worker', async () => {
    const before = (await describeService('queue-worker')).deployments![0].id;
    const node = await walk(api, 'moto', 'us-east-1', 'Fargate', CLUSTER, 'queue-worker');
    const outcome = (await vscode.commands.executeCommand('serverlessExplorer.redeployService', node, { confirmed: true })) as RedeployOutcome;
    assert.equal(outcome.status, 'redeployed', JSON.stringify(outcome));
    assert.notEqual((await describeService('queue-worker')).deployments![0].id, before, 'moto gives the forced deployment a new id');
  });

  it('says what is wrong: a missing service, a task definition without container memory, an event that is not JSON', async () => {
    const ghost = { profile: 'moto', region: 'us-east-1', cluster: CLUSTER, serviceName: 'no-such-service' };
    const run = (await vscode.commands.executeCommand('serverlessExplorer.runTask', ghost, { ...QUICK, payload: '{}', command: '' })) as RunTaskOutcome;
    assert.equal(run.status, 'failed');
    assert.match(messageOf(run), /There is no service no-such-service in cluster demo-cluster/);
    const scale = (await vscode.commands.executeCommand('serverlessExplorer.scaleService', ghost, { desiredCount: 1, confirmed: true })) as ScaleOutcome;
    assert.match(messageOf(scale), /no active service no-such-service in cluster demo-cluster/);

    const batch = { ...ghost, serviceName: BATCH };
    const noMemory = (await vscode.commands.executeCommand('serverlessExplorer.runTask', batch, { ...QUICK, payload: '{}', command: '' })) as RunTaskOutcome;
    assert.equal(noMemory.status, 'failed');
    assert.match(messageOf(noMemory), /HTTP 500.*batch-job:1.*container-level memory/s);

    const before = api.fargateTasks().length;
    const invalid = (await vscode.commands.executeCommand('serverlessExplorer.runTask', batch, { ...QUICK, payload: '{\n  "orderId": 42,\n}', command: '' })) as RunTaskOutcome;
    assert.equal(invalid.status, 'refused');
    assert.match(messageOf(invalid), /not valid JSON \(line 3, column 1\).*nothing was started/);
    const unclosed = (await vscode.commands.executeCommand('serverlessExplorer.runTask', batch, { ...QUICK, payload: '{}', command: 'node "job.js' })) as RunTaskOutcome;
    assert.match(messageOf(unclosed), /unclosed " quote/);
    assert.equal(api.fargateTasks().length, before, 'nothing was started');
  });

  it('shows service details: task definition, containers, environment variable names but never their values; refreshable', async () => {
    const target = { profile: 'moto', region: 'us-east-1', cluster: CLUSTER, serviceName: BATCH };
    const uri = (await vscode.commands.executeCommand('serverlessExplorer.showServiceDetails', target)) as vscode.Uri;
    assert.equal(uri.scheme, 'serverless-explorer-service');
    const document = await vscode.workspace.openTextDocument(uri);
    const text = document.getText();
    for (const expected of [`# ${BATCH}`, 'batch-job:1', 'job', 'node:22-slim', 'DB\\_HOST', 'DB\\_PASSWORD', 'API\\_TOKEN', web.networkConfiguration!.awsvpcConfiguration!.subnets![0]]) {
      assert.ok(text.includes(expected), `"${expected}" not in:\n${text}`);
    }
    for (const secret of ['hunter2', 'db.internal.example', 'api-token-AbCdEf']) assert.ok(!text.includes(secret), `the value ${secret} is shown`);
    assert.match(text, /0 running, 0 pending, 0 desired/);

    await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: BATCH, desiredCount: 1 }));
    await vscode.commands.executeCommand('serverlessExplorer.refreshServiceDetails', uri);
    await until('the refreshed document', () => (/1 running, 0 pending, 1 desired/.test(document.getText()) ? true : undefined));
  });

  it("lists EKS clusters' Fargate profiles under Region → Fargate, read-only, and says when a region has none", async () => {
    const subnets = web.networkConfiguration!.awsvpcConfiguration!.subnets!;
    await eks.send(new CreateClusterCommand({ name: 'k8s-batch', roleArn: `arn:aws:iam::${ACCOUNT}:role/eks-cluster`, resourcesVpcConfig: { subnetIds: subnets } }));
    await eks.send(
      new CreateFargateProfileCommand({
        clusterName: 'k8s-batch',
        fargateProfileName: 'batch-jobs',
        podExecutionRoleArn: `arn:aws:iam::${ACCOUNT}:role/eks-pods`,
        subnets,
        selectors: [{ namespace: 'batch', labels: { tier: 'jobs' } }, { namespace: 'kube-system' }],
      }),
    );
    try {
      await setSetting('profiles', ['moto', 'moto-eu']);
      const fargate = await settledChildren(api, await walk(api, 'moto', 'us-east-1', 'Fargate'));
      assert.deepEqual(fargate.map(label), [CLUSTER, 'EKS on Fargate'], 'ECS clusters first, then EKS');
      const clusters = await settledChildren(api, fargate[1]);
      assert.deepEqual(labels(clusters), ['k8s-batch — 1 Fargate profile']);
      const [profile] = await settledChildren(api, clusters[0]);
      assert.equal(label(profile), 'batch-jobs');
      assert.equal(profile.description, 'namespace batch, labels tier=jobs | namespace kube-system');
      // Markdown escapes aside (appendText escapes "-").
      const tooltip = (profile.tooltip as vscode.MarkdownString).value.replace(/\\/g, '');
      for (const expected of ['eks-pods', subnets[0], 'ACTIVE']) assert.ok(tooltip.includes(expected), `"${expected}" not in the tooltip:\n${tooltip}`);
      assert.equal(profile.collapsibleState, vscode.TreeItemCollapsibleState.None);

      const west = await settledChildren(api, await walk(api, 'moto-eu', 'eu-west-1', 'Fargate', 'EKS on Fargate'));
      assert.deepEqual(west.map(label), ['No EKS clusters in eu-west-1']);
    } finally {
      await eks.send(new DeleteFargateProfileCommand({ clusterName: 'k8s-batch', fargateProfileName: 'batch-jobs' })).catch(() => undefined);
      await eks.send(new DeleteClusterCommand({ name: 'k8s-batch' })).catch(() => undefined);
      await setSetting('profiles', ['moto']);
    }
  });
});
