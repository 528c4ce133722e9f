// CloudWatch logs and metrics: what the Monitor panel needs.
export { CloudWatchClient } from '../metrics/getMetricData';
export { choosePeriod } from '../metrics/period';
export { lambdaMetrics } from '../metrics/lambdaMetrics';
export { fargateMetrics } from '../metrics/fargateMetrics';
export { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
export { LogSourceError, describeLogSources, fargateLogSources, lambdaLogSources } from '../logs/logSource';
export { LogGroupMissingError } from '../logs/logErrors';
export { fetchLogEvents } from '../logs/fetchLogs';
export { startLiveTail, startLogTail, startPollingTail } from '../logs/logTail';
export { FARGATE_INSIGHTS_QUERIES, InsightsQueryError, LAMBDA_INSIGHTS_QUERIES, LAMBDA_JSON_INSIGHTS_QUERIES, lambdaInsightsQueries, runInsightsQuery } from '../logs/insights';
