import type { CloudFrontRequestEvent, CloudFrontResponseEvent } from 'aws-lambda';
import { defineEvent } from '../types';
import { BODY, body, config, customOrigin, GROUP, ORIGIN, originHeaders, request, response, RESPONSE, via, VIEWER, viewerHeaders } from './cloudfrontParts';
import { cloudfrontScenarioEvents } from './cloudfrontScenarios';

export const cloudfrontEvents = [
  defineEvent<CloudFrontRequestEvent>()({
    service: 'cloudfront',
    event: 'viewer-request',
    title: 'CloudFront Lambda@Edge viewer request',
    group: GROUP,
    params: { ...VIEWER, ...BODY },
    build: (p, ctx) => ({
      Records: [
        {
          cf: {
            config: config(p, ctx, 'viewer-request'),
            request: { ...(p.body === '' ? {} : { body: body(p.body, 40 * 1024) }), ...request(p, viewerHeaders(p)) },
          },
        },
      ],
    }),
  }),
  defineEvent<CloudFrontRequestEvent>()({
    service: 'cloudfront',
    event: 'origin-request',
    title: 'CloudFront Lambda@Edge origin request',
    group: GROUP,
    params: { ...VIEWER, ...ORIGIN, ...BODY },
    build: (p, ctx) => ({
      Records: [
        {
          cf: {
            config: config(p, ctx, 'origin-request'),
            request: { ...(p.body === '' ? {} : { body: body(p.body, 1024 * 1024) }), ...request(p, originHeaders(p)), origin: customOrigin(p.origin) },
          },
        },
      ],
    }),
  }),
  defineEvent<CloudFrontResponseEvent>()({
    service: 'cloudfront',
    event: 'origin-response',
    title: 'CloudFront Lambda@Edge origin response',
    group: GROUP,
    params: { ...VIEWER, ...ORIGIN, ...RESPONSE },
    build: (p, ctx) => ({
      Records: [
        {
          cf: {
            config: config(p, ctx, 'origin-response'),
            request: { ...request(p, originHeaders(p)), origin: customOrigin(p.origin) },
            response: response(p, ctx, {}),
          },
        },
      ],
    }),
  }),
  defineEvent<CloudFrontResponseEvent>()({
    service: 'cloudfront',
    event: 'viewer-response',
    title: 'CloudFront Lambda@Edge viewer response',
    group: GROUP,
    params: { ...VIEWER, ...RESPONSE },
    build: (p, ctx) => ({
      Records: [
        {
          cf: {
            config: config(p, ctx, 'viewer-response'),
            request: request(p, viewerHeaders(p)),
            response: response(p, ctx, { Via: via(p), 'X-Cache': 'Miss from cloudfront' }),
          },
        },
      ],
    }),
  }),
  ...cloudfrontScenarioEvents,
];
