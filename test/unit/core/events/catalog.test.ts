import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { CATALOG, EventLookupError, eventId, findEvent, findEventById, generateEvent } from '../../../../src/core/events/catalog';
import type { EventContext } from '../../../../src/core/events/types';

const FIXED: EventContext = { now: new Date('2026-11-26T14:05:09.123Z'), uuid: () => '11111111-2222-4333-8444-555555555555' };

/** Every string anywhere in a JSON value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => (out.push(k), strings(v, out)));
  return out;
}

/** A different value of the same kind: another region or account, a larger number, other JSON, other text. */
function changedValue(name: string, value: string): string {
  if (name === 'region') return 'eu-central-2';
  if (name === 'account') return '210987654321';
  if (/^-?\d+(\.\d+)?$/.test(value)) return String(Number(value) + 7);
  if (value === 'true' || value === 'false') return String(value !== 'true');
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed !== null && typeof parsed === 'object') return JSON.stringify(Array.isArray(parsed) ? [...parsed, 'changed'] : { ...parsed, changedByTest: 1 });
  } catch {
    // not JSON: text
  }
  return `${value}x`;
}

const ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$/;

describe('core/events catalogue', () => {
  it('has unique "<service> <event>" ids in lower-case kebab style, each with a title and a group', () => {
    const ids = CATALOG.map(eventId);
    assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(', ')}`);
    for (const e of CATALOG) {
      assert.match(eventId(e), /^[a-z0-9-]+ [a-z0-9-]+$/, eventId(e));
      assert.ok(e.title.length > 3 && e.group.length > 1, eventId(e));
    }
  });

  for (const event of CATALOG) {
    describe(eventId(event), () => {
      it('builds with its defaults, round-trips as JSON, and leaves no placeholder', () => {
        const built = generateEvent(event, {}, FIXED);
        assert.ok(built && typeof built === 'object', 'an event is a JSON object');
        const text = JSON.stringify(built);
        assert.deepEqual(JSON.parse(text), built, 'not plain JSON (undefined, Date, NaN…)');
        assert.doesNotMatch(text, /\{\{|\$\{|undefined|NaN|\[object Object\]/);
      });

      it('has well-formed ARNs', () => {
        const arns = strings(generateEvent(event, {}, FIXED)).filter((s) => s.startsWith('arn:'));
        for (const a of arns) assert.match(a, ARN, a);
      });

      it('uses each parameter it declares: a changed value shows up in the event, or is refused by name', () => {
        const before = JSON.stringify(generateEvent(event, {}, FIXED));
        for (const param of event.params) {
          const marker = changedValue(param.name, param.default);
          let built: unknown;
          try {
            built = generateEvent(event, { [param.name]: marker }, FIXED);
          } catch (error) {
            // A parameter with a fixed set of values (a step, a click type) refuses others, naming itself.
            assert.ok(error instanceof EventLookupError && error.message.includes(param.name), `${param.name}=${marker}: ${(error as Error).message}`);
            continue;
          }
          assert.notEqual(JSON.stringify(built), before, `changing ${param.name} changes nothing: the parameter is unused`);
        }
      });

      it('puts the account and region parameters into every ARN that carries them', () => {
        const names = event.params.map((p) => p.name);
        if (!names.includes('account') || !names.includes('region')) return;
        const arns = strings(generateEvent(event, { account: '210987654321', region: 'eu-central-2' }, FIXED)).filter((s) => ARN.test(s));
        for (const a of arns) {
          const [, , , region, account] = a.split(':');
          if (account) assert.equal(account, '210987654321', a);
          if (region && !/^(us-east-1)$/.test(region)) assert.equal(region, 'eu-central-2', a);
        }
      });
    });
  }

  it('covers at least 100 events across at least 30 services', () => {
    assert.ok(CATALOG.length >= 100, `${CATALOG.length} events`);
    const serviceCount = new Set(CATALOG.map((e) => e.service)).size;
    assert.ok(serviceCount >= 30, `${serviceCount} services`);
  });

  it('refuses an unknown service, event or parameter, naming the valid choices', () => {
    assert.throws(() => findEvent('s4', 'put'), (e: EventLookupError) => e instanceof EventLookupError && e.choices.includes('s3') && /Unknown service "s4"/.test(e.message));
    assert.throws(() => findEvent('s3', 'putt'), (e: EventLookupError) => e.choices.includes('put') && /Unknown event "putt" for s3/.test(e.message));
    assert.throws(() => generateEvent(findEventById('s3 put'), { buckett: 'x' }), (e: EventLookupError) => e.choices.includes('bucket') && /no parameter "buckett"/.test(e.message));
  });

  it('S3: keys that need URL encoding are encoded as S3 does, bucket and key everywhere', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9][a-z0-9.-]{2,20}[a-z0-9]$/), fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }), (bucket, key) => {
        const event = generateEvent(findEventById('s3 put'), { bucket, key }, FIXED) as { Records: { s3: { bucket: { name: string; arn: string }; object: { key: string } } }[] };
        const s3 = event.Records[0].s3;
        assert.equal(s3.bucket.name, bucket);
        assert.equal(s3.bucket.arn, `arn:aws:s3:::${bucket}`);
        assert.equal(decodeURIComponent(s3.object.key.replace(/\+/g, ' ')), key);
      }),
    );
  });

  it('SQS: the MD5 of the body matches any body, unicode included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (body) => {
        const event = generateEvent(findEventById('sqs receive-message'), { body }, FIXED) as { Records: { body: string; md5OfBody: string }[] };
        assert.equal(event.Records[0].body, body);
        assert.equal(event.Records[0].md5OfBody, createHash('md5').update(body, 'utf8').digest('hex'));
      }),
    );
  });
});
