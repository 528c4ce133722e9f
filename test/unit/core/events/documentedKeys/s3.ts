/**
 * Amazon S3's own events (not its EventBridge notifications): the event message structure of S3 Event Notifications
 * (versions 2.1-2.3, with glacierEventData, lifecycleEventData, intelligentTieringEventData, replicationEventData),
 * S3 Batch Operations' invocation schemas 1.0 and 2.0, and S3 Object Lambda's event context.
 */
const RECORD = [
  'Records',
  'Records[]',
  'Records[].eventVersion',
  'Records[].eventSource',
  'Records[].awsRegion',
  'Records[].eventTime',
  'Records[].eventName',
  'Records[].userIdentity.principalId',
  'Records[].requestParameters.sourceIPAddress',
  'Records[].responseElements.x-amz-request-id',
  'Records[].responseElements.x-amz-id-2',
  'Records[].s3.s3SchemaVersion',
  'Records[].s3.configurationId',
  'Records[].s3.bucket.name',
  'Records[].s3.bucket.ownerIdentity.principalId',
  'Records[].s3.bucket.arn',
  'Records[].s3.object.key',
  'Records[].s3.object.sequencer',
];

/** An object that is there (created, restored, moved, replicated): its size, ETag and version as well. */
const OBJECT = [...RECORD, 'Records[].s3.object.size', 'Records[].s3.object.eTag', 'Records[].s3.object.versionId'];

const OBJECT_LAMBDA = [
  'xAmzRequestId',
  'configuration.accessPointArn',
  'configuration.supportingAccessPointArn',
  'configuration.payload',
  'userRequest.url',
  'userRequest.headers',
  'userIdentity.type',
  'userIdentity.principalId',
  'userIdentity.arn',
  'userIdentity.accountId',
  'userIdentity.accessKeyId',
  'protocolVersion',
];

const BATCH = ['invocationSchemaVersion', 'invocationId', 'job.id', 'tasks[]', 'tasks[].taskId', 'tasks[].s3Key', 'tasks[].s3VersionId'];

export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  's3 put': OBJECT,
  // A delete carries neither size nor ETag, and a version id only in a versioned bucket.
  's3 delete': RECORD,
  's3 restore-post': OBJECT,
  's3 restore-completed': [...OBJECT, 'Records[].glacierEventData.restoreEventData.lifecycleRestorationExpiryTime', 'Records[].glacierEventData.restoreEventData.lifecycleRestoreStorageClass'],
  's3 intelligent-tiering': [...OBJECT, 'Records[].intelligentTieringEventData.destinationAccessTier'],
  's3 lifecycle-transition': [...OBJECT, 'Records[].lifecycleEventData.transitionEventData.destinationStorageClass'],
  's3 lifecycle-expiration': OBJECT,
  's3 replication-failed': [
    ...OBJECT,
    'Records[].replicationEventData.replicationRuleId',
    'Records[].replicationEventData.destinationBucket',
    'Records[].replicationEventData.s3Operation',
    'Records[].replicationEventData.requestTime',
    'Records[].replicationEventData.failureReason',
  ],
  's3 batch-invocation': [...BATCH, 'tasks[].s3BucketArn'],
  's3 batch-invocation-v2': [...BATCH, 'job.userArguments', 'tasks[].s3Bucket'],
  's3 object-lambda-get': [...OBJECT_LAMBDA, 'getObjectContext.inputS3Url', 'getObjectContext.outputRoute', 'getObjectContext.outputToken'],
  's3 object-lambda-head': [...OBJECT_LAMBDA, 'headObjectContext.inputS3Url'],
  's3 object-lambda-list': [...OBJECT_LAMBDA, 'listObjectsContext.inputS3Url'],
  's3 object-lambda-list-v2': [...OBJECT_LAMBDA, 'listObjectsV2Context.inputS3Url'],
};
