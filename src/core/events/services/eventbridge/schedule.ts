import type { ScheduledEvent } from 'aws-lambda';
import { defineEvent } from '../../types';
import { arn } from '../../helpers';
import { GROUP, WHERE, envelope } from './envelope';

export const scheduleEvents = [
  // SAM CLI names this one `cloudwatch scheduled-event`.
  defineEvent<ScheduledEvent<Record<string, never>>>()({
    service: 'cloudwatch',
    event: 'scheduled-event',
    title: 'EventBridge (CloudWatch Events) scheduled rule',
    group: GROUP,
    params: { ...WHERE, rule: { default: 'my-schedule', description: 'Name of the scheduled rule' } },
    build: (p, ctx) => envelope(p, ctx, 'aws.events', 'Scheduled Event', [arn('events', p.region, p.account, `rule/${p.rule}`)], {}),
  }),
];
