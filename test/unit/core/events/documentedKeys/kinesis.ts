/**
 * Every `kinesis` event: Kinesis Data Streams (the Lambda developer guide's record event and tumbling windows), Data
 * Firehose data transformation (Direct PUT, a stream as source, the blueprints' inputs) and Kinesis Data Analytics
 * (input preprocessing, output to a Lambda destination).
 */
const STREAM_RECORD = [
  'Records',
  'Records[]',
  'Records[].kinesis.kinesisSchemaVersion',
  'Records[].kinesis.partitionKey',
  'Records[].kinesis.sequenceNumber',
  'Records[].kinesis.data',
  'Records[].kinesis.approximateArrivalTimestamp',
  'Records[].eventSource',
  'Records[].eventVersion',
  'Records[].eventID',
  'Records[].eventName',
  'Records[].invokeIdentityArn',
  'Records[].awsRegion',
  'Records[].eventSourceARN',
];

const FIREHOSE = ['invocationId', 'deliveryStreamArn', 'region', 'records', 'records[]', 'records[].recordId', 'records[].approximateArrivalTimestamp', 'records[].data'];

const PREPROCESSING = [
  'invocationId',
  'applicationArn',
  'streamArn',
  'records',
  'records[]',
  'records[].recordId',
  'records[].kinesisStreamRecordMetadata.shardId',
  'records[].kinesisStreamRecordMetadata.partitionKey',
  'records[].kinesisStreamRecordMetadata.approximateArrivalTimestamp',
  'records[].kinesisStreamRecordMetadata.sequenceNumber',
  'records[].data',
];

const OUTPUT = ['invocationId', 'applicationArn', 'records', 'records[]', 'records[].recordId', 'records[].lambdaDeliveryRecordMetadata.retryHint', 'records[].data'];

export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'kinesis get-records': STREAM_RECORD,
  'kinesis tumbling-window': [...STREAM_RECORD, 'window.start', 'window.end', 'state', 'shardId', 'eventSourceARN', 'isFinalInvokeForWindow', 'isWindowTerminatedEarly'],
  'kinesis kinesis-firehose': FIREHOSE,
  'kinesis streams-as-source': [
    ...FIREHOSE,
    'sourceKinesisStreamArn',
    'records[].kinesisRecordMetadata.shardId',
    'records[].kinesisRecordMetadata.partitionKey',
    'records[].kinesisRecordMetadata.approximateArrivalTimestamp',
    'records[].kinesisRecordMetadata.sequenceNumber',
    'records[].kinesisRecordMetadata.subsequenceNumber',
  ],
  'kinesis kinesis-firehose-cloudwatch-logs-processor': FIREHOSE,
  'kinesis kinesis-firehose-apache-log': FIREHOSE,
  'kinesis kinesis-firehose-syslog': FIREHOSE,
  'kinesis apachelog': FIREHOSE,
  'kinesis syslog': FIREHOSE,
  'kinesis cloudwatch-logs-processor': FIREHOSE,
  'kinesis analytics': PREPROCESSING,
  'kinesis analytics-compressed': PREPROCESSING,
  'kinesis analytics-kpl': PREPROCESSING,
  // SAM's template of this output event adds the source streamArn.
  'kinesis analytics-dynamodb': [...OUTPUT, 'streamArn'],
  'kinesis analytics-output-delivery': OUTPUT,
};
