import * as assert from 'node:assert/strict';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ApplicationAutoScalingClient, PutScalingPolicyCommand, RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling';
import { FargateError } from '../../../../src/core/fargate/fargateError';
import { describeServiceDetails, serviceDetailsMarkdown } from '../../../../src/core/fargate/serviceDetails';
import { useMoto } from '../../../support/useMoto';
import { clientConfig, container, CREDENTIALS, seedService } from './fargateFixtures';

const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf';

describe('core/fargate describeServiceDetails, against moto_server', function () {
  this.timeout(30_000);
  const moto = useMoto();

  async function seed() {
    return seedService(moto.endpoint, {
      service: 'web',
      containers: [
        container('app', {
          cpu: 128,
          portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
          environment: [{ name: 'API_KEY', value: 'super-secret-value' }, { name: 'LOG_LEVEL', value: 'debug' }],
          secrets: [
            { name: 'DB_PASSWORD', valueFrom: SECRET_ARN },
            { name: 'STRIPE_KEY', valueFrom: '/prod/stripe/key' },
          ],
        }),
        container('xray', { essential: false, memory: 128 }),
      ],
    });
  }

  it('gathers the service, task definition, network with its VPC, auto scaling and deployments', async () => {
    const { ecs, subnets, securityGroups } = await seed();
    const autoScaling = new ApplicationAutoScalingClient(clientConfig(moto.endpoint));
    const resource = { ServiceNamespace: 'ecs' as const, ResourceId: 'service/jobs/web', ScalableDimension: 'ecs:service:DesiredCount' as const };
    await autoScaling.send(new RegisterScalableTargetCommand({ ...resource, MinCapacity: 1, MaxCapacity: 10 }));
    await autoScaling.send(
      new PutScalingPolicyCommand({
        ...resource,
        PolicyName: 'cpu60',
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: { TargetValue: 60, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' }, ScaleInCooldown: 120 },
      }),
    );

    const details = await describeServiceDetails({ ecs, autoScaling, ec2: new EC2Client(clientConfig(moto.endpoint)) }, 'jobs', 'web');

    assert.equal(details.cluster, 'jobs');
    assert.equal(details.region, 'us-east-1');
    assert.deepEqual([details.service.name, details.service.status, details.service.desired, details.service.launch], ['web', 'ACTIVE', 1, 'FARGATE']);
    assert.equal(details.taskDefinition.name, 'web:1');
    assert.deepEqual([details.taskDefinition.cpu, details.taskDefinition.memory, details.taskDefinition.networkMode], ['256', '512', 'awsvpc']);
    assert.deepEqual(details.taskDefinition.containers[0], {
      name: 'app',
      image: 'public.ecr.aws/docker/library/node:22-slim',
      essential: true,
      cpu: 128,
      memory: 512,
      ports: ['8080/tcp'],
      environmentNames: ['API_KEY', 'LOG_LEVEL'],
      secrets: [
        { name: 'DB_PASSWORD', source: 'Secrets Manager' },
        { name: 'STRIPE_KEY', source: 'SSM Parameter Store' },
      ],
      logDriver: 'awslogs',
      logGroup: '/ecs/app',
    });
    assert.equal(details.taskDefinition.containers[1].essential, false);
    assert.deepEqual(details.network?.subnets, subnets);
    assert.deepEqual(details.network?.securityGroups, securityGroups);
    assert.match(details.network?.vpcId ?? '', /^vpc-/);
    assert.equal(details.network?.assignPublicIp, 'DISABLED');
    assert.ok(details.autoScaling.available);
    const { alarms, ...policy } = details.autoScaling.policies[0];
    assert.deepEqual(details.autoScaling.target, { minCapacity: 1, maxCapacity: 10, suspended: false });
    assert.deepEqual(policy, { name: 'cpu60', type: 'TargetTrackingScaling', targetValue: 60, metric: 'ECSServiceAverageCPUUtilization', scaleInCooldownSeconds: 120 });
    assert.deepEqual(alarms.map((a) => /-(AlarmHigh|AlarmLow)-/.exec(a)?.[1]), ['AlarmHigh', 'AlarmLow'], 'the alarms target tracking made');
    assert.equal(details.autoScaling.policies.length, 1);
    assert.equal(details.deployments.length, 1);
    assert.equal(details.deployments[0].status, 'PRIMARY');
    assert.equal(details.deployments[0].taskDefinition, 'web:1');
    assert.deepEqual(details.events, [], 'moto keeps no service events');

    const markdown = serviceDetailsMarkdown(details);
    assert.match(markdown, /^# web\n/);
    assert.match(markdown, /- \*\*Environment variables \(names only\):\*\* API\\_KEY, LOG\\_LEVEL/);
    assert.match(markdown, /- \*\*Secrets \(names only\):\*\* DB\\_PASSWORD \(Secrets Manager\), STRIPE\\_KEY \(SSM Parameter Store\)/);
    assert.match(markdown, /\| cpu60 \| TargetTrackingScaling \| 60 \| ECSServiceAverageCPUUtilization \|/);
    assert.match(markdown, /- \*\*Tasks:\*\* 1 to 10/);
  });

  it('never carries an environment or secret value, in the details or the document', async () => {
    const { ecs } = await seed();
    const details = await describeServiceDetails({ ecs, autoScaling: new ApplicationAutoScalingClient(clientConfig(moto.endpoint)) }, 'jobs', 'web');
    for (const text of [JSON.stringify(details), serviceDetailsMarkdown(details)]) {
      assert.doesNotMatch(text, /super-secret-value|debug|prod\/db|secret:|\/prod\/stripe/);
      assert.match(text, /API.?_KEY/);
      assert.match(text, /DB.?_PASSWORD/);
    }
  });

  it('says the service has no auto scaling when its desired count is not registered', async () => {
    const { ecs } = await seed();
    const details = await describeServiceDetails({ ecs, autoScaling: new ApplicationAutoScalingClient(clientConfig(moto.endpoint)) }, 'jobs', 'web');
    assert.deepEqual(details.autoScaling, { available: true, policies: [] });
    assert.equal(details.network?.vpcId, undefined, 'no EC2 client: no VPC');
    assert.match(serviceDetailsMarkdown(details), /not registered with Application Auto Scaling/);
  });

  it('shows the rest when Application Auto Scaling or EC2 refuse, with the reason', async () => {
    const { ecs } = await seed();
    const denied = Object.assign(new Error('User: arn:aws:iam::123456789012:user/dev is not authorized to perform: application-autoscaling:DescribeScalableTargets'), { name: 'AccessDeniedException' });
    const autoScaling = new ApplicationAutoScalingClient({ region: 'us-east-1', credentials: CREDENTIALS });
    autoScaling.send = (async () => Promise.reject(denied)) as unknown as ApplicationAutoScalingClient['send'];
    const ec2 = new EC2Client({ region: 'us-east-1', credentials: CREDENTIALS });
    ec2.send = (async () => Promise.reject(Object.assign(new Error('denied'), { name: 'UnauthorizedOperation' }))) as unknown as EC2Client['send'];

    const details = await describeServiceDetails({ ecs, autoScaling, ec2 }, 'jobs', 'web');
    assert.equal(details.autoScaling.available, false);
    assert.match(details.autoScaling.available ? '' : details.autoScaling.reason, /^Not allowed to read Application Auto Scaling .*not authorized to perform/);
    assert.equal(details.network?.vpcId, undefined);
    assert.equal(details.taskDefinition.name, 'web:1');
    assert.match(serviceDetailsMarkdown(details), /## Auto scaling\n\nNot available: Not allowed to read Application Auto Scaling/);
  });

  it('says which service is missing', async () => {
    const { ecs } = await seed();
    await assert.rejects(
      describeServiceDetails({ ecs, autoScaling: new ApplicationAutoScalingClient(clientConfig(moto.endpoint)) }, 'jobs', 'api'),
      (error: Error) => error instanceof FargateError && /There is no service api in cluster jobs/.test(error.message),
    );
  });
});
