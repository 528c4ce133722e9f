import * as assert from 'node:assert/strict';
import { EventLookupError, findEventById, generateEvent } from '../../../../src/core/events/catalog';
import type { EventContext } from '../../../../src/core/events/types';
import { missingPaths } from '../../../support/eventKeyPaths';

const FIXED: EventContext = { now: new Date('2026-11-26T14:05:09.123Z'), uuid: () => '11111111-2222-4333-8444-555555555555' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function build(id: string, values: Record<string, string> = {}): any {
  return generateEvent(findEventById(id), values, FIXED);
}

const SESSION_CONTEXT = [
  'userIdentity.sessionContext.attributes.mfaAuthenticated',
  'userIdentity.sessionContext.attributes.creationDate',
  'userIdentity.sessionContext.sessionIssuer.type',
  'userIdentity.sessionContext.sessionIssuer.principalId',
  'userIdentity.sessionContext.sessionIssuer.arn',
  'userIdentity.sessionContext.sessionIssuer.accountId',
  'userIdentity.sessionContext.sessionIssuer.userName',
];

describe('core/events catalogue: S3 Object Lambda and Batch Operations', () => {
  for (const id of ['s3 object-lambda-get', 's3 object-lambda-head', 's3 object-lambda-list', 's3 object-lambda-list-v2']) {
    it(`${id}: an IAM user by default; identity=AssumedRole gives a role session with its documented sessionContext`, () => {
      const user = build(id);
      assert.equal(user.userIdentity.type, 'IAMUser');
      assert.equal(user.userIdentity.arn, 'arn:aws:iam::123456789012:user/alice');
      assert.equal(user.userIdentity.sessionContext, undefined);
      const role = build(id, { identity: 'assumedrole', principal: 'build-bot', account: '210987654321' });
      assert.equal(role.userIdentity.type, 'AssumedRole');
      assert.match(role.userIdentity.arn, /^arn:aws:sts::210987654321:assumed-role\/[\w+=,.@-]+\/build-bot$/);
      assert.deepEqual(missingPaths(role, SESSION_CONTEXT), []);
      assert.equal(role.userIdentity.sessionContext.sessionIssuer.arn, `arn:aws:iam::210987654321:role/${role.userIdentity.sessionContext.sessionIssuer.userName}`);
      assert.match(role.userIdentity.sessionContext.attributes.creationDate, /^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/);
      assert.ok(role.userIdentity.principalId.endsWith(':build-bot'), role.userIdentity.principalId);
    });
  }

  it('object-lambda: refuses an identity other than IAMUser or AssumedRole, and a principal IAM would not take, naming the parameter', () => {
    assert.throws(() => build('s3 object-lambda-head', { identity: 'Root' }), (e: Error) => e instanceof EventLookupError && /identity must be one of IAMUser, AssumedRole/.test(e.message));
    assert.throws(() => build('s3 object-lambda-get', { principal: '' }), (e: Error) => e instanceof EventLookupError && /principal must be an IAM user or session name/.test(e.message));
    assert.throws(() => build('s3 object-lambda-get', { principal: 'a/b' }), (e: Error) => e instanceof EventLookupError && /principal must be/.test(e.message));
  });

  it('object-lambda: each request asks the supporting access point for what the user asked (the key, or a listing and its prefix)', () => {
    const head = build('s3 object-lambda-head', { key: 'a b/ü.txt' });
    assert.equal(new URL(head.headObjectContext.inputS3Url).pathname, '/a%20b/%C3%BC.txt');
    assert.equal(new URL(head.userRequest.url).pathname, '/a%20b/%C3%BC.txt');
    const v1 = new URL(build('s3 object-lambda-list', { prefix: 'logs/2026/' }).listObjectsContext.inputS3Url);
    assert.equal(v1.searchParams.get('prefix'), 'logs/2026/');
    assert.equal(v1.searchParams.get('list-type'), null);
    const v2 = new URL(build('s3 object-lambda-list-v2', { prefix: '' }).listObjectsV2Context.inputS3Url);
    assert.equal(v2.searchParams.get('list-type'), '2');
    assert.equal(v2.searchParams.get('prefix'), null);
    assert.equal(v2.hostname, 'my-object-lambda-ap-supporting-123456789012.s3-accesspoint.us-east-1.amazonaws.com');
  });

  it('batch-invocation keeps schema 1.0 (SAM’s); batch-invocation-v2 is 2.0 with the user arguments as strings and the bucket by name', () => {
    const v1 = build('s3 batch-invocation');
    assert.equal(v1.invocationSchemaVersion, '1.0');
    assert.equal(v1.tasks[0].s3BucketArn, 'arn:aws:s3:::amzn-s3-demo-bucket');
    const v2 = build('s3 batch-invocation-v2', { userArguments: '{"quality":80,"strip":true,"prefix":"out/"}', versionId: '' });
    assert.equal(v2.invocationSchemaVersion, '2.0');
    assert.deepEqual(v2.job.userArguments, { quality: '80', strip: 'true', prefix: 'out/' });
    assert.deepEqual(v2.tasks[0], { taskId: '11111111-2222-4333-8444-555555555555', s3Key: 'uploads/photo 2026.jpg', s3VersionId: null, s3Bucket: 'amzn-s3-demo-bucket' });
    assert.throws(() => build('s3 batch-invocation-v2', { userArguments: '["a"]' }), (e: Error) => e instanceof EventLookupError && /userArguments must be a JSON object/.test(e.message));
    assert.throws(() => build('s3 batch-invocation-v2', { userArguments: '{oops' }), (e: Error) => e instanceof EventLookupError && /userArguments must be JSON/.test(e.message));
  });
});
