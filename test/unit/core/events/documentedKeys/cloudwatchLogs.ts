/** CloudWatch Logs subscription filters as a Lambda trigger: the event is awslogs.data (the decoded batch is checked in streams.test.ts). */
export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'cloudwatch logs': ['awslogs', 'awslogs.data'],
};
