import type { S3BatchEvent, S3Event } from 'aws-lambda';
import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, int, isoTime, s3EventKey, sha256 } from '../helpers';

const GROUP = 'Amazon S3';
const OBJECT_PARAMS = {
  region: REGION,
  bucket: { default: 'amzn-s3-demo-bucket', description: 'Bucket name' },
  key: { default: 'uploads/photo 2026.jpg', description: 'Object key (URL-encoded in the event as S3 does)' },
};

type S3Record = S3Event['Records'][number];

function record(eventName: string, p: Readonly<Record<keyof typeof OBJECT_PARAMS, string>>, ctx: { now: Date }, object: S3Record['s3']['object']): S3Record {
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: p.region,
    eventTime: isoTime(ctx.now),
    eventName,
    userIdentity: { principalId: 'AWS:AIDAINPONIXQXHT3IKHL2' },
    requestParameters: { sourceIPAddress: '203.0.113.10' },
    responseElements: {
      'x-amz-request-id': 'C3D13FE58DE4C810',
      'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD',
    },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'lambda-trigger',
      bucket: { name: p.bucket, ownerIdentity: { principalId: 'A3NL1KOZZKExample' }, arn: `arn:aws:s3:::${p.bucket}` },
      object,
    },
  };
}

function sequencer(now: Date): string {
  return (now.getTime() * 1000).toString(16).toUpperCase().padStart(18, '0');
}

export const s3Events = [
  defineEvent<S3Event>()({
    service: 's3',
    event: 'put',
    title: 'S3 object created (PUT)',
    group: GROUP,
    params: {
      ...OBJECT_PARAMS,
      size: { default: '1024', description: 'Object size in bytes' },
      etag: { default: '0123456789abcdef0123456789abcdef', description: 'Object ETag' },
    },
    build: (p, ctx) => ({
      Records: [record('ObjectCreated:Put', p, ctx, { key: s3EventKey(p.key), size: int('size', p.size), eTag: p.etag, versionId: '', sequencer: sequencer(ctx.now) })],
    }),
  }),
  defineEvent<S3Event>()({
    service: 's3',
    event: 'delete',
    title: 'S3 object deleted',
    group: GROUP,
    params: OBJECT_PARAMS,
    // AWS sends no size or eTag for a delete; @types/aws-lambda marks size required, so the object is cast.
    build: (p, ctx) => ({
      Records: [record('ObjectRemoved:Delete', p, ctx, { key: s3EventKey(p.key), sequencer: sequencer(ctx.now) } as S3Record['s3']['object'])],
    }),
  }),
  defineEvent<S3BatchEvent>()({
    service: 's3',
    event: 'batch-invocation',
    title: 'S3 Batch Operations invocation (schema 1.0)',
    group: GROUP,
    params: {
      bucket: OBJECT_PARAMS.bucket,
      key: OBJECT_PARAMS.key,
      jobId: { default: 'be4e5a1f-4b7e-4c8f-9a3d-2f1e0d9c8b7a', description: 'Batch Operations job id' },
    },
    build: (p, ctx) => ({
      invocationSchemaVersion: '1.0',
      invocationId: ctx.uuid(),
      job: { id: p.jobId },
      tasks: [{ taskId: ctx.uuid(), s3Key: p.key, s3VersionId: '1', s3BucketArn: `arn:aws:s3:::${p.bucket}` }],
    }),
  }),
  // @types/aws-lambda has no S3 Object Lambda type; the format is the documented GetObject event context.
  defineEvent<Record<string, unknown>>()({
    service: 's3',
    event: 'object-lambda-get',
    title: 'S3 Object Lambda GetObject request',
    group: GROUP,
    params: { ...OBJECT_PARAMS, account: ACCOUNT, accessPoint: { default: 'my-object-lambda-ap', description: 'Object Lambda access point name' } },
    build: (p, ctx) => {
      const accessPointArn = arn('s3-object-lambda', p.region, p.account, `accesspoint/${p.accessPoint}`);
      const supportingArn = arn('s3', p.region, p.account, `accesspoint/${p.accessPoint}-supporting`);
      const url = `https://${p.accessPoint}-supporting-${p.account}.s3-accesspoint.${p.region}.amazonaws.com/${encodeURI(p.key)}`;
      return {
        xAmzRequestId: ctx.uuid(),
        getObjectContext: {
          inputS3Url: `${url}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=${sha256(url)}`,
          outputRoute: `io-use1-${sha256(p.key).slice(0, 12)}`,
          outputToken: sha256(`${p.bucket}/${p.key}`).slice(0, 40),
        },
        configuration: { accessPointArn, supportingAccessPointArn: supportingArn, payload: '' },
        userRequest: { url: `https://${p.accessPoint}-${p.account}.s3-object-lambda.${p.region}.amazonaws.com/${encodeURI(p.key)}`, headers: { Host: `${p.accessPoint}-${p.account}.s3-object-lambda.${p.region}.amazonaws.com`, 'Accept-Encoding': 'identity', 'X-Amz-Content-SHA256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' } },
        userIdentity: { type: 'IAMUser', principalId: 'AIDAJ42ZGEXAMPLE', arn: `arn:aws:iam::${p.account}:user/alice`, accountId: p.account, accessKeyId: 'AKIAIOSFODNN7EXAMPLE' },
        protocolVersion: '1.00',
      };
    },
  }),
];

/** For other services' events that are S3 notifications (Rekognition's S3 request). */
export { record as s3Record, sequencer as s3Sequencer };
