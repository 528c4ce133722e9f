import * as assert from 'node:assert/strict';
import { EventLookupError, findEventById, generateEvent } from '../../../../src/core/events/catalog';
import type { EventContext } from '../../../../src/core/events/types';

const FIXED: EventContext = { now: new Date('2026-11-26T14:05:09.123Z'), uuid: () => '11111111-2222-4333-8444-555555555555' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function build(values: Record<string, string> = {}, ctx: EventContext = FIXED): any {
  return generateEvent(findEventById('workmail email'), values, ctx);
}

describe('core/events catalogue: Amazon WorkMail', () => {
  it('email: every key of the Run Lambda rule event, the envelope and sender as given', () => {
    const event = build({ mailFrom: 'bounce@lists.example.org', sender: 'news@example.org', recipients: 'a@corp.example, b@corp.example,', flowDirection: 'OUTBOUND' });
    assert.deepEqual(Object.keys(event).sort(), ['envelope', 'flowDirection', 'invocationId', 'messageId', 'sender', 'subject', 'summaryVersion', 'truncated']);
    assert.deepEqual(event.envelope, { mailFrom: { address: 'bounce@lists.example.org' }, recipients: [{ address: 'a@corp.example' }, { address: 'b@corp.example' }] });
    assert.deepEqual(event.sender, { address: 'news@example.org' });
    assert.equal(event.flowDirection, 'OUTBOUND');
    assert.equal(event.truncated, false);
  });

  it('email: the messageId (for GetRawMessageContent) is a fresh id; invocationId is 32 hex and differs per message', () => {
    const event = build();
    assert.equal(event.messageId, '11111111-2222-4333-8444-555555555555');
    assert.match(event.invocationId, /^[0-9a-f]{32}$/);
    const other = build({}, { ...FIXED, uuid: () => '99999999-2222-4333-8444-555555555555' });
    assert.notEqual(other.invocationId, event.invocationId);
  });

  it('email: the subject is cut to 256 characters, as WorkMail sends it', () => {
    assert.equal(build({ subject: 'é'.repeat(300) }).subject, 'é'.repeat(256));
  });

  it('email: refuses a direction other than INBOUND or OUTBOUND, and what is not an address, naming the parameter', () => {
    assert.throws(() => build({ flowDirection: 'inbound' }), (e: Error) => e instanceof EventLookupError && /flowDirection must be one of INBOUND, OUTBOUND/.test(e.message));
    assert.throws(() => build({ recipients: 'a@corp.example, not an address' }), (e: Error) => e instanceof EventLookupError && /Parameter recipients/.test(e.message));
    assert.throws(() => build({ recipients: ' , ' }), (e: Error) => e instanceof EventLookupError && /recipients must name at least one/.test(e.message));
    assert.throws(() => build({ mailFrom: 'jane' }), (e: Error) => e instanceof EventLookupError && /Parameter mailFrom/.test(e.message));
  });
});
