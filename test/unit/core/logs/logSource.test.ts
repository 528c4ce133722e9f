import * as assert from 'node:assert/strict';
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateClusterCommand, CreateServiceCommand, ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { describeLogSources, fargateLogSources, lambdaLogSources, LogSourceError } from '../../../../src/core/logs/logSource';
import { useMoto } from '../../../support/useMoto';
import { clientConfig } from './logsFakes';

// Where the Logs tab reads from: a function's log group, or the awslogs groups of a Fargate service's containers.

const EMPTY_ZIP = Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

function container(name: string, logConfiguration?: ContainerDefinition['logConfiguration']): ContainerDefinition {
  return { name, image: 'public.ecr.aws/nginx/nginx:stable', essential: true, memory: 512, logConfiguration };
}

const awslogs = (group: string, extra: Record<string, string> = {}): ContainerDefinition['logConfiguration'] => ({
  logDriver: 'awslogs',
  options: { 'awslogs-group': group, 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs', ...extra },
});

describe('core/logs logSource', () => {
  const moto = useMoto();

  describe('lambdaLogSources', () => {
    async function createFunction(name: string): Promise<LambdaClient> {
      const iam = new IAMClient(clientConfig(moto.endpoint));
      const role = await iam.send(new CreateRoleCommand({ RoleName: 'logs-test-role', AssumeRolePolicyDocument: '{}' }));
      const lambda = new LambdaClient(clientConfig(moto.endpoint));
      await lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs20.x', Handler: 'index.handler', Role: role.Role!.Arn!, Code: { ZipFile: EMPTY_ZIP } }));
      return lambda;
    }

    it('is /aws/lambda/<name> for a function without a custom log group, whether named by name or ARN', async () => {
      const lambda = await createFunction('orders-api');
      assert.deepEqual(await lambdaLogSources(lambda, 'orders-api'), [{ logGroupName: '/aws/lambda/orders-api', kind: 'lambda' }]);
      assert.deepEqual(await lambdaLogSources(lambda, 'arn:aws:lambda:us-east-1:123456789012:function:orders-api'), [{ logGroupName: '/aws/lambda/orders-api', kind: 'lambda' }]);
    });

    it("is the logging configuration's group (and log format) when the function has one", async () => {
      // moto keeps no LoggingConfig: answer GetFunctionConfiguration as AWS does for such a function.
      const lambda = new LambdaClient(clientConfig(moto.endpoint));
      lambda.send = (async () => ({
        FunctionName: 'orders-api',
        LoggingConfig: { LogFormat: 'JSON', LogGroup: '/shared/orders', ApplicationLogLevel: 'INFO', SystemLogLevel: 'WARN' },
      })) as unknown as LambdaClient['send'];
      assert.deepEqual(await lambdaLogSources(lambda, 'orders-api'), [{ logGroupName: '/shared/orders', kind: 'lambda', logFormat: 'JSON' }]);
    });

    it('says which function is missing and where', async () => {
      const lambda = new LambdaClient(clientConfig(moto.endpoint));
      await assert.rejects(lambdaLogSources(lambda, 'gone'), (error: Error) => {
        assert.ok(error instanceof LogSourceError);
        assert.match(error.message, /There is no function gone in us-east-1: it may have been deleted or renamed\. Refresh/);
        return true;
      });
    });
  });

  describe('fargateLogSources', () => {
    let ecs: ECSClient;
    beforeEach(() => {
      ecs = new ECSClient(clientConfig(moto.endpoint));
    });

    async function createService(serviceName: string, containers: ContainerDefinition[]): Promise<void> {
      const ec2 = new EC2Client(clientConfig(moto.endpoint));
      const subnets = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }));
      const groups = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['default'] }] }));
      await ecs.send(new CreateClusterCommand({ clusterName: 'main' }));
      const { taskDefinition } = await ecs.send(
        new RegisterTaskDefinitionCommand({ family: serviceName, requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: containers }),
      );
      await ecs.send(
        new CreateServiceCommand({
          cluster: 'main',
          serviceName,
          taskDefinition: taskDefinition!.taskDefinitionArn,
          desiredCount: 1,
          launchType: 'FARGATE',
          networkConfiguration: { awsvpcConfiguration: { subnets: subnets.Subnets!.slice(0, 1).map((s) => s.SubnetId!), securityGroups: groups.SecurityGroups!.slice(0, 1).map((g) => g.GroupId!) } },
        }),
      );
    }

    it("is each awslogs container's group and stream prefix, with its region when it differs", async () => {
      await createService('web', [
        container('app', awslogs('/ecs/web')),
        container('otel', awslogs('/ecs/otel', { 'awslogs-region': 'eu-west-1' })),
        container('router', { logDriver: 'awsfirelens', options: {} }),
        container('quiet'),
      ]);
      const sources = await fargateLogSources(ecs, 'main', 'web');
      assert.deepEqual(sources, [
        { logGroupName: '/ecs/web', logStreamNamePrefix: 'ecs/app/', containerName: 'app', kind: 'ecs' },
        { logGroupName: '/ecs/otel', logStreamNamePrefix: 'ecs/otel/', region: 'eu-west-1', containerName: 'otel', kind: 'ecs' },
      ]);
      assert.equal(describeLogSources(sources), '/ecs/web (streams ecs/app/…), /ecs/otel (streams ecs/otel/…) in eu-west-1');
    });

    it('reads a group once for containers that write the same streams', async () => {
      const noPrefix = (group: string) => ({ logDriver: 'awslogs' as const, options: { 'awslogs-group': group } });
      await createService('worker', [container('a', noPrefix('/ecs/worker')), container('b', noPrefix('/ecs/worker'))]);
      assert.deepEqual(await fargateLogSources(ecs, 'main', 'worker'), [{ logGroupName: '/ecs/worker', containerName: 'b', kind: 'ecs' }]);
    });

    it('says which service is missing from which cluster', async () => {
      await createService('web', [container('app', awslogs('/ecs/web'))]);
      await assert.rejects(fargateLogSources(ecs, 'main', 'api'), (error: Error) => {
        assert.ok(error instanceof LogSourceError);
        assert.match(error.message, /There is no service api in cluster main: it may have been deleted\. Refresh/);
        return true;
      });
    });

    it('says which cluster is missing', async () => {
      await assert.rejects(fargateLogSources(ecs, 'gone', 'web'), (error: Error) => {
        assert.ok(error instanceof LogSourceError);
        assert.match(error.message, /There is no cluster gone: it may have been deleted\. Refresh/);
        return true;
      });
    });

    it('says that no container logs to CloudWatch Logs, and how to change that', async () => {
      await createService('web', [container('app', { logDriver: 'awsfirelens', options: {} }), container('sidecar')]);
      await assert.rejects(fargateLogSources(ecs, 'main', 'web'), (error: Error) => {
        assert.ok(error instanceof LogSourceError);
        assert.equal(
          error.message,
          "The task definition web:1 sends no container's logs to CloudWatch Logs (its containers use the awsfirelens log driver, not awslogs). " +
            'Add a logConfiguration with logDriver awslogs (and awslogs-group, awslogs-stream-prefix) to its containers to see their logs here.',
        );
        return true;
      });
    });
  });

  it('describeLogSources names a Lambda group as it is', () => {
    assert.equal(describeLogSources([{ logGroupName: '/aws/lambda/orders', kind: 'lambda' }]), '/aws/lambda/orders');
  });
});
