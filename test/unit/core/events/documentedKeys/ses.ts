/**
 * Amazon SES email receiving: the Lambda action's event (the Lambda developer guide's SES event) and the receipt
 * notifications of the S3 and SNS actions, which a function gets through the SNS topic (their JSON is the SNS Message,
 * whose keys ses.test.ts checks on the parsed message).
 */
import { SNS_RECORD } from './sns';

export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'ses email-receiving': [
    'Records',
    'Records[]',
    'Records[].eventSource',
    'Records[].eventVersion',
    'Records[].ses.mail.timestamp',
    'Records[].ses.mail.source',
    'Records[].ses.mail.messageId',
    'Records[].ses.mail.destination',
    'Records[].ses.mail.headersTruncated',
    'Records[].ses.mail.headers[].name',
    'Records[].ses.mail.headers[].value',
    'Records[].ses.mail.commonHeaders.returnPath',
    'Records[].ses.mail.commonHeaders.from',
    'Records[].ses.mail.commonHeaders.date',
    'Records[].ses.mail.commonHeaders.to',
    'Records[].ses.mail.commonHeaders.messageId',
    'Records[].ses.mail.commonHeaders.subject',
    'Records[].ses.receipt.timestamp',
    'Records[].ses.receipt.processingTimeMillis',
    'Records[].ses.receipt.recipients',
    'Records[].ses.receipt.spamVerdict.status',
    'Records[].ses.receipt.virusVerdict.status',
    'Records[].ses.receipt.spfVerdict.status',
    'Records[].ses.receipt.dkimVerdict.status',
    'Records[].ses.receipt.dmarcVerdict.status',
    'Records[].ses.receipt.action.type',
    'Records[].ses.receipt.action.functionArn',
    'Records[].ses.receipt.action.invocationType',
  ],
  'ses s3-action-notification': SNS_RECORD,
  'ses sns-action-notification': SNS_RECORD,
};
