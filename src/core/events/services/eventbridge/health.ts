import type { EventBridgeEvent } from 'aws-lambda';
import { defineEvent } from '../../types';
import { arn, sha256 } from '../../helpers';
import { GROUP, WHERE, envelope } from './envelope';

export const healthEvents = [
  // @types/aws-lambda has no AWS Health type; the detail follows the Health EventBridge schema (times in RFC 1123).
  defineEvent<EventBridgeEvent<'AWS Health Event', Record<string, unknown>>>()({
    service: 'eventbridge',
    event: 'health-event',
    title: 'AWS Health event (scheduled change affecting an instance)',
    group: GROUP,
    params: {
      ...WHERE,
      eventTypeCode: { default: 'AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED', description: 'Event type code, AWS_<SERVICE>_<DESCRIPTION>' },
      instanceId: { default: 'i-0123456789abcdef0', description: 'Affected resource (entity value)' },
    },
    build: (p, ctx) => {
      const service = p.eventTypeCode.split('_')[1] ?? 'EC2';
      const start = new Date(ctx.now.getTime() + 14 * 86_400_000);
      return envelope(p, ctx, 'aws.health', 'AWS Health Event', [p.instanceId], {
        eventArn: arn('health', p.region, '', `event/${service}/${p.eventTypeCode}/${p.eventTypeCode}_${sha256(p.eventTypeCode + ctx.now.toISOString()).slice(0, 12).toUpperCase()}`),
        service,
        eventTypeCode: p.eventTypeCode,
        eventTypeCategory: 'scheduledChange',
        eventScopeCode: 'ACCOUNT_SPECIFIC',
        communicationId: `${sha256(ctx.uuid())}-1`,
        startTime: start.toUTCString(),
        // No endTime: Health gives none for an event scheduled in the future.
        lastUpdatedTime: ctx.now.toUTCString(),
        statusCode: 'upcoming',
        eventRegion: p.region,
        eventDescription: [
          {
            language: 'en_US',
            latestDescription: `${p.instanceId} is scheduled for retirement on ${start.toUTCString()}: the underlying hardware is degraded. Stop and start the instance before then to move it to healthy hardware.`,
          },
        ],
        affectedEntities: [{ entityValue: p.instanceId, lastUpdatedTime: ctx.now.toUTCString(), status: 'PENDING' }],
        affectedAccount: p.account,
        page: '1',
        totalPages: '1',
        backupEvent: 'false',
        personas: ['OPERATIONS'],
        actionability: 'ACTION_REQUIRED',
      });
    },
  }),
];
