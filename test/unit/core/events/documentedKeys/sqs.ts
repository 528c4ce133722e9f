/** Amazon SQS as a Lambda trigger (the Lambda developer guide's standard and FIFO queue message events). */
const RECORD = [
  'Records',
  'Records[]',
  'Records[].messageId',
  'Records[].receiptHandle',
  'Records[].body',
  'Records[].attributes.ApproximateReceiveCount',
  'Records[].attributes.SentTimestamp',
  'Records[].attributes.SenderId',
  'Records[].attributes.ApproximateFirstReceiveTimestamp',
  // A map keyed by attribute name: the map only (each value's dataType, stringValue… is checked in sqs.test.ts).
  'Records[].messageAttributes',
  'Records[].md5OfBody',
  'Records[].eventSource',
  'Records[].eventSourceARN',
  'Records[].awsRegion',
];

export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'sqs receive-message': RECORD,
  'sqs receive-message-with-attributes': [...RECORD, 'Records[].md5OfMessageAttributes'],
  'sqs receive-message-fifo': [...RECORD, 'Records[].attributes.SequenceNumber', 'Records[].attributes.MessageGroupId', 'Records[].attributes.MessageDeduplicationId'],
};
