import type { CodePipelineCloudWatchActionEvent, CodePipelineCloudWatchPipelineEvent, CodePipelineCloudWatchStageEvent } from 'aws-lambda';
import { defineEvent } from '../../types';
import type { EventContext } from '../../types';
import { arn, int, isoTime, md5 } from '../../helpers';
import { GROUP, WHERE, envelope, oneOf, secondsBefore } from './envelope';
import type { Where } from './envelope';

const PIPELINE_STATES = ['STARTED', 'SUCCEEDED', 'RESUMED', 'FAILED', 'CANCELED', 'SUPERSEDED'] as const;
const STAGE_STATES = ['STARTED', 'SUCCEEDED', 'RESUMED', 'FAILED', 'CANCELED'] as const;
const ACTION_STATES = ['STARTED', 'SUCCEEDED', 'FAILED', 'CANCELED'] as const;

const PARAMS = {
  ...WHERE,
  pipeline: { default: 'my-pipeline', description: 'Pipeline name' },
  pipelineVersion: { default: '1', description: 'Pipeline version' },
};
type Params = Where & { pipeline: string; pipelineVersion: string };

/**
 * The keys every CodePipeline state-change detail starts with. The documented detail also carries the execution's
 * start time and attempt, which @types/aws-lambda leaves out (hence the wider detail types below).
 */
function execution(p: Params, ctx: EventContext) {
  return { pipeline: p.pipeline, 'execution-id': ctx.uuid(), 'start-time': isoTime(secondsBefore(ctx.now, 95)) };
}

function pipelineArn(p: Params): string {
  return arn('codepipeline', p.region, p.account, p.pipeline);
}

export const codepipelineEvents = [
  defineEvent<CodePipelineCloudWatchPipelineEvent>()({
    service: 'eventbridge',
    event: 'codepipeline-execution-state-change',
    title: 'CodePipeline pipeline execution state change',
    group: GROUP,
    params: { ...PARAMS, state: { default: 'SUCCEEDED', description: `Execution state: ${PIPELINE_STATES.join(', ')}` } },
    build: (p, ctx) => {
      const detail: CodePipelineCloudWatchPipelineEvent['detail'] & Record<string, unknown> = {
        ...execution(p, ctx),
        'execution-trigger': { 'trigger-type': 'StartPipelineExecution', 'trigger-detail': arn('sts', '', p.account, 'assumed-role/Admin/alice') },
        state: oneOf('state', p.state, PIPELINE_STATES),
        version: int('pipelineVersion', p.pipelineVersion),
        'pipeline-execution-attempt': 1,
      };
      return { ...envelope(p, ctx, 'aws.codepipeline', 'CodePipeline Pipeline Execution State Change', [pipelineArn(p)], detail), source: 'aws.codepipeline' as const };
    },
  }),
  defineEvent<CodePipelineCloudWatchStageEvent>()({
    service: 'eventbridge',
    event: 'codepipeline-stage-execution-state-change',
    title: 'CodePipeline stage execution state change',
    group: GROUP,
    params: {
      ...PARAMS,
      stage: { default: 'Deploy', description: 'Stage name' },
      state: { default: 'SUCCEEDED', description: `Stage state: ${STAGE_STATES.join(', ')}` },
    },
    build: (p, ctx) => {
      const detail: CodePipelineCloudWatchStageEvent['detail'] & Record<string, unknown> = {
        ...execution(p, ctx),
        stage: p.stage,
        state: oneOf('state', p.state, STAGE_STATES),
        version: int('pipelineVersion', p.pipelineVersion),
        'pipeline-execution-attempt': 1,
      };
      return { ...envelope(p, ctx, 'aws.codepipeline', 'CodePipeline Stage Execution State Change', [pipelineArn(p)], detail), source: 'aws.codepipeline' as const };
    },
  }),
  defineEvent<CodePipelineCloudWatchActionEvent>()({
    service: 'eventbridge',
    event: 'codepipeline-action-execution-state-change',
    title: 'CodePipeline action execution state change (a CodeDeploy deploy action)',
    group: GROUP,
    params: {
      ...PARAMS,
      stage: { default: 'Deploy', description: 'Stage name' },
      action: { default: 'DeployToFleet', description: 'Action name' },
      application: { default: 'my-application', description: 'CodeDeploy application the action deploys' },
      state: { default: 'SUCCEEDED', description: `Action state: ${ACTION_STATES.join(', ')} (a finished action has its execution result)` },
    },
    build: (p, ctx) => {
      const state = oneOf('state', p.state, ACTION_STATES);
      const deploymentId = `d-${md5(ctx.uuid()).slice(0, 9).toUpperCase()}`;
      const url = `https://console.aws.amazon.com/codedeploy/home?region=${p.region}#/deployments/${deploymentId}`;
      const result =
        state === 'SUCCEEDED'
          ? { 'execution-result': { 'external-execution-url': url, 'external-execution-summary': `Deployment ${deploymentId} of ${p.application} succeeded`, 'external-execution-id': deploymentId } }
          : state === 'FAILED'
            ? {
                'execution-result': {
                  'external-execution-url': url,
                  'external-execution-state': 'FAILED',
                  'external-execution-summary': `Deployment ${deploymentId} of ${p.application} failed: too many instances failed the deployment`,
                  'external-execution-id': deploymentId,
                  'error-code': 'JobFailed',
                },
              }
            : {};
      const detail: CodePipelineCloudWatchActionEvent['detail'] & Record<string, unknown> = {
        ...execution(p, ctx),
        stage: p.stage,
        ...result,
        ...(state === 'SUCCEEDED' ? { 'output-artifacts': [] } : {}),
        'action-execution-id': ctx.uuid(),
        action: p.action,
        state,
        region: p.region,
        type: { owner: 'AWS', provider: 'CodeDeploy', category: 'Deploy', version: 1 },
        version: int('pipelineVersion', p.pipelineVersion),
        'pipeline-execution-attempt': 1,
        'input-artifacts': [{ name: 'BuildArtifact', s3location: { bucket: `codepipeline-${p.region}-${p.account}`, key: `${p.pipeline.slice(0, 20)}/BuildArtif/${md5(p.pipeline).slice(0, 7)}` } }],
      };
      return { ...envelope(p, ctx, 'aws.codepipeline', 'CodePipeline Action Execution State Change', [pipelineArn(p)], detail), source: 'aws.codepipeline' as const };
    },
  }),
];
