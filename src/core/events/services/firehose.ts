import { gzipSync } from 'node:zlib';
import type { FirehoseRecordMetadata, FirehoseTransformationEvent, FirehoseTransformationEventRecord } from 'aws-lambda';
import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, clfTime, int } from '../helpers';
import { lines, logsBatch } from './cloudwatch';

const GROUP = 'Amazon Data Firehose';

const DELIVERY_PARAMS = {
  region: REGION,
  account: ACCOUNT,
  deliveryStream: { default: 'my-delivery-stream', description: 'Firehose stream name' },
};

/** A CloudWatch Logs subscription filter delivering to the Firehose stream. */
const LOGS_PARAMS = {
  ...DELIVERY_PARAMS,
  logGroup: { default: '/aws/lambda/my-function', description: 'Log group of the subscription filter' },
  logStream: { default: '2026/11/26/[$LATEST]94fa867e5374431291a7fc14e2f56ae7', description: 'Log stream' },
  filterName: { default: 'to-firehose', description: 'Subscription filter name' },
  messages: { default: 'START RequestId: 6234bffe-149a-b642-81ff-2e8e376d8aff Version: $LATEST\nERROR Something went wrong', description: 'Log messages, one per line' },
};

type DeliveryParams = Readonly<Record<keyof typeof DELIVERY_PARAMS, string>>;

/** Direct-PUT record ids are long decimal strings that grow with arrival time. */
function recordId(now: Date, index: number): string {
  return `4964${String(now.getTime()).padStart(16, '0')}${String(index).padStart(42, '0')}`;
}

function kinesisSequence(now: Date, index: number): string {
  return `4959${String(now.getTime()).padStart(16, '0')}${String(index).padStart(36, '0')}`;
}

/** One record per payload; `payload` is the bytes Firehose carries, base64-encoded in `data`. */
function transformation(p: DeliveryParams, ctx: { now: Date; uuid(): string }, payloads: Buffer[], sourceKinesisStreamArn?: string): FirehoseTransformationEvent {
  return {
    invocationId: ctx.uuid(),
    ...(sourceKinesisStreamArn === undefined ? {} : { sourceKinesisStreamArn }),
    deliveryStreamArn: arn('firehose', p.region, p.account, `deliverystream/${p.deliveryStream}`),
    region: p.region,
    records: payloads.map(
      (payload, i): FirehoseTransformationEventRecord => ({
        recordId: recordId(ctx.now, i),
        approximateArrivalTimestamp: ctx.now.getTime(),
        data: payload.toString('base64'),
      }),
    ),
  };
}


/** What CloudWatch Logs first writes to a new subscription's Firehose stream, to check it can; processors drop it. */
function controlMessage(now: Date) {
  return {
    messageType: 'CONTROL_MESSAGE',
    owner: 'CloudwatchLogs',
    logGroup: '',
    logStream: '',
    subscriptionFilters: [],
    logEvents: [{ id: '', timestamp: now.getTime(), message: 'CWL CONTROL MESSAGE: Checking health of destination Firehose.' }],
  };
}

/** RFC 3164's timestamp: "Nov 26 14:05:09" (day padded with a space). */
function syslogTime(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${months[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2, ' ')} ${date.toISOString().slice(11, 19)}`;
}

export const firehoseEvents = [
  defineEvent<FirehoseTransformationEvent>()({
    service: 'kinesis',
    event: 'kinesis-firehose',
    title: 'Firehose data transformation (Direct PUT)',
    group: GROUP,
    params: {
      ...DELIVERY_PARAMS,
      data: { default: '{"ticker":"AMZN","price":182.5}\n{"ticker":"MSFT","price":411.2}', description: 'Records, one per line (each base64-encoded in the event)' },
    },
    build: (p, ctx) => transformation(p, ctx, lines(p.data).map((line) => Buffer.from(line, 'utf8'))),
  }),
  defineEvent<FirehoseTransformationEvent>()({
    service: 'kinesis',
    event: 'streams-as-source',
    title: 'Firehose data transformation (Kinesis data stream as source)',
    group: GROUP,
    params: {
      ...DELIVERY_PARAMS,
      stream: { default: 'lambda-stream', description: 'Source Kinesis data stream name' },
      shard: { default: '0', description: 'Source shard number' },
      partitionKey: { default: 'order-1234', description: 'Partition key of the source records' },
      data: { default: '{"orderId":"1234","status":"created"}', description: 'Records, one per line (each base64-encoded in the event)' },
    },
    build: (p, ctx) => {
      const shard = int('shard', p.shard);
      const source = arn('kinesis', p.region, p.account, `stream/${p.stream}`);
      const event = transformation(p, ctx, lines(p.data).map((line) => Buffer.from(line, 'utf8')), source);
      event.records = event.records.map((r, i) => {
        const sequenceNumber = kinesisSequence(ctx.now, i);
        // Firehose sends subsequenceNumber as a number (AWS Powertools' schema agrees); @types/aws-lambda says string, so cast.
        const kinesisRecordMetadata = {
          sequenceNumber,
          subsequenceNumber: 0,
          partitionKey: p.partitionKey,
          shardId: `shardId-${String(shard).padStart(12, '0')}`,
          approximateArrivalTimestamp: ctx.now.getTime(),
        } as unknown as FirehoseRecordMetadata;
        // The record id is the source sequence number followed by the six-digit subsequence number.
        return { ...r, recordId: `${sequenceNumber}000000`, kinesisRecordMetadata };
      });
      return event;
    },
  }),
  // SAM CLI's ids for the Firehose processor blueprints' inputs: raw log lines, and CloudWatch Logs deliveries with the control message.
  defineEvent<FirehoseTransformationEvent>()({
    service: 'kinesis',
    event: 'apachelog',
    title: 'Firehose data transformation (Apache access log lines)',
    group: GROUP,
    params: {
      ...DELIVERY_PARAMS,
      data: {
        default:
          '203.0.113.10 - - [26/Nov/2026:14:05:09 +0000] "GET /index.html HTTP/1.1" 200 2326 "-" "Mozilla/5.0"\n198.51.100.7 - alice [26/Nov/2026:14:05:10 +0000] "POST /api/orders HTTP/1.1" 201 512 "https://shop.example.com/" "curl/8.5.0"',
        description: 'Access log lines in Common or Combined Log Format, one record per line',
      },
    },
    build: (p, ctx) => transformation(p, ctx, lines(p.data).map((line) => Buffer.from(line, 'utf8'))),
  }),
  defineEvent<FirehoseTransformationEvent>()({
    service: 'kinesis',
    event: 'syslog',
    title: 'Firehose data transformation (syslog lines)',
    group: GROUP,
    params: {
      ...DELIVERY_PARAMS,
      data: {
        default:
          '<38>Nov 26 14:05:09 ip-10-0-1-23 sshd[2165]: Accepted publickey for ec2-user from 203.0.113.10 port 52814 ssh2\n<30>Nov 26 14:05:10 ip-10-0-1-23 systemd[1]: Started Session 42 of user ec2-user.',
        description: 'RFC 3164 syslog lines, one record per line',
      },
    },
    build: (p, ctx) => transformation(p, ctx, lines(p.data).map((line) => Buffer.from(line, 'utf8'))),
  }),
  defineEvent<FirehoseTransformationEvent>()({
    service: 'kinesis',
    event: 'cloudwatch-logs-processor',
    title: 'Firehose data transformation (CloudWatch Logs, with the control message)',
    group: GROUP,
    params: LOGS_PARAMS,
    // Each record is one gzip-compressed delivery of CloudWatch Logs: its health check first, then the batch.
    build: (p, ctx) => transformation(p, ctx, [gzipSync(JSON.stringify(controlMessage(ctx.now))), gzipSync(JSON.stringify(logsBatch(p, ctx.now)))]),
  }),
];

/**
 * The ids 0.1.0 gave these payloads before SAM CLI's names (`apachelog`, `syslog`, `cloudwatch-logs-processor`) joined
 * the catalogue: still found by their ids, with their own parameters, so launch configurations and scripts keep
 * working, but not listed.
 */
export const retiredFirehoseEvents = [
  defineEvent<FirehoseTransformationEvent>()({
    service: 'kinesis',
    event: 'kinesis-firehose-cloudwatch-logs-processor',
    title: 'Firehose data transformation (CloudWatch Logs subscription)',
    group: GROUP,
    params: LOGS_PARAMS,
    // CloudWatch Logs writes each batch to Firehose gzip-compressed; Firehose hands it to the function base64-encoded.
    build: (p, ctx) => transformation(p, ctx, [gzipSync(JSON.stringify(logsBatch(p, ctx.now)))]),
  }),
  defineEvent<FirehoseTransformationEvent>()({
    service: 'kinesis',
    event: 'kinesis-firehose-apache-log',
    title: 'Firehose data transformation (Apache access log)',
    group: GROUP,
    params: {
      ...DELIVERY_PARAMS,
      clientIp: { default: '203.0.113.10', description: 'Client address' },
      method: { default: 'GET', description: 'HTTP method' },
      path: { default: '/index.html', description: 'Request path' },
      status: { default: '200', description: 'Response status' },
      bytes: { default: '2326', description: 'Response size in bytes' },
      userAgent: { default: 'Mozilla/5.0 (X11; Linux x86_64)', description: 'User-Agent header' },
    },
    build: (p, ctx) => {
      const status = int('status', p.status);
      const bytes = int('bytes', p.bytes);
      const line = `${p.clientIp} - - [${clfTime(ctx.now)}] "${p.method} ${p.path} HTTP/1.1" ${status} ${bytes} "-" "${p.userAgent}"`;
      return transformation(p, ctx, [Buffer.from(line, 'utf8')]);
    },
  }),
  defineEvent<FirehoseTransformationEvent>()({
    service: 'kinesis',
    event: 'kinesis-firehose-syslog',
    title: 'Firehose data transformation (syslog)',
    group: GROUP,
    params: {
      ...DELIVERY_PARAMS,
      host: { default: 'ip-10-0-1-23', description: 'Host name' },
      app: { default: 'sshd', description: 'Program name' },
      message: { default: 'Accepted publickey for ec2-user from 203.0.113.10 port 52814 ssh2', description: 'Log message' },
    },
    build: (p, ctx) => {
      const line = `<38>${syslogTime(ctx.now)} ${p.host} ${p.app}[2165]: ${p.message}`;
      return transformation(p, ctx, [Buffer.from(line, 'utf8')]);
    },
  }),
];

/** Retired id → the id that replaced it. */
export const FIREHOSE_REPLACEMENTS: Readonly<Record<string, string>> = {
  'kinesis kinesis-firehose-cloudwatch-logs-processor': 'kinesis cloudwatch-logs-processor',
  'kinesis kinesis-firehose-apache-log': 'kinesis apachelog',
  'kinesis kinesis-firehose-syslog': 'kinesis syslog',
};
