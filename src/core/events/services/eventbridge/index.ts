import type { SampleEvent } from '../../types';
import { autoscalingEvents } from './autoscaling';
import { batchEvents } from './batch';
import { cloudtrailEvents } from './cloudtrail';
import { cloudwatchEvents } from './cloudwatch';
import { codebuildEvents } from './codebuild';
import { codedeployEvents } from './codedeploy';
import { codepipelineEvents } from './codepipeline';
import { customEvents } from './custom';
import { ec2Events } from './ec2';
import { ecrEvents } from './ecr';
import { ecsEvents } from './ecs';
import { guarddutyEvents } from './guardduty';
import { healthEvents } from './health';
import { s3Events } from './s3';
import { scheduleEvents } from './schedule';
import { securityhubEvents } from './securityhub';
import { stepfunctionsEvents } from './stepfunctions';

/** The EventBridge events: custom and scheduled ones, and those AWS services send; one file per service here. */
export const eventbridgeEvents: SampleEvent[] = [
  ...scheduleEvents,
  ...customEvents,
  ...ec2Events,
  ...s3Events,
  ...ecsEvents,
  ...ecrEvents,
  ...codebuildEvents,
  ...codedeployEvents,
  ...codepipelineEvents,
  ...autoscalingEvents,
  ...guarddutyEvents,
  ...securityhubEvents,
  ...healthEvents,
  ...cloudwatchEvents,
  ...cloudtrailEvents,
  ...batchEvents,
  ...stepfunctionsEvents,
];
