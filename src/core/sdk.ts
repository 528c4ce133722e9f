// Everything that needs the AWS SDK, and the sample-event catalogue, bundled apart as dist/sdk.js and loaded on first use,
// so that activating the extension does not pay for loading the SDK (about 40 ms).
export { AwsClientFactory } from './aws/clients';
export { describeAwsError } from './aws/errors';
export { LambdaClient, listAliases, listFunctions, listTriggers, listVersions } from './lambda/functions';
export { ECSClient, describeFargateService, listClusters, listFargateServices, listServiceTasks } from './fargate/services';
export { CATALOG, EventLookupError, eventId, findEvent, findEventById, generateEvent } from './events/catalog';
export { functionTags, invokeFunction } from './lambda/invoke';
export { LocalInvoker, toResult } from './local/invoker';
export { ExecutionEnvironment } from './local/executionEnvironment';
export { debuggerConfiguration } from './local/debugLaunch';
export { resolveLaunchEvent, resolveLaunchTarget } from './local/debugRequest';
export { readTemplates } from './local/template';
export { adHocFunction } from './local/adHoc';
export { LocalInvokeEndpoint } from './local/invokeEndpoint';
export { CloudWatchClient } from './metrics/getMetricData';
export { choosePeriod } from './metrics/period';
export { lambdaMetrics } from './metrics/lambdaMetrics';
export { fargateMetrics } from './metrics/fargateMetrics';
export { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
export { LogSourceError, describeLogSources, fargateLogSources, lambdaLogSources } from './logs/logSource';
export { LogGroupMissingError } from './logs/logErrors';
export { fetchLogEvents } from './logs/fetchLogs';
export { startLiveTail, startLogTail, startPollingTail } from './logs/logTail';
export { FARGATE_INSIGHTS_QUERIES, InsightsQueryError, LAMBDA_INSIGHTS_QUERIES, LAMBDA_JSON_INSIGHTS_QUERIES, lambdaInsightsQueries, runInsightsQuery } from './logs/insights';
