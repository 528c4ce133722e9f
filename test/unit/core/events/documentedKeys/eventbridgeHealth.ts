import { eventBridge } from '../../../../support/eventBridgeKeys';

/** AWS Health's EventBridge event (Health user guide, "AWS Health events Amazon EventBridge schema"). */
export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'eventbridge health-event': eventBridge(
    'eventArn',
    'service',
    'eventTypeCode',
    'eventTypeCategory',
    'eventScopeCode',
    'communicationId',
    'startTime',
    'endTime',
    'lastUpdatedTime',
    'statusCode',
    'eventRegion',
    'eventDescription[].language',
    'eventDescription[].latestDescription',
    'affectedEntities[].entityValue',
    'affectedEntities[].tags',
    'affectedAccount',
    'page',
    'totalPages',
  ),
};
