import type { EventBridgeEvent } from 'aws-lambda';
import { defineEvent } from '../../types';
import { json } from '../../helpers';
import { GROUP, WHERE, envelope } from './envelope';

export const customEvents = [
  defineEvent<EventBridgeEvent<string, unknown>>()({
    service: 'eventbridge',
    event: 'custom',
    title: 'EventBridge custom event (PutEvents)',
    group: GROUP,
    params: {
      ...WHERE,
      source: { default: 'com.example.orders', description: 'Event source' },
      detailType: { default: 'Order Placed', description: 'Detail type' },
      detail: { default: '{"orderId":"1234","amount":42.5,"currency":"EUR"}', description: 'Detail (JSON)' },
    },
    build: (p, ctx) => envelope(p, ctx, p.source, p.detailType, [], json('detail', p.detail)),
  }),
];
