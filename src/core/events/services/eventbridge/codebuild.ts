import type { CodeBuildCloudWatchStateEvent, CodeBuildPhaseType, CodeBuildStateEventDetail, EventBridgeEvent } from 'aws-lambda';
import { defineEvent } from '../../types';
import type { EventContext } from '../../types';
import { arn, int, md5, sha256 } from '../../helpers';
import { GROUP, WHERE, envelope, oneOf, secondsBefore } from './envelope';
import type { Where } from './envelope';

type Phase = CodeBuildStateEventDetail['additional-information']['phases'][number];
type AdditionalInformation = CodeBuildStateEventDetail['additional-information'];

/** The phases CodeBuild runs, with how long each takes in our sample build. */
const DURATIONS: readonly [CodeBuildPhaseType, number][] = [
  ['SUBMITTED', 0],
  ['QUEUED', 1],
  ['PROVISIONING', 31],
  ['DOWNLOAD_SOURCE', 3],
  ['INSTALL', 12],
  ['PRE_BUILD', 2],
  ['BUILD', 58],
  ['POST_BUILD', 1],
  ['UPLOAD_ARTIFACTS', 2],
  ['FINALIZING', 2],
];
const PHASES = DURATIONS.map(([type]) => type);

// @types/aws-lambda types the state-change event only; the phase change carries the same additional information plus
// the completed phase's own keys, and both carry the artifact's checksums, which its type leaves out.
interface PhaseChangeDetail {
  'completed-phase': CodeBuildPhaseType;
  'project-name': string;
  'build-id': string;
  'completed-phase-context': string;
  'additional-information': Omit<AdditionalInformation, 'artifact'> & { artifact: AdditionalInformation['artifact'] & { md5sum: string; sha256sum: string } };
  'completed-phase-status': 'SUCCEEDED';
  'completed-phase-duration-seconds': number;
  version: string;
  'completed-phase-start': string;
  'completed-phase-end': string;
}

const PARAMS = {
  ...WHERE,
  project: { default: 'my-project', description: 'CodeBuild project name' },
  buildNumber: { default: '42', description: 'Build number' },
  repository: { default: 'my-repo', description: 'CodeCommit repository (the build source)' },
};
type Params = Where & { project: string; buildNumber: string; repository: string };

/** CodeBuild's event timestamps: "Nov 26, 2026 2:05:09 PM" (UTC). */
export function codeBuildTime(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  const hours = date.getUTCHours();
  return `${months[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()} ${hours % 12 || 12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** The phases up to and including `last`, run back to back and ending at `now`, then the phase that starts at `now`. */
function codeBuildPhases(now: Date, last: CodeBuildPhaseType): Phase[] {
  const done = DURATIONS.slice(0, PHASES.indexOf(last) + 1);
  let start = secondsBefore(now, done.reduce((sum, [, s]) => sum + s, 0));
  const phases: Phase[] = done.map(([type, seconds]) => {
    const end = new Date(start.getTime() + seconds * 1000);
    const phase = {
      'phase-context': [': '],
      'start-time': codeBuildTime(start),
      'end-time': codeBuildTime(end),
      'duration-in-seconds': seconds,
      'phase-type': type,
      'phase-status': 'SUCCEEDED' as const,
    };
    start = end;
    return phase;
  });
  phases.push({ 'start-time': codeBuildTime(now), 'phase-type': PHASES[PHASES.indexOf(last) + 1] ?? 'COMPLETED' });
  return phases;
}

function additionalInformation(p: Params, buildUuid: string, phases: Phase[], complete: boolean): PhaseChangeDetail['additional-information'] {
  const artifactKey = `codebuild-${p.region}-${p.account}-output/${p.project}/artifacts.zip`;
  return {
    cache: { type: 'NO_CACHE' },
    'build-number': int('buildNumber', p.buildNumber),
    'timeout-in-minutes': 60,
    'build-complete': complete,
    initiator: 'alice',
    'build-start-time': phases[0]['start-time'],
    source: { buildspec: 'buildspec.yml', location: `https://git-codecommit.${p.region}.amazonaws.com/v1/repos/${p.repository}`, type: 'CODECOMMIT' },
    'source-version': 'refs/heads/main',
    artifact: { md5sum: md5(`${artifactKey}/${buildUuid}`), sha256sum: sha256(`${artifactKey}/${buildUuid}`), location: `arn:aws:s3:::${artifactKey}` },
    environment: {
      image: 'aws/codebuild/standard:7.0',
      'privileged-mode': false,
      'image-pull-credentials-type': 'CODEBUILD',
      'compute-type': 'BUILD_GENERAL1_SMALL',
      type: 'LINUX_CONTAINER',
      'environment-variables': [{ name: 'STAGE', type: 'PLAINTEXT', value: 'prod' }],
    },
    'project-file-system-locations': [],
    logs: {
      'group-name': `/aws/codebuild/${p.project}`,
      'stream-name': buildUuid,
      'deep-link': `https://console.aws.amazon.com/cloudwatch/home?region=${p.region}#logEvent:group=/aws/codebuild/${p.project};stream=${buildUuid}`,
    },
    phases,
    'queued-timeout-in-minutes': 480,
  };
}

function buildArn(p: Params, buildUuid: string): string {
  return arn('codebuild', p.region, p.account, `build/${p.project}:${buildUuid}`);
}

export const codebuildEvents = [
  defineEvent<CodeBuildCloudWatchStateEvent>()({
    service: 'eventbridge',
    event: 'codebuild-build-state-change',
    title: 'CodeBuild build state change (SUCCEEDED)',
    group: GROUP,
    params: PARAMS,
    build: (p, ctx) => {
      const buildUuid = ctx.uuid();
      const id = buildArn(p, buildUuid);
      const event = envelope(p, ctx, 'aws.codebuild', 'CodeBuild Build State Change', [id], {
        'build-status': 'SUCCEEDED' as const,
        'project-name': p.project,
        'build-id': id,
        'additional-information': additionalInformation(p, buildUuid, codeBuildPhases(ctx.now, 'FINALIZING'), true),
        'current-phase': 'COMPLETED' as const,
        'current-phase-context': '[: ]',
        version: '1',
      });
      return { ...event, source: 'aws.codebuild' as const };
    },
  }),
  defineEvent<EventBridgeEvent<'CodeBuild Build Phase Change', PhaseChangeDetail>>()({
    service: 'eventbridge',
    event: 'codebuild-build-phase-change',
    title: 'CodeBuild build phase change (a phase completed)',
    group: GROUP,
    params: { ...PARAMS, phase: { default: 'BUILD', description: `The phase that completed: ${PHASES.join(', ')}` } },
    build: (p, ctx: EventContext) => {
      const phase = oneOf('phase', p.phase, PHASES);
      const buildUuid = ctx.uuid();
      const id = buildArn(p, buildUuid);
      const phases = codeBuildPhases(ctx.now, phase);
      const completed = phases[phases.length - 2];
      return envelope(p, ctx, 'aws.codebuild', 'CodeBuild Build Phase Change', [id], {
        'completed-phase': phase,
        'project-name': p.project,
        'build-id': id,
        'completed-phase-context': '[: ]',
        'additional-information': additionalInformation(p, buildUuid, phases, phase === 'FINALIZING'),
        'completed-phase-status': 'SUCCEEDED',
        'completed-phase-duration-seconds': completed['duration-in-seconds'] ?? 0,
        version: '1',
        'completed-phase-start': completed['start-time'],
        'completed-phase-end': completed['end-time'] ?? completed['start-time'],
      });
    },
  }),
];
