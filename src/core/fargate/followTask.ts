import { setTimeout as sleep } from 'node:timers/promises';
import { DescribeTasksCommand } from '@aws-sdk/client-ecs';
import type { ECSClient, Task } from '@aws-sdk/client-ecs';
import { FargateError } from './fargateError';

export interface ContainerSnapshot {
  readonly name: string;
  readonly lastStatus?: string;
  readonly exitCode?: number;
  readonly reason?: string;
}

export interface TaskSnapshot {
  readonly lastStatus: string;
  readonly desiredStatus?: string;
  readonly stopCode?: string;
  readonly stoppedReason?: string;
  readonly containers: readonly ContainerSnapshot[];
}

export interface FollowTaskOptions {
  /** Called with the first snapshot and with every one that differs from the one before. */
  onUpdate(snapshot: TaskSnapshot, lines: string[]): void;
  /** Between two DescribeTasks calls; default 3000. */
  readonly intervalMs?: number;
  readonly signal?: AbortSignal;
}

export function toTaskSnapshot(task: Task): TaskSnapshot {
  return {
    lastStatus: task.lastStatus ?? 'UNKNOWN',
    ...(task.desiredStatus && { desiredStatus: task.desiredStatus }),
    ...(task.stopCode && { stopCode: task.stopCode }),
    ...(task.stoppedReason && { stoppedReason: task.stoppedReason }),
    containers: (task.containers ?? []).map((c) => ({
      name: c.name ?? '',
      ...(c.lastStatus && { lastStatus: c.lastStatus }),
      ...(c.exitCode !== undefined && { exitCode: c.exitCode }),
      ...(c.reason && { reason: c.reason }),
    })),
  };
}

/**
 * What changed from one snapshot to the next, one line each: "PROVISIONING → PENDING", "container web: RUNNING",
 * "container web exited with code 1: <reason>", "stopped (EssentialContainerExited): Essential container in task exited".
 * A container's exit code counts once the container or the task has stopped: some endpoints report 0 from the start.
 */
export function describeTaskChange(previous: TaskSnapshot | undefined, next: TaskSnapshot): string[] {
  const lines: string[] = [];
  // The "stopped" line below says it for a task that is already STOPPED.
  if (!previous) {
    if (next.lastStatus !== 'STOPPED') lines.push(next.lastStatus);
  }
  else if (previous.lastStatus !== next.lastStatus) lines.push(`${previous.lastStatus} → ${next.lastStatus}`);
  if (previous && previous.desiredStatus !== 'STOPPED' && next.desiredStatus === 'STOPPED' && next.lastStatus !== 'STOPPED') lines.push('stop requested');

  for (const container of next.containers) {
    const before = previous?.containers.find((c) => c.name === container.name);
    const ended = hasEnded(container, next);
    if (ended && !(before && previous && hasEnded(before, previous))) {
      lines.push(exitLine(container));
    } else if (!ended && container.lastStatus && container.lastStatus !== before?.lastStatus) {
      lines.push(`container ${container.name}: ${container.lastStatus}`);
    }
  }

  if (next.lastStatus === 'STOPPED' && previous?.lastStatus !== 'STOPPED') {
    const reason = next.stoppedReason ? `: ${next.stoppedReason}` : '';
    lines.push(`stopped${next.stopCode ? ` (${next.stopCode})` : ''}${reason}`);
  }
  return lines;
}

/** True when each essential container (every container when none is named) exited with code 0. */
export function taskSucceeded(snapshot: TaskSnapshot, essentialContainers?: readonly string[]): boolean {
  const judged = essentialContainers?.length ? snapshot.containers.filter((c) => essentialContainers.includes(c.name)) : snapshot.containers;
  return snapshot.lastStatus === 'STOPPED' && judged.length > 0 && judged.every((c) => c.exitCode === 0);
}

/**
 * Polls DescribeTasks until the task has stopped, reporting each change; resolves with the STOPPED snapshot. A task ECS
 * no longer knows (it forgets stopped tasks after about an hour) fails with a FargateError.
 */
export async function followTask(ecs: ECSClient, cluster: string, taskArn: string, options: FollowTaskOptions): Promise<TaskSnapshot> {
  const { onUpdate, intervalMs = 3000, signal } = options;
  let previous: TaskSnapshot | undefined;
  for (;;) {
    signal?.throwIfAborted();
    const described = await ecs.send(new DescribeTasksCommand({ cluster, tasks: [taskArn] }), { abortSignal: signal });
    const task = described.tasks?.find((t) => t.taskArn === taskArn) ?? described.tasks?.[0];
    if (!task) {
      const reason = described.failures?.[0]?.reason;
      throw new FargateError(
        `The task ${taskArn.split('/').pop()} is no longer known in cluster ${cluster}${reason ? ` (${reason})` : ''}: ECS forgets stopped tasks after a while. Look for its logs instead.`,
      );
    }
    const snapshot = toTaskSnapshot(task);
    const lines = describeTaskChange(previous, snapshot);
    if (lines.length > 0) onUpdate(snapshot, lines);
    if (snapshot.lastStatus === 'STOPPED') return snapshot;
    previous = snapshot;
    await sleep(intervalMs, undefined, { signal });
  }
}

function hasEnded(container: ContainerSnapshot, task: TaskSnapshot): boolean {
  return container.lastStatus === 'STOPPED' || task.lastStatus === 'STOPPED';
}

function exitLine(container: ContainerSnapshot): string {
  const reason = container.reason ? `: ${container.reason}` : '';
  if (container.exitCode === undefined) return `container ${container.name} stopped without an exit code${reason}`;
  return `container ${container.name} exited with code ${container.exitCode}${reason}`;
}
