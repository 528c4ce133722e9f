import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, json } from '../helpers';

const GROUP = 'AWS Batch';

/**
 * What a function that submits or looks up a Batch job is handed (Lambda's batch-submit-job and batch-get-job
 * blueprints, or a Step Functions state that submits a job and polls it). SAM CLI's two templates carry each
 * other's keys (its get-job has jobName/jobQueue/jobDefinition, its submit-job has jobId), so each event here
 * carries the keys of SAM's template of that name as well as the ones its operation needs.
 */
export interface BatchJobRequest {
  jobName: string;
  jobQueue: string;
  jobDefinition: string;
  jobId: string;
}

export interface BatchSubmitJobRequest extends BatchJobRequest {
  parameters: Record<string, string>;
  containerOverrides: { command: string[] };
}

const JOB_PARAMS = {
  region: REGION,
  account: ACCOUNT,
  jobName: { default: 'nightly-report', description: 'Job name (letters, digits, hyphens, underscores; up to 128)' },
  jobQueue: { default: 'reports-queue', description: 'Job queue name (the event carries its ARN)' },
  jobDefinition: { default: 'report-generator:3', description: 'Job definition as name:revision (the event carries its ARN)' },
  jobId: { default: '5f1c2e4a-9b7d-4e3f-8a6c-0d2b4f6e8a1c', description: 'Job id, as SubmitJob returned it (a UUID, ":<index>" for an array child)' },
};

type JobParams = Readonly<Record<keyof typeof JOB_PARAMS, string>>;

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

function name(param: string, value: string): string {
  if (!NAME.test(value)) throw new TypeError(`Parameter ${param} must be 1–128 letters, digits, hyphens or underscores, starting with a letter or digit, not "${value}".`);
  return value;
}

function job(p: JobParams): BatchJobRequest {
  const definition = /^([^:]+):(\d+)$/.exec(p.jobDefinition);
  if (!definition) throw new TypeError(`Parameter jobDefinition must be name:revision (report-generator:3), not "${p.jobDefinition}".`);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(:\d+)?$/i.test(p.jobId)) {
    throw new TypeError(`Parameter jobId must be a Batch job id (a UUID such as 5f1c2e4a-9b7d-4e3f-8a6c-0d2b4f6e8a1c), not "${p.jobId}".`);
  }
  return {
    jobName: name('jobName', p.jobName),
    jobQueue: arn('batch', p.region, p.account, `job-queue/${name('jobQueue', p.jobQueue)}`),
    jobDefinition: arn('batch', p.region, p.account, `job-definition/${name('jobDefinition', definition[1])}:${definition[2]}`),
    jobId: p.jobId,
  };
}

export const batchEvents = [
  defineEvent<BatchJobRequest>()({
    service: 'batch',
    event: 'get-job',
    title: 'Batch job to look up (jobId for DescribeJobs, with how it was submitted)',
    group: GROUP,
    params: JOB_PARAMS,
    build: (p) => {
      const { jobId, jobName, jobQueue, jobDefinition } = job(p);
      return { jobId, jobName, jobQueue, jobDefinition };
    },
  }),
  defineEvent<BatchSubmitJobRequest>()({
    service: 'batch',
    event: 'submit-job',
    title: 'Batch job to submit (SubmitJob input)',
    group: GROUP,
    params: {
      ...JOB_PARAMS,
      jobParameters: { default: '{"reportDate":"2026-11-26","format":"pdf"}', description: 'Job parameters (JSON object of strings; Ref::<name> in the command refers to them)' },
      command: { default: 'python generate.py --date Ref::reportDate --format Ref::format', description: 'Container command override, split on spaces' },
    },
    build: (p) => {
      const given = json('jobParameters', p.jobParameters);
      if (!given || typeof given !== 'object' || Array.isArray(given)) throw new TypeError('Parameter jobParameters must be a JSON object such as {"reportDate":"2026-11-26"}.');
      const parameters = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
      const command = p.command.split(/\s+/).filter((word) => word !== '');
      for (const word of command) {
        const ref = /^Ref::(.+)$/.exec(word);
        if (ref && !(ref[1] in parameters)) throw new TypeError(`Parameter command refers to Ref::${ref[1]}, which jobParameters does not define.`);
      }
      const request = job(p);
      return {
        jobName: request.jobName,
        jobQueue: request.jobQueue,
        jobDefinition: request.jobDefinition,
        parameters,
        containerOverrides: { command },
        jobId: request.jobId,
      };
    },
  }),
];
