// Everything that needs the AWS SDK, and the sample-event catalogue, bundled apart as dist/sdk.js and loaded on first use,
// so that activating the extension does not pay for loading the SDK (about 40 ms).
export { AwsClientFactory } from './aws/clients';
export { describeAwsError } from './aws/errors';
export { LambdaClient, listAliases, listFunctions, listTriggers, listVersions } from './lambda/functions';
export { ECSClient, listClusters, listFargateServices, listServiceTasks } from './fargate/services';
export { CATALOG, EventLookupError, eventId, findEvent, findEventById, generateEvent } from './events/catalog';
export { functionTags, invokeFunction } from './lambda/invoke';
export { LocalInvoker, toResult } from './local/invoker';
export { ExecutionEnvironment } from './local/executionEnvironment';
export { debuggerConfiguration } from './local/debugLaunch';
export { resolveLaunchEvent, resolveLaunchTarget } from './local/debugRequest';
export { readTemplates } from './local/template';
export { adHocFunction } from './local/adHoc';
export { LocalInvokeEndpoint } from './local/invokeEndpoint';
