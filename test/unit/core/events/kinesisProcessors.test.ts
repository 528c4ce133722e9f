import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { EventLookupError, findEventById, generateEvent } from '../../../../src/core/events/catalog';
import type { EventContext } from '../../../../src/core/events/types';

const FIXED: EventContext = { now: new Date('2026-11-26T14:05:09.123Z'), uuid: () => '11111111-2222-4333-8444-555555555555' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function build(id: string, values: Record<string, string> = {}): any {
  return generateEvent(findEventById(id), values, FIXED);
}

const decode = (data: string) => Buffer.from(data, 'base64').toString('utf8');
const line = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).filter((s) => !/[\r\n]/.test(s) && s.trim() !== '');

/** Reads a protobuf message into field number → values (varints as numbers, length-delimited as bytes), as the KCL's deaggregator does. */
function protobufFields(buf: Buffer): Map<number, (number | Buffer)[]> {
  const fields = new Map<number, (number | Buffer)[]>();
  let at = 0;
  const varint = () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = buf[at++];
      value += (byte & 0x7f) * scale;
      scale *= 128;
      if (byte < 0x80) return value;
    }
  };
  while (at < buf.length) {
    const key = varint();
    const wire = key & 7;
    let value: number | Buffer;
    if (wire === 0) value = varint();
    else if (wire === 2) {
      const length = varint();
      value = buf.subarray(at, at + length);
      at += length;
    } else throw new Error(`unexpected wire type ${wire}`);
    fields.set(key >> 3, [...(fields.get(key >> 3) ?? []), value]);
  }
  return fields;
}

/** Deaggregates a KPL record, checking its magic number and MD5: the partition keys and data of its user records. */
function deaggregate(data: Buffer): { partitionKey: string; data: string }[] {
  assert.deepEqual([...data.subarray(0, 4)], [0xf3, 0x89, 0x9a, 0xc2], 'KPL magic number');
  const body = data.subarray(4, data.length - 16);
  assert.deepEqual(data.subarray(data.length - 16), createHash('md5').update(body).digest(), 'MD5 of the protobuf message');
  const top = protobufFields(body);
  const keys = (top.get(1) ?? []).map((k) => (k as Buffer).toString('utf8'));
  return (top.get(3) ?? []).map((r) => {
    const record = protobufFields(r as Buffer);
    return { partitionKey: keys[record.get(1)?.[0] as number], data: (record.get(3)?.[0] as Buffer).toString('utf8') };
  });
}

/** Every key path of a JSON value, array items as []: records[].data. */
function keyPaths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keyPaths(v, `${prefix}[]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.add(`${prefix}${prefix ? '.' : ''}${k}`);
      keyPaths(v, `${prefix}${prefix ? '.' : ''}${k}`, out);
    }
  return out;
}

// The key paths of SAM CLI's templates for these ids (our list, written from them and AWS's documentation).
const ANALYTICS = ['invocationId', 'applicationArn', 'streamArn', 'records', 'records[].recordId', 'records[].data'];
const STREAM_METADATA = ['shardId', 'partitionKey', 'approximateArrivalTimestamp', 'sequenceNumber'].map((k) => `records[].kinesisStreamRecordMetadata.${k}`);
const FIREHOSE = ['invocationId', 'region', 'deliveryStreamArn', 'records', 'records[].recordId', 'records[].approximateArrivalTimestamp', 'records[].data'];
const EXPECTED_KEYS: Record<string, string[]> = {
  'kinesis analytics': [...ANALYTICS, ...STREAM_METADATA],
  'kinesis analytics-compressed': [...ANALYTICS, ...STREAM_METADATA],
  'kinesis analytics-kpl': [...ANALYTICS, 'records[].kinesisStreamRecordMetadata', ...STREAM_METADATA],
  'kinesis analytics-dynamodb': [...ANALYTICS, 'records[].lambdaDeliveryRecordMetadata.retryHint'],
  'kinesis apachelog': FIREHOSE,
  'kinesis syslog': FIREHOSE,
  'kinesis cloudwatch-logs-processor': FIREHOSE,
};

describe('core/events catalogue: Kinesis Data Analytics and Firehose processor inputs', () => {
  for (const [id, expected] of Object.entries(EXPECTED_KEYS)) {
    it(`${id}: has every key path SAM CLI's template and AWS's documentation have`, () => {
      const paths = keyPaths(build(id));
      assert.deepEqual(expected.filter((path) => !paths.has(path)), []);
    });
  }

  it('analytics: one record per line, data the base64 of that line, with its stream record metadata', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
        const event = build('kinesis analytics', { data: lines.join('\n'), application: 'app-1', stream: 's-1', account: '210987654321', partitionKey: 'pk' });
        assert.equal(event.applicationArn, 'arn:aws:kinesisanalytics:us-east-1:210987654321:application/app-1');
        assert.equal(event.streamArn, 'arn:aws:kinesis:us-east-1:210987654321:stream/s-1');
        assert.deepEqual(event.records.map((r: { data: string }) => decode(r.data)), lines);
        for (const r of event.records) {
          assert.equal(r.recordId, r.kinesisStreamRecordMetadata.sequenceNumber);
          assert.equal(r.kinesisStreamRecordMetadata.partitionKey, 'pk');
          assert.equal(r.kinesisStreamRecordMetadata.shardId, 'shardId-000000000001');
          assert.equal(r.kinesisStreamRecordMetadata.approximateArrivalTimestamp, FIXED.now.getTime());
        }
        assert.equal(new Set(event.records.map((r: { recordId: string }) => r.recordId)).size, lines.length);
      }),
    );
  });

  it('analytics-compressed: each record gunzips to its line', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
        const event = build('kinesis analytics-compressed', { data: lines.join('\n') });
        assert.deepEqual(
          event.records.map((r: { data: string }) => gunzipSync(Buffer.from(r.data, 'base64')).toString('utf8')),
          lines,
        );
      }),
    );
  });

  it('analytics-kpl: one aggregated record whose magic and MD5 check and whose user records are the lines, under the partition key', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), line, (lines, partitionKey) => {
        const [record] = build('kinesis analytics-kpl', { data: lines.join('\n'), partitionKey }).records;
        assert.equal(record.kinesisStreamRecordMetadata.partitionKey, partitionKey);
        assert.deepEqual(deaggregate(Buffer.from(record.data, 'base64')), lines.map((data) => ({ partitionKey, data })));
      }),
    );
  });

  it('analytics-kpl: a long user record (length over 127, a multi-byte varint) still deaggregates', () => {
    const long = 'x'.repeat(70_000);
    const [record] = build('kinesis analytics-kpl', { data: long }).records;
    assert.deepEqual(deaggregate(Buffer.from(record.data, 'base64')), [{ partitionKey: 'order-1234', data: long }]);
  });

  it('analytics-dynamodb: output rows base64-encoded, each with a retry hint; rows must be JSON', () => {
    const rows = ['{"STORE_ID":"7","ORDER_COUNT":31}', '{"STORE_ID":"8","ORDER_COUNT":2}'];
    const event = build('kinesis analytics-dynamodb', { rows: rows.join('\n') });
    assert.deepEqual(event.records.map((r: { data: string }) => JSON.parse(decode(r.data))), rows.map((r) => JSON.parse(r)));
    assert.deepEqual(event.records.map((r: { lambdaDeliveryRecordMetadata: unknown }) => r.lambdaDeliveryRecordMetadata), [{ retryHint: 0 }, { retryHint: 0 }]);
    assert.throws(() => build('kinesis analytics-dynamodb', { rows: 'not json' }), (e: Error) => e instanceof EventLookupError && /rows must be JSON/.test(e.message));
  });

  it('apachelog and syslog: one Firehose record per line, each the base64 of that line', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
        for (const id of ['kinesis apachelog', 'kinesis syslog']) {
          const event = build(id, { data: lines.join('\n'), deliveryStream: 'logs-ds' });
          assert.equal(event.deliveryStreamArn, 'arn:aws:firehose:us-east-1:123456789012:deliverystream/logs-ds');
          assert.deepEqual(event.records.map((r: { data: string }) => decode(r.data)), lines, id);
        }
      }),
    );
    assert.match(decode(build('kinesis apachelog').records[0].data), /^\S+ \S+ \S+ \[[^\]]+\] "GET \/index\.html HTTP\/1\.1" 200 \d+/);
    assert.match(decode(build('kinesis syslog').records[0].data), /^<\d+>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S+ \S+\[\d+\]: /);
  });

  it('cloudwatch-logs-processor: records gunzip to the control message, then the subscription batch with the log events', () => {
    const messages = ['first message', 'second message'];
    const event = build('kinesis cloudwatch-logs-processor', { messages: messages.join('\n'), account: '210987654321', logGroup: '/aws/lambda/orders' });
    const [control, data] = event.records.map((r: { data: string }) => JSON.parse(gunzipSync(Buffer.from(r.data, 'base64')).toString('utf8')));
    assert.equal(control.messageType, 'CONTROL_MESSAGE');
    assert.equal(data.messageType, 'DATA_MESSAGE');
    assert.equal(data.owner, '210987654321');
    assert.equal(data.logGroup, '/aws/lambda/orders');
    assert.deepEqual(data.logEvents.map((e: { message: string }) => e.message), messages);
    assert.equal(event.deliveryStreamArn, 'arn:aws:firehose:us-east-1:210987654321:deliverystream/my-delivery-stream');
  });
});
