import type { EventBridgeEvent } from 'aws-lambda';
import { defineEvent } from '../../types';
import { arn, md5 } from '../../helpers';
import { GROUP, WHERE, envelope, oneOf } from './envelope';

const BATCH_STATUSES = ['SUBMITTED', 'PENDING', 'RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;

export const batchEvents = [
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
];
