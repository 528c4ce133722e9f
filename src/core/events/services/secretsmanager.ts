import type { SecretsManagerRotationEvent, SecretsManagerRotationEventStep } from 'aws-lambda';
import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, sha256 } from '../helpers';

const GROUP = 'AWS Secrets Manager';

const STEPS: readonly SecretsManagerRotationEventStep[] = ['createSecret', 'setSecret', 'testSecret', 'finishSecret'];

function step(value: string): SecretsManagerRotationEventStep {
  const found = STEPS.find((s) => s === value.trim());
  if (!found) throw new TypeError(`Parameter step must be one of ${STEPS.join(', ')}, not "${value}".`);
  return found;
}

/** Secrets Manager appends a hyphen and six random letters and digits to a secret's name in its ARN; here derived from the name, so stable. */
function secretArn(region: string, account: string, name: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const digest = Buffer.from(sha256(name), 'hex');
  const suffix = Array.from({ length: 6 }, (_, i) => alphabet[digest[i] % alphabet.length]).join('');
  return arn('secretsmanager', region, account, `secret:${name}-${suffix}`);
}

export const secretsmanagerEvents = [
  defineEvent<SecretsManagerRotationEvent>()({
    service: 'secretsmanager',
    event: 'rotation',
    title: 'Secrets Manager rotation step',
    group: GROUP,
    params: {
      region: REGION,
      account: ACCOUNT,
      secret: { default: 'prod/app/db-credentials', description: 'Secret name' },
      step: { default: 'createSecret', description: `Rotation step: ${STEPS.join(' | ')}` },
    },
    // AWS documents RotationToken (a token identifying the rotation request, for functions that check it); @types/aws-lambda lacks it, so cast.
    build: (p, ctx) =>
      ({
        Step: step(p.step),
        SecretId: secretArn(p.region, p.account, p.secret),
        ClientRequestToken: ctx.uuid(),
        RotationToken: ctx.uuid(),
      }) as SecretsManagerRotationEvent,
  }),
];
