import type { S3Event } from 'aws-lambda';
import { defineEvent } from '../types';
import { REGION, int, md5, s3EventKey } from '../helpers';
import { s3Record, s3Sequencer } from './s3';

const GROUP = 'Amazon Rekognition';

export const rekognitionEvents = [
  // An image uploaded to S3 whose notification invokes a function that asks Rekognition about it (the
  // rekognition blueprints): an S3 ObjectCreated:Put record, which the function reads for the bucket and key.
  defineEvent<S3Event>()({
    service: 'rekognition',
    event: 's3-request',
    title: 'Rekognition request for an image uploaded to S3',
    group: GROUP,
    params: {
      region: REGION,
      bucket: { default: 'amzn-s3-demo-photos', description: 'Bucket the image was uploaded to' },
      key: { default: 'uploads/team offsite 2026.jpg', description: 'Image key, JPEG or PNG (URL-encoded in the event as S3 does)' },
      size: { default: '482133', description: 'Image size in bytes (Rekognition takes up to 15 MB from S3)' },
    },
    build: (p, ctx) => {
      if (p.key === '') throw new TypeError('Parameter key must name the image, such as uploads/photo.jpg.');
      const size = int('size', p.size);
      if (size < 0) throw new TypeError(`Parameter size must not be negative, not ${size}.`);
      const object = { key: s3EventKey(p.key), size, eTag: md5(`${p.bucket}/${p.key}:${size}`), sequencer: s3Sequencer(ctx.now) };
      return { Records: [s3Record('ObjectCreated:Put', p, ctx, object)] };
    },
  }),
];
