import * as assert from 'node:assert/strict';
import { EventLookupError, findEventById, generateEvent } from '../../../../src/core/events/catalog';
import type { EventContext } from '../../../../src/core/events/types';

const FIXED: EventContext = { now: new Date('2026-11-26T14:05:09.123Z'), uuid: () => '11111111-2222-4333-8444-555555555555' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function build(id: string, values: Record<string, string> = {}): any {
  return generateEvent(findEventById(id), values, FIXED);
}

describe('core/events catalogue: DynamoDB tumbling windows, Kinesis Data Analytics output, Client VPN', () => {
  it('dynamodb tumbling-window: the window holds now, the state is the one given, the flags follow final', () => {
    const event = build('dynamodb tumbling-window', { windowSeconds: '60', state: '{"count":7}', final: 'true' });
    assert.deepEqual(event.window, { start: '2026-11-26T14:05:00Z', end: '2026-11-26T14:06:00Z' });
    assert.deepEqual(event.state, { count: 7 });
    assert.deepEqual([event.isFinalInvokeForWindow, event.isWindowTerminatedEarly], [true, false]);
    assert.equal(event.eventSourceARN, event.Records[0].eventSourceARN, 'the window is of the stream its records come from');
    assert.match(event.shardId, /^shardId-\d{20}-[0-9a-f]{8}$/);
    assert.deepEqual(event.Records.map((r: { eventName: string }) => r.eventName), ['INSERT', 'MODIFY']);
  });

  it('dynamodb tumbling-window: refuses a state that is not a JSON object, a final other than true/false, a window over 900 s', () => {
    assert.throws(() => build('dynamodb tumbling-window', { state: '[1]' }), (e: Error) => e instanceof EventLookupError && /state must be a JSON object/.test(e.message));
    assert.throws(() => build('dynamodb tumbling-window', { final: 'yes' }), (e: Error) => e instanceof EventLookupError && /final must be true or false/.test(e.message));
    assert.throws(() => build('dynamodb tumbling-window', { windowSeconds: '901' }), (e: Error) => e instanceof EventLookupError && /windowSeconds must be between 1 and 900/.test(e.message));
  });

  it('kinesis analytics-output-delivery: one record per row, base64, with the retry hint given and no source stream', () => {
    const event = build('kinesis analytics-output-delivery', { rows: '{"a":1}\n\n{"b":"é"}', retryHint: '2' });
    assert.equal(event.streamArn, undefined);
    assert.deepEqual(
      event.records.map((r: { data: string }) => Buffer.from(r.data, 'base64').toString('utf8')),
      ['{"a":1}', '{"b":"é"}'],
    );
    assert.deepEqual(event.records.map((r: { lambdaDeliveryRecordMetadata: unknown }) => r.lambdaDeliveryRecordMetadata), [{ retryHint: 2 }, { retryHint: 2 }]);
    assert.notEqual(event.records[0].recordId, event.records[1].recordId);
    assert.throws(() => build('kinesis analytics-output-delivery', { retryHint: '-1' }), (e: Error) => e instanceof EventLookupError && /retryHint must not be negative/.test(e.message));
  });

  it('clientvpn connection-handler: the attributes of the connection as given, the groups tidied, a connection id per attempt', () => {
    const event = build('clientvpn connection-handler', { groups: ' admins , ,ops', username: '', commonName: 'laptop-17.corp.example' });
    assert.equal(event.groups, 'admins,ops');
    assert.deepEqual([event.username, event['common-name']], ['', 'laptop-17.corp.example']);
    assert.match(event['connection-id'], /^cvpn-connection-[0-9a-f]{17}$/);
    const later = generateEvent(findEventById('clientvpn connection-handler'), {}, { ...FIXED, now: new Date('2026-11-26T15:00:00Z') }) as Record<string, string>;
    assert.notEqual(later['connection-id'], build('clientvpn connection-handler')['connection-id']);
  });
});
