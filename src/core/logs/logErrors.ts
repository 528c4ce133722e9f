import type { LogSource } from './logSourceTypes';

/** A log group that FilterLogEvents, StartQuery or DescribeLogGroups does not find. */
export class LogGroupMissingError extends Error {
  override readonly name = 'LogGroupMissingError';

  constructor(
    readonly logGroupName: string,
    kind: LogSource['kind'] = 'lambda',
    region?: string,
  ) {
    const where = region ? ` in ${region}` : '';
    super(
      kind === 'ecs'
        ? `The log group ${logGroupName} does not exist${where}: create it (aws logs create-log-group --log-group-name ${logGroupName}), ` +
            `or set the awslogs-create-group option to true in the task definition, so that the service's tasks can write their logs.`
        : `The log group ${logGroupName} does not exist${where} (yet): the function writes it on its first invocation, ` +
            `or it logs to another group (see its logging configuration).`,
    );
  }

  static forSource(source: LogSource): LogGroupMissingError {
    return new LogGroupMissingError(source.logGroupName, source.kind, source.region);
  }
}

export function isResourceNotFound(error: unknown): boolean {
  return (error as { name?: unknown } | undefined)?.name === 'ResourceNotFoundException';
}

export function isAbort(error: unknown): boolean {
  return (error as { name?: unknown } | undefined)?.name === 'AbortError';
}
