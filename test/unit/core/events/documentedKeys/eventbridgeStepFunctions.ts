import { eventBridge } from '../../../../support/eventBridgeKeys';

/** Step Functions' EventBridge event (Step Functions developer guide, "Execution status change events"). */
export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'eventbridge step-functions-execution-status-change': eventBridge(
    'executionArn',
    'stateMachineArn',
    'name',
    'status',
    'startDate',
    'stopDate',
    'input',
    'output',
    'stateMachineVersionArn',
    'stateMachineAliasArn',
    'redriveCount',
    'redriveDate',
    'redriveStatus',
    'redriveStatusReason',
    'inputDetails.included',
    'outputDetails.included',
    'error',
    'cause',
  ),
};
