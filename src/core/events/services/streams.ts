import type { SampleEvent } from '../types';
import { cloudwatchEvents } from './cloudwatch';
import { codecommitEvents } from './codecommit';
import { codepipelineEvents } from './codepipeline';
import { dynamodbEvents } from './dynamodb';
import { firehoseEvents } from './firehose';
import { kafkaEvents } from './kafka';
import { kinesisEvents } from './kinesis';
import { kinesisAnalyticsEvents } from './kinesisAnalytics';
import { mqEvents } from './mq';
import { secretsmanagerEvents } from './secretsmanager';
import { sesEvents } from './ses';
import { snsEvents } from './sns';
import { snsAlarmEvents } from './snsAlarms';
import { stepfunctionsEvents } from './stepfunctions';

/** DynamoDB, Kinesis, Firehose, SNS, Kafka, MQ, CloudWatch Logs and alarms, Step Functions, CodeCommit, CodePipeline, Secrets Manager, SES: one module per service in this folder, gathered here. */
export const streamEvents: SampleEvent[] = [
  ...dynamodbEvents,
  ...kinesisEvents,
  ...kinesisAnalyticsEvents,
  ...firehoseEvents,
  ...snsEvents,
  ...snsAlarmEvents,
  ...kafkaEvents,
  ...mqEvents,
  ...cloudwatchEvents,
  ...stepfunctionsEvents,
  ...codecommitEvents,
  ...codepipelineEvents,
  ...secretsmanagerEvents,
  ...sesEvents,
];
