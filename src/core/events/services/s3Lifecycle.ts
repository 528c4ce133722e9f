import type { S3Event, S3EventRecord } from 'aws-lambda';
import { defineEvent } from '../types';
import { REGION, int, isoTime, md5, s3EventKey } from '../helpers';
import { s3Record, s3Sequencer } from './s3';

const GROUP = 'Amazon S3';

// @types/aws-lambda's S3EventRecord has glacierEventData only; the other *EventData objects are AWS's event message structure (2.2, 2.3).
interface S3ServiceEventRecord extends S3EventRecord {
  intelligentTieringEventData?: { destinationAccessTier: string };
  lifecycleEventData?: { transitionEventData: { destinationStorageClass: string } };
  replicationEventData?: { replicationRuleId: string; destinationBucket: string; s3Operation: string; requestTime: string; failureReason: string };
}

interface S3ServiceEvent extends S3Event {
  Records: S3ServiceEventRecord[];
}

const OBJECT_PARAMS = {
  region: REGION,
  bucket: { default: 'amzn-s3-demo-bucket', description: 'Bucket name' },
  key: { default: 'archive/report 2026.pdf', description: 'Object key (URL-encoded in the event as S3 does)' },
  size: { default: '10485760', description: 'Object size in bytes' },
  versionId: { default: 'Zt8xqTtvNM5bkKS.0XvjP7jqrZGNO2yX', description: 'Object version id (empty: an unversioned bucket)' },
};

type ObjectParams = Readonly<Record<keyof typeof OBJECT_PARAMS, string>>;

/** Lifecycle, Intelligent-Tiering and replication events are S3's own doing: S3 is the principal and the source. */
const BY_S3 = { userIdentity: { principalId: 's3.amazonaws.com' }, requestParameters: { sourceIPAddress: 's3.amazonaws.com' } };

function oneOf<T extends string>(name: string, value: string, choices: readonly T[]): T {
  const found = choices.find((c) => c.toLowerCase() === value.trim().toLowerCase());
  if (!found) throw new TypeError(`Parameter ${name} must be one of ${choices.join(', ')}, not "${value}".`);
  return found;
}

function objectRecord(eventName: string, eventVersion: string, p: ObjectParams, now: Date): S3ServiceEventRecord {
  const size = int('size', p.size);
  if (size < 0) throw new TypeError(`Parameter size must not be negative, not ${size}.`);
  const base = s3Record(eventName, p, { now }, { key: s3EventKey(p.key), size, eTag: md5(`${p.bucket}/${p.key}/${p.versionId}`), versionId: p.versionId, sequencer: s3Sequencer(now) });
  return { ...base, eventVersion, s3: { ...base.s3, configurationId: `${eventName.split(':')[0].toLowerCase()}-to-lambda` } };
}

/** S3 rounds a restored copy's expiry up to the next midnight UTC after the requested number of days. */
function restoreExpiry(now: Date, days: number): string {
  const expiry = new Date(now.getTime() + days * 86_400_000);
  expiry.setUTCHours(24, 0, 0, 0);
  return isoTime(expiry);
}

const ARCHIVE_CLASSES = ['GLACIER', 'DEEP_ARCHIVE', 'GLACIER_IR', 'INTELLIGENT_TIERING'] as const;
const TRANSITION_CLASSES = ['STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE'] as const;
const ACCESS_TIERS = ['ARCHIVE_ACCESS', 'DEEP_ARCHIVE_ACCESS'] as const;
const EXPIRATIONS = ['Delete', 'DeleteMarkerCreated'] as const;

export const s3LifecycleEvents = [
  defineEvent<S3ServiceEvent>()({
    service: 's3',
    event: 'restore-post',
    title: 'S3 object restore from an archive initiated',
    group: GROUP,
    params: { ...OBJECT_PARAMS, sourceIp: { default: '203.0.113.10', description: 'Address of the client that asked for the restore' } },
    // The requester's own restore request, so its identity and address; the restore data comes only with the completion.
    build: (p, ctx) => ({ Records: [{ ...objectRecord('ObjectRestore:Post', '2.1', p, ctx.now), requestParameters: { sourceIPAddress: p.sourceIp } }] }),
  }),
  defineEvent<S3ServiceEvent>()({
    service: 's3',
    event: 'restore-completed',
    title: 'S3 object restore from an archive completed',
    group: GROUP,
    params: {
      ...OBJECT_PARAMS,
      days: { default: '7', description: 'Days the restored copy is kept (its expiry is the next midnight UTC after that)' },
      storageClass: { default: 'GLACIER', description: `Archive storage class restored from: ${ARCHIVE_CLASSES.join(' | ')}` },
    },
    build: (p, ctx) => {
      const days = int('days', p.days);
      if (days < 1 || days > 30000) throw new TypeError(`Parameter days must be between 1 and 30000, not ${days}.`);
      return {
        Records: [
          {
            ...objectRecord('ObjectRestore:Completed', '2.1', p, ctx.now),
            ...BY_S3,
            glacierEventData: { restoreEventData: { lifecycleRestorationExpiryTime: restoreExpiry(ctx.now, days), lifecycleRestoreStorageClass: oneOf('storageClass', p.storageClass, ARCHIVE_CLASSES) } },
          },
        ],
      };
    },
  }),
  defineEvent<S3ServiceEvent>()({
    service: 's3',
    event: 'intelligent-tiering',
    title: 'S3 Intelligent-Tiering object moved to an archive access tier',
    group: GROUP,
    params: { ...OBJECT_PARAMS, accessTier: { default: 'ARCHIVE_ACCESS', description: `Tier the object moved to: ${ACCESS_TIERS.join(' | ')}` } },
    build: (p, ctx) => ({
      Records: [{ ...objectRecord('IntelligentTiering', '2.3', p, ctx.now), ...BY_S3, intelligentTieringEventData: { destinationAccessTier: oneOf('accessTier', p.accessTier, ACCESS_TIERS) } }],
    }),
  }),
  defineEvent<S3ServiceEvent>()({
    service: 's3',
    event: 'lifecycle-transition',
    title: 'S3 Lifecycle moved an object to another storage class',
    group: GROUP,
    params: { ...OBJECT_PARAMS, storageClass: { default: 'GLACIER', description: `Storage class the object moved to: ${TRANSITION_CLASSES.join(' | ')}` } },
    build: (p, ctx) => ({
      Records: [
        { ...objectRecord('LifecycleTransition', '2.3', p, ctx.now), ...BY_S3, lifecycleEventData: { transitionEventData: { destinationStorageClass: oneOf('storageClass', p.storageClass, TRANSITION_CLASSES) } } },
      ],
    }),
  }),
  defineEvent<S3ServiceEvent>()({
    service: 's3',
    event: 'lifecycle-expiration',
    title: 'S3 Lifecycle expired an object',
    group: GROUP,
    params: { ...OBJECT_PARAMS, expiration: { default: 'Delete', description: 'What the expiration did: Delete (the object removed) | DeleteMarkerCreated (a versioned bucket: a delete marker now hides it)' } },
    build: (p, ctx) => ({ Records: [{ ...objectRecord(`LifecycleExpiration:${oneOf('expiration', p.expiration, EXPIRATIONS)}`, '2.3', p, ctx.now), ...BY_S3 }] }),
  }),
  defineEvent<S3ServiceEvent>()({
    service: 's3',
    event: 'replication-failed',
    title: 'S3 Replication failed to replicate an object',
    group: GROUP,
    params: {
      ...OBJECT_PARAMS,
      destinationBucket: { default: 'amzn-s3-demo-bucket-replica', description: 'Destination bucket of the replication rule' },
      rule: { default: 'replicate-archive', description: 'Replication rule id' },
      failureReason: { default: 'AssumeRoleNotPermitted', description: 'Failure reason, as S3 names it (DstBucketNotFound, DstBucketUnversioned, SrcGetObjectNotPermitted…)' },
    },
    build: (p, ctx) => ({
      Records: [
        {
          ...objectRecord('Replication:OperationFailedReplication', '2.2', p, ctx.now),
          ...BY_S3,
          replicationEventData: {
            replicationRuleId: p.rule,
            destinationBucket: `arn:aws:s3:::${p.destinationBucket}`,
            s3Operation: 'OBJECT_PUT',
            requestTime: isoTime(new Date(ctx.now.getTime() - 33_000)),
            failureReason: p.failureReason,
          },
        },
      ],
    }),
  }),
];
