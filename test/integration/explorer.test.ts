import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import * as vscode from 'vscode';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { ServerlessExplorerApi } from '../../src/extension';
import type { AwsNode } from '../../src/ui/explorer/nodes/awsNode';
import { activatedApi, label, labels, resetSettings, setSetting, settledChildren, walk } from './helpers';

const EAST_DEMO = ['image-resizer', 'invoice-worker', 'orders-api', 'stream-processor', 'thumbnail-generator'];
const bulk = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
const byName = (a: string, b: string) => a.localeCompare(b);

describe('AWS explorer against moto_server', function () {
  this.timeout(60_000);
  let api: ServerlessExplorerApi;
  const endpoint = () => process.env.SE_MOTO_ENDPOINT!;

  before(async () => {
    api = await activatedApi();
  });

  beforeEach(async () => {
    await setSetting('profiles', ['moto', 'moto-eu', 'eu', 'broken']);
    await setSetting('endpointUrl', endpoint());
    api.awsExplorer.filter = '';
  });

  after(resetSettings);

  it('lists exactly the seeded functions: 60 in us-east-1 and 60 in eu-west-1', async () => {
    const east = await settledChildren(api, await walk(api, 'moto', 'us-east-1', 'Lambda'));
    const west = await settledChildren(api, await walk(api, 'moto-eu', 'eu-west-1', 'Lambda'));
    assert.deepEqual(east.map(label), [...EAST_DEMO, ...bulk('bulk-east', 55)].sort(byName));
    assert.deepEqual(west.map(label), ['edge-auth', ...bulk('bulk-west', 59)].sort(byName));
    const group = await walk(api, 'moto', 'us-east-1', 'Lambda');
    assert.equal(group.description, '60 functions');
  });

  it('describes a function: runtime · memory · last modified, and a tooltip with its configuration', async () => {
    const fn = await walk(api, 'moto', 'us-east-1', 'Lambda', 'orders-api');
    assert.match(String(fn.description), /^nodejs20\.x · 512 MB · (just now|\d+ min ago)$/);
    const tooltip = (fn.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ');
    for (const expected of ['arn:aws:lambda:us-east-1:123456789012:function:orders-api', 'dist/index.handler', '10 s', 'arm64', 'Zip']) {
      assert.ok(tooltip.includes(expected), `tooltip lacks ${expected}: ${tooltip}`);
    }
    assert.equal(fn.contextValue, 'lambdaFunction');
  });

  it("shows a function's versions, aliases and triggers", async () => {
    const path = ['moto', 'us-east-1', 'Lambda', 'orders-api'];
    assert.deepEqual(labels(await settledChildren(api, await walk(api, ...path))), ['Test Events', 'Versions', 'Aliases', 'Triggers']);
    assert.deepEqual((await settledChildren(api, await walk(api, ...path, 'Versions'))).map(label), ['Version 1']);
    assert.deepEqual(labels(await settledChildren(api, await walk(api, ...path, 'Aliases'))), ['live — → 1']);
    const triggers = await settledChildren(api, await walk(api, ...path, 'Triggers'));
    assert.equal(triggers.length, 1);
    assert.match(String(triggers[0].description), /function URL · auth NONE/);
  });

  it('shows only Fargate services, with running/desired, and their tasks', async () => {
    const services = await settledChildren(api, await walk(api, 'moto', 'us-east-1', 'Fargate', 'demo-cluster'));
    assert.deepEqual(services.map(label), ['queue-worker', 'web'], 'the EC2 service legacy-ec2 must not be listed');
    assert.match(String(services[1].description), /^\d+\/2 running/);
    const tasks = await settledChildren(api, services[1]);
    assert.equal(tasks.length, 2);
    // moto leaves a task's cpu, memory and start time empty; on AWS they follow the revision.
    for (const task of tasks) assert.match(String(task.description), /^RUNNING · web:1/);
  });

  it('shows an error under a profile whose credentials fail, and keeps listing the others', async () => {
    const sso = await settledChildren(api, await walk(api, 'eu'));
    assert.deepEqual(sso.map(label), ['SSO session expired or not signed in']);
    assert.match(String(sso[0].tooltip), /aws sso login --profile eu/);
    assert.equal(sso[0].command?.command, 'serverlessExplorer.retry');
    const broken = await settledChildren(api, await walk(api, 'broken'));
    assert.deepEqual(broken.map(label), ['No usable credentials']);
    const east = await settledChildren(api, await walk(api, 'moto', 'us-east-1', 'Lambda'));
    assert.equal(east.length, 60);
  });

  it('turns an unreachable endpoint into an error under Lambda, and lists again after the fix and a retry', async () => {
    await setSetting('endpointUrl', 'http://127.0.0.1:9');
    const lambda = await walk(api, 'moto', 'us-east-1', 'Lambda');
    const [error] = await settledChildren(api, lambda);
    assert.equal(label(error), 'Endpoint unreachable');
    assert.match(String(error.tooltip), /http:\/\/127\.0\.0\.1:9/);
    await setSetting('endpointUrl', endpoint());
    await vscode.commands.executeCommand('serverlessExplorer.retry', error);
    assert.equal((await settledChildren(api, await walk(api, 'moto', 'us-east-1', 'Lambda'))).length, 60);
  });

  it('an endpoint that accepts and never answers: an error under Lambda within the timeout settings, not a spinner forever', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    try {
      await setSetting('aws.connectTimeoutSeconds', 1);
      await setSetting('aws.requestTimeoutSeconds', 2);
      await setSetting('endpointUrl', url);
      const started = Date.now();
      const [error] = await settledChildren(api, await walk(api, 'moto', 'us-east-1', 'Lambda'));
      assert.ok(Date.now() - started < 8000, `the listing took ${Date.now() - started} ms with a 2 s budget`);
      assert.equal(label(error), 'No answer in time');
      assert.match(String(error.tooltip), new RegExp(`${url.replace(/[.:/]/g, '\\$&')} did not answer[\\s\\S]*serverlessExplorer\\.aws\\.requestTimeoutSeconds`));
    } finally {
      await setSetting('aws.connectTimeoutSeconds', undefined);
      await setSetting('aws.requestTimeoutSeconds', undefined);
      silent.close();
    }
  });

  it('keeps listings until refreshed, and a node refresh shows what changed', async () => {
    const lambda = await walk(api, 'moto', 'us-east-1', 'Lambda');
    assert.equal((await settledChildren(api, lambda)).length, 60);
    const client = new LambdaClient({ endpoint: endpoint(), region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 });
    await client.send(
      new CreateFunctionCommand({
        FunctionName: 'added-later',
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Role: 'arn:aws:iam::123456789012:role/demo-lambda-role',
        Code: { ZipFile: Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]) },
      }),
    );
    assert.equal((await settledChildren(api, lambda)).length, 60, 'cached until refresh');
    await vscode.commands.executeCommand('serverlessExplorer.refreshNode', lambda);
    const after = await settledChildren(api, lambda);
    assert.ok(after.map(label).includes('added-later'));
  });

  it('filters functions and services by name, and says when nothing matches', async () => {
    api.awsExplorer.filter = 'ORDERS';
    assert.deepEqual((await settledChildren(api, await walk(api, 'moto', 'us-east-1', 'Lambda'))).map(label), ['orders-api']);
    assert.deepEqual((await settledChildren(api, await walk(api, 'moto', 'us-east-1', 'Fargate', 'demo-cluster'))).map(label), ['No services match "orders"']);
    await vscode.commands.executeCommand('serverlessExplorer.clearFilter');
    assert.equal(api.awsExplorer.filter, '');
    assert.ok((await settledChildren(api, await walk(api, 'moto', 'us-east-1', 'Lambda'))).length >= 60);
  });

  it('gives every resource an ARN to copy and a console link in its region', async () => {
    const nodes: AwsNode[] = [
      await walk(api, 'moto', 'us-east-1', 'Lambda', 'orders-api'),
      await walk(api, 'moto', 'us-east-1', 'Fargate', 'demo-cluster', 'web'),
      await walk(api, 'moto-eu', 'eu-west-1', 'Lambda', 'edge-auth'),
    ];
    assert.deepEqual(
      nodes.map((n) => n.arn),
      [
        'arn:aws:lambda:us-east-1:123456789012:function:orders-api',
        'arn:aws:ecs:us-east-1:123456789012:service/demo-cluster/web',
        'arn:aws:lambda:eu-west-1:123456789012:function:edge-auth',
      ],
    );
    assert.equal(nodes[2].consoleUrl, 'https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/edge-auth');
  });
});
