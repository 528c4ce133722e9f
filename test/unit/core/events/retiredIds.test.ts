import * as assert from 'node:assert/strict';
import { CATALOG, eventId, findEventById, generateEvent, replacementOf } from '../../../../src/core/events/catalog';

const RETIRED = ['kinesis kinesis-firehose-apache-log', 'kinesis kinesis-firehose-syslog', 'kinesis kinesis-firehose-cloudwatch-logs-processor'];

describe('core/events: ids of 0.1.0 that SAM CLI names replaced', () => {
  for (const id of RETIRED) {
    it(`${id} is still found and built, is not listed, and names a listed replacement`, () => {
      const event = findEventById(id);
      assert.equal(eventId(event), id);
      assert.ok(!CATALOG.includes(event), 'not listed');
      const replacement = replacementOf(event);
      assert.ok(replacement && CATALOG.some((e) => eventId(e) === replacement), `replacement ${replacement} is listed`);
      const built = generateEvent(event) as { records: { data: string }[] };
      assert.ok(built.records.length > 0 && Buffer.from(built.records[0].data, 'base64').length > 0);
    });
  }

  it('a current event has no replacement', () => {
    assert.equal(replacementOf(findEventById('kinesis apachelog')), undefined);
  });
});
