import type { SESEvent, SESMail, SESMailHeader, SESReceipt, SNSEvent } from 'aws-lambda';
import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, isoTime, sha256 } from '../helpers';
import { notification } from './sns';

const GROUP = 'Amazon SES';

/** RFC 5322 date: "Thu, 26 Nov 2026 14:05:09 +0000". */
function mailDate(date: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${days[date.getUTCDay()]}, ${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ${date.toISOString().slice(11, 19)} +0000`;
}

/** The bare address of "Jane Doe <jane@example.com>" or "jane@example.com". */
function address(mailbox: string): string {
  const match = /<([^>]+)>/.exec(mailbox);
  return (match ? match[1] : mailbox).trim();
}

/** A header value as written on the wire: non-ASCII text as an RFC 2047 encoded word (commonHeaders carry it decoded). */
function encodedWord(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** A mailbox on the wire: a non-ASCII display name encoded, the address kept. */
function encodedMailbox(mailbox: string): string {
  const match = /^(.*?)\s*<([^>]+)>$/.exec(mailbox.trim());
  return match && match[1] ? `${encodedWord(match[1].replace(/^"|"$/g, ''))} <${match[2]}>` : mailbox;
}

/** A comma-separated list of mailboxes, each as written. */
function mailboxes(value: string): string[] {
  return value
    .split(',')
    .map((m) => m.trim())
    .filter((m) => m !== '');
}

const MAIL_PARAMS = {
  region: REGION,
  account: ACCOUNT,
  from: { default: 'Jane Doe <janedoe@example.com>', description: 'From mailbox' },
  to: { default: 'johndoe@example.com', description: 'Recipients, comma-separated' },
  subject: { default: 'Test Subject', description: 'Subject' },
  cc: { default: '', description: 'Cc recipients, comma-separated (empty: none)' },
  dmarcPolicy: { default: '', description: 'The sending domain’s DMARC policy, for a mail that fails DMARC: none | quarantine | reject (empty: the mail passes)' },
};

const DMARC_POLICIES = ['none', 'quarantine', 'reject'] as const;

type MailParams = Readonly<Record<keyof typeof MAIL_PARAMS, string>>;

/** The mail and the receipt (less its action) SES describes a received message with, whatever the receipt rule's action. */
function received(p: MailParams, ctx: { now: Date }): { mail: SESMail; receipt: Omit<SESReceipt, 'action'>; headers: SESMailHeader[] } {
  const source = address(p.from);
  const recipients = mailboxes(p.to);
  if (recipients.length === 0) throw new TypeError('Parameter to must name at least one recipient.');
  const copied = mailboxes(p.cc);
  const destination = [...recipients, ...copied].map(address);
  const policy = p.dmarcPolicy.trim().toLowerCase();
  const dmarcPolicy = DMARC_POLICIES.find((d) => d === policy);
  if (policy !== '' && !dmarcPolicy) throw new TypeError(`Parameter dmarcPolicy must be one of ${DMARC_POLICIES.join(', ')} or empty, not "${p.dmarcPolicy}".`);
  const sourceDomain = source.includes('@') ? source.slice(source.indexOf('@') + 1) : 'example.com';
  // SES message ids are 20 lower-case letters and digits; derived from the mail so they stay stable for a given input.
  const messageId = sha256(`${p.from}\n${p.to}\n${p.subject}\n${ctx.now.toISOString()}`).slice(0, 20);
  const date = mailDate(ctx.now);
  const headerMessageId = `<${messageId}@mail.${sourceDomain}>`;
  const headers: SESMailHeader[] = [
    { name: 'Return-Path', value: `<${source}>` },
    {
      name: 'Received',
      value: `from mail.${sourceDomain} (mail.${sourceDomain} [203.0.113.1]) by inbound-smtp.${p.region}.amazonaws.com with SMTP id ${messageId} for ${destination.join(', ')}; ${date}`,
    },
    { name: 'DKIM-Signature', value: `v=1; a=rsa-sha256; c=relaxed/relaxed; d=${sourceDomain}; s=example; h=mime-version:from:date:message-id:subject:to:content-type; bh=${Buffer.from(sha256(p.subject), 'hex').toString('base64')}; b=${Buffer.from(sha256(headerMessageId), 'hex').toString('base64')}` },
    { name: 'MIME-Version', value: '1.0' },
    { name: 'From', value: encodedMailbox(p.from) },
    { name: 'Date', value: date },
    { name: 'Message-ID', value: headerMessageId },
    { name: 'Subject', value: encodedWord(p.subject) },
    { name: 'To', value: recipients.map(encodedMailbox).join(', ') },
    ...(copied.length > 0 ? [{ name: 'Cc', value: copied.map(encodedMailbox).join(', ') }] : []),
    { name: 'Content-Type', value: 'text/plain; charset=UTF-8' },
  ];
  return {
    headers,
    mail: {
      timestamp: isoTime(ctx.now),
      source,
      messageId,
      destination,
      headersTruncated: false,
      headers,
      commonHeaders: { returnPath: source, from: [p.from], date, to: recipients, ...(copied.length > 0 ? { cc: copied } : {}), messageId: headerMessageId, subject: p.subject },
    },
    receipt: {
      timestamp: isoTime(ctx.now),
      processingTimeMillis: 574,
      recipients: destination,
      spamVerdict: { status: 'PASS' },
      virusVerdict: { status: 'PASS' },
      spfVerdict: { status: 'PASS' },
      dkimVerdict: { status: 'PASS' },
      // SES adds the domain's policy only when the mail fails DMARC.
      ...(dmarcPolicy ? { dmarcVerdict: { status: 'FAIL' }, dmarcPolicy } : { dmarcVerdict: { status: 'PASS' } }),
    },
  };
}

const TOPIC = { topic: { default: 'inbound-mail', description: 'Topic the receipt rule notifies (a function subscribed to it gets this event)' } };

/**
 * SES publishes a receipt notification to the action's SNS topic; a function subscribed to the topic gets it as an SNS
 * event whose Message is the notification's JSON, under the subject SES gives it.
 */
function receiptNotification(p: MailParams & { topic: string }, ctx: { now: Date; uuid(): string }, message: Record<string, unknown>): SNSEvent {
  return notification({ region: p.region, account: p.account, topic: p.topic, subject: 'Amazon SES Email Receipt Notification', message: JSON.stringify(message) }, ctx, {});
}

export const sesEvents = [
  defineEvent<SESEvent>()({
    service: 'ses',
    event: 'email-receiving',
    title: 'SES email received (Lambda action)',
    group: GROUP,
    params: { ...MAIL_PARAMS, functionName: { default: 'my-function', description: 'Function of the receipt rule’s Lambda action' } },
    build: (p, ctx) => {
      const { mail, receipt } = received(p, ctx);
      return {
        Records: [
          {
            eventSource: 'aws:ses',
            eventVersion: '1.0',
            ses: { mail, receipt: { ...receipt, action: { type: 'Lambda', functionArn: arn('lambda', p.region, p.account, `function:${p.functionName}`), invocationType: 'Event' } } },
          },
        ],
      };
    },
  }),
  defineEvent<SNSEvent>()({
    service: 'ses',
    event: 's3-action-notification',
    title: 'SES email received (S3 action; its notification through SNS)',
    group: GROUP,
    params: { ...MAIL_PARAMS, ...TOPIC, bucket: { default: 'amzn-s3-demo-inbox', description: 'Bucket the S3 action stores the mail in' }, prefix: { default: 'inbound/', description: 'Object key prefix of the S3 action (empty: none)' } },
    build: (p, ctx) => {
      const { mail, receipt } = received(p, ctx);
      const action = { type: 'S3', topicArn: arn('sns', p.region, p.account, p.topic), bucketName: p.bucket, objectKeyPrefix: p.prefix, objectKey: `${p.prefix}${mail.messageId}` };
      return receiptNotification(p, ctx, { notificationType: 'Received', mail, receipt: { ...receipt, action } });
    },
  }),
  defineEvent<SNSEvent>()({
    service: 'ses',
    event: 'sns-action-notification',
    title: 'SES email received (SNS action: the mail in the notification)',
    group: GROUP,
    params: { ...MAIL_PARAMS, ...TOPIC, body: { default: 'Hello John,\nthe report is attached.\nJane', description: 'Body of the mail (plain text)' } },
    build: (p, ctx) => {
      const { mail, receipt, headers } = received(p, ctx);
      const action = { type: 'SNS', topicArn: arn('sns', p.region, p.account, p.topic), encoding: 'UTF8' };
      // The SNS action's notification carries the whole message as received: its headers, a blank line, the body.
      const content = `${headers.map((h) => `${h.name}: ${h.value}`).join('\r\n')}\r\n\r\n${p.body.replace(/\r?\n/g, '\r\n')}\r\n`;
      return receiptNotification(p, ctx, { notificationType: 'Received', mail, receipt: { ...receipt, action }, content });
    },
  }),
];
