import type { SNSEvent, SNSMessageAttribute, SNSMessageAttributes } from 'aws-lambda';
import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, headers, isoTime, md5, sha256 } from '../helpers';

const GROUP = 'Amazon SNS';

const TOPIC_PARAMS = {
  region: REGION,
  account: ACCOUNT,
  topic: { default: 'my-topic', description: 'Topic name' },
  subject: { default: 'Order update', description: 'Subject of the notification (empty: none, sent as null)' },
  message: { default: '{"orderId":"1234","status":"shipped"}', description: 'Message body' },
};

export type TopicParams = Readonly<Record<keyof typeof TOPIC_PARAMS, string>>;

/** An attribute value as SNS delivers it: a number as Number, a list as String.Array, {Type, Value} as given, else String. */
function attribute(value: unknown): SNSMessageAttribute {
  if (value && typeof value === 'object' && !Array.isArray(value) && 'Type' in value && 'Value' in value) {
    return { Type: String(value.Type), Value: String(value.Value) };
  }
  if (Array.isArray(value)) return { Type: 'String.Array', Value: JSON.stringify(value) };
  if (typeof value === 'number') return { Type: 'Number', Value: String(value) };
  const text = String(value);
  return /^-?\d+(\.\d+)?$/.test(text) ? { Type: 'Number', Value: text } : { Type: 'String', Value: text };
}

/** A stand-in for the RSA signature: 256 bytes, base64, that change with what SNS signs. */
function signature(signed: string): string {
  const digests = Array.from({ length: 8 }, (_, i) => Buffer.from(sha256(`${i}:${signed}`), 'hex'));
  return Buffer.concat(digests).toString('base64');
}

/** An SNS event delivering one message; other services' notifications through SNS (alarms, SES receipts) use it with their own JSON as the message. */
export function notification(p: TopicParams, ctx: { now: Date; uuid(): string }, attributes: SNSMessageAttributes): SNSEvent {
  const topicArn = arn('sns', p.region, p.account, p.topic);
  const subscriptionArn = `${topicArn}:${ctx.uuid()}`;
  const messageId = ctx.uuid();
  const timestamp = isoTime(ctx.now);
  return {
    Records: [
      {
        EventVersion: '1.0',
        EventSubscriptionArn: subscriptionArn,
        EventSource: 'aws:sns',
        Sns: {
          SignatureVersion: '1',
          Timestamp: timestamp,
          Signature: signature(`${p.message}\n${messageId}\n${p.subject}\n${timestamp}\n${topicArn}`),
          SigningCertUrl: `https://sns.${p.region}.amazonaws.com/SimpleNotificationService-${md5(p.region)}.pem`,
          MessageId: messageId,
          Message: p.message,
          MessageAttributes: attributes,
          Type: 'Notification',
          UnsubscribeUrl: `https://sns.${p.region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`,
          TopicArn: topicArn,
          // A message published without a subject arrives with "Subject": null, which @types/aws-lambda does not allow; cast.
          Subject: p.subject === '' ? (null as unknown as string) : p.subject,
        },
      },
    ],
  };
}

export const snsEvents = [
  defineEvent<SNSEvent>()({
    service: 'sns',
    event: 'notification',
    title: 'SNS notification',
    group: GROUP,
    params: TOPIC_PARAMS,
    build: (p, ctx) => notification(p, ctx, {}),
  }),
  defineEvent<SNSEvent>()({
    service: 'sns',
    event: 'notification-with-attributes',
    title: 'SNS notification with message attributes',
    group: GROUP,
    params: {
      ...TOPIC_PARAMS,
      attributes: {
        default: 'store: example_corp; event: order_placed; price_usd: 210.75',
        description: 'Message attributes: "Name: value" pairs (numbers become Number) or a JSON object ({"Type","Value"} kept as given, lists as String.Array)',
      },
    },
    build: (p, ctx) => {
      const given: Record<string, unknown> = headers('attributes', p.attributes);
      return notification(p, ctx, Object.fromEntries(Object.entries(given).map(([name, value]) => [name, attribute(value)])));
    },
  }),
];
