import { eventBridge } from '../../../../support/eventBridgeKeys';

/** CodePipeline's EventBridge events (CodePipeline user guide, "Monitoring CodePipeline events"). */
const EXECUTION = ['pipeline', 'execution-id', 'start-time', 'state', 'version', 'pipeline-execution-attempt'];

export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'eventbridge codepipeline-execution-state-change': eventBridge(...EXECUTION, 'execution-trigger.trigger-type', 'execution-trigger.trigger-detail'),
  'eventbridge codepipeline-stage-execution-state-change': eventBridge(...EXECUTION, 'stage'),
  'eventbridge codepipeline-action-execution-state-change': eventBridge(
    ...EXECUTION,
    'stage',
    'execution-result.external-execution-url',
    'execution-result.external-execution-summary',
    'execution-result.external-execution-id',
    'output-artifacts',
    'action-execution-id',
    'action',
    'region',
    'type.owner',
    'type.provider',
    'type.category',
    'type.version',
    'input-artifacts[].name',
    'input-artifacts[].s3location.bucket',
    'input-artifacts[].s3location.key',
  ),
};
