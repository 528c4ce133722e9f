import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, int } from '../helpers';

const GROUP = 'Amazon SageMaker Ground Truth';

/** @types/aws-lambda has no Ground Truth types; these are the documented pre- and post-annotation Lambda requests. */
export interface GroundTruthPreHumanTaskRequest {
  version: string;
  labelingJobArn: string;
  /** One line of the input manifest: `source-ref` (an S3 URI) or `source` (the data itself). */
  dataObject: { 'source-ref': string } | { source: string };
}

export interface GroundTruthAnnotationConsolidationRequest {
  version: string;
  labelingJobArn: string;
  labelAttributeName: string;
  roleArn: string;
  /** Where the workers' answers for this iteration are: the function reads the JSON file with the role. */
  payload: { s3Uri: string };
}

const VERSION = '2018-10-16';

const JOB_PARAMS = {
  region: REGION,
  account: ACCOUNT,
  labelingJobName: { default: 'bird-species-labeling', description: 'Labeling job name (1–63 letters, digits and hyphens)' },
};

function jobArn(p: Readonly<Record<keyof typeof JOB_PARAMS, string>>): string {
  if (!/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/.test(p.labelingJobName)) {
    throw new TypeError(`Parameter labelingJobName must be 1–63 letters, digits and hyphens, starting and ending with a letter or digit, not "${p.labelingJobName}".`);
  }
  // SageMaker writes resource names in its ARNs in lower case.
  return arn('sagemaker', p.region, p.account, `labeling-job/${p.labelingJobName.toLowerCase()}`);
}

/** An s3:// URI without a trailing slash, or a message naming the parameter. */
function s3Uri(name: string, value: string): string {
  if (!/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(value)) throw new TypeError(`Parameter ${name} must be an S3 URI such as s3://amzn-s3-demo-bucket/labels, not "${value}".`);
  return value.replace(/\/+$/, '');
}

/** Ground Truth's iteration folder name: 2026-11-26_14:05:09. */
function iterationTime(now: Date): string {
  return now.toISOString().slice(0, 19).replace('T', '_');
}

export const sagemakerEvents = [
  defineEvent<GroundTruthPreHumanTaskRequest>()({
    service: 'sagemaker',
    event: 'ground-truth-pre-human',
    title: 'Ground Truth pre-annotation request (one data object, before a worker sees it)',
    group: GROUP,
    params: {
      ...JOB_PARAMS,
      sourceRef: {
        default: 's3://amzn-s3-demo-bucket/birds/images/heron-0042.jpg',
        description: 'The data object: an s3:// URI (sent as source-ref) or, for text in the manifest, the text itself (sent as source)',
      },
    },
    build: (p) => ({
      version: VERSION,
      labelingJobArn: jobArn(p),
      dataObject: p.sourceRef.startsWith('s3://') ? { 'source-ref': s3Uri('sourceRef', p.sourceRef) } : { source: p.sourceRef },
    }),
  }),
  defineEvent<GroundTruthAnnotationConsolidationRequest>()({
    service: 'sagemaker',
    event: 'ground-truth-annotation-consolidation',
    title: 'Ground Truth annotation-consolidation request (workers’ answers to consolidate)',
    group: GROUP,
    params: {
      ...JOB_PARAMS,
      labelAttributeName: { default: 'bird-species', description: 'Label attribute name: the key the consolidated label gets in the output manifest' },
      outputPath: { default: 's3://amzn-s3-demo-bucket/labeling-output', description: 'The job’s S3 output path' },
      roleName: { default: 'GroundTruthLabelingRole', description: 'Name of the job’s IAM role (the function reads the answers with it)' },
      iteration: { default: '1', description: 'Iteration of the job whose answers are consolidated' },
    },
    build: (p, ctx) => {
      if (!/^[A-Za-z0-9](-*[A-Za-z0-9]){0,126}$/.test(p.labelAttributeName) || p.labelAttributeName.endsWith('-metadata')) {
        throw new TypeError(`Parameter labelAttributeName must be 1–127 letters, digits and hyphens, not ending in -metadata, not "${p.labelAttributeName}".`);
      }
      if (!/^[\w+=,.@-]{1,64}$/.test(p.roleName)) throw new TypeError(`Parameter roleName must be an IAM role name (letters, digits and +=,.@_-), not "${p.roleName}".`);
      const iteration = int('iteration', p.iteration);
      if (iteration < 1) throw new TypeError(`Parameter iteration must be 1 or more, not ${iteration}.`);
      const folder = `${s3Uri('outputPath', p.outputPath)}/${p.labelingJobName}/annotations/worker-response`;
      return {
        version: VERSION,
        labelingJobArn: jobArn(p),
        labelAttributeName: p.labelAttributeName,
        roleArn: arn('iam', '', p.account, `role/${p.roleName}`),
        payload: { s3Uri: `${folder}/iteration-${iteration}/0/${iterationTime(ctx.now)}.json` },
      };
    },
  }),
];
