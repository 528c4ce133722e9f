import type { S3BatchEvent, S3Event } from 'aws-lambda';
import { defineEvent } from '../types';
import { REGION, int, isoTime, json, s3EventKey, sha256 } from '../helpers';
import { objectLambdaEvents } from './s3ObjectLambda';

const GROUP = 'Amazon S3';
const OBJECT_PARAMS = {
  region: REGION,
  bucket: { default: 'amzn-s3-demo-bucket', description: 'Bucket name' },
  key: { default: 'uploads/photo 2026.jpg', description: 'Object key (URL-encoded in the event as S3 does)' },
};

type S3Record = S3Event['Records'][number];

/** Schema 2.0 of a Batch Operations invocation, which @types/aws-lambda does not have: the job's user arguments, and the bucket by name. */
interface S3BatchEventV2 {
  invocationSchemaVersion: '2.0';
  invocationId: string;
  job: { id: string; userArguments: Record<string, string> };
  tasks: { taskId: string; s3Key: string; s3VersionId: string | null; s3Bucket: string }[];
}

/** UserArguments are string to string (S3 refuses a job whose arguments are not); numbers and booleans are written as text. */
function userArguments(value: string): Record<string, string> {
  const parsed = json('userArguments', value);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new TypeError('Parameter userArguments must be a JSON object, such as {"targetPrefix":"thumbnails/"}.');
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

/** Upper-case letters and digits derived from a seed: stable ids (principals, request ids) for one input. */
function idFrom(seed: string, length: number): string {
  return sha256(seed).toUpperCase().slice(0, length);
}

function record(eventName: string, p: Readonly<Record<keyof typeof OBJECT_PARAMS, string>>, ctx: { now: Date }, object: S3Record['s3']['object']): S3Record {
  const request = `${p.bucket}/${object.key}/${ctx.now.toISOString()}/${eventName}`;
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: p.region,
    eventTime: isoTime(ctx.now),
    eventName,
    userIdentity: { principalId: `AWS:AIDA${idFrom(`user/${p.bucket}`, 17)}` },
    requestParameters: { sourceIPAddress: '203.0.113.10' },
    responseElements: {
      'x-amz-request-id': idFrom(request, 16),
      'x-amz-id-2': Buffer.from(sha256(`host/${request}`) + sha256(request).slice(0, 32), 'hex').toString('base64'),
    },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'lambda-trigger',
      bucket: { name: p.bucket, ownerIdentity: { principalId: `A${idFrom(`owner/${p.bucket}`, 13)}` }, arn: `arn:aws:s3:::${p.bucket}` },
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
  defineEvent<S3BatchEventV2>()({
    service: 's3',
    event: 'batch-invocation-v2',
    title: 'S3 Batch Operations invocation (schema 2.0, with user arguments)',
    group: GROUP,
    params: {
      bucket: OBJECT_PARAMS.bucket,
      key: OBJECT_PARAMS.key,
      versionId: { default: '3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY', description: 'Object version id (empty: an unversioned object, sent as null)' },
      jobId: { default: 'be4e5a1f-4b7e-4c8f-9a3d-2f1e0d9c8b7a', description: 'Batch Operations job id' },
      userArguments: { default: '{"targetPrefix":"thumbnails/","quality":"80"}', description: 'The job\'s UserArguments: a JSON object of string values' },
    },
    build: (p, ctx) => ({
      invocationSchemaVersion: '2.0',
      invocationId: ctx.uuid(),
      job: { id: p.jobId, userArguments: userArguments(p.userArguments) },
      tasks: [{ taskId: ctx.uuid(), s3Key: p.key, s3VersionId: p.versionId === '' ? null : p.versionId, s3Bucket: p.bucket }],
    }),
  }),
  ...objectLambdaEvents,
];

/** For other services' events that are S3 notifications (Rekognition's S3 request). */
export { record as s3Record, sequencer as s3Sequencer };
