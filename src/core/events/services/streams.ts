import type { SampleEvent } from '../types';

/** DynamoDB, Kinesis, Firehose, SNS, Kafka, MQ, CloudWatch Logs and alarms, Step Functions, CodeCommit, CodePipeline, Secrets Manager, SES: one module per service in this folder, gathered here. */
export const streamEvents: SampleEvent[] = [];
