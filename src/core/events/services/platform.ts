import type { SampleEvent } from '../types';
import { cloudformationEvents } from './cloudformation';
import { cognitoSyncEvents } from './cognitoSync';
import { cognitoUserPoolEvents } from './cognitoUserPool';
import { configEvents } from './config';
import { eventbridgeEvents } from './eventbridge';
import { iotEvents } from './iot';

/** EventBridge, CloudFormation, Config, IoT, Cognito: one module per service in this folder, gathered here. */
export const platformEvents: SampleEvent[] = [...eventbridgeEvents, ...cloudformationEvents, ...configEvents, ...iotEvents, ...cognitoUserPoolEvents, ...cognitoSyncEvents];
