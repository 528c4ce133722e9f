import type { EventBridgeEvent } from 'aws-lambda';
import { defineEvent } from '../../types';
import { arn, int, sha256 } from '../../helpers';
import { GROUP, WHERE, envelope, oneOf } from './envelope';

const PUSH_RESULTS = ['SUCCESS', 'FAILURE'] as const;
type Severity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL' | 'UNDEFINED';

// @types/aws-lambda has no ECR event types; these follow ECR's "ECR Image Action" and "ECR Image Scan" events.
interface ImageActionDetail {
  result: (typeof PUSH_RESULTS)[number];
  'repository-name': string;
  'image-digest': string;
  'action-type': 'PUSH';
  'artifact-media-type': string;
  'image-tag': string;
  'manifest-media-type': string;
}
interface ImageScanDetail {
  'scan-status': 'COMPLETE';
  'repository-name': string;
  'finding-severity-counts': Record<Severity, number>;
  'image-digest': string;
  'image-tags': string[];
}

const IMAGE = {
  ...WHERE,
  repository: { default: 'my-app', description: 'ECR repository name' },
  tag: { default: 'latest', description: 'Image tag' },
};

function digest(p: { account: string; region: string; repository: string; tag: string }): string {
  return `sha256:${sha256(`${p.account}.dkr.ecr.${p.region}.amazonaws.com/${p.repository}:${p.tag}`)}`;
}

export const ecrEvents = [
  defineEvent<EventBridgeEvent<'ECR Image Action', ImageActionDetail>>()({
    service: 'eventbridge',
    event: 'ecr-image-push',
    title: 'ECR image push (ECR Image Action)',
    group: GROUP,
    params: { ...IMAGE, result: { default: 'SUCCESS', description: `Push result: ${PUSH_RESULTS.join(', ')}` } },
    // ECR sends image actions with no resources.
    build: (p, ctx) =>
      envelope(p, ctx, 'aws.ecr', 'ECR Image Action', [], {
        result: oneOf('result', p.result, PUSH_RESULTS),
        'repository-name': p.repository,
        'image-digest': digest(p),
        'action-type': 'PUSH',
        'artifact-media-type': 'application/vnd.docker.container.image.v1+json',
        'image-tag': p.tag,
        'manifest-media-type': 'application/vnd.docker.distribution.manifest.v2+json',
      }),
  }),
  defineEvent<EventBridgeEvent<'ECR Image Scan', ImageScanDetail>>()({
    service: 'eventbridge',
    event: 'ecr-image-scan',
    title: 'ECR image scan completed (basic scanning)',
    group: GROUP,
    params: {
      ...IMAGE,
      critical: { default: '1', description: 'Number of CRITICAL findings' },
      high: { default: '3', description: 'Number of HIGH findings' },
      medium: { default: '7', description: 'Number of MEDIUM findings' },
    },
    build: (p, ctx) => {
      const count = (name: 'critical' | 'high' | 'medium') => {
        const n = int(name, p[name]);
        if (n < 0) throw new TypeError(`Parameter ${name} must be 0 or more, not ${n}.`);
        return n;
      };
      return envelope(p, ctx, 'aws.ecr', 'ECR Image Scan', [arn('ecr', p.region, p.account, `repository/${p.repository}`)], {
        'scan-status': 'COMPLETE',
        'repository-name': p.repository,
        'finding-severity-counts': { CRITICAL: count('critical'), HIGH: count('high'), MEDIUM: count('medium'), LOW: 12, INFORMATIONAL: 4, UNDEFINED: 0 },
        'image-digest': digest(p),
        'image-tags': [p.tag],
      });
    },
  }),
];
