import type { SQSEvent } from 'aws-lambda';
import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, md5 } from '../helpers';

export const sqsEvents = [
  defineEvent<SQSEvent>()({
    service: 'sqs',
    event: 'receive-message',
    title: 'SQS message batch',
    group: 'Amazon SQS',
    params: {
      region: REGION,
      account: ACCOUNT,
      queue: { default: 'my-queue', description: 'Queue name' },
      body: { default: '{"orderId":"1234","status":"created"}', description: 'Message body' },
    },
    build: (p, ctx) => ({
      Records: [
        {
          messageId: ctx.uuid(),
          receiptHandle: `AQEB${Buffer.from(ctx.uuid()).toString('base64')}`,
          body: p.body,
          attributes: {
            ApproximateReceiveCount: '1',
            SentTimestamp: String(ctx.now.getTime()),
            SenderId: 'AIDAIENQZJOLO23YVJ4VO',
            ApproximateFirstReceiveTimestamp: String(ctx.now.getTime() + 2),
          },
          messageAttributes: {},
          md5OfBody: md5(p.body),
          eventSource: 'aws:sqs',
          eventSourceARN: arn('sqs', p.region, p.account, p.queue),
          awsRegion: p.region,
        },
      ],
    }),
  }),
];
