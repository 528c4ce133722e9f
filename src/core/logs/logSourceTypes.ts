/** Where a function's or a service's logs are: one CloudWatch log group, maybe narrowed to a stream prefix. */
export interface LogSource {
  readonly logGroupName: string;
  /** For Fargate awslogs: `${awslogs-stream-prefix}/${containerName}/` (streams are prefix/container/taskId). */
  readonly logStreamNamePrefix?: string;
  /** awslogs-region when it differs from the service's region. */
  readonly region?: string;
  readonly containerName?: string;
  /** Who writes the group; says how to fix a missing one. */
  readonly kind?: 'lambda' | 'ecs';
  /** A Lambda function's log format (LoggingConfig.LogFormat): picks the Logs Insights queries that fit. */
  readonly logFormat?: 'Text' | 'JSON';
}
