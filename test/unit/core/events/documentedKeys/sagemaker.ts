// SageMaker Ground Truth pre-annotation and annotation consolidation Lambdas (SageMaker developer guide, "Processing with AWS Lambda").
export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'sagemaker ground-truth-pre-human': [
    'dataObject.source-ref',
    'labelingJobArn',
    'version',
  ],
  'sagemaker ground-truth-annotation-consolidation': [
    'labelAttributeName',
    'labelingJobArn',
    'payload.s3Uri',
    'roleArn',
    'version',
  ],
};
