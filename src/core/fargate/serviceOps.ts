import { StopTaskCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import type { ECSClient, UpdateServiceCommandInput } from '@aws-sdk/client-ecs';
import { FargateError } from './fargateError';
import { toFargateService, toFargateTask } from './services';
import type { FargateService, FargateTask } from './services';

/** ECS's service quota for tasks per service. */
export const MAX_DESIRED_COUNT = 5000;
/** StopTask keeps at most this many characters of the reason. */
export const MAX_STOP_REASON_LENGTH = 255;

/** undefined when the text is a valid desired count; else what to enter instead. */
export function validateDesiredCount(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return `Enter the number of tasks to run, a whole number from 0 to ${MAX_DESIRED_COUNT}.`;
  if (!/^\d+$/.test(trimmed)) return `Enter a whole number from 0 to ${MAX_DESIRED_COUNT}.`;
  if (Number(trimmed) > MAX_DESIRED_COUNT) return `A service runs at most ${MAX_DESIRED_COUNT} tasks (the ECS quota): enter a number from 0 to ${MAX_DESIRED_COUNT}.`;
  return undefined;
}

/** Sets the service's desired count; returns the service as ECS has it afterwards. */
export async function scaleService(ecs: ECSClient, cluster: string, serviceName: string, desiredCount: number, signal?: AbortSignal): Promise<FargateService> {
  const problem = validateDesiredCount(String(desiredCount));
  if (problem) throw new FargateError(`Cannot scale ${serviceName} to ${desiredCount} tasks. ${problem}`);
  return updateService(ecs, { cluster, service: serviceName, desiredCount }, signal);
}

/** Starts a new deployment of the service's current task definition (new tasks replace the running ones). */
export async function redeployService(ecs: ECSClient, cluster: string, serviceName: string, signal?: AbortSignal): Promise<FargateService> {
  return updateService(ecs, { cluster, service: serviceName, forceNewDeployment: true }, signal);
}

/** Stops a task with a reason (shown in the console and in DescribeTasks as stoppedReason). */
export async function stopTask(ecs: ECSClient, cluster: string, taskArn: string, reason: string, signal?: AbortSignal): Promise<FargateTask> {
  const trimmed = reason.trim();
  if (trimmed.length > MAX_STOP_REASON_LENGTH) {
    throw new FargateError(`The reason is ${trimmed.length} characters long; ECS keeps at most ${MAX_STOP_REASON_LENGTH}. Shorten it and try again.`);
  }
  try {
    const { task } = await ecs.send(new StopTaskCommand({ cluster, task: taskArn, ...(trimmed && { reason: trimmed }) }), { abortSignal: signal });
    if (!task) throw new FargateError(`ECS did not say whether task ${taskArn.split('/').pop()} stopped. Refresh the explorer to see its status.`);
    return toFargateTask(task);
  } catch (error) {
    throw notFound(error, cluster, `task ${taskArn.split('/').pop()}`) ?? error;
  }
}

/** No rollout in progress, and exactly the desired number of tasks running, none pending. */
export function deploymentSettled(service: FargateService): boolean {
  return !service.deploying && service.running === service.desired && service.pending === 0;
}

async function updateService(ecs: ECSClient, input: UpdateServiceCommandInput, signal?: AbortSignal): Promise<FargateService> {
  try {
    const { service } = await ecs.send(new UpdateServiceCommand(input), { abortSignal: signal });
    if (!service) throw new FargateError(`ECS did not return the service ${input.service}. Refresh the explorer to see its state.`);
    return toFargateService(service);
  } catch (error) {
    throw notFound(error, input.cluster ?? 'default', `service ${input.service}`) ?? error;
  }
}

function notFound(error: unknown, cluster: string, what: string): FargateError | undefined {
  const { name, message } = error as Error;
  if (name === 'ClusterNotFoundException') return new FargateError(`There is no cluster ${cluster}: it may have been deleted. Refresh the explorer.`, { cause: error });
  if (name === 'ServiceNotFoundException' || name === 'ServiceNotActiveException') {
    return new FargateError(`There is no active ${what} in cluster ${cluster}: it may have been deleted. Refresh the explorer.`, { cause: error });
  }
  if (name === 'InvalidParameterException' && /task was not found/i.test(message)) {
    return new FargateError(`There is no ${what} in cluster ${cluster}: it may have stopped and been removed already. Refresh the explorer.`, { cause: error });
  }
  return undefined;
}
