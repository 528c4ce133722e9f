import { eventBridge } from '../../../../support/eventBridgeKeys';

/** S3's EventBridge notifications (S3 user guide, "EventBridge event message structure"): each detail-type its own keys. */
const COMMON = ['version', 'event-version', 'bucket.name', 'request-id', 'requester'];
const STORED = ['object.key', 'object.size', 'object.etag', 'object.version-id'];

export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'eventbridge s3-object-created': eventBridge(...COMMON, ...STORED, 'object.sequencer', 'source-ip-address', 'reason'),
  // The default deletion creates a delete marker, the one case whose object has an ETag.
  'eventbridge s3-object-deleted': eventBridge(...COMMON, 'object.key', 'object.etag', 'object.version-id', 'object.sequencer', 'source-ip-address', 'reason', 'deletion-type'),
  'eventbridge s3-object-restore-initiated': eventBridge(...COMMON, ...STORED, 'source-ip-address', 'source-storage-class'),
  'eventbridge s3-object-restore-completed': eventBridge(...COMMON, ...STORED, 'restore-expiry-time', 'source-storage-class'),
  'eventbridge s3-object-tags-added': eventBridge(...COMMON, 'object.key', 'object.etag', 'object.version-id', 'source-ip-address'),
  'eventbridge s3-object-storage-class-changed': eventBridge(...COMMON, ...STORED, 'destination-storage-class'),
};
