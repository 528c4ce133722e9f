import { eventBridge } from '../../../../support/eventBridgeKeys';

/**
 * Events EventBridge derives from CloudTrail records (CloudTrail user guide, "CloudTrail record contents"; Secrets
 * Manager user guide, "Log entries for rotation"). requestParameters and additionalEventData differ per API: maps.
 */
const RECORD = ['eventVersion', 'eventTime', 'eventSource', 'eventName', 'awsRegion', 'sourceIPAddress', 'userAgent', 'requestParameters', 'responseElements', 'requestID', 'eventID', 'readOnly', 'eventType', 'managementEvent', 'recipientAccountId', 'eventCategory'];

export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'eventbridge aws-api-call-via-cloudtrail': eventBridge(
    ...RECORD,
    'userIdentity.type',
    'userIdentity.principalId',
    'userIdentity.arn',
    'userIdentity.accountId',
    'userIdentity.accessKeyId',
    'userIdentity.userName',
    'additionalEventData',
    'resources[].type',
    'resources[].ARN',
    'tlsDetails.tlsVersion',
    'tlsDetails.cipherSuite',
    'tlsDetails.clientProvidedHostHeader',
  ),
  'eventbridge secretsmanager-rotation-via-cloudtrail': eventBridge(...RECORD, 'userIdentity.accountId', 'userIdentity.invokedBy', 'additionalEventData.SecretId'),
};
