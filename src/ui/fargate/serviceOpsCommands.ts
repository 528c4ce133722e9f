import * as vscode from 'vscode';
import type { FargateService, FargateTask } from '../../core/fargate/services';
import type { AwsConnection } from '../aws/awsConnection';
import type { AwsNode } from '../explorer/nodes/awsNode';
import type { DeploymentWatches } from './deploymentWatches';
import { CANCELLED, confirmAction, refuse, runOperation } from './fargateOperation';
import type { FargateFailure } from './fargateOperation';
import { noTarget, optionsOf, serviceTargetOf, taskIdOf, taskTargetOf, where } from './fargateTargets';
import { ecsSdk } from '../aws/sdk';

export interface ScaleOptions {
  /** Skips the input box; validated as typed text would be. */
  readonly desiredCount?: number | string;
  readonly confirmed?: boolean;
}

export interface ConfirmOptions {
  readonly confirmed?: boolean;
}

export interface StopTaskOptions {
  /** Skips the input box. */
  readonly reason?: string;
  readonly confirmed?: boolean;
}

export type ScaleOutcome = { readonly status: 'scaled'; readonly service: FargateService } | FargateFailure;
export type RedeployOutcome = { readonly status: 'redeployed'; readonly service: FargateService } | FargateFailure;
export type StopTaskOutcome = { readonly status: 'stopped'; readonly task: FargateTask } | FargateFailure;

const DEFAULT_STOP_REASON = 'Stopped from Serverless Explorer';
const MAX_REASON_LENGTH = 255;

/** `serverlessExplorer.scaleService`: desired count (validated) → confirm → UpdateService; the tree follows the rollout. */
export async function scaleServiceCommand(aws: AwsConnection, watches: DeploymentWatches, selection: readonly AwsNode[], value: unknown, rawOptions: unknown): Promise<ScaleOutcome> {
  const target = serviceTargetOf(value, selection);
  if (!target) return noTarget('service');
  const options = optionsOf<ScaleOptions>(rawOptions);
  const current = target.service?.desired;
  const text =
    options.desiredCount !== undefined
      ? String(options.desiredCount)
      : await vscode.window.showInputBox({
          title: `Scale ${target.serviceName}`,
          prompt: `How many tasks should ${target.serviceName} run? (${where(target)})`,
          value: current !== undefined ? String(current) : '',
          validateInput: (input) => ecsSdk().validateDesiredCount(input),
        });
  if (text === undefined) return CANCELLED;
  const problem = ecsSdk().validateDesiredCount(text);
  if (problem) return refuse(`Cannot scale ${target.serviceName}: ${problem}`);
  const desired = Number(text.trim());

  const from = current !== undefined ? ` from ${current}` : '';
  const detail =
    `ECS will ${desired === 0 ? 'stop all of its tasks' : `start or stop tasks until ${desired} run`}. ` +
    'If Application Auto Scaling manages this service, it may change the count again within its minimum and maximum.';
  if (!(await confirmAction(`Scale ${target.serviceName}${from} to ${desired} task${desired === 1 ? '' : 's'} (${where(target)})?`, detail, 'Scale', options.confirmed))) return CANCELLED;

  const result = await runOperation(aws, target.session, `Scaling ${target.serviceName} to ${desired}…`, `scale ${target.serviceName}`, (signal) =>
    ecsSdk().scaleService(aws.clients.client(ecsSdk().ECSClient, target.session), target.cluster, target.serviceName, desired, signal),
  );
  if (!('value' in result)) return result;
  watches.follow(target, result.value);
  return { status: 'scaled', service: result.value };
}

/** `serverlessExplorer.redeployService`: confirm → UpdateService forceNewDeployment; the tree follows the rollout. */
export async function redeployServiceCommand(aws: AwsConnection, watches: DeploymentWatches, selection: readonly AwsNode[], value: unknown, rawOptions: unknown): Promise<RedeployOutcome> {
  const target = serviceTargetOf(value, selection);
  if (!target) return noTarget('service');
  const options = optionsOf<ConfirmOptions>(rawOptions);
  const definition = target.service?.taskDefinition ? ` of ${target.service.taskDefinition}` : '';
  const detail =
    `ECS starts new tasks${definition} and stops the running ones as the new ones become healthy (per the service's deployment configuration). ` +
    'Images with a mutable tag (such as latest) are pulled again.';
  if (!(await confirmAction(`Force a new deployment of ${target.serviceName} (${where(target)})?`, detail, 'Force New Deployment', options.confirmed))) return CANCELLED;
  const result = await runOperation(aws, target.session, `Starting a new deployment of ${target.serviceName}…`, `redeploy ${target.serviceName}`, (signal) =>
    ecsSdk().redeployService(aws.clients.client(ecsSdk().ECSClient, target.session), target.cluster, target.serviceName, signal),
  );
  if (!('value' in result)) return result;
  watches.follow(target, result.value);
  return { status: 'redeployed', service: result.value };
}

/** `serverlessExplorer.stopTask`: reason → confirm → StopTask; the task's service (if any) is followed as it replaces it. */
export async function stopTaskCommand(aws: AwsConnection, watches: DeploymentWatches, selection: readonly AwsNode[], value: unknown, rawOptions: unknown): Promise<StopTaskOutcome> {
  const target = taskTargetOf(value, selection);
  if (!target) return noTarget('task');
  const options = optionsOf<StopTaskOptions>(rawOptions);
  const taskId = taskIdOf(target.taskArn);
  const validate = (input: string) => (input.trim().length > MAX_REASON_LENGTH ? `ECS keeps at most ${MAX_REASON_LENGTH} characters of the reason (this one has ${input.trim().length}).` : undefined);
  const reason =
    options.reason ??
    (await vscode.window.showInputBox({
      title: `Stop task ${taskId.slice(0, 12)}`,
      prompt: 'Why? ECS shows the reason with the stopped task (stoppedReason).',
      value: DEFAULT_STOP_REASON,
      validateInput: validate,
    }));
  if (reason === undefined) return CANCELLED;
  const problem = validate(reason);
  if (problem) return refuse(`Cannot stop task ${taskId}: ${problem}`);

  const of = [target.taskDefinition, target.serviceName && `service ${target.serviceName}`].filter(Boolean).join(', ');
  const detail =
    'ECS sends its containers SIGTERM, then SIGKILL after their stop timeout.' + (target.serviceName ? ` The service ${target.serviceName} starts a replacement to keep its desired count.` : '');
  if (!(await confirmAction(`Stop task ${taskId}${of ? ` (${of})` : ''} in ${where(target)}?`, detail, 'Stop Task', options.confirmed))) return CANCELLED;
  const result = await runOperation(aws, target.session, `Stopping task ${taskId.slice(0, 12)}…`, `stop task ${taskId}`, (signal) =>
    ecsSdk().stopTask(aws.clients.client(ecsSdk().ECSClient, target.session), target.cluster, target.taskArn, reason, signal),
  );
  if (!('value' in result)) return result;
  if (target.serviceName) watches.follow({ session: target.session, cluster: target.cluster, serviceName: target.serviceName });
  vscode.window.setStatusBarMessage(`Task ${taskId.slice(0, 12)}: ${result.value.lastStatus}`, 5000);
  return { status: 'stopped', task: result.value };
}
