import type {
  CodeBuildCloudWatchStateEvent,
  CodeBuildPhaseType,
  CodeBuildStateEventDetail,
  CodePipelineCloudWatchPipelineEvent,
  EventBridgeEvent,
  ScheduledEvent,
} from 'aws-lambda';
import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, int, isoSeconds, isoTime, json, md5, sha256 } from '../helpers';

const GROUP = 'Amazon EventBridge';
const WHERE = { region: REGION, account: ACCOUNT };
const EC2_STATES = ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated'] as const;
const BATCH_STATUSES = ['SUBMITTED', 'PENDING', 'RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;
const EXECUTION_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'] as const;
const PIPELINE_STATES = ['STARTED', 'SUCCEEDED', 'RESUMED', 'FAILED', 'CANCELED', 'SUPERSEDED'] as const;

type Where = Readonly<Record<keyof typeof WHERE, string>>;
type Ctx = { now: Date; uuid(): string };

/** The envelope every EventBridge event shares, fields in the order AWS writes them. */
function envelope<T extends string, D>(p: Where, ctx: Ctx, source: string, detailType: T, resources: string[], detail: D): EventBridgeEvent<T, D> {
  return { version: '0', id: ctx.uuid(), 'detail-type': detailType, source, account: p.account, time: isoSeconds(ctx.now), region: p.region, resources, detail };
}

/** An EC2 private DNS suffix: ec2.internal in us-east-1, <region>.compute.internal elsewhere. */
function internalDns(region: string, ip: string): string {
  return `ip-${ip.replace(/\./g, '-')}.${region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`}`;
}

/** A parameter that must be one of the given values, or a TypeError naming them. */
function oneOf<C extends string>(name: string, value: string, choices: readonly C[]): C {
  if (!(choices as readonly string[]).includes(value)) throw new TypeError(`Parameter ${name} must be one of ${choices.join(', ')}, not "${value}".`);
  return value as C;
}

function secondsBefore(now: Date, seconds: number): Date {
  return new Date(now.getTime() - seconds * 1000);
}

/** CodeBuild's event timestamps: "Nov 26, 2026 2:05:09 PM" (UTC). */
function codeBuildTime(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  const hours = date.getUTCHours();
  return `${months[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()} ${hours % 12 || 12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
}

// @types/aws-lambda has no detail types for these EventBridge events; these follow the services' documented formats.
interface Ec2StateChangeDetail {
  'instance-id': string;
  state: string;
}
interface S3ObjectCreatedDetail {
  version: string;
  bucket: { name: string };
  object: { key: string; size: number; etag: string; sequencer: string };
  'request-id': string;
  requester: string;
  'source-ip-address': string;
  reason: string;
}
interface LifecycleActionDetail {
  LifecycleActionToken: string;
  AutoScalingGroupName: string;
  LifecycleHookName: string;
  EC2InstanceId: string;
  LifecycleTransition: string;
  NotificationMetadata: string;
  Origin: string;
  Destination: string;
}

/** CodeBuild's phases of a build that ran for the given seconds each, ending at `now`. */
function codeBuildPhases(now: Date): CodeBuildStateEventDetail['additional-information']['phases'] {
  const durations: [CodeBuildPhaseType, number][] = [
    ['SUBMITTED', 0],
    ['QUEUED', 1],
    ['PROVISIONING', 31],
    ['DOWNLOAD_SOURCE', 3],
    ['INSTALL', 12],
    ['PRE_BUILD', 2],
    ['BUILD', 58],
    ['POST_BUILD', 1],
    ['UPLOAD_ARTIFACTS', 2],
    ['FINALIZING', 2],
  ];
  let start = secondsBefore(now, durations.reduce((sum, [, s]) => sum + s, 0));
  const phases: CodeBuildStateEventDetail['additional-information']['phases'] = durations.map(([type, seconds]) => {
    const end = new Date(start.getTime() + seconds * 1000);
    const phase = {
      'phase-context': [': '],
      'start-time': codeBuildTime(start),
      'end-time': codeBuildTime(end),
      'duration-in-seconds': seconds,
      'phase-type': type,
      'phase-status': 'SUCCEEDED' as const,
    };
    start = end;
    return phase;
  });
  phases.push({ 'start-time': codeBuildTime(now), 'phase-type': 'COMPLETED' });
  return phases;
}

export const eventbridgeEvents = [
  // SAM CLI names this one `cloudwatch scheduled-event`.
  defineEvent<ScheduledEvent<Record<string, never>>>()({
    service: 'cloudwatch',
    event: 'scheduled-event',
    title: 'EventBridge (CloudWatch Events) scheduled rule',
    group: GROUP,
    params: { ...WHERE, rule: { default: 'my-schedule', description: 'Name of the scheduled rule' } },
    build: (p, ctx) => envelope(p, ctx, 'aws.events', 'Scheduled Event', [arn('events', p.region, p.account, `rule/${p.rule}`)], {}),
  }),
  defineEvent<EventBridgeEvent<string, unknown>>()({
    service: 'eventbridge',
    event: 'custom',
    title: 'EventBridge custom event (PutEvents)',
    group: GROUP,
    params: {
      ...WHERE,
      source: { default: 'com.example.orders', description: 'Event source' },
      detailType: { default: 'Order Placed', description: 'Detail type' },
      detail: { default: '{"orderId":"1234","amount":42.5,"currency":"EUR"}', description: 'Detail (JSON)' },
    },
    build: (p, ctx) => envelope(p, ctx, p.source, p.detailType, [], json('detail', p.detail)),
  }),
  defineEvent<EventBridgeEvent<'EC2 Instance State-change Notification', Ec2StateChangeDetail>>()({
    service: 'eventbridge',
    event: 'ec2-instance-state-change',
    title: 'EC2 instance state-change notification',
    group: GROUP,
    params: {
      ...WHERE,
      instanceId: { default: 'i-0123456789abcdef0', description: 'EC2 instance id' },
      state: { default: 'running', description: `New state: ${EC2_STATES.join(', ')}` },
    },
    build: (p, ctx) =>
      envelope(p, ctx, 'aws.ec2', 'EC2 Instance State-change Notification', [arn('ec2', p.region, p.account, `instance/${p.instanceId}`)], {
        'instance-id': p.instanceId,
        state: oneOf('state', p.state, EC2_STATES),
      }),
  }),
  defineEvent<EventBridgeEvent<'Object Created', S3ObjectCreatedDetail>>()({
    service: 'eventbridge',
    event: 's3-object-created',
    title: 'S3 Object Created (S3 → EventBridge)',
    group: GROUP,
    params: {
      ...WHERE,
      bucket: { default: 'amzn-s3-demo-bucket', description: 'Bucket name' },
      // S3 documents its own notifications' keys as URL-encoded, but not the EventBridge event's: the key is carried as is.
      key: { default: 'uploads/photo 2026.jpg', description: 'Object key' },
      size: { default: '1024', description: 'Object size in bytes' },
    },
    build: (p, ctx) =>
      envelope(p, ctx, 'aws.s3', 'Object Created', [`arn:aws:s3:::${p.bucket}`], {
        version: '0',
        bucket: { name: p.bucket },
        object: {
          key: p.key,
          size: int('size', p.size),
          etag: md5(`${p.bucket}/${p.key}/${p.size}`),
          sequencer: (ctx.now.getTime() * 1000).toString(16).toUpperCase().padStart(18, '0'),
        },
        'request-id': md5(ctx.uuid()).slice(0, 16).toUpperCase(),
        requester: p.account,
        'source-ip-address': '203.0.113.10',
        reason: 'PutObject',
      }),
  }),
  // @types/aws-lambda has no ECS task event; the detail follows the ECS "Task State Change" format.
  defineEvent<EventBridgeEvent<'ECS Task State Change', Record<string, unknown>>>()({
    service: 'eventbridge',
    event: 'ecs-task-state-change',
    title: 'ECS task state change (Fargate task running)',
    group: GROUP,
    params: {
      ...WHERE,
      cluster: { default: 'my-cluster', description: 'ECS cluster name' },
      taskDefinition: { default: 'web-app:3', description: 'Task definition family:revision' },
      container: { default: 'web', description: 'Container name' },
      image: { default: 'public.ecr.aws/nginx/nginx:1.27', description: 'Container image' },
    },
    build: (p, ctx) => {
      const taskId = ctx.uuid().replace(/-/g, '');
      const taskArn = arn('ecs', p.region, p.account, `task/${p.cluster}/${taskId}`);
      const eni = `eni-${md5(taskId).slice(0, 17)}`;
      const at = (seconds: number) => isoTime(secondsBefore(ctx.now, seconds));
      return envelope(p, ctx, 'aws.ecs', 'ECS Task State Change', [taskArn], {
        attachments: [
          {
            id: ctx.uuid(),
            type: 'eni',
            status: 'ATTACHED',
            details: [
              { name: 'subnetId', value: 'subnet-0a1b2c3d4e5f67890' },
              { name: 'networkInterfaceId', value: eni },
              { name: 'macAddress', value: '0a:1b:2c:3d:4e:5f' },
              { name: 'privateDnsName', value: internalDns(p.region, '10.0.1.25') },
              { name: 'privateIPv4Address', value: '10.0.1.25' },
            ],
          },
        ],
        attributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }],
        availabilityZone: `${p.region}a`,
        clusterArn: arn('ecs', p.region, p.account, `cluster/${p.cluster}`),
        connectivity: 'CONNECTED',
        connectivityAt: at(40),
        containers: [
          {
            containerArn: arn('ecs', p.region, p.account, `container/${p.cluster}/${taskId}/${ctx.uuid()}`),
            lastStatus: 'RUNNING',
            name: p.container,
            image: p.image,
            runtimeId: `${taskId}-${md5(p.container).slice(0, 10)}`,
            taskArn,
            networkInterfaces: [{ attachmentId: ctx.uuid(), privateIpv4Address: '10.0.1.25' }],
            cpu: '0',
          },
        ],
        cpu: '256',
        createdAt: at(45),
        desiredStatus: 'RUNNING',
        enableExecuteCommand: false,
        ephemeralStorage: { sizeInGiB: 20 },
        group: `family:${p.taskDefinition.split(':')[0]}`,
        launchType: 'FARGATE',
        lastStatus: 'RUNNING',
        memory: '512',
        overrides: { containerOverrides: [{ name: p.container }] },
        platformVersion: '1.4.0',
        pullStartedAt: at(30),
        pullStoppedAt: at(12),
        startedAt: at(5),
        taskArn,
        taskDefinitionArn: arn('ecs', p.region, p.account, `task-definition/${p.taskDefinition}`),
        updatedAt: isoTime(ctx.now),
        version: 3,
      });
    },
  }),
  defineEvent<CodeBuildCloudWatchStateEvent>()({
    service: 'eventbridge',
    event: 'codebuild-build-state-change',
    title: 'CodeBuild build state change (SUCCEEDED)',
    group: GROUP,
    params: {
      ...WHERE,
      project: { default: 'my-project', description: 'CodeBuild project name' },
      buildNumber: { default: '42', description: 'Build number' },
      repository: { default: 'my-repo', description: 'CodeCommit repository (the build source)' },
    },
    build: (p, ctx) => {
      const buildUuid = ctx.uuid();
      const buildArn = arn('codebuild', p.region, p.account, `build/${p.project}:${buildUuid}`);
      const phases = codeBuildPhases(ctx.now);
      const event = envelope(p, ctx, 'aws.codebuild', 'CodeBuild Build State Change', [buildArn], {
        'build-status': 'SUCCEEDED' as const,
        'project-name': p.project,
        'build-id': buildArn,
        'additional-information': {
          cache: { type: 'NO_CACHE' as const },
          'build-number': int('buildNumber', p.buildNumber),
          'timeout-in-minutes': 60,
          'build-complete': true,
          initiator: 'alice',
          'build-start-time': phases[0]['start-time'],
          source: { buildspec: 'buildspec.yml', location: `https://git-codecommit.${p.region}.amazonaws.com/v1/repos/${p.repository}`, type: 'CODECOMMIT' as const },
          'source-version': 'refs/heads/main',
          artifact: { location: `arn:aws:s3:::codebuild-${p.region}-${p.account}-output/${p.project}/artifacts.zip` },
          environment: {
            image: 'aws/codebuild/standard:7.0',
            'privileged-mode': false,
            'image-pull-credentials-type': 'CODEBUILD' as const,
            'compute-type': 'BUILD_GENERAL1_SMALL' as const,
            type: 'LINUX_CONTAINER' as const,
            'environment-variables': [],
          },
          'project-file-system-locations': [] as [],
          logs: {
            'group-name': `/aws/codebuild/${p.project}`,
            'stream-name': buildUuid,
            'deep-link': `https://console.aws.amazon.com/cloudwatch/home?region=${p.region}#logEvent:group=/aws/codebuild/${p.project};stream=${buildUuid}`,
          },
          phases,
          'queued-timeout-in-minutes': 480,
        },
        'current-phase': 'COMPLETED' as const,
        'current-phase-context': '[: ]',
        version: '1',
      });
      return { ...event, source: 'aws.codebuild' as const };
    },
  }),
  defineEvent<CodePipelineCloudWatchPipelineEvent>()({
    service: 'eventbridge',
    event: 'codepipeline-execution-state-change',
    title: 'CodePipeline pipeline execution state change',
    group: GROUP,
    params: {
      ...WHERE,
      pipeline: { default: 'my-pipeline', description: 'Pipeline name' },
      pipelineVersion: { default: '1', description: 'Pipeline version' },
      state: { default: 'SUCCEEDED', description: `Execution state: ${PIPELINE_STATES.join(', ')}` },
    },
    build: (p, ctx) => {
      // The documented detail also carries the execution trigger and attempt, which @types/aws-lambda leaves out.
      const detail: CodePipelineCloudWatchPipelineEvent['detail'] & Record<string, unknown> = {
        pipeline: p.pipeline,
        'execution-id': ctx.uuid(),
        'execution-trigger': { 'trigger-type': 'StartPipelineExecution', 'trigger-detail': arn('sts', '', p.account, 'assumed-role/Admin/alice') },
        state: oneOf('state', p.state, PIPELINE_STATES),
        version: int('pipelineVersion', p.pipelineVersion),
        'pipeline-execution-attempt': 1,
      };
      return { ...envelope(p, ctx, 'aws.codepipeline', 'CodePipeline Pipeline Execution State Change', [arn('codepipeline', p.region, p.account, p.pipeline)], detail), source: 'aws.codepipeline' as const };
    },
  }),
  defineEvent<EventBridgeEvent<'EC2 Instance-launch Lifecycle Action', LifecycleActionDetail>>()({
    service: 'eventbridge',
    event: 'autoscaling-instance-launch-lifecycle',
    title: 'Auto Scaling instance-launch lifecycle action',
    group: GROUP,
    params: {
      ...WHERE,
      group: { default: 'my-asg', description: 'Auto Scaling group name' },
      hook: { default: 'my-launch-hook', description: 'Lifecycle hook name' },
      instanceId: { default: 'i-0123456789abcdef0', description: 'EC2 instance id' },
      metadata: { default: 'additional-info', description: 'Notification metadata of the hook' },
    },
    build: (p, ctx) =>
      envelope(p, ctx, 'aws.autoscaling', 'EC2 Instance-launch Lifecycle Action', [arn('autoscaling', p.region, p.account, `autoScalingGroup:${ctx.uuid()}:autoScalingGroupName/${p.group}`)], {
        LifecycleActionToken: ctx.uuid(),
        AutoScalingGroupName: p.group,
        LifecycleHookName: p.hook,
        EC2InstanceId: p.instanceId,
        LifecycleTransition: 'autoscaling:EC2_INSTANCE_LAUNCHING',
        NotificationMetadata: p.metadata,
        Origin: 'EC2',
        Destination: 'AutoScalingGroup',
      }),
  }),
  // @types/aws-lambda types only GuardDuty's malware-scan event; a finding follows GuardDuty's finding format.
  defineEvent<EventBridgeEvent<'GuardDuty Finding', Record<string, unknown>>>()({
    service: 'eventbridge',
    event: 'guardduty-finding',
    title: 'GuardDuty finding (unprotected port probed on an EC2 instance)',
    group: GROUP,
    params: {
      ...WHERE,
      instanceId: { default: 'i-0123456789abcdef0', description: 'EC2 instance id' },
      severity: { default: '2', description: 'Severity (1–8: low 1–3, medium 4–6, high 7–8)' },
    },
    build: (p, ctx) => {
      const detectorId = md5(`${p.account}:${p.region}`);
      const findingId = md5(ctx.uuid());
      const seen = isoTime(secondsBefore(ctx.now, 600));
      return envelope(p, ctx, 'aws.guardduty', 'GuardDuty Finding', [], {
        schemaVersion: '2.0',
        accountId: p.account,
        region: p.region,
        partition: 'aws',
        id: findingId,
        arn: arn('guardduty', p.region, p.account, `detector/${detectorId}/finding/${findingId}`),
        type: 'Recon:EC2/PortProbeUnprotectedPort',
        resource: {
          resourceType: 'Instance',
          instanceDetails: {
            instanceId: p.instanceId,
            instanceType: 't3.micro',
            launchTime: isoTime(secondsBefore(ctx.now, 86_400)),
            productCodes: [],
            iamInstanceProfile: { arn: arn('iam', '', p.account, 'instance-profile/web-server'), id: 'AIPAJ4EXAMPLE2QW3EXMP' },
            networkInterfaces: [
              {
                ipv6Addresses: [],
                networkInterfaceId: 'eni-0a1b2c3d4e5f67890',
                privateDnsName: internalDns(p.region, '10.0.0.12'),
                privateIpAddress: '10.0.0.12',
                privateIpAddresses: [{ privateDnsName: internalDns(p.region, '10.0.0.12'), privateIpAddress: '10.0.0.12' }],
                publicDnsName: `ec2-198-51-100-20.${p.region === 'us-east-1' ? 'compute-1' : `${p.region}.compute`}.amazonaws.com`,
                publicIp: '198.51.100.20',
                securityGroups: [{ groupId: 'sg-0a1b2c3d4e5f67890', groupName: 'web-server' }],
                subnetId: 'subnet-0a1b2c3d4e5f67890',
                vpcId: 'vpc-0a1b2c3d4e5f67890',
              },
            ],
            tags: [{ key: 'Name', value: 'web-server' }],
            instanceState: 'running',
            availabilityZone: `${p.region}a`,
            imageId: 'ami-0abcdef1234567890',
            imageDescription: 'Amazon Linux 2023 AMI',
          },
        },
        service: {
          serviceName: 'guardduty',
          detectorId,
          action: {
            actionType: 'PORT_PROBE',
            portProbeAction: {
              blocked: false,
              portProbeDetails: [
                {
                  localPortDetails: { port: 22, portName: 'SSH' },
                  remoteIpDetails: {
                    ipAddressV4: '203.0.113.99',
                    organization: { asn: '64496', asnOrg: 'Example Networks', isp: 'Example ISP', org: 'Example Org' },
                    country: { countryName: 'Netherlands' },
                    city: { cityName: 'Amsterdam' },
                    geoLocation: { lat: 52.37, lon: 4.89 },
                  },
                },
              ],
            },
          },
          resourceRole: 'TARGET',
          additionalInfo: { value: '{"threatListName":"ProofPoint"}', type: 'default' },
          eventFirstSeen: seen,
          eventLastSeen: isoTime(ctx.now),
          archived: false,
          count: 1,
        },
        severity: int('severity', p.severity),
        createdAt: seen,
        updatedAt: isoTime(ctx.now),
        title: `Unprotected port on EC2 instance ${p.instanceId} is being probed.`,
        description: `EC2 instance ${p.instanceId} has an unprotected port which is being probed by a known malicious host.`,
      });
    },
  }),
  // @types/aws-lambda has no AWS Health type; the detail follows the Health EventBridge schema (times in RFC 1123).
  defineEvent<EventBridgeEvent<'AWS Health Event', Record<string, unknown>>>()({
    service: 'eventbridge',
    event: 'health-event',
    title: 'AWS Health event (scheduled change affecting an instance)',
    group: GROUP,
    params: {
      ...WHERE,
      eventTypeCode: { default: 'AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED', description: 'Event type code, AWS_<SERVICE>_<DESCRIPTION>' },
      instanceId: { default: 'i-0123456789abcdef0', description: 'Affected resource (entity value)' },
    },
    build: (p, ctx) => {
      const service = p.eventTypeCode.split('_')[1] ?? 'EC2';
      const start = new Date(ctx.now.getTime() + 14 * 86_400_000);
      const end = new Date(start.getTime() + 3_600_000);
      return envelope(p, ctx, 'aws.health', 'AWS Health Event', [p.instanceId], {
        eventArn: arn('health', p.region, '', `event/${service}/${p.eventTypeCode}/${p.eventTypeCode}_${sha256(p.eventTypeCode + ctx.now.toISOString()).slice(0, 12).toUpperCase()}`),
        service,
        eventTypeCode: p.eventTypeCode,
        eventTypeCategory: 'scheduledChange',
        eventScopeCode: 'ACCOUNT_SPECIFIC',
        communicationId: `${sha256(ctx.uuid())}-1`,
        startTime: start.toUTCString(),
        endTime: end.toUTCString(),
        lastUpdatedTime: ctx.now.toUTCString(),
        statusCode: 'upcoming',
        eventRegion: p.region,
        eventDescription: [
          {
            language: 'en_US',
            latestDescription: `${p.instanceId} is scheduled for retirement on ${start.toUTCString()}: the underlying hardware is degraded. Stop and start the instance before then to move it to healthy hardware.`,
          },
        ],
        affectedEntities: [{ entityValue: p.instanceId, tags: {} }],
        affectedAccount: p.account,
        page: '1',
        totalPages: '1',
      });
    },
  }),
  // @types/aws-lambda has no CloudTrail record type; the detail is a CloudTrail record (S3 CreateBucket by an IAM user).
  defineEvent<EventBridgeEvent<'AWS API Call via CloudTrail', Record<string, unknown>>>()({
    service: 'eventbridge',
    event: 'aws-api-call-via-cloudtrail',
    title: 'AWS API call via CloudTrail (S3 CreateBucket)',
    group: GROUP,
    params: {
      ...WHERE,
      bucket: { default: 'amzn-s3-demo-bucket', description: 'Name of the bucket created' },
      userName: { default: 'alice', description: 'IAM user who made the call' },
    },
    build: (p, ctx) => {
      const host = `${p.bucket}.s3.${p.region}.amazonaws.com`;
      return envelope(p, ctx, 'aws.s3', 'AWS API Call via CloudTrail', [], {
        eventVersion: '1.09',
        userIdentity: {
          type: 'IAMUser',
          principalId: 'AIDAJ45Q7YFFAREXAMPLE',
          arn: arn('iam', '', p.account, `user/${p.userName}`),
          accountId: p.account,
          accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
          userName: p.userName,
        },
        eventTime: isoSeconds(ctx.now),
        eventSource: 's3.amazonaws.com',
        eventName: 'CreateBucket',
        awsRegion: p.region,
        sourceIPAddress: '203.0.113.10',
        userAgent: '[aws-cli/2.17.0 md/awscrt#0.20.11 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/prompt#off md/command#s3api.create-bucket]',
        requestParameters: { bucketName: p.bucket, Host: host },
        responseElements: null,
        additionalEventData: {
          SignatureVersion: 'SigV4',
          CipherSuite: 'TLS_AES_128_GCM_SHA256',
          bytesTransferredIn: 0,
          AuthenticationMethod: 'AuthHeader',
          'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD',
          bytesTransferredOut: 0,
        },
        requestID: md5(ctx.uuid()).slice(0, 16).toUpperCase(),
        eventID: ctx.uuid(),
        readOnly: false,
        resources: [{ type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${p.bucket}` }],
        eventType: 'AwsApiCall',
        managementEvent: true,
        recipientAccountId: p.account,
        eventCategory: 'Management',
        tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: host },
      });
    },
  }),
  // @types/aws-lambda has no Batch event type; the detail follows Batch's "Job State Change" format (a JobDetail).
  defineEvent<EventBridgeEvent<'Batch Job State Change', Record<string, unknown>>>()({
    service: 'eventbridge',
    event: 'batch-job-state-change',
    title: 'AWS Batch job state change',
    group: GROUP,
    params: {
      ...WHERE,
      jobName: { default: 'nightly-report', description: 'Job name' },
      jobQueue: { default: 'my-job-queue', description: 'Job queue name' },
      jobDefinition: { default: 'report-job:1', description: 'Job definition name:revision' },
      status: { default: 'SUCCEEDED', description: `New status: ${BATCH_STATUSES.join(', ')}` },
    },
    build: (p, ctx) => {
      const status = oneOf('status', p.status, BATCH_STATUSES);
      const jobId = ctx.uuid();
      const jobArn = arn('batch', p.region, p.account, `job/${jobId}`);
      const ended = status === 'SUCCEEDED' || status === 'FAILED';
      const started = ended || status === 'RUNNING';
      const exitCode = status === 'FAILED' ? 1 : 0;
      const taskArn = arn('ecs', p.region, p.account, `task/AWSBatch-my-compute-env-${md5(jobId).slice(0, 8)}/${md5(jobId)}`);
      const logStreamName = `${p.jobDefinition.split(':')[0]}/default/${md5(jobId)}`;
      const startedAt = ctx.now.getTime() - 60_000;
      const container = {
        image: 'public.ecr.aws/amazonlinux/amazonlinux:2023',
        command: ['sh', '-c', 'echo report done'],
        jobRoleArn: arn('iam', '', p.account, 'role/batch-job-role'),
        executionRoleArn: arn('iam', '', p.account, 'role/ecsTaskExecutionRole'),
        volumes: [],
        environment: [],
        mountPoints: [],
        ulimits: [],
        networkInterfaces: [],
        resourceRequirements: [
          { value: '1', type: 'VCPU' },
          { value: '2048', type: 'MEMORY' },
        ],
        secrets: [],
        ...(started ? { taskArn, logStreamName } : {}),
        ...(ended ? { exitCode } : {}),
      };
      const reason = 'Essential container in task exited';
      return envelope(p, ctx, 'aws.batch', 'Batch Job State Change', [jobArn], {
        jobArn,
        jobName: p.jobName,
        jobId,
        jobQueue: arn('batch', p.region, p.account, `job-queue/${p.jobQueue}`),
        status,
        attempts: ended ? [{ container: { taskArn, exitCode, logStreamName, networkInterfaces: [] }, startedAt, stoppedAt: ctx.now.getTime(), statusReason: reason }] : [],
        ...(ended ? { statusReason: reason } : {}),
        createdAt: ctx.now.getTime() - 180_000,
        retryStrategy: { attempts: 1, evaluateOnExit: [] },
        ...(started ? { startedAt } : {}),
        ...(ended ? { stoppedAt: ctx.now.getTime() } : {}),
        dependsOn: [],
        jobDefinition: arn('batch', p.region, p.account, `job-definition/${p.jobDefinition}`),
        parameters: {},
        container,
        tags: { resourceArn: jobArn },
        propagateTags: false,
        platformCapabilities: ['EC2'],
        eksAttempts: [],
      });
    },
  }),
  // @types/aws-lambda has no Step Functions event type; the detail follows "Step Functions Execution Status Change".
  defineEvent<EventBridgeEvent<'Step Functions Execution Status Change', Record<string, unknown>>>()({
    service: 'eventbridge',
    event: 'step-functions-execution-status-change',
    title: 'Step Functions execution status change',
    group: GROUP,
    params: {
      ...WHERE,
      stateMachine: { default: 'order-workflow', description: 'State machine name' },
      status: { default: 'SUCCEEDED', description: `Status: ${EXECUTION_STATUSES.join(', ')}` },
      input: { default: '{"orderId":"1234"}', description: 'Execution input (JSON)' },
      output: { default: '{"orderId":"1234","shipped":true}', description: 'Execution output (JSON), when SUCCEEDED' },
    },
    build: (p, ctx) => {
      const status = oneOf('status', p.status, EXECUTION_STATUSES);
      json('input', p.input);
      json('output', p.output);
      const name = ctx.uuid();
      const executionArn = arn('states', p.region, p.account, `execution:${p.stateMachine}:${name}`);
      const running = status === 'RUNNING';
      const succeeded = status === 'SUCCEEDED';
      const failed = !running && !succeeded;
      return envelope(p, ctx, 'aws.states', 'Step Functions Execution Status Change', [executionArn], {
        executionArn,
        stateMachineArn: arn('states', p.region, p.account, `stateMachine:${p.stateMachine}`),
        name,
        status,
        startDate: ctx.now.getTime() - (running ? 0 : 4_321),
        stopDate: running ? null : ctx.now.getTime(),
        input: p.input,
        output: succeeded ? p.output : null,
        stateMachineVersionArn: null,
        stateMachineAliasArn: null,
        redriveCount: 0,
        redriveDate: null,
        redriveStatus: failed ? 'REDRIVABLE' : 'NOT_REDRIVABLE',
        redriveStatusReason: failed ? null : `Execution is ${status} and cannot be redriven`,
        inputDetails: { included: true },
        outputDetails: succeeded ? { included: true } : null,
        error: status === 'FAILED' ? 'States.TaskFailed' : status === 'TIMED_OUT' ? 'States.Timeout' : null,
        cause: status === 'FAILED' ? 'The task ShipOrder failed: the carrier API returned 503.' : null,
      });
    },
  }),
];
