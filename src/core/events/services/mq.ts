import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, base64, byteLength, headers } from '../helpers';

const GROUP = 'Amazon MQ';

const BROKER_PARAMS = {
  region: REGION,
  account: ACCOUNT,
  broker: { default: 'my-broker', description: 'Broker name' },
  queue: { default: 'orders', description: 'Queue name' },
  body: { default: '{"orderId":"1234","status":"created"}', description: 'Message body (base64-encoded in the event)' },
};

/** The broker ARN: arn:aws:mq:<region>:<account>:broker:<name>:b-<uuid>. */
function brokerArn(p: { region: string; account: string; broker: string }, brokerId: string): string {
  return arn('mq', p.region, p.account, `broker:${p.broker}:${brokerId}`);
}

/** RabbitMQ's timestamp property as Lambda renders it: "Nov 26, 2026, 2:05:09 PM" (UTC). */
function rabbitTime(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const hours = date.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${hours % 12 === 0 ? 12 : hours % 12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
  return `${months[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}, ${time}`;
}

export const mqEvents = [
  // @types/aws-lambda has no Amazon MQ types; the format is the documented ActiveMQ record event.
  defineEvent<Record<string, unknown>>()({
    service: 'mq',
    event: 'activemq',
    title: 'Amazon MQ for ActiveMQ message batch',
    group: GROUP,
    params: {
      ...BROKER_PARAMS,
      correlationId: { default: 'myJMSCoID', description: 'JMS correlation id' },
      properties: { default: 'index: 1; doAlarm: false', description: 'JMS message properties: "Name: value" pairs or a JSON object' },
    },
    build: (p, ctx) => {
      const brokerId = `b-${ctx.uuid()}`;
      const ms = ctx.now.getTime();
      return {
        eventSource: 'aws:mq',
        eventSourceArn: brokerArn(p, brokerId),
        messages: [
          {
            messageID: `ID:${brokerId}-1.mq.${p.region}.amazonaws.com-37557-${ms}-4:1:1:1:1`,
            messageType: 'jms/text-message',
            deliveryMode: 1,
            replyTo: null,
            type: null,
            expiration: '60000',
            priority: 1,
            correlationId: p.correlationId,
            redelivered: false,
            destination: { physicalName: p.queue },
            data: base64(p.body),
            timestamp: ms,
            brokerInTime: ms,
            brokerOutTime: ms + 1,
            properties: Object.fromEntries(Object.entries(headers('properties', p.properties)).map(([k, v]) => [k, String(v)])),
          },
        ],
      };
    },
  }),
  // @types/aws-lambda has no Amazon MQ types; the format is the documented RabbitMQ record event.
  defineEvent<Record<string, unknown>>()({
    service: 'mq',
    event: 'rabbitmq',
    title: 'Amazon MQ for RabbitMQ message batch',
    group: GROUP,
    params: {
      ...BROKER_PARAMS,
      virtualHost: { default: '/', description: 'Virtual host (the batch is keyed "<queue>::<virtual host>")' },
      contentType: { default: 'application/json', description: 'content_type property' },
      headers: { default: 'source: checkout-service; retries: 0', description: 'Message headers: "Name: value" pairs or a JSON object (strings sent as bytes, numbers as numbers)' },
    },
    build: (p, ctx) => {
      const messageHeaders = Object.fromEntries(
        Object.entries(headers('headers', p.headers)).map(([name, value]) => {
          const text = String(value);
          return [name, typeof value === 'number' || /^-?\d+$/.test(text) ? Number(text) : { bytes: [...Buffer.from(text, 'utf8')] }];
        }),
      );
      return {
        eventSource: 'aws:rmq',
        eventSourceArn: brokerArn(p, `b-${ctx.uuid()}`),
        rmqMessagesByQueue: {
          [`${p.queue}::${p.virtualHost}`]: [
            {
              basicProperties: {
                contentType: p.contentType,
                contentEncoding: null,
                headers: messageHeaders,
                deliveryMode: 1,
                priority: 34,
                correlationId: null,
                replyTo: null,
                expiration: '60000',
                messageId: null,
                timestamp: rabbitTime(ctx.now),
                type: null,
                userId: 'AIDACKCEVSQ6C2EXAMPLE',
                appId: null,
                clusterId: null,
                bodySize: byteLength(p.body),
              },
              redelivered: false,
              data: base64(p.body),
            },
          ],
        },
      };
    },
  }),
];
