import type { SampleEvent } from '../types';
import { albEvents } from './alb';
import { alexaEvents } from './alexa';
import { apigatewayEvents } from './apigateway';
import { appsyncEvents } from './appsync';
import { cloudfrontEvents } from './cloudfront';
import { connectEvents } from './connect';
import { lambdaUrlEvents } from './lambdaUrl';
import { lexEvents } from './lex';

/** API Gateway, Lambda function URLs, ALB, CloudFront, AppSync, Alexa, Connect, Lex: one module per service in this folder, gathered here. */
export const webEvents: SampleEvent[] = [
  ...apigatewayEvents,
  ...lambdaUrlEvents,
  ...albEvents,
  ...cloudfrontEvents,
  ...appsyncEvents,
  ...alexaEvents,
  ...connectEvents,
  ...lexEvents,
];
