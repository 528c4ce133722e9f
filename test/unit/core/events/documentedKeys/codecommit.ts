// CodeCommit repository triggers (Lambda developer guide, "Using AWS Lambda with CodeCommit"; the CodeCommit trigger event).
/** A CodeCommit trigger record. */
const TRIGGER_RECORD = [
  'Records[].awsRegion',
  'Records[].codecommit.references[].commit',
  'Records[].codecommit.references[].ref',
  'Records[].customData',
  'Records[].eventId',
  'Records[].eventName',
  'Records[].eventPartNumber',
  'Records[].eventSource',
  'Records[].eventSourceARN',
  'Records[].eventTime',
  'Records[].eventTotalParts',
  'Records[].eventTriggerConfigId',
  'Records[].eventTriggerName',
  'Records[].eventVersion',
  'Records[].userIdentityARN',
];

export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'codecommit repository': TRIGGER_RECORD,
  'codecommit create-branch': [
    ...TRIGGER_RECORD,
    'Records[].codecommit.references[].created',
  ],
  'codecommit delete-branch': [
    ...TRIGGER_RECORD,
    'Records[].codecommit.references[].deleted',
  ],
};
