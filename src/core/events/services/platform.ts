import type { SampleEvent } from '../types';

/** EventBridge, CloudFormation, Config, IoT, Cognito: one module per service in this folder, gathered here. */
export const platformEvents: SampleEvent[] = [];
