import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, int, json } from '../helpers';
import { lines } from './cloudwatch';
import { sequenceNumber, shardId } from './kinesis';

const GROUP = 'Amazon Kinesis Data Analytics';

// @types/aws-lambda has no Kinesis Data Analytics types; these follow AWS's documented preprocessing and output-delivery inputs.
export interface KinesisAnalyticsStreamRecordMetadata {
  shardId: string;
  partitionKey: string;
  approximateArrivalTimestamp: number;
  sequenceNumber: string;
}

/** What a SQL application's input preprocessor receives from a Kinesis data stream source. */
export interface KinesisAnalyticsInputPreprocessingEvent {
  invocationId: string;
  applicationArn: string;
  streamArn: string;
  records: { recordId: string; kinesisStreamRecordMetadata: KinesisAnalyticsStreamRecordMetadata; data: string }[];
}

/** What a Lambda output destination of a SQL application receives: rows of an in-application stream. */
export interface KinesisAnalyticsOutputDeliveryEvent {
  invocationId: string;
  applicationArn: string;
  streamArn: string;
  records: { recordId: string; lambdaDeliveryRecordMetadata: { retryHint: number }; data: string }[];
}

/** What AWS documents for a Lambda output destination: SAM's analytics-dynamodb template adds the source streamArn, this one does not. */
export type KinesisAnalyticsLambdaOutputEvent = Omit<KinesisAnalyticsOutputDeliveryEvent, 'streamArn'>;

const APP_PARAMS = {
  region: REGION,
  account: ACCOUNT,
  application: { default: 'orders-analytics', description: 'Kinesis Data Analytics application name' },
  stream: { default: 'orders-stream', description: 'Source Kinesis data stream name' },
};

const SOURCE_PARAMS = {
  ...APP_PARAMS,
  shard: { default: '1', description: 'Source shard number' },
  partitionKey: { default: 'order-1234', description: 'Partition key the producer used' },
};

type AppParams = Readonly<Record<keyof typeof APP_PARAMS, string>>;
type SourceParams = Readonly<Record<keyof typeof SOURCE_PARAMS, string>>;
type Ctx = { now: Date; uuid(): string };

function header(p: AppParams, ctx: Ctx) {
  return {
    invocationId: ctx.uuid(),
    applicationArn: arn('kinesisanalytics', p.region, p.account, `application/${p.application}`),
    streamArn: arn('kinesis', p.region, p.account, `stream/${p.stream}`),
  };
}

/** One stream record per payload, its record id being its sequence number, as Kinesis Data Analytics sends them. */
function preprocessing(p: SourceParams, ctx: Ctx, payloads: Buffer[]): KinesisAnalyticsInputPreprocessingEvent {
  const shard = shardId(p.shard);
  return {
    ...header(p, ctx),
    records: payloads.map((payload, i) => {
      const sequence = sequenceNumber(ctx.now, i);
      return {
        recordId: sequence,
        kinesisStreamRecordMetadata: { shardId: shard, partitionKey: p.partitionKey, approximateArrivalTimestamp: ctx.now.getTime(), sequenceNumber: sequence },
        data: payload.toString('base64'),
      };
    }),
  };
}

function varint(n: number): Buffer {
  const bytes: number[] = [];
  let v = n;
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

/** A length-delimited protobuf field (wire type 2). */
function bytesField(field: number, value: Buffer): Buffer {
  return Buffer.concat([varint((field << 3) | 2), varint(value.length), value]);
}

/** A varint protobuf field (wire type 0). */
function varintField(field: number, value: number): Buffer {
  return Buffer.concat([varint(field << 3), varint(value)]);
}

/** The KPL's aggregation magic number, before the protobuf AggregatedRecord and its MD5. */
export const KPL_MAGIC = Buffer.from([0xf3, 0x89, 0x9a, 0xc2]);

/**
 * A KPL aggregated record: magic, then AggregatedRecord { partition_key_table = 1; records = 3 { partition_key_index = 1;
 * data = 3 } }, then the MD5 of the protobuf bytes.
 */
export function kplAggregate(partitionKey: string, payloads: Buffer[]): Buffer {
  const body = Buffer.concat([
    bytesField(1, Buffer.from(partitionKey, 'utf8')),
    ...payloads.map((payload) => bytesField(3, Buffer.concat([varintField(1, 0), bytesField(3, payload)]))),
  ]);
  return Buffer.concat([KPL_MAGIC, body, createHash('md5').update(body).digest()]);
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

export const kinesisAnalyticsEvents = [
  defineEvent<KinesisAnalyticsInputPreprocessingEvent>()({
    service: 'kinesis',
    event: 'analytics',
    title: 'Kinesis Data Analytics input preprocessing',
    group: GROUP,
    params: { ...SOURCE_PARAMS, data: { default: '{"orderId":"1234","amount":42.5}', description: 'Records, one per line (each base64-encoded in the event)' } },
    build: (p, ctx) => preprocessing(p, ctx, lines(p.data).map(utf8)),
  }),
  defineEvent<KinesisAnalyticsInputPreprocessingEvent>()({
    service: 'kinesis',
    event: 'analytics-compressed',
    title: 'Kinesis Data Analytics input preprocessing (gzip-compressed records)',
    group: GROUP,
    params: { ...SOURCE_PARAMS, data: { default: '{"orderId":"1234","amount":42.5}', description: 'Records, one per line (each gzip-compressed, then base64-encoded)' } },
    build: (p, ctx) => preprocessing(p, ctx, lines(p.data).map((line) => gzipSync(utf8(line)))),
  }),
  defineEvent<KinesisAnalyticsInputPreprocessingEvent>()({
    service: 'kinesis',
    event: 'analytics-kpl',
    title: 'Kinesis Data Analytics input preprocessing (KPL aggregated record)',
    group: GROUP,
    params: {
      ...SOURCE_PARAMS,
      data: { default: '{"orderId":"1234","amount":42.5}\n{"orderId":"1235","amount":7}', description: 'User records, one per line, aggregated into one KPL record' },
    },
    build: (p, ctx) => preprocessing(p, ctx, [kplAggregate(p.partitionKey, lines(p.data).map(utf8))]),
  }),
  defineEvent<KinesisAnalyticsOutputDeliveryEvent>()({
    service: 'kinesis',
    event: 'analytics-dynamodb',
    title: 'Kinesis Data Analytics output to Lambda (rows for DynamoDB)',
    group: GROUP,
    params: {
      ...APP_PARAMS,
      rows: {
        default: '{"ROWTIME_TIMESTAMP":"2026-11-26 14:05:00.000","STORE_ID":"7","ORDER_COUNT":31}',
        description: 'Output rows, one JSON object per line (each base64-encoded in the event)',
      },
    },
    build: (p, ctx) => ({
      ...header(p, ctx),
      records: lines(p.rows).map((row, i) => {
        json('rows', row);
        return { recordId: sequenceNumber(ctx.now, i), lambdaDeliveryRecordMetadata: { retryHint: 0 }, data: Buffer.from(row, 'utf8').toString('base64') };
      }),
    }),
  }),
  defineEvent<KinesisAnalyticsLambdaOutputEvent>()({
    service: 'kinesis',
    event: 'analytics-output-delivery',
    title: 'Kinesis Data Analytics output to a Lambda destination',
    group: GROUP,
    params: {
      region: REGION,
      account: ACCOUNT,
      application: APP_PARAMS.application,
      rows: { default: '{"STORE_ID":"7","ORDER_COUNT":31}\n{"STORE_ID":"9","ORDER_COUNT":12}', description: 'Rows of the in-application stream, one per line (each base64-encoded in the event)' },
      retryHint: { default: '0', description: 'Delivery attempts of these records that already failed (0: the first delivery)' },
    },
    build: (p, ctx) => {
      const retryHint = int('retryHint', p.retryHint);
      if (retryHint < 0) throw new TypeError(`Parameter retryHint must not be negative, not ${retryHint}.`);
      return {
        invocationId: ctx.uuid(),
        applicationArn: arn('kinesisanalytics', p.region, p.account, `application/${p.application}`),
        records: lines(p.rows).map((row, i) => ({ recordId: sequenceNumber(ctx.now, i), lambdaDeliveryRecordMetadata: { retryHint }, data: utf8(row).toString('base64') })),
      };
    },
  }),
];
