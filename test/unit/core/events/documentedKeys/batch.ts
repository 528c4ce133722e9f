// AWS Batch: the SubmitJob / GetJob-style inputs of sam local generate-event batch.
export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'batch get-job': [
    'jobDefinition',
    'jobName',
    'jobQueue',
  ],
  'batch submit-job': [
    'jobId',
  ],
};
