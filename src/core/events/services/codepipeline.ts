import type { Artifact, CodePipelineEvent } from 'aws-lambda';
import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, md5 } from '../helpers';

const GROUP = 'AWS CodePipeline';

const JOB_PARAMS = {
  region: REGION,
  account: ACCOUNT,
  pipeline: { default: 'my-pipeline', description: 'Pipeline name' },
  functionName: { default: 'my-function', description: 'Function the Invoke action calls' },
  userParameters: { default: '{"KEY": "VALUE"}', description: 'UserParameters of the action (a string, passed as is)' },
  inputArtifact: { default: 'SourceArtifact', description: 'Input artifact name' },
  outputArtifact: { default: 'InvokeOutput', description: 'Output artifact name' },
  revision: { default: 'e0c7a5d2308ca3071aa7bab414de234ab52eea8f', description: 'Revision (commit id) of the input artifact' },
};

type JobParams = Readonly<Record<keyof typeof JOB_PARAMS, string>>;

/** Seven letters and digits, stable for a given artifact. */
function objectId(seed: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const digest = Buffer.from(md5(seed), 'hex');
  return Array.from({ length: 7 }, (_, i) => alphabet[digest[i] % alphabet.length]).join('');
}

/** An artifact in the pipeline's artifact store: <pipeline, 20 chars>/<artifact, 10 chars>/<7-char id>. */
function artifact(p: JobParams, name: string, revision: string | null): Artifact {
  return {
    name,
    revision,
    location: {
      type: 'S3',
      s3Location: {
        bucketName: `codepipeline-${p.region}-${p.account}`,
        objectKey: `${p.pipeline.slice(0, 20)}/${name.slice(0, 10)}/${objectId(`${p.pipeline}/${name}`)}`,
      },
    },
  };
}

function job(p: JobParams, ctx: { now: Date; uuid(): string }, continuationToken?: string): CodePipelineEvent {
  const data: CodePipelineEvent['CodePipeline.job']['data'] = {
    actionConfiguration: { configuration: { FunctionName: p.functionName, UserParameters: p.userParameters } },
    inputArtifacts: [artifact(p, p.inputArtifact, p.revision)],
    outputArtifacts: [artifact(p, p.outputArtifact, null)],
    // AWS sends expirationTime (epoch milliseconds) with the temporary credentials; @types/aws-lambda lacks it, so cast.
    // The credentials are AWS's documented example values, obviously fake.
    artifactCredentials: {
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN',
      expirationTime: ctx.now.getTime() + 3_600_000,
    } as CodePipelineEvent['CodePipeline.job']['data']['artifactCredentials'],
    encryptionKey: { id: arn('kms', p.region, p.account, 'alias/aws/s3'), type: 'KMS' },
  };
  if (continuationToken !== undefined) data.continuationToken = continuationToken;
  return { 'CodePipeline.job': { id: ctx.uuid(), accountId: p.account, data } };
}

export const codepipelineEvents = [
  defineEvent<CodePipelineEvent>()({
    service: 'codepipeline',
    event: 'job',
    title: 'CodePipeline Invoke action job',
    group: GROUP,
    params: JOB_PARAMS,
    build: (p, ctx) => job(p, ctx),
  }),
  defineEvent<CodePipelineEvent>()({
    service: 'codepipeline',
    event: 'job-continuation',
    title: 'CodePipeline Invoke action job, continued (continuationToken)',
    group: GROUP,
    params: { ...JOB_PARAMS, continuationToken: { default: 'deploy-step-2', description: 'Token the previous invocation returned with PutJobSuccessResult' } },
    build: (p, ctx) => job(p, ctx, p.continuationToken),
  }),
];
