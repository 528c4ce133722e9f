import { defineEvent } from '../types';
import { REGION } from '../helpers';

const GROUP = 'Amazon Cognito';

export const cognitoSyncEvents = [
  // @types/aws-lambda has no Cognito Sync type; this is the documented sync trigger (dataset update) event.
  defineEvent<Record<string, unknown>>()({
    service: 'cognito',
    event: 'sync-trigger',
    title: 'Cognito Sync trigger (dataset updated)',
    group: GROUP,
    params: {
      region: REGION,
      datasetName: { default: 'UserPreferences', description: 'Dataset name' },
      key: { default: 'theme', description: 'Key of the record that changed' },
      oldValue: { default: 'light', description: 'Value before the sync' },
      newValue: { default: 'dark', description: 'Value after the sync (empty: the record was removed)' },
    },
    build: (p, ctx) => ({
      version: 2,
      eventType: 'SyncTrigger',
      region: p.region,
      identityPoolId: `${p.region}:${ctx.uuid()}`,
      identityId: `${p.region}:${ctx.uuid()}`,
      datasetName: p.datasetName,
      datasetRecords: {
        [p.key]: { oldValue: p.oldValue, newValue: p.newValue, op: p.newValue === '' ? 'remove' : 'replace' },
      },
    }),
  }),
];
