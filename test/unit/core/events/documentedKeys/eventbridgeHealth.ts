import { eventBridge } from '../../../../support/eventBridgeKeys';

/**
 * AWS Health's EventBridge event (Health user guide, "AWS Health events Amazon EventBridge schema"). endTime is left
 * out: Health sends none for an event scheduled in the future, which this one is; eventMetadata is per service.
 */
export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'eventbridge health-event': eventBridge(
    'eventArn',
    'service',
    'eventTypeCode',
    'eventTypeCategory',
    'eventScopeCode',
    'communicationId',
    'startTime',
    'lastUpdatedTime',
    'statusCode',
    'eventRegion',
    'eventDescription[].language',
    'eventDescription[].latestDescription',
    'affectedEntities[].entityValue',
    'affectedEntities[].lastUpdatedTime',
    'affectedEntities[].status',
    'affectedAccount',
    'page',
    'totalPages',
    'backupEvent',
    'personas[]',
    'actionability',
  ),
};
