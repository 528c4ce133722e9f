// CodePipeline job events for a Lambda invoke action (CodePipeline user guide, "Invoke a Lambda function in a pipeline";
// encryptionKey from the API's JobData).
/** A CodePipeline job. */
const JOB = [
  '["CodePipeline.job"].accountId',
  '["CodePipeline.job"].data.actionConfiguration.configuration.FunctionName',
  '["CodePipeline.job"].data.actionConfiguration.configuration.UserParameters',
  '["CodePipeline.job"].data.artifactCredentials.accessKeyId',
  '["CodePipeline.job"].data.artifactCredentials.secretAccessKey',
  '["CodePipeline.job"].data.artifactCredentials.sessionToken',
  '["CodePipeline.job"].data.encryptionKey.id',
  '["CodePipeline.job"].data.encryptionKey.type',
  '["CodePipeline.job"].data.inputArtifacts[].location.s3Location.bucketName',
  '["CodePipeline.job"].data.inputArtifacts[].location.s3Location.objectKey',
  '["CodePipeline.job"].data.inputArtifacts[].location.type',
  '["CodePipeline.job"].data.inputArtifacts[].name',
  '["CodePipeline.job"].data.inputArtifacts[].revision',
  '["CodePipeline.job"].id',
];

export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'codepipeline job': [
    ...JOB,
    '["CodePipeline.job"].data.outputArtifacts[].location.s3Location.bucketName',
    '["CodePipeline.job"].data.outputArtifacts[].location.s3Location.objectKey',
    '["CodePipeline.job"].data.outputArtifacts[].location.type',
    '["CodePipeline.job"].data.outputArtifacts[].name',
    '["CodePipeline.job"].data.outputArtifacts[].revision',
  ],
  'codepipeline job-continuation': [
    ...JOB,
    '["CodePipeline.job"].data.continuationToken',
    '["CodePipeline.job"].data.outputArtifacts',
  ],
};
