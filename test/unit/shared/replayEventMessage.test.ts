import * as assert from 'node:assert/strict';
import { MAX_EVENT_TEXT, isPageMessage } from '../../../src/shared/monitorMessages';

// The host acts on a replay request from the Monitor page only when every field is what the page sends: one of the
// three actions, a request id, a time, a known source and the event as JSON text within Lambda's payload limit.

const VALID = { type: 'replayEvent', action: 'invokeDeployed', requestId: '8f507cfc-1a2b-4c3d-9e8f-0123456789ab', timestamp: 1_700_000_000_000, version: '7', source: 'powertools', event: '{"Records":[]}' };

describe('shared/monitorMessages: the page asking to replay a logged event', () => {
  it('accepts each of the three actions, with or without the version', () => {
    for (const action of ['replayLocally', 'invokeDeployed', 'saveTestEvent']) assert.equal(isPageMessage({ ...VALID, action }), true, action);
    const { version: _version, ...withoutVersion } = VALID;
    assert.equal(isPageMessage(withoutVersion), true);
    assert.equal(isPageMessage({ ...VALID, event: '[1, 2]' }), true, 'an event may be any JSON value');
  });

  it('refuses what the host must not act on', () => {
    const bad: Record<string, unknown>[] = [
      { action: 'deleteFunction' },
      { action: undefined },
      { requestId: '../../etc/passwd' },
      { requestId: 'x'.repeat(65) },
      { requestId: 42 },
      { timestamp: Number.NaN },
      { version: 'v'.repeat(65) },
      { source: 'guess' },
      { event: '{"Records": [' },
      { event: '' },
      { event: { Records: [] } },
      { event: JSON.stringify({ data: 'x'.repeat(MAX_EVENT_TEXT) }) },
    ];
    for (const change of bad) assert.equal(isPageMessage({ ...VALID, ...change }), false, JSON.stringify(change).slice(0, 80));
  });
});
