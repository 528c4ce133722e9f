/** Amazon SNS as a Lambda trigger (the Lambda developer guide's SNS event), and CloudWatch alarm notifications delivered through it. */
export const SNS_RECORD = [
  'Records',
  'Records[]',
  'Records[].EventVersion',
  'Records[].EventSubscriptionArn',
  'Records[].EventSource',
  'Records[].Sns.SignatureVersion',
  'Records[].Sns.Timestamp',
  'Records[].Sns.Signature',
  'Records[].Sns.SigningCertUrl',
  'Records[].Sns.MessageId',
  'Records[].Sns.Message',
  'Records[].Sns.MessageAttributes',
  'Records[].Sns.Type',
  'Records[].Sns.UnsubscribeUrl',
  'Records[].Sns.TopicArn',
  'Records[].Sns.Subject',
];

export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'sns notification': SNS_RECORD,
  'sns notification-with-attributes': [...SNS_RECORD, 'Records[].Sns.MessageAttributes'],
  // The alarm JSON is the Message (a string); its keys are checked on the parsed message in snsAlarms.test.ts.
  'sns cloudwatch-alarm': SNS_RECORD,
  'sns cloudwatch-alarm-metric-math': SNS_RECORD,
};
