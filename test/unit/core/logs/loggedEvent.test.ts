import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { groupLambdaLogs } from '../../../../src/core/logs/lambdaLogs';
import { CLOUDWATCH_EVENT_LIMIT, findLoggedEvent, type LoggedEvent } from '../../../../src/core/logs/loggedEvent';
import type { LogEvent } from '../../../../src/shared/logEvent';

// The event an invocation logged, as the Monitor offers it for Replay locally / Invoke deployed / Save as test event:
// found whatever wrote it (Powertools for Python or TypeScript, Lambda's JSON log format, a plain console.log), and
// never a platform line, a cut line or the handler's answer.

const ID = '8f507cfc-1a2b-4c3d-9e8f-0123456789ab';
const ISO = '2024-01-31T12:34:56.789Z';
const EVENT = { Records: [{ eventSource: 'aws:sqs', body: '{"orderId":42}', messageId: 'm-1' }] };

let clock = 1_700_000_000_000;
/** One invocation's CloudWatch events: START, the lines given, END and REPORT, with Lambda's trailing newline. */
function invocation(lines: string[]) {
  const all = [`START RequestId: ${ID} Version: 7`, ...lines, `END RequestId: ${ID}`, `REPORT RequestId: ${ID}\tDuration: 2.13 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 68 MB\t`];
  const events: LogEvent[] = all.map((message) => ({ timestamp: clock++, message: `${message}\n`, logStreamName: '2024/01/31/[$LATEST]aaaa', eventId: String(clock) }));
  const { invocations } = groupLambdaLogs(events);
  assert.equal(invocations.length, 1);
  return invocations[0];
}

const found = (logged: LoggedEvent | undefined) => {
  assert.ok(logged?.found, `no event found: ${JSON.stringify(logged)}`);
  return logged;
};

/** The forms an event is logged in, each a function of the event. */
const FORMS = {
  pythonPowertools: (event: unknown) =>
    JSON.stringify({ level: 'INFO', location: 'decorate:447', message: event, timestamp: '2024-01-31 12:34:56,789+0000', service: 'orders', cold_start: true, function_name: 'orders', function_memory_size: '128', function_arn: 'arn:aws:lambda:eu-west-1:123456789012:function:orders', function_request_id: ID, xray_trace_id: '1-65ba3f2e-0123456789abcdef01234567' }),
  typescriptPowertools: (event: unknown) =>
    JSON.stringify({ level: 'INFO', message: 'Lambda invocation event', sampling_rate: 0, service: 'orders', timestamp: ISO, xray_trace_id: '1-65ba3f2e-0123456789abcdef01234567', cold_start: true, function_arn: 'arn:aws:lambda:eu-west-1:123456789012:function:orders', function_memory_size: '128', function_name: 'orders', function_request_id: ID, event }),
  jsonLogFormat: (event: unknown) => JSON.stringify({ timestamp: ISO, level: 'INFO', requestId: ID, message: event }),
  jsonLogFormatText: (event: unknown) => JSON.stringify({ timestamp: ISO, level: 'INFO', requestId: ID, message: JSON.stringify(event) }),
  nodeText: (event: unknown) => `${ISO}\t${ID}\tINFO\t${JSON.stringify(event)}`,
  nodeTextMultiLine: (event: unknown) => `${ISO}\t${ID}\tINFO\t${JSON.stringify(event, null, 2)}`,
  pythonText: (event: unknown) => `[INFO]\t${ISO}\t${ID}\t${JSON.stringify(event)}`,
  bareLine: (event: unknown) => JSON.stringify(event),
} as const;

const SOURCE: Record<keyof typeof FORMS, string> = {
  pythonPowertools: 'powertools',
  typescriptPowertools: 'powertools',
  jsonLogFormat: 'jsonLogFormat',
  jsonLogFormatText: 'jsonLogFormat',
  nodeText: 'firstJsonObject',
  nodeTextMultiLine: 'firstJsonObject',
  pythonText: 'firstJsonObject',
  bareLine: 'firstJsonObject',
};

describe('core/logs loggedEvent: the event an invocation logged', () => {
  for (const [form, write] of Object.entries(FORMS) as [keyof typeof FORMS, (e: unknown) => string][]) {
    it(`finds it when logged as ${form}, saying how (${SOURCE[form]})`, () => {
      const logged = found(findLoggedEvent(invocation([`${ISO}\t${ID}\tINFO\tstarting`, write(EVENT), `${ISO}\t${ID}\tINFO\tdone`])));
      assert.deepEqual(logged.event, EVENT);
      assert.equal(logged.source, SOURCE[form]);
    });
  }

  it('prefers Powertools over an earlier JSON object, and the JSON log format over a plain one', () => {
    const other = { orderId: 42, note: 'not the event' };
    const powertools = found(findLoggedEvent(invocation([FORMS.nodeText(other), FORMS.typescriptPowertools(EVENT)])));
    assert.deepEqual([powertools.event, powertools.source], [EVENT, 'powertools']);
    const jsonFormat = found(findLoggedEvent(invocation([FORMS.bareLine(other), FORMS.jsonLogFormat(EVENT)])));
    assert.deepEqual([jsonFormat.event, jsonFormat.source], [EVENT, 'jsonLogFormat']);
  });

  it('takes the first JSON object after START, not a later one', () => {
    const logged = found(findLoggedEvent(invocation([FORMS.nodeText(EVENT), FORMS.nodeText({ stored: true, orderId: 42 })])));
    assert.deepEqual(logged.event, EVENT);
  });

  it('finds nothing in an invocation that logged no JSON: only START, text lines, END and REPORT', () => {
    assert.equal(findLoggedEvent(invocation([`${ISO}\t${ID}\tINFO\tprocessed order 1002`, `[INFO]\t${ISO}\t${ID}\t{not json}`])), undefined);
    assert.equal(findLoggedEvent(invocation([])), undefined, 'START, END and REPORT are never the event');
  });

  it('does not take a JSON log record whose message is text, nor a Powertools line other than the event line', () => {
    const lines = [
      JSON.stringify({ timestamp: ISO, level: 'INFO', requestId: ID, message: 'order stored', orderId: 1002 }),
      JSON.stringify({ level: 'INFO', location: 'handler:12', message: 'saved', service: 'orders', function_request_id: ID }),
      JSON.stringify({ level: 'INFO', message: 'Lambda invocation event', service: 'orders', function_request_id: ID }),
    ];
    assert.equal(findLoggedEvent(invocation(lines)), undefined);
  });

  it("never takes the handler's logged answer or error for the event", () => {
    const answer = { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' };
    const error = { errorType: 'ValidationError', errorMessage: 'order 42 has no items', stack: ['ValidationError: order 42 has no items'] };
    const lines = [
      FORMS.nodeText(answer),
      FORMS.jsonLogFormat(answer),
      `${ISO}\t${ID}\tERROR\tInvoke Error \t${JSON.stringify(error)}`,
      `${ISO}\t${ID}\tERROR\t${JSON.stringify({ reason: 'failed', orderId: 42 })}`,
      FORMS.bareLine(error),
    ];
    assert.equal(findLoggedEvent(invocation(lines)), undefined);
    // An API Gateway event has a statusCode-free shape and stays an event; one with requestContext is an event too.
    const apiEvent = { httpMethod: 'GET', path: '/orders', statusCode: 1, body: null, requestContext: { requestId: 'r' } };
    assert.deepEqual(found(findLoggedEvent(invocation([FORMS.nodeText(apiEvent), FORMS.nodeText(answer)]))).event, apiEvent);
  });

  it('says a logged event that CloudWatch cut at 256 KB cannot be used, rather than taking a later line', () => {
    const big = { Records: [{ body: 'x'.repeat(CLOUDWATCH_EVENT_LIMIT) }] };
    const cut = FORMS.nodeText(big).slice(0, CLOUDWATCH_EVENT_LIMIT);
    const logged = findLoggedEvent(invocation([cut, FORMS.nodeText({ later: true })]));
    assert.equal(logged?.found, false);
    assert.equal(logged?.found === false && logged.truncatedLine.text.length > 200_000, true);
    const cutPowertools = FORMS.typescriptPowertools(big).slice(0, CLOUDWATCH_EVENT_LIMIT);
    assert.equal(findLoggedEvent(invocation([cutPowertools]))?.found, false);
  });

  it('keeps to its own invocation: a second invocation in the same stream has its own event, or none', () => {
    const ID2 = '0b9d1c2e-3f4a-4b5c-8d6e-7f8091a2b3c4';
    const events: LogEvent[] = [
      `START RequestId: ${ID} Version: $LATEST`,
      FORMS.nodeText(EVENT),
      `END RequestId: ${ID}`,
      `REPORT RequestId: ${ID}\tDuration: 2.13 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 68 MB\t`,
      `START RequestId: ${ID2} Version: $LATEST`,
      `${ISO}\t${ID2}\tINFO\tno event here`,
      `END RequestId: ${ID2}`,
    ].map((message) => ({ timestamp: clock++, message: `${message}\n`, logStreamName: 's' }));
    const [first, second] = groupLambdaLogs(events).invocations;
    assert.deepEqual(found(findLoggedEvent(first)).event, EVENT);
    assert.equal(findLoggedEvent(second), undefined);
  });

  it('property: any JSON object event logged in each form comes back deep-equal', () => {
    const key = fc.string({ maxLength: 12 }).filter((k) => k !== '__proto__');
    const eventArb = fc
      .dictionary(key, fc.jsonValue({ maxDepth: 3 }), { minKeys: 1, maxKeys: 6 })
      // JSON has no -0 or undefined: what a logger writes is what JSON.stringify makes of the event.
      .map((e) => JSON.parse(JSON.stringify(e)) as Record<string, unknown>)
      // A raw object with a level and a message is a log record, and an answer-shaped one an answer: not events by design.
      .filter((e) => !(('level' in e || 'log_level' in e || 'severity' in e) && ('message' in e || 'msg' in e)))
      .filter((e) => !(typeof e.statusCode === 'number' && ('body' in e || 'headers' in e)) && !(typeof e.errorMessage === 'string'));
    fc.assert(
      fc.property(eventArb, fc.constantFrom(...(Object.keys(FORMS) as (keyof typeof FORMS)[])), (event, form) => {
        const logged = findLoggedEvent(invocation([`${ISO}\t${ID}\tINFO\tstarting`, FORMS[form](event)]));
        assert.ok(logged?.found, `${form}: ${FORMS[form](event)}`);
        assert.deepEqual(logged.event, event);
      }),
      { numRuns: 300 },
    );
  });
});
