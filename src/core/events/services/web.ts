import type { SampleEvent } from '../types';

/** API Gateway, Lambda function URLs, ALB, CloudFront, AppSync, Alexa, Connect, Lex: one module per service in this folder, gathered here. */
export const webEvents: SampleEvent[] = [];
