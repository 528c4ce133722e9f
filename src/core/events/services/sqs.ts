import { createHash } from 'node:crypto';
import type { SQSEvent, SQSMessageAttribute, SQSMessageAttributes, SQSRecord, SQSRecordAttributes } from 'aws-lambda';
import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, headers, md5, sha256 } from '../helpers';

const GROUP = 'Amazon SQS';

const QUEUE_PARAMS = {
  region: REGION,
  account: ACCOUNT,
  queue: { default: 'my-queue', description: 'Queue name' },
  body: { default: '{"orderId":"1234","status":"created"}', description: 'Message body' },
};

type QueueParams = Readonly<Record<keyof typeof QUEUE_PARAMS, string>>;

/** An attribute as Lambda hands it over: a number as Number, {dataType, stringValue|binaryValue} as given, else String; the list fields are always there, empty. */
function attribute(name: string, value: unknown): SQSMessageAttribute {
  const lists = { stringListValues: [], binaryListValues: [] };
  if (value && typeof value === 'object' && !Array.isArray(value) && 'dataType' in value) {
    const given = value as { dataType: unknown; stringValue?: unknown; binaryValue?: unknown };
    const dataType = String(given.dataType);
    if (/^Binary/.test(dataType)) {
      if (typeof given.binaryValue !== 'string') throw new TypeError(`Parameter attributes: ${name} is ${dataType}, so it needs a base64 "binaryValue".`);
      return { binaryValue: given.binaryValue, ...lists, dataType };
    }
    return { stringValue: String(given.stringValue ?? ''), ...lists, dataType };
  }
  const text = String(value);
  return { stringValue: text, ...lists, dataType: typeof value === 'number' || /^-?\d+(\.\d+)?$/.test(text) ? 'Number' : 'String' };
}

/** SQS's MD5 of message attributes: per attribute, by name, the name, the data type, a transport byte and the value, each length-prefixed. */
export function attributesMd5(attributes: SQSMessageAttributes): string {
  const hash = createHash('md5');
  const field = (bytes: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    hash.update(length).update(bytes);
  };
  for (const name of Object.keys(attributes).sort()) {
    const a = attributes[name];
    field(Buffer.from(name, 'utf8'));
    field(Buffer.from(a.dataType, 'utf8'));
    const binary = a.binaryValue !== undefined;
    hash.update(Buffer.from([binary ? 2 : 1]));
    field(binary ? Buffer.from(a.binaryValue ?? '', 'base64') : Buffer.from(a.stringValue ?? '', 'utf8'));
  }
  return hash.digest('hex');
}

function record(p: QueueParams, ctx: { now: Date; uuid(): string }, extra: Partial<SQSRecordAttributes> = {}, messageAttributes: SQSMessageAttributes = {}): SQSRecord {
  const withAttributes = Object.keys(messageAttributes).length > 0;
  return {
    messageId: ctx.uuid(),
    receiptHandle: `AQEB${Buffer.from(ctx.uuid()).toString('base64')}`,
    body: p.body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: String(ctx.now.getTime()),
      // The sender's IAM unique id (a user's AIDA…), derived from the account so it stays stable.
      SenderId: `AIDA${sha256(`sender/${p.account}`).slice(0, 17).toUpperCase()}`,
      ApproximateFirstReceiveTimestamp: String(ctx.now.getTime() + 2),
      ...extra,
    },
    messageAttributes,
    ...(withAttributes ? { md5OfMessageAttributes: attributesMd5(messageAttributes) } : {}),
    md5OfBody: md5(p.body),
    eventSource: 'aws:sqs',
    eventSourceARN: arn('sqs', p.region, p.account, p.queue),
    awsRegion: p.region,
  };
}

export const sqsEvents = [
  defineEvent<SQSEvent>()({
    service: 'sqs',
    event: 'receive-message',
    title: 'SQS message batch',
    group: GROUP,
    params: QUEUE_PARAMS,
    build: (p, ctx) => ({ Records: [record(p, ctx)] }),
  }),
  defineEvent<SQSEvent>()({
    service: 'sqs',
    event: 'receive-message-with-attributes',
    title: 'SQS message with message attributes',
    group: GROUP,
    params: {
      ...QUEUE_PARAMS,
      attributes: {
        default: 'tenant: acme; priority: 5',
        description: 'Message attributes: "Name: value" pairs (numbers become Number) or a JSON object ({"dataType","stringValue"|"binaryValue"} kept as given)',
      },
    },
    build: (p, ctx) => {
      const given: Record<string, unknown> = headers('attributes', p.attributes);
      if (Object.keys(given).length === 0) throw new TypeError('Parameter attributes must name at least one attribute, such as "tenant: acme".');
      if (Object.keys(given).length > 10) throw new TypeError('Parameter attributes: SQS allows at most 10 message attributes.');
      return { Records: [record(p, ctx, {}, Object.fromEntries(Object.entries(given).map(([name, value]) => [name, attribute(name, value)])))] };
    },
  }),
  defineEvent<SQSEvent>()({
    service: 'sqs',
    event: 'receive-message-fifo',
    title: 'SQS FIFO queue message',
    group: GROUP,
    params: {
      ...QUEUE_PARAMS,
      queue: { default: 'orders.fifo', description: 'FIFO queue name (ends in .fifo)' },
      messageGroupId: { default: 'customer-42', description: 'Message group id (messages of a group arrive in order)' },
      deduplicationId: { default: '', description: 'Deduplication id (empty: content-based, the SHA-256 of the body)' },
    },
    build: (p, ctx) => {
      if (!p.queue.endsWith('.fifo')) throw new TypeError(`Parameter queue must be a FIFO queue name ending in .fifo, not "${p.queue}".`);
      return {
        Records: [
          record(p, ctx, {
            // FIFO sequence numbers are 20 or more digits that grow within a message group.
            SequenceNumber: `1${String(ctx.now.getTime()).padStart(19, '0')}`,
            MessageGroupId: p.messageGroupId,
            MessageDeduplicationId: p.deduplicationId === '' ? sha256(p.body) : p.deduplicationId,
          }),
        ],
      };
    },
  }),
];
