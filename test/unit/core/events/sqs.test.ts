import * as assert from 'node:assert/strict';
import { EventLookupError, findEventById, generateEvent } from '../../../../src/core/events/catalog';
import type { EventContext } from '../../../../src/core/events/types';
import { useMoto } from '../../../support/useMoto';

const FIXED: EventContext = { now: new Date('2026-11-26T14:05:09.123Z'), uuid: () => '11111111-2222-4333-8444-555555555555' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function record(id: string, values: Record<string, string> = {}): any {
  return (generateEvent(findEventById(id), values, FIXED) as { Records: unknown[] }).Records[0];
}

describe('core/events catalogue: Amazon SQS message attributes and FIFO queues (against moto)', function () {
  this.timeout(30_000);
  const moto = useMoto();

  /** One call of SQS's JSON protocol (moto takes any credentials; the scope names the region and service). */
  async function sqs(action: string, body: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`${moto.endpoint}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `AmazonSQS.${action}`,
        authorization: 'AWS4-HMAC-SHA256 Credential=testing/20261126/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=00',
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    assert.ok(response.ok, `${action}: HTTP ${response.status} ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  }

  it('the MD5 of the body and of the message attributes are those SQS computes for the same message', async () => {
    const { QueueUrl } = await sqs('CreateQueue', { QueueName: 'checks' });
    const attributes = '{"tenant":"Zürich AG","priority":5,"blob":{"dataType":"Binary","binaryValue":"AAEC/w=="},"kind":{"dataType":"String.order","stringValue":"rush"}}';
    const body = '{"note":"naïve ☕"}';
    const event = record('sqs receive-message-with-attributes', { attributes, body });
    const sent = await sqs('SendMessage', {
      QueueUrl,
      MessageBody: body,
      MessageAttributes: Object.fromEntries(
        Object.entries(event.messageAttributes as Record<string, { dataType: string; stringValue?: string; binaryValue?: string }>).map(([name, a]) => [
          name,
          a.binaryValue === undefined ? { DataType: a.dataType, StringValue: a.stringValue } : { DataType: a.dataType, BinaryValue: a.binaryValue },
        ]),
      ),
    });
    assert.equal(event.md5OfBody, sent.MD5OfMessageBody);
    assert.equal(event.md5OfMessageAttributes, sent.MD5OfMessageAttributes);
    assert.deepEqual(event.messageAttributes.priority, { stringValue: '5', stringListValues: [], binaryListValues: [], dataType: 'Number' });
    assert.deepEqual(event.messageAttributes.blob, { binaryValue: 'AAEC/w==', stringListValues: [], binaryListValues: [], dataType: 'Binary' });
  });

  it('a message without attributes has no md5OfMessageAttributes, as SQS sends none', () => {
    const plain = record('sqs receive-message');
    assert.deepEqual(plain.messageAttributes, {});
    assert.equal('md5OfMessageAttributes' in plain, false);
  });

  it('receive-message-with-attributes refuses no attributes, more than 10, and a Binary one without binaryValue', () => {
    assert.throws(() => record('sqs receive-message-with-attributes', { attributes: '' }), (e: Error) => e instanceof EventLookupError && /attributes must name at least one/.test(e.message));
    const eleven = Array.from({ length: 11 }, (_, i) => `a${i}: ${i}`).join('; ');
    assert.throws(() => record('sqs receive-message-with-attributes', { attributes: eleven }), (e: Error) => e instanceof EventLookupError && /at most 10/.test(e.message));
    assert.throws(() => record('sqs receive-message-with-attributes', { attributes: '{"b":{"dataType":"Binary"}}' }), (e: Error) => e instanceof EventLookupError && /b is Binary, so it needs a base64 "binaryValue"/.test(e.message));
  });

  it('receive-message-fifo: the group and deduplication ids (content-based: the SHA-256 of the body, as SQS derives it), a .fifo queue only', async () => {
    const fifo = record('sqs receive-message-fifo', { messageGroupId: 'g-7', body: 'same body' });
    assert.equal(fifo.attributes.MessageGroupId, 'g-7');
    assert.match(fifo.attributes.SequenceNumber, /^\d{20,}$/);
    assert.equal(fifo.eventSourceARN, 'arn:aws:sqs:us-east-1:123456789012:orders.fifo');
    const { QueueUrl } = await sqs('CreateQueue', { QueueName: 'orders.fifo', Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' } });
    await sqs('SendMessage', { QueueUrl, MessageBody: 'same body', MessageGroupId: 'g-7' });
    const received = await sqs('ReceiveMessage', { QueueUrl, MessageSystemAttributeNames: ['All'], AttributeNames: ['All'] });
    const [message] = received.Messages as { Attributes: Record<string, string> }[];
    assert.equal(fifo.attributes.MessageDeduplicationId, message.Attributes.MessageDeduplicationId);
    assert.equal(record('sqs receive-message-fifo', { deduplicationId: 'order-1' }).attributes.MessageDeduplicationId, 'order-1');
    assert.throws(() => record('sqs receive-message-fifo', { queue: 'orders' }), (e: Error) => e instanceof EventLookupError && /queue must be a FIFO queue name ending in \.fifo/.test(e.message));
  });
});
