import type { SESEvent, SESMailHeader } from 'aws-lambda';
import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, isoTime, sha256 } from '../helpers';

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

export const sesEvents = [
  defineEvent<SESEvent>()({
    service: 'ses',
    event: 'email-receiving',
    title: 'SES email received (Lambda action)',
    group: GROUP,
    params: {
      region: REGION,
      account: ACCOUNT,
      from: { default: 'Jane Doe <janedoe@example.com>', description: 'From mailbox' },
      to: { default: 'johndoe@example.com', description: 'Recipients, comma-separated' },
      subject: { default: 'Test Subject', description: 'Subject' },
      functionName: { default: 'my-function', description: 'Function of the receipt rule’s Lambda action' },
    },
    build: (p, ctx) => {
      const source = address(p.from);
      const recipients = mailboxes(p.to);
      if (recipients.length === 0) throw new TypeError('Parameter to must name at least one recipient.');
      const destination = recipients.map(address);
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
        { name: 'Content-Type', value: 'text/plain; charset=UTF-8' },
      ];
      return {
        Records: [
          {
            eventSource: 'aws:ses',
            eventVersion: '1.0',
            ses: {
              mail: {
                timestamp: isoTime(ctx.now),
                source,
                messageId,
                destination,
                headersTruncated: false,
                headers,
                commonHeaders: {
                  returnPath: source,
                  from: [p.from],
                  date,
                  to: recipients,
                  messageId: headerMessageId,
                  subject: p.subject,
                },
              },
              receipt: {
                timestamp: isoTime(ctx.now),
                processingTimeMillis: 574,
                recipients: destination,
                spamVerdict: { status: 'PASS' },
                virusVerdict: { status: 'PASS' },
                spfVerdict: { status: 'PASS' },
                dkimVerdict: { status: 'PASS' },
                dmarcVerdict: { status: 'PASS' },
                action: { type: 'Lambda', functionArn: arn('lambda', p.region, p.account, `function:${p.functionName}`), invocationType: 'Event' },
              },
            },
          },
        ],
      };
    },
  }),
];
