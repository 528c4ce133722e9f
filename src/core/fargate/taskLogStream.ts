import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import type { LogSource } from '../logs/logSource';

/** Where one container of one task writes its logs with the awslogs driver. */
export interface TaskLogStream {
  readonly logGroupName: string;
  readonly logStreamName: string;
  /** awslogs-region when it differs from the task's region (as in LogSource). */
  readonly region?: string;
}

/**
 * The awslogs stream of a container of a task, `${awslogs-stream-prefix}/${container}/${taskId}`, or undefined when the
 * container does not log to CloudWatch Logs or has no stream prefix (its streams are then named after the Docker
 * container id, which the task only reveals once the container runs).
 */
export function taskLogStream(container: ContainerDefinition, taskId: string, taskRegion: string): TaskLogStream | undefined {
  const { logDriver, options = {} } = container.logConfiguration ?? {};
  const group = options['awslogs-group'];
  const prefix = options['awslogs-stream-prefix'];
  if (logDriver !== 'awslogs' || !group || !prefix || !container.name) return undefined;
  const region = options['awslogs-region'];
  return { logGroupName: group, logStreamName: `${prefix}/${container.name}/${taskId}`, ...(region && region !== taskRegion && { region }) };
}

/** The stream as a log source, for the log tails (startPollingTail, startLogTail) and fetchLogEvents. */
export function taskLogSource(stream: TaskLogStream, containerName?: string): LogSource {
  return {
    logGroupName: stream.logGroupName,
    logStreamNamePrefix: stream.logStreamName,
    ...(stream.region && { region: stream.region }),
    ...(containerName && { containerName }),
    kind: 'ecs',
  };
}
