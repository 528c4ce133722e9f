// WorkMail synchronous run actions (WorkMail administrator guide, "Configuring AWS Lambda for Amazon WorkMail").
export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'workmail email': [
    'envelope.mailFrom.address',
    'envelope.recipients[].address',
    'flowDirection',
    'invocationId',
    'messageId',
    'sender.address',
    'subject',
    'summaryVersion',
    'truncated',
  ],
};
