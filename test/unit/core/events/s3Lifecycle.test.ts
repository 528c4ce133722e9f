import * as assert from 'node:assert/strict';
import { EventLookupError, findEventById, generateEvent } from '../../../../src/core/events/catalog';
import type { EventContext } from '../../../../src/core/events/types';

const FIXED: EventContext = { now: new Date('2026-11-26T14:05:09.123Z'), uuid: () => '11111111-2222-4333-8444-555555555555' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function record(id: string, values: Record<string, string> = {}): any {
  return (generateEvent(findEventById(id), values, FIXED) as { Records: unknown[] }).Records[0];
}

describe('core/events catalogue: S3 restore, lifecycle, Intelligent-Tiering and replication notifications', () => {
  it('each names its event type as S3 does (no "s3:" prefix), in the event structure version AWS gives that type', () => {
    const expected: [string, string, string][] = [
      ['s3 restore-post', 'ObjectRestore:Post', '2.1'],
      ['s3 restore-completed', 'ObjectRestore:Completed', '2.1'],
      ['s3 intelligent-tiering', 'IntelligentTiering', '2.3'],
      ['s3 lifecycle-transition', 'LifecycleTransition', '2.3'],
      ['s3 lifecycle-expiration', 'LifecycleExpiration:Delete', '2.3'],
      ['s3 replication-failed', 'Replication:OperationFailedReplication', '2.2'],
    ];
    for (const [id, eventName, version] of expected) {
      const r = record(id);
      assert.deepEqual([r.eventName, r.eventVersion], [eventName, version], id);
    }
  });

  it('what S3 does itself has S3 as principal and source; a restore request keeps the requester’s address', () => {
    for (const id of ['s3 restore-completed', 's3 intelligent-tiering', 's3 lifecycle-transition', 's3 lifecycle-expiration', 's3 replication-failed']) {
      assert.deepEqual([record(id).userIdentity.principalId, record(id).requestParameters.sourceIPAddress], ['s3.amazonaws.com', 's3.amazonaws.com'], id);
    }
    const post = record('s3 restore-post', { sourceIp: '198.51.100.23' });
    assert.equal(post.requestParameters.sourceIPAddress, '198.51.100.23');
    assert.notEqual(post.userIdentity.principalId, 's3.amazonaws.com');
    assert.equal(post.glacierEventData, undefined, 'the restore data comes with the completion only');
  });

  it('restore-completed: the copy expires at the midnight UTC after the days asked for, from the storage class given', () => {
    const data = record('s3 restore-completed', { days: '2', storageClass: 'deep_archive' }).glacierEventData.restoreEventData;
    assert.deepEqual(data, { lifecycleRestorationExpiryTime: '2026-11-29T00:00:00.000Z', lifecycleRestoreStorageClass: 'DEEP_ARCHIVE' });
    assert.throws(() => record('s3 restore-completed', { days: '0' }), (e: Error) => e instanceof EventLookupError && /days must be between 1 and 30000/.test(e.message));
    assert.throws(() => record('s3 restore-completed', { storageClass: 'STANDARD' }), (e: Error) => e instanceof EventLookupError && /storageClass must be one of/.test(e.message));
  });

  it('intelligent-tiering, lifecycle-transition and lifecycle-expiration carry the tier, class or expiration given', () => {
    assert.equal(record('s3 intelligent-tiering', { accessTier: 'DEEP_ARCHIVE_ACCESS' }).intelligentTieringEventData.destinationAccessTier, 'DEEP_ARCHIVE_ACCESS');
    assert.equal(record('s3 lifecycle-transition', { storageClass: 'STANDARD_IA' }).lifecycleEventData.transitionEventData.destinationStorageClass, 'STANDARD_IA');
    assert.equal(record('s3 lifecycle-expiration', { expiration: 'deletemarkercreated' }).eventName, 'LifecycleExpiration:DeleteMarkerCreated');
    assert.throws(() => record('s3 intelligent-tiering', { accessTier: 'FREQUENT' }), (e: Error) => e instanceof EventLookupError && /accessTier must be one of ARCHIVE_ACCESS, DEEP_ARCHIVE_ACCESS/.test(e.message));
    assert.throws(() => record('s3 lifecycle-expiration', { expiration: 'Purge' }), (e: Error) => e instanceof EventLookupError && /expiration must be one of Delete, DeleteMarkerCreated/.test(e.message));
  });

  it('replication-failed: the destination bucket as an ARN, the rule and reason given, the replication request before the event', () => {
    const r = record('s3 replication-failed', { destinationBucket: 'dr-copy', rule: 'to-dr', failureReason: 'DstBucketNotFound', key: 'a b.txt' });
    assert.deepEqual(
      { ...r.replicationEventData, requestTime: undefined },
      { replicationRuleId: 'to-dr', destinationBucket: 'arn:aws:s3:::dr-copy', s3Operation: 'OBJECT_PUT', requestTime: undefined, failureReason: 'DstBucketNotFound' },
    );
    assert.ok(Date.parse(r.replicationEventData.requestTime) < Date.parse(r.eventTime));
    assert.equal(r.s3.object.key, 'a+b.txt');
  });
});
