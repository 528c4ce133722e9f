import * as assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { samTagValue } from '../../../bench/eventKeyCoverage';
import { collapsePath, compare, eventPaths, percentPresent, percentText, renderTemplate } from '../../../bench/eventKeyCoverageParts';

// npm run events-coverage: its figures mean something only if AWS's templates render to the JSON SAM CLI would give,
// data-keyed maps count once, and a percentage never rounds a missed goal up to a met one.
describe('bench: event key coverage (its own parts)', () => {
  it('renders SAM CLI placeholders so the template parses: inside strings, unquoted, dict tags', () => {
    const template = '{"arn": "arn:{{{partition}}}:s3:::{{{bucket}}}", "n": {{{count}}}, "x": {{{name}}}, "qs": "{{{qs}}}", "m": "{{message}}", "q": "a \\"{{{bucket}}}\\" b"}';
    const rendered = JSON.parse(renderTemplate(template, { partition: 'aws', bucket: 'my"bucket', count: '42', name: 'not-a-number', qs: { json: { foo: 'bar' } }, message: 'hi' }));
    assert.deepEqual(rendered, { arn: 'arn:aws:s3:::my"bucket', n: 42, x: 0, qs: { foo: 'bar' }, m: 'hi', q: 'a "my"bucket" b' });
  });

  it('renders a placeholder without a value as its own name, and one inside an escaped JSON string still parses twice', () => {
    const template = '{"invokingEvent": "{\\"awsAccountId\\":\\"{{{account_id}}}\\"}", "other": "{{{unknown}}}"}';
    const rendered = JSON.parse(renderTemplate(template, { account_id: '123456789012' })) as { invokingEvent: string; other: string };
    assert.deepEqual(JSON.parse(rendered.invokingEvent), { awsAccountId: '123456789012' });
    assert.equal(rendered.other, 'unknown');
  });

  it("applies SAM's tag encodings (base64, url) and dict defaults", () => {
    assert.equal(samTagValue({ default: '{"test":"body"}', encoding: 'base64' }), 'eyJ0ZXN0IjoiYm9keSJ9');
    assert.equal(samTagValue({ default: 'test/key a', encoding: 'url' }), 'test/key%20a');
    assert.deepEqual(samTagValue({ default: '{"foo": "bar"}', type: 'dict' }), { json: { foo: 'bar' } });
    assert.equal(samTagValue({}), undefined);
  });

  it("collapses a data-keyed map to the map's path, keeps named real keys, and keys a map of AWS-shaped values by [*]", () => {
    const maps = [
      { map: /(^|\.)headers$/, why: 'header names' },
      { map: /^ResourceProperties$/, keep: ['ServiceToken'], why: 'template properties' },
      { map: /^records$/, values: 'keyed' as const, why: 'by topic-partition' },
    ];
    assert.equal(collapsePath('Records[].cf.request.headers.host[].value', maps), 'Records[].cf.request.headers');
    assert.equal(collapsePath('headers["X-Forwarded-For"]', maps), 'headers');
    assert.equal(collapsePath('ResourceProperties.ServiceToken', maps), 'ResourceProperties.ServiceToken');
    assert.equal(collapsePath('ResourceProperties.BucketName', maps), 'ResourceProperties');
    assert.equal(collapsePath('records["topic-0"][].offset', maps), 'records[*][].offset');
    assert.equal(collapsePath('requestContext.http.method', maps), 'requestContext.http.method');
  });

  it('reads the keys of inner JSON (an SNS Message, base64 gzip of CloudWatch Logs) under <path>(<encoding>)', () => {
    const sns = { Records: [{ Sns: { Message: JSON.stringify({ AlarmName: 'a', Trigger: { Dimensions: [{ name: 'n' }] } }) } }] };
    const paths = eventPaths(sns, [{ path: 'Records[].Sns.Message', encoding: 'json' }]);
    assert.ok(paths.has('Records[].Sns.Message(json).AlarmName'));
    assert.ok(paths.has('Records[].Sns.Message(json).Trigger.Dimensions[].name'));
    const logs = { awslogs: { data: gzipSync(JSON.stringify({ logGroup: 'g', logEvents: [{ id: '1' }] })).toString('base64') } };
    assert.ok(eventPaths(logs, [{ path: 'awslogs.data', encoding: 'base64 gzip json' }]).has('awslogs.data(base64 gzip json).logEvents[].id'));
    // Plain text where JSON was expected adds nothing rather than failing the run.
    assert.deepEqual([...eventPaths({ m: 'hello' }, [{ path: 'm', encoding: 'json' }])], ['m']);
  });

  it('counts their paths we have, over samples together, and never prints a missed goal as met', () => {
    const one = compare(new Set(['a', 'b', 'c', 'd']), new Set(['a', 'b', 'c', 'z']));
    assert.deepEqual(one, { theirs: 4, ours: 4, present: 3, missing: ['d'] });
    assert.deepEqual(compare(new Set(['a']), undefined), { theirs: 1, ours: 0, present: 0, missing: ['a'] });
    assert.equal(percentPresent([one, { theirs: 16, present: 16 }]), 95);
    assert.equal(percentPresent([]), 100);
    assert.equal(percentText(94.96), '94.9 %');
    assert.equal(percentText(100), '100.0 %');
  });
});
