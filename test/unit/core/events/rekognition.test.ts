import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { S3Event } from 'aws-lambda';
import { EventLookupError, findEventById, generateEvent } from '../../../../src/core/events/catalog';
import type { EventContext } from '../../../../src/core/events/types';

const FIXED: EventContext = { now: new Date('2026-11-26T14:05:09.123Z'), uuid: () => '11111111-2222-4333-8444-555555555555' };

function build(values: Record<string, string> = {}): S3Event {
  return generateEvent(findEventById('rekognition s3-request'), values, FIXED) as S3Event;
}

describe('core/events catalogue: Amazon Rekognition', () => {
  it('s3-request is the S3 ObjectCreated:Put record a handler reads the image from, in the region given', () => {
    const [record] = build({ bucket: 'my-photos', key: 'faces/alice.png', size: '2048', region: 'ap-south-1' }).Records;
    assert.equal(record.eventSource, 'aws:s3');
    assert.equal(record.eventName, 'ObjectCreated:Put');
    assert.equal(record.awsRegion, 'ap-south-1');
    assert.equal(record.s3.bucket.name, 'my-photos');
    assert.equal(record.s3.bucket.arn, 'arn:aws:s3:::my-photos');
    assert.equal(record.s3.object.key, 'faces/alice.png');
    assert.equal(record.s3.object.size, 2048);
    assert.match(record.s3.object.eTag, /^[0-9a-f]{32}$/);
  });

  it('s3-request: any key comes back from the event as S3 encodes it (spaces as +)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }), (key) => {
        const encoded = build({ key }).Records[0].s3.object.key;
        assert.equal(decodeURIComponent(encoded.replace(/\+/g, ' ')), key);
      }),
    );
    assert.equal(build().Records[0].s3.object.key, 'uploads/team+offsite+2026.jpg');
  });

  it('s3-request: another image gets another ETag; a size that is not a whole number is refused by name', () => {
    assert.notEqual(build({ key: 'a.jpg' }).Records[0].s3.object.eTag, build({ key: 'b.jpg' }).Records[0].s3.object.eTag);
    assert.throws(() => build({ size: 'big' }), (e: Error) => e instanceof EventLookupError && /Parameter size/.test(e.message));
    assert.throws(() => build({ key: '' }), (e: Error) => e instanceof EventLookupError && /Parameter key/.test(e.message));
  });
});
