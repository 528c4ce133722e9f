/** Amazon SQS as a Lambda trigger (the Lambda developer guide's standard-queue message event). */
export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'sqs receive-message': [
    'Records',
    'Records[]',
    'Records[].messageId',
    'Records[].receiptHandle',
    'Records[].body',
    'Records[].attributes.ApproximateReceiveCount',
    'Records[].attributes.SentTimestamp',
    'Records[].attributes.SenderId',
    'Records[].attributes.ApproximateFirstReceiveTimestamp',
    'Records[].messageAttributes',
    'Records[].md5OfBody',
    'Records[].eventSource',
    'Records[].eventSourceARN',
    'Records[].awsRegion',
  ],
};
