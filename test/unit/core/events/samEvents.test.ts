import * as assert from 'node:assert/strict';
import { CATALOG } from '../../../../src/core/events/catalog';
import { SAM_EVENT_IDS } from '../../../../src/core/events/samEventIds';

describe('core/events: every event kind of SAM CLI', () => {
  it('has each of sam local generate-event’s events under the same service and event name', () => {
    const ours = new Set(CATALOG.map((e) => `${e.service} ${e.event}`));
    assert.equal(SAM_EVENT_IDS.size, 68, 'the list is SAM CLI’s 68 events');
    assert.deepEqual([...SAM_EVENT_IDS].filter((id) => !ours.has(id)), []);
  });
});
