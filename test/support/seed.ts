import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { MetricDatum } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateClusterCommand, CreateServiceCommand, ECSClient, RegisterTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateAliasCommand, CreateFunctionCommand, CreateFunctionUrlConfigCommand, LambdaClient, PublishVersionCommand } from '@aws-sdk/client-lambda';
import type { Runtime } from '@aws-sdk/client-lambda';

/** What seedDemo() creates; tests assert against it instead of repeating names. */
export const DEMO = {
  account: '123456789012',
  region: 'us-east-1',
  secondRegion: 'eu-west-1',
  functions: [
    { name: 'orders-api', runtime: 'nodejs20.x', handler: 'dist/index.handler', memory: 512, timeout: 10, arch: 'arm64' },
    { name: 'thumbnail-generator', runtime: 'python3.12', handler: 'app.handler', memory: 1024, timeout: 60, arch: 'x86_64' },
    { name: 'invoice-worker', runtime: 'java21', handler: 'com.example.InvoiceHandler::handleRequest', memory: 2048, timeout: 300, arch: 'x86_64' },
    { name: 'stream-processor', runtime: 'nodejs22.x', handler: 'index.handler', memory: 256, timeout: 30, arch: 'arm64' },
    { name: 'image-resizer', runtime: 'provided.al2023', handler: 'bootstrap', memory: 1769, timeout: 15, arch: 'arm64' },
  ],
  secondRegionFunctions: [{ name: 'edge-auth', runtime: 'nodejs20.x', handler: 'index.handler', memory: 128, timeout: 5, arch: 'x86_64' }],
  cluster: 'demo-cluster',
  services: [
    { name: 'web', family: 'web', launchType: 'FARGATE', desired: 2, image: 'public.ecr.aws/nginx/nginx:stable' },
    { name: 'queue-worker', family: 'queue-worker', launchType: 'FARGATE', desired: 1, image: 'public.ecr.aws/docker/library/python:3.12-slim' },
    { name: 'legacy-ec2', family: 'legacy', launchType: 'EC2', desired: 1, image: 'public.ecr.aws/docker/library/httpd:2.4' },
  ],
} as const;

// The smallest valid zip (an empty archive): moto stores the code without running it.
const EMPTY_ZIP = Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

function clientConfig(endpoint: string, region: string) {
  return { endpoint, region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 };
}

/** Seeds moto with demo Lambda functions, Fargate services and tasks, their logs and their metrics. */
export async function seedDemo(endpoint: string, now = Date.now()): Promise<void> {
  const iam = new IAMClient(clientConfig(endpoint, DEMO.region));
  const role = await iam.send(
    new CreateRoleCommand({
      RoleName: 'demo-lambda-role',
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
    }),
  );
  const roleArn = role.Role!.Arn!;
  await seedFunctions(endpoint, DEMO.region, DEMO.functions, roleArn);
  await seedFunctions(endpoint, DEMO.secondRegion, DEMO.secondRegionFunctions, roleArn);

  const lambda = new LambdaClient(clientConfig(endpoint, DEMO.region));
  const version = await lambda.send(new PublishVersionCommand({ FunctionName: 'orders-api', Description: 'first release' }));
  await lambda.send(new CreateAliasCommand({ FunctionName: 'orders-api', Name: 'live', FunctionVersion: version.Version! }));
  await lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: 'orders-api', AuthType: 'NONE' }));

  await seedFargate(endpoint);
  await seedLogs(endpoint, now);
  await seedMetrics(endpoint, now);
}

/** Adds plain functions named `<prefix>-000`… (for listing at scale); returns their names. */
export async function seedManyFunctions(endpoint: string, region: string, prefix: string, howMany: number): Promise<string[]> {
  const iam = new IAMClient(clientConfig(endpoint, DEMO.region));
  const roleArn = `arn:aws:iam::${DEMO.account}:role/demo-lambda-role`;
  await iam.send(new CreateRoleCommand({ RoleName: 'demo-lambda-role', AssumeRolePolicyDocument: '{}' })).catch(() => undefined);
  const names = Array.from({ length: howMany }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
  await seedFunctions(
    endpoint,
    region,
    names.map((name, i) => ({ name, runtime: i % 2 ? 'python3.12' : 'nodejs20.x', handler: 'index.handler', memory: 128 * (1 + (i % 4)), timeout: 3, arch: 'x86_64' })),
    roleArn,
  );
  return names;
}

async function seedFunctions(
  endpoint: string,
  region: string,
  functions: readonly { name: string; runtime: string; handler: string; memory: number; timeout: number; arch: string }[],
  roleArn: string,
): Promise<void> {
  const lambda = new LambdaClient(clientConfig(endpoint, region));
  for (const fn of functions) {
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: fn.name,
        Runtime: fn.runtime as Runtime,
        Handler: fn.handler,
        Role: roleArn,
        MemorySize: fn.memory,
        Timeout: fn.timeout,
        Architectures: [fn.arch as 'arm64' | 'x86_64'],
        Code: { ZipFile: EMPTY_ZIP },
        Description: `Demo function ${fn.name}`,
        Environment: { Variables: { STAGE: 'demo', LOG_LEVEL: 'info' } },
        Tags: { app: 'serverless-explorer-demo' },
      }),
    );
  }
}

async function seedFargate(endpoint: string): Promise<void> {
  const ecs = new ECSClient(clientConfig(endpoint, DEMO.region));
  const ec2 = new EC2Client(clientConfig(endpoint, DEMO.region));
  const subnets = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }));
  const subnetIds = (subnets.Subnets ?? []).map((s) => s.SubnetId!).slice(0, 2);
  const groups = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['default'] }] }));
  const securityGroups = (groups.SecurityGroups ?? []).map((g) => g.GroupId!).slice(0, 1);
  await ecs.send(new CreateClusterCommand({ clusterName: DEMO.cluster }));
  for (const service of DEMO.services) {
    const fargate = service.launchType === 'FARGATE';
    const definition = await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: service.family,
        requiresCompatibilities: [service.launchType],
        networkMode: fargate ? 'awsvpc' : 'bridge',
        cpu: '256',
        memory: '512',
        containerDefinitions: [
          {
            name: service.name,
            image: service.image,
            essential: true,
            memory: 512, // moto's RunTask answers 500 without a container-level memory
            portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
            logConfiguration: {
              logDriver: 'awslogs',
              options: { 'awslogs-group': `/ecs/${service.name}`, 'awslogs-region': DEMO.region, 'awslogs-stream-prefix': 'ecs' },
            },
          },
        ],
      }),
    );
    const taskDefinition = definition.taskDefinition!.taskDefinitionArn!;
    const network = fargate
      ? { awsvpcConfiguration: { subnets: subnetIds, securityGroups, assignPublicIp: 'ENABLED' as const } }
      : undefined;
    await ecs.send(
      new CreateServiceCommand({
        cluster: DEMO.cluster,
        serviceName: service.name,
        taskDefinition,
        desiredCount: service.desired,
        launchType: service.launchType,
        networkConfiguration: network,
      }),
    );
    if (fargate) {
      // moto launches no tasks for services: start them as the service scheduler would.
      await ecs.send(
        new RunTaskCommand({
          cluster: DEMO.cluster,
          taskDefinition,
          count: service.desired,
          launchType: 'FARGATE',
          startedBy: `ecs-svc/${service.name}`,
          group: `service:${service.name}`,
          networkConfiguration: network,
        }),
      );
    }
  }
}

async function seedLogs(endpoint: string, now: number): Promise<void> {
  const logs = new CloudWatchLogsClient(clientConfig(endpoint, DEMO.region));
  const day = new Date(now).toISOString().slice(0, 10).replace(/-/g, '/');
  for (const fn of DEMO.functions) {
    const group = `/aws/lambda/${fn.name}`;
    const stream = `${day}/[$LATEST]0f1e2d3c4b5a69788796a5b4c3d2e1f0`;
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
    const events: { timestamp: number; message: string }[] = [];
    for (let i = 0; i < 6; i++) events.push(...invocationLines(fn, i, now - (6 - i) * 60_000));
    await logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents: events }));
  }
  for (const service of DEMO.services.filter((s) => s.launchType === 'FARGATE')) {
    const group = `/ecs/${service.name}`;
    const stream = `ecs/${service.name}/5f4e3d2c1b0a49382716a5b4c3d2e1f0`;
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
    const logEvents = Array.from({ length: 10 }, (_, i) => ({
      timestamp: now - (10 - i) * 30_000,
      message: JSON.stringify({ level: i === 7 ? 'error' : 'info', msg: i === 7 ? 'upstream timed out' : `GET /health 200`, service: service.name }),
    }));
    await logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents }));
  }
}

/** Hostile text a log line may carry: the Monitor panel must show it literally and never run it (tests assert so). */
export const HOSTILE_LOG_TEXT = ['<img src=x onerror="window.__seXss=1">', '<script>window.__seXss=2</script>'] as const;

/** One invocation's lines as Lambda writes them. orders-api's are varied: JSON lines, hostile text, a stack trace, a timeout. */
function invocationLines(fn: { name: string; memory: number; timeout: number }, i: number, start: number): { timestamp: number; message: string }[] {
  const id = `1a2b3c4d-0000-4000-8000-${String(i).padStart(12, '0')}`;
  const iso = (t: number) => new Date(t).toISOString();
  const orders = fn.name === 'orders-api';
  const failed = i === 4;
  const timedOut = orders && i === 5;
  const duration = timedOut ? fn.timeout * 1000 + 6.4 : 40 + i * 17.5;
  const lines = [{ timestamp: start, message: `START RequestId: ${id} Version: $LATEST` }];
  const at = (offset: number, message: string) => lines.push({ timestamp: start + offset, message });
  if (failed) {
    at(5, `${iso(start + 5)}\t${id}\tERROR\tInvoke Error \t{"errorType":"ValidationError","errorMessage":"order 42 has no items","stack":["ValidationError: order 42 has no items","    at validate (/var/task/dist/index.js:12:11)","    at Runtime.handler (/var/task/dist/index.js:30:5)"]}`);
  } else {
    at(5, `${iso(start + 5)}\t${id}\tINFO\tprocessed order ${1000 + i}`);
  }
  if (orders && i === 2) at(6, JSON.stringify({ timestamp: iso(start + 6), level: 'INFO', requestId: id, message: 'order stored', orderId: 1002, items: 3, customer: { tier: 'gold' } }));
  if (orders && i === 3) for (const [n, text] of HOSTILE_LOG_TEXT.entries()) at(6 + n, `${iso(start + 6 + n)}\t${id}\tWARN\tcomment from customer: ${text}`);
  if (timedOut) {
    at(Math.round(duration), `${iso(start + Math.round(duration))} ${id} Task timed out after ${fn.timeout}.01 seconds`);
  } else {
    at(Math.round(duration), `END RequestId: ${id}`);
  }
  const status = timedOut ? '\tStatus: timeout' : '';
  at(
    Math.round(duration) + 1,
    `REPORT RequestId: ${id}\tDuration: ${duration.toFixed(2)} ms\tBilled Duration: ${Math.ceil(duration)} ms\tMemory Size: ${fn.memory} MB\tMax Memory Used: ${60 + i} MB${i === 0 ? '\tInit Duration: 182.31 ms' : ''}${status}`,
  );
  return lines;
}

async function seedMetrics(endpoint: string, now: number): Promise<void> {
  const cloudwatch = new CloudWatchClient(clientConfig(endpoint, DEMO.region));
  // Every minute of the last hour (Lambda's own resolution, what the Monitor's "Last hour" asks for), then every 5 minutes
  // back to 3 hours.
  const minute = 60_000;
  const latest = Math.floor(now / minute) * minute;
  const times = [...Array.from({ length: 60 }, (_, k) => latest - k * minute), ...Array.from({ length: 24 }, (_, k) => Math.floor(latest / 300_000) * 300_000 - (12 + k) * 300_000)];
  const datums: { namespace: string; datum: MetricDatum }[] = [];
  for (const time of times) {
    const at = new Date(time);
    const step = (latest - time) / 300_000;
    const tick = Math.round((latest - time) / minute);
    const wave = 1 + Math.sin(step / 4);
    for (const [index, fn] of DEMO.functions.entries()) {
      const dims = [{ Name: 'FunctionName', Value: fn.name }];
      const invocations = Math.round((index + 1) * 20 * wave);
      const add = (name: string, value: number, unit: MetricDatum['Unit']) =>
        datums.push({ namespace: 'AWS/Lambda', datum: { MetricName: name, Dimensions: dims, Timestamp: at, Value: value, Unit: unit } });
      add('Invocations', invocations, 'Count');
      add('Errors', tick % 13 === 6 ? Math.ceil(invocations / 10) : 0, 'Count');
      add('Throttles', tick % 29 === 11 ? 2 : 0, 'Count');
      add('Duration', 40 + 30 * wave + index * 25, 'Milliseconds');
      add('ConcurrentExecutions', Math.max(1, Math.round(wave * (index + 1))), 'Count');
    }
    for (const service of DEMO.services.filter((s) => s.launchType === 'FARGATE')) {
      const dims = [
        { Name: 'ClusterName', Value: DEMO.cluster },
        { Name: 'ServiceName', Value: service.name },
      ];
      datums.push({ namespace: 'AWS/ECS', datum: { MetricName: 'CPUUtilization', Dimensions: dims, Timestamp: at, Value: 20 + 15 * wave, Unit: 'Percent' } });
      datums.push({ namespace: 'AWS/ECS', datum: { MetricName: 'MemoryUtilization', Dimensions: dims, Timestamp: at, Value: 45 + 5 * wave, Unit: 'Percent' } });
      // Container Insights is on for "web" only: queue-worker's Monitor explains how to turn it on.
      if (service.name === 'web') {
        for (const [name, value] of [['RunningTaskCount', tick % 17 === 8 ? 1 : 2], ['DesiredTaskCount', 2], ['PendingTaskCount', tick % 17 === 8 ? 1 : 0]] as const) {
          datums.push({ namespace: 'ECS/ContainerInsights', datum: { MetricName: name, Dimensions: dims, Timestamp: at, Value: value, Unit: 'Count' } });
        }
      }
    }
  }
  for (const namespace of ['AWS/Lambda', 'AWS/ECS', 'ECS/ContainerInsights']) {
    const ofNamespace = datums.filter((d) => d.namespace === namespace).map((d) => d.datum);
    for (let i = 0; i < ofNamespace.length; i += 20) {
      await cloudwatch.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: ofNamespace.slice(i, i + 20) }));
    }
  }
}
