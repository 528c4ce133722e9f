// Rekognition S3 request (an S3 event notification on the image).
export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'rekognition s3-request': [
    'Records[].awsRegion',
    'Records[].eventName',
    'Records[].eventSource',
    'Records[].eventTime',
    'Records[].eventVersion',
    'Records[].requestParameters.sourceIPAddress',
    'Records[].responseElements.x-amz-id-2',
    'Records[].responseElements.x-amz-request-id',
    'Records[].s3.bucket.arn',
    'Records[].s3.bucket.name',
    'Records[].s3.bucket.ownerIdentity.principalId',
    'Records[].s3.configurationId',
    'Records[].s3.object.eTag',
    'Records[].s3.object.key',
    'Records[].s3.object.sequencer',
    'Records[].s3.object.size',
    'Records[].s3.s3SchemaVersion',
    'Records[].userIdentity.principalId',
  ],
};
