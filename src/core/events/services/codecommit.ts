import type { CodeCommitTrigger, CodeCommitTriggerEvent } from 'aws-lambda';
import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn } from '../helpers';

const GROUP = 'AWS CodeCommit';

const REPOSITORY_PARAMS = {
  region: REGION,
  account: ACCOUNT,
  repository: { default: 'my-repo', description: 'Repository name' },
  commit: { default: '5e493c6f3067653f3d04eca608b4901eb227078a', description: 'Commit id (40 hex digits)' },
  user: { default: 'alice', description: 'IAM user who pushed' },
  trigger: { default: 'my-lambda-trigger', description: 'Trigger name' },
  customData: { default: 'notify-build', description: 'Custom data of the trigger (empty: none)' },
};

type RepositoryParams = Readonly<Record<keyof typeof REPOSITORY_PARAMS, string>>;
type Reference = CodeCommitTrigger['codecommit']['references'][number];

/** A full ref name: "main" → "refs/heads/main"; "refs/tags/v1" is kept. */
function refName(value: string): string {
  return value.startsWith('refs/') ? value : `refs/heads/${value}`;
}

function trigger(p: RepositoryParams, ctx: { now: Date; uuid(): string }, reference: Reference): CodeCommitTriggerEvent {
  const record: CodeCommitTrigger = {
    awsRegion: p.region,
    codecommit: { references: [reference] },
    eventId: ctx.uuid(),
    eventName: 'ReferenceChanges',
    eventPartNumber: 1,
    eventSource: 'aws:codecommit',
    eventSourceARN: arn('codecommit', p.region, p.account, p.repository),
    // CodeCommit writes eventTime with "+0000", not "Z".
    eventTime: ctx.now.toISOString().replace(/Z$/, '+0000'),
    eventTotalParts: 1,
    eventTriggerConfigId: ctx.uuid(),
    eventTriggerName: p.trigger,
    eventVersion: '1.0',
    userIdentityARN: `arn:aws:iam::${p.account}:user/${p.user}`,
  };
  if (p.customData !== '') record.customData = p.customData;
  return { Records: [record] };
}

export const codecommitEvents = [
  defineEvent<CodeCommitTriggerEvent>()({
    service: 'codecommit',
    event: 'repository',
    title: 'CodeCommit push to a branch',
    group: GROUP,
    params: { ...REPOSITORY_PARAMS, ref: { default: 'main', description: 'Branch name or full ref' } },
    build: (p, ctx) => trigger(p, ctx, { commit: p.commit, ref: refName(p.ref) }),
  }),
  defineEvent<CodeCommitTriggerEvent>()({
    service: 'codecommit',
    event: 'create-branch',
    title: 'CodeCommit branch or tag created',
    group: GROUP,
    params: { ...REPOSITORY_PARAMS, ref: { default: 'feature/checkout', description: 'New branch name or full ref (refs/tags/… for a tag)' } },
    build: (p, ctx) => trigger(p, ctx, { commit: p.commit, ref: refName(p.ref), created: true }),
  }),
  defineEvent<CodeCommitTriggerEvent>()({
    service: 'codecommit',
    event: 'delete-branch',
    title: 'CodeCommit branch or tag deleted',
    group: GROUP,
    params: { ...REPOSITORY_PARAMS, ref: { default: 'feature/checkout', description: 'Deleted branch name or full ref' } },
    build: (p, ctx) => trigger(p, ctx, { commit: p.commit, ref: refName(p.ref), deleted: true }),
  }),
];
