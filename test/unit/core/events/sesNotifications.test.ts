import * as assert from 'node:assert/strict';
import { EventLookupError, findEventById, generateEvent } from '../../../../src/core/events/catalog';
import type { EventContext } from '../../../../src/core/events/types';
import { missingPaths } from '../../../support/eventKeyPaths';

const FIXED: EventContext = { now: new Date('2026-11-26T14:05:09.123Z'), uuid: () => '11111111-2222-4333-8444-555555555555' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function delivered(id: string, values: Record<string, string> = {}): { sns: any; notification: any } {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const sns = (generateEvent(findEventById(id), values, FIXED) as any).Records[0].Sns;
  return { sns, notification: JSON.parse(sns.Message) };
}

/** SES's documented receipt notification contents (notificationType, mail, receipt), whatever the action. */
const NOTIFICATION = [
  'notificationType',
  'mail.timestamp',
  'mail.source',
  'mail.messageId',
  'mail.destination',
  'mail.headersTruncated',
  'mail.headers[].name',
  'mail.headers[].value',
  'mail.commonHeaders.returnPath',
  'mail.commonHeaders.from',
  'mail.commonHeaders.date',
  'mail.commonHeaders.to',
  'mail.commonHeaders.messageId',
  'mail.commonHeaders.subject',
  'receipt.timestamp',
  'receipt.processingTimeMillis',
  'receipt.recipients',
  'receipt.spamVerdict.status',
  'receipt.virusVerdict.status',
  'receipt.spfVerdict.status',
  'receipt.dkimVerdict.status',
  'receipt.dmarcVerdict.status',
  'receipt.action.type',
  'receipt.action.topicArn',
];

describe('core/events catalogue: SES receipt notifications through SNS', () => {
  it('s3-action-notification: an SNS event whose Message is the S3 action’s notification, naming where the mail was stored', () => {
    const { sns, notification } = delivered('ses s3-action-notification', { bucket: 'mail-in', prefix: 'support/', topic: 'mail-stored' });
    assert.deepEqual(missingPaths(notification, [...NOTIFICATION, 'receipt.action.bucketName', 'receipt.action.objectKeyPrefix', 'receipt.action.objectKey']), []);
    assert.equal(notification.notificationType, 'Received');
    assert.equal(notification.receipt.action.type, 'S3');
    assert.equal(notification.receipt.action.objectKey, `support/${notification.mail.messageId}`, 'SES stores the mail under its message id');
    assert.equal(notification.receipt.action.topicArn, sns.TopicArn);
    assert.equal(notification.content, undefined, 'only the SNS action carries the mail itself');
    assert.equal(sns.Subject, 'Amazon SES Email Receipt Notification');
  });

  it('sns-action-notification: the mail itself is in content, headers then a blank line then the body, with CRLF line ends', () => {
    const { notification } = delivered('ses sns-action-notification', { subject: 'Grüße', body: 'line one\nline two' });
    assert.deepEqual(missingPaths(notification, [...NOTIFICATION, 'receipt.action.encoding', 'content']), []);
    assert.deepEqual([notification.receipt.action.type, notification.receipt.action.encoding], ['SNS', 'UTF8']);
    const [head, body] = notification.content.split('\r\n\r\n');
    assert.equal(body, 'line one\r\nline two\r\n');
    assert.ok(head.split('\r\n').includes(`Subject: =?UTF-8?B?${Buffer.from('Grüße').toString('base64')}?=`), head);
    assert.equal(notification.mail.commonHeaders.subject, 'Grüße');
  });

  it('the Lambda action’s event keeps its shape: the mail and receipt without a notificationType, the function in the action', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const ses = (generateEvent(findEventById('ses email-receiving'), { functionName: 'inbox' }, FIXED) as any).Records[0].ses;
    assert.equal(ses.receipt.action.functionArn, 'arn:aws:lambda:us-east-1:123456789012:function:inbox');
    assert.equal(ses.notificationType, undefined);
    assert.deepEqual(ses.mail, delivered('ses s3-action-notification').notification.mail);
  });

  it('every SES event: a DMARC policy given means the mail failed DMARC, and only then is dmarcPolicy there; Cc recipients are recipients too', () => {
    for (const id of ['ses email-receiving', 'ses s3-action-notification', 'ses sns-action-notification']) {
      const built = generateEvent(findEventById(id), { dmarcPolicy: 'Quarantine', cc: 'Mary Major <mary@example.org>, ops@example.org' }, FIXED);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const ses: any = id === 'ses email-receiving' ? (built as any).Records[0].ses : JSON.parse((built as any).Records[0].Sns.Message);
      assert.deepEqual([ses.receipt.dmarcVerdict.status, ses.receipt.dmarcPolicy], ['FAIL', 'quarantine'], id);
      assert.deepEqual(ses.mail.commonHeaders.cc, ['Mary Major <mary@example.org>', 'ops@example.org'], id);
      assert.deepEqual(ses.mail.destination, ['johndoe@example.com', 'mary@example.org', 'ops@example.org'], id);
      assert.ok(ses.mail.headers.some((h: { name: string; value: string }) => h.name === 'Cc' && h.value === 'Mary Major <mary@example.org>, ops@example.org'), id);
    }
    const passed = delivered('ses s3-action-notification').notification.receipt;
    assert.deepEqual([passed.dmarcVerdict.status, 'dmarcPolicy' in passed], ['PASS', false]);
    assert.equal('cc' in delivered('ses s3-action-notification').notification.mail.commonHeaders, false);
    assert.throws(() => generateEvent(findEventById('ses email-receiving'), { dmarcPolicy: 'block' }, FIXED), (e: Error) => e instanceof EventLookupError && /dmarcPolicy must be one of none, quarantine, reject or empty/.test(e.message));
  });
});
