/** DynamoDB Streams as a Lambda trigger (the Lambda developer guide's stream record event, TTL deletions, tumbling windows). */
const RECORD = [
  'Records',
  'Records[]',
  'Records[].eventID',
  'Records[].eventName',
  'Records[].eventVersion',
  'Records[].eventSource',
  'Records[].awsRegion',
  'Records[].dynamodb.ApproximateCreationDateTime',
  // Keys and images are maps keyed by attribute name: the map only.
  'Records[].dynamodb.Keys',
  'Records[].dynamodb.SequenceNumber',
  'Records[].dynamodb.SizeBytes',
  'Records[].dynamodb.StreamViewType',
  'Records[].eventSourceARN',
];

const BOTH_IMAGES = [...RECORD, 'Records[].dynamodb.NewImage', 'Records[].dynamodb.OldImage'];

export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'dynamodb update': BOTH_IMAGES,
  'dynamodb insert': [...RECORD, 'Records[].dynamodb.NewImage'],
  'dynamodb modify': BOTH_IMAGES,
  'dynamodb remove': [...RECORD, 'Records[].dynamodb.OldImage'],
  'dynamodb ttl-expire': [...RECORD, 'Records[].dynamodb.OldImage', 'Records[].userIdentity.type', 'Records[].userIdentity.principalId'],
  'dynamodb tumbling-window': [
    ...BOTH_IMAGES,
    'window.start',
    'window.end',
    'state',
    'shardId',
    'eventSourceARN',
    'isFinalInvokeForWindow',
    'isWindowTerminatedEarly',
  ],
};
