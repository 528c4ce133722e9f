import type { KinesisStreamEvent, KinesisStreamRecord, KinesisStreamTumblingWindowEvent } from 'aws-lambda';
import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, base64, int, isoSeconds } from '../helpers';

const GROUP = 'Amazon Kinesis Data Streams';

const STREAM_PARAMS = {
  region: REGION,
  account: ACCOUNT,
  stream: { default: 'lambda-stream', description: 'Data stream name' },
  shard: { default: '6', description: 'Shard number (shardId-000000000006)' },
  partitionKey: { default: 'order-1234', description: 'Partition key the producer used' },
  data: { default: '{"orderId":"1234","status":"created"}', description: 'Record payload (base64-encoded in the event)' },
};

type StreamParams = Readonly<Record<keyof typeof STREAM_PARAMS, string>>;

export function shardId(value: string): string {
  const n = int('shard', value);
  if (n < 0) throw new TypeError(`Parameter shard must not be negative, not ${n}.`);
  return `shardId-${String(n).padStart(12, '0')}`;
}

/** A 56-digit sequence number that grows with the clock and the record's place in the batch. */
export function sequenceNumber(now: Date, index: number): string {
  return `4959${String(now.getTime()).padStart(16, '0')}${String(index).padStart(36, '0')}`;
}

function record(p: StreamParams, now: Date, index = 0): KinesisStreamRecord {
  const sequence = sequenceNumber(now, index);
  return {
    kinesis: {
      kinesisSchemaVersion: '1.0',
      partitionKey: p.partitionKey,
      sequenceNumber: sequence,
      data: base64(p.data),
      approximateArrivalTimestamp: now.getTime() / 1000,
    },
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `${shardId(p.shard)}:${sequence}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: `arn:aws:iam::${p.account}:role/lambda-kinesis-role`,
    awsRegion: p.region,
    eventSourceARN: arn('kinesis', p.region, p.account, `stream/${p.stream}`),
  };
}

export const kinesisEvents = [
  defineEvent<KinesisStreamEvent>()({
    service: 'kinesis',
    event: 'get-records',
    title: 'Kinesis Data Streams record batch',
    group: GROUP,
    params: { ...STREAM_PARAMS, batchSize: { default: '1', description: 'Number of records (same payload, consecutive sequence numbers)' } },
    build: (p, ctx) => {
      const count = int('batchSize', p.batchSize);
      if (count < 1 || count > 10000) throw new TypeError(`Parameter batchSize must be between 1 and 10000, not ${count}.`);
      return { Records: Array.from({ length: count }, (_, i) => record(p, ctx.now, i)) };
    },
  }),
  // @types/aws-lambda's tumbling-window type lacks shardId and eventSourceARN, which AWS documents and sends; cast.
  defineEvent<KinesisStreamTumblingWindowEvent>()({
    service: 'kinesis',
    event: 'tumbling-window',
    title: 'Kinesis Data Streams tumbling window',
    group: GROUP,
    params: { ...STREAM_PARAMS, windowSeconds: { default: '300', description: 'Tumbling window length in seconds (1-900); the window holds now' } },
    build: (p, ctx) => {
      const seconds = int('windowSeconds', p.windowSeconds);
      if (seconds < 1 || seconds > 900) throw new TypeError(`Parameter windowSeconds must be between 1 and 900, not ${seconds}.`);
      const start = Math.floor(ctx.now.getTime() / 1000 / seconds) * seconds * 1000;
      return {
        Records: [record(p, ctx.now)],
        window: { start: isoSeconds(new Date(start)), end: isoSeconds(new Date(start + seconds * 1000)) },
        state: {},
        shardId: shardId(p.shard),
        eventSourceARN: arn('kinesis', p.region, p.account, `stream/${p.stream}`),
        isFinalInvokeForWindow: false,
        isWindowTerminatedEarly: false,
      } as KinesisStreamTumblingWindowEvent;
    },
  }),
];
