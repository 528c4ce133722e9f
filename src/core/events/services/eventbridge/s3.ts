import type { EventBridgeEvent } from 'aws-lambda';
import { defineEvent } from '../../types';
import type { EventContext } from '../../types';
import { int, isoSeconds, md5 } from '../../helpers';
import { GROUP, WHERE, envelope, oneOf } from './envelope';
import type { Where } from './envelope';

const DELETION_TYPES = ['Delete Marker Created', 'Permanently Deleted'] as const;
const CREATE_REASONS = ['PutObject', 'POST Object', 'CopyObject', 'CompleteMultipartUpload'] as const;
const DELETE_REASONS = ['DeleteObject', 'Lifecycle Expiration'] as const;
const ARCHIVE_CLASSES = ['GLACIER', 'DEEP_ARCHIVE'] as const;
const TRANSITION_CLASSES = ['STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE'] as const;

// @types/aws-lambda has no detail types for S3's EventBridge notifications; these follow S3's "EventBridge event
// message structure": every detail-type has its own object fields and its own extra keys.
interface S3Common {
  version: string;
  'event-version': string;
  bucket: { name: string };
  'request-id': string;
  requester: string;
}
interface S3ObjectCreatedDetail extends S3Common {
  object: { key: string; size: number; etag: string; 'version-id': string; sequencer: string };
  'source-ip-address': string;
  reason: (typeof CREATE_REASONS)[number];
}
interface S3ObjectDeletedDetail extends S3Common {
  object: { key: string; etag?: string; 'version-id': string; sequencer: string };
  'source-ip-address'?: string;
  reason: (typeof DELETE_REASONS)[number];
  'deletion-type': (typeof DELETION_TYPES)[number];
}
interface S3StoredObject {
  key: string;
  size: number;
  etag: string;
  'version-id': string;
}
interface S3RestoreInitiatedDetail extends S3Common {
  object: S3StoredObject;
  'source-ip-address': string;
  'source-storage-class': string;
}
interface S3RestoreCompletedDetail extends S3Common {
  object: S3StoredObject;
  'restore-expiry-time': string;
  'source-storage-class': string;
}
interface S3TagsAddedDetail extends S3Common {
  object: { key: string; etag: string; 'version-id': string };
  'source-ip-address': string;
}
interface S3StorageClassChangedDetail extends S3Common {
  object: S3StoredObject;
  'destination-storage-class': string;
}

const OBJECT = {
  ...WHERE,
  bucket: { default: 'amzn-s3-demo-bucket', description: 'Bucket name' },
  // S3 documents its own notifications' keys as URL-encoded, but not the EventBridge event's: the key is carried as is.
  key: { default: 'uploads/photo 2026.jpg', description: 'Object key' },
};
const SIZE = { size: { default: '1024', description: 'Object size in bytes' } };
type ObjectParams = Where & { bucket: string; key: string };

const CALLER_IP = '203.0.113.10';

/** The fields every S3 detail starts with; `requester` is the account for a request, S3 itself for its own work. */
function common<O>(p: ObjectParams, ctx: EventContext, object: O, requester: string): S3Common & { object: O } {
  return { version: '0', 'event-version': '1.1', bucket: { name: p.bucket }, object, 'request-id': md5(ctx.uuid()).slice(0, 16).toUpperCase(), requester };
}

/** A version id as S3 writes them (32 letters, digits, dots and underscores), stable for a bucket, key and what happened to it. */
function versionId(p: ObjectParams, what: string): string {
  return Buffer.from(md5(`${p.bucket}/${p.key}/${what}`) + md5(what), 'hex')
    .toString('base64url')
    .replace(/-/g, '.')
    .slice(0, 32);
}

function etag(p: ObjectParams, size: string): string {
  return md5(`${p.bucket}/${p.key}/${size}`);
}

function sequencer(now: Date): string {
  return (now.getTime() * 1000).toString(16).toUpperCase().padStart(18, '0');
}

function stored(p: ObjectParams & { size: string }): S3StoredObject {
  return { key: p.key, size: int('size', p.size), etag: etag(p, p.size), 'version-id': versionId(p, 'put') };
}

/** A restored copy expires at the midnight (UTC) after the restore's days have passed. */
function restoreExpiry(now: Date, days: number): string {
  const expiry = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days + 1));
  return isoSeconds(expiry);
}

function resources(p: ObjectParams): string[] {
  return [`arn:aws:s3:::${p.bucket}`];
}

export const s3Events = [
  defineEvent<EventBridgeEvent<'Object Created', S3ObjectCreatedDetail>>()({
    service: 'eventbridge',
    event: 's3-object-created',
    title: 'S3 Object Created (S3 → EventBridge)',
    group: GROUP,
    params: { ...OBJECT, ...SIZE, reason: { default: 'PutObject', description: `The API that created the object: ${CREATE_REASONS.join(', ')}` } },
    build: (p, ctx) =>
      envelope(p, ctx, 'aws.s3', 'Object Created', resources(p), {
        ...common(p, ctx, { ...stored(p), sequencer: sequencer(ctx.now) }, p.account),
        'source-ip-address': CALLER_IP,
        reason: oneOf('reason', p.reason, CREATE_REASONS),
      }),
  }),
  defineEvent<EventBridgeEvent<'Object Deleted', S3ObjectDeletedDetail>>()({
    service: 'eventbridge',
    event: 's3-object-deleted',
    title: 'S3 Object Deleted (S3 → EventBridge)',
    group: GROUP,
    params: {
      ...OBJECT,
      deletionType: { default: 'Delete Marker Created', description: `What the delete did: ${DELETION_TYPES.join(', ')} (an unversioned or version delete)` },
      reason: { default: 'DeleteObject', description: `Who deleted: ${DELETE_REASONS.join(', ')} (an S3 Lifecycle rule)` },
    },
    build: (p, ctx) => {
      const deletionType = oneOf('deletionType', p.deletionType, DELETION_TYPES);
      const reason = oneOf('reason', p.reason, DELETE_REASONS);
      const marker = deletionType === 'Delete Marker Created';
      const lifecycle = reason === 'Lifecycle Expiration';
      // A permanent delete names the version it removed; a delete marker is an empty object (the ETag of no bytes)
      // with a version of its own. A lifecycle rule's delete is S3's own work: no requester account, no caller IP.
      const object = marker
        ? { key: p.key, etag: md5(''), 'version-id': versionId(p, 'delete-marker'), sequencer: sequencer(ctx.now) }
        : { key: p.key, 'version-id': versionId(p, 'put'), sequencer: sequencer(ctx.now) };
      return envelope(p, ctx, 'aws.s3', 'Object Deleted', resources(p), {
        ...common(p, ctx, object, lifecycle ? 's3.amazonaws.com' : p.account),
        ...(lifecycle ? {} : { 'source-ip-address': CALLER_IP }),
        reason,
        'deletion-type': deletionType,
      });
    },
  }),
  defineEvent<EventBridgeEvent<'Object Restore Initiated', S3RestoreInitiatedDetail>>()({
    service: 'eventbridge',
    event: 's3-object-restore-initiated',
    title: 'S3 Object Restore Initiated (S3 → EventBridge)',
    group: GROUP,
    params: { ...OBJECT, ...SIZE, storageClass: { default: 'GLACIER', description: `Archive storage class restored from: ${ARCHIVE_CLASSES.join(', ')}` } },
    build: (p, ctx) =>
      envelope(p, ctx, 'aws.s3', 'Object Restore Initiated', resources(p), {
        ...common(p, ctx, stored(p), p.account),
        'source-ip-address': CALLER_IP,
        'source-storage-class': oneOf('storageClass', p.storageClass, ARCHIVE_CLASSES),
      }),
  }),
  defineEvent<EventBridgeEvent<'Object Restore Completed', S3RestoreCompletedDetail>>()({
    service: 'eventbridge',
    event: 's3-object-restore-completed',
    title: 'S3 Object Restore Completed (S3 → EventBridge)',
    group: GROUP,
    params: {
      ...OBJECT,
      ...SIZE,
      storageClass: { default: 'GLACIER', description: `Archive storage class restored from: ${ARCHIVE_CLASSES.join(', ')}` },
      days: { default: '7', description: 'Days the restored copy is kept (RestoreRequest Days)' },
    },
    build: (p, ctx) => {
      const days = int('days', p.days);
      if (days < 1) throw new TypeError(`Parameter days must be at least 1, not ${days}.`);
      return envelope(p, ctx, 'aws.s3', 'Object Restore Completed', resources(p), {
        ...common(p, ctx, stored(p), 's3.amazonaws.com'),
        'restore-expiry-time': restoreExpiry(ctx.now, days),
        'source-storage-class': oneOf('storageClass', p.storageClass, ARCHIVE_CLASSES),
      });
    },
  }),
  defineEvent<EventBridgeEvent<'Object Tags Added', S3TagsAddedDetail>>()({
    service: 'eventbridge',
    event: 's3-object-tags-added',
    title: 'S3 Object Tags Added (S3 → EventBridge)',
    group: GROUP,
    params: { ...OBJECT, ...SIZE },
    build: (p, ctx) =>
      envelope(p, ctx, 'aws.s3', 'Object Tags Added', resources(p), {
        ...common(p, ctx, { key: p.key, etag: etag(p, p.size), 'version-id': versionId(p, 'put') }, p.account),
        'source-ip-address': CALLER_IP,
      }),
  }),
  defineEvent<EventBridgeEvent<'Object Storage Class Changed', S3StorageClassChangedDetail>>()({
    service: 'eventbridge',
    event: 's3-object-storage-class-changed',
    title: 'S3 Object Storage Class Changed by a lifecycle rule (S3 → EventBridge)',
    group: GROUP,
    params: {
      ...OBJECT,
      ...SIZE,
      destinationStorageClass: { default: 'INTELLIGENT_TIERING', description: `Storage class moved to: ${TRANSITION_CLASSES.join(', ')}` },
    },
    build: (p, ctx) =>
      envelope(p, ctx, 'aws.s3', 'Object Storage Class Changed', resources(p), {
        ...common(p, ctx, stored(p), 's3.amazonaws.com'),
        'destination-storage-class': oneOf('destinationStorageClass', p.destinationStorageClass, TRANSITION_CLASSES),
      }),
  }),
];
