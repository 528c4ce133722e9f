import type * as AwsSdk from '../../core/sdk/aws';
import type * as DeploySdk from '../../core/sdk/deploy';
import type * as EcsSdk from '../../core/sdk/ecs';
import type * as EksSdk from '../../core/sdk/eks';
import type * as EventsSdk from '../../core/sdk/events';
import type * as FargateDetailsSdk from '../../core/sdk/fargateDetails';
import type * as LambdaSdk from '../../core/sdk/lambda';
import type * as LocalSdk from '../../core/sdk/local';
import type * as MonitorSdk from '../../core/sdk/monitor';

// The halves of core/ behind the AWS SDK (and the event catalogue, and the local runtime), each its own bundle
// (dist/sdk-<name>.js, see scripts/build.mjs), required the first time something needs it: the Lambda rows of the
// tree do not wait for the ECS clients, YAML or the sample events.

function once<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}

/* eslint-disable @typescript-eslint/no-require-imports -- deliberately lazy, synchronous loads of our own bundles */
export const awsSdk = once(() => require('./sdk-aws.js') as typeof AwsSdk);
export const lambdaSdk = once(() => require('./sdk-lambda.js') as typeof LambdaSdk);
export const ecsSdk = once(() => require('./sdk-ecs.js') as typeof EcsSdk);
export const fargateDetailsSdk = once(() => require('./sdk-fargateDetails.js') as typeof FargateDetailsSdk);
export const eksSdk = once(() => require('./sdk-eks.js') as typeof EksSdk);
export const monitorSdk = once(() => require('./sdk-monitor.js') as typeof MonitorSdk);
export const eventsSdk = once(() => require('./sdk-events.js') as typeof EventsSdk);
export const localSdk = once(() => require('./sdk-local.js') as typeof LocalSdk);
export const deploySdk = once(() => require('./sdk-deploy.js') as typeof DeploySdk);
/* eslint-enable @typescript-eslint/no-require-imports */
