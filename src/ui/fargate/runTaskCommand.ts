import * as vscode from 'vscode';
import { parseCommandLine } from '../../core/fargate/commandLine';
import type { StartedTask } from '../../core/fargate/runTask';
import type { ServiceDetails } from '../../core/fargate/serviceDetails';
import { looksLikeProduction } from '../../core/lambda/production';
import { jsonErrorPosition } from '../../core/lambda/payload';
import { chooseEvent } from '../events/chooseEvent';
import type { EventChoice, EventOptions } from '../events/chooseEvent';
import type { AwsConnection } from '../aws/awsConnection';
import type { AwsNode } from '../explorer/nodes/awsNode';
import { setting } from '../settings';
import { CANCELLED, confirmAction, failureMessage, refuse, runOperation } from './fargateOperation';
import type { FargateFailure } from './fargateOperation';
import { noTarget, optionsOf, serviceTargetOf, where } from './fargateTargets';
import type { ServiceTarget } from './fargateTargets';
import type { TaskFollower } from './taskFollower';
import type { TaskFollowers } from './taskFollowers';
import { ecsSdk, eventsSdk, fargateDetailsSdk } from '../aws/sdk';

/** For callers other than a person (tests, keybindings, other extensions): what to skip asking. */
export interface RunTaskOptions extends Omit<EventOptions, 'title'> {
  /** The command override: a shell-like line or its words; "" or [] runs the image's default. */
  readonly command?: string | readonly string[];
  /** The container that gets the event; default: the first essential one (asked when there are several). */
  readonly container?: string;
  readonly confirmed?: boolean;
  /** Pacing of the follow (tests). */
  readonly followIntervalMs?: number;
  readonly logGraceMs?: number;
  readonly logIntervalMs?: number;
}

export type RunTaskOutcome = { readonly status: 'started'; readonly task: StartedTask; readonly follower: TaskFollower } | FargateFailure;

/**
 * `serverlessExplorer.runTask`: a one-off task of a Fargate service with an event in an environment variable. Service
 * details → container → event (the Lambda invoke pickers) → command override → confirm → RunTask → follow.
 */
export async function runTaskCommand(aws: AwsConnection, followers: TaskFollowers, selection: readonly AwsNode[], value: unknown, rawOptions: unknown): Promise<RunTaskOutcome> {
  const target = serviceTargetOf(value, selection);
  if (!target) return noTarget('service');
  const options = optionsOf<RunTaskOptions>(rawOptions);
  const { clients } = aws;
  const ecs = clients.client(ecsSdk().ECSClient, target.session);

  const read = await runOperation(aws, target.session, `Reading service ${target.serviceName}…`, `read service ${target.serviceName}`, (signal) =>
    fargateDetailsSdk().describeServiceDetails({ ecs, autoScaling: clients.client(fargateDetailsSdk().ApplicationAutoScalingClient, target.session) }, target.cluster, target.serviceName, signal),
  );
  if (!('value' in read)) return read;
  const details = read.value;

  const container = options.container ?? (await chooseContainer(details));
  if (container === null) return CANCELLED;

  let event: EventChoice | undefined;
  try {
    event = await chooseEvent(target.serviceName, async () => [], { ...options, title: `Run a task of ${target.serviceName} with which event?` });
  } catch (error) {
    return refuse(error instanceof eventsSdk().EventLookupError ? error.message : failureMessage(aws, error, target.session, 'build the event'));
  }
  if (!event) return CANCELLED;
  const jsonProblem = checkEventJson(event.json);
  if (jsonProblem) return refuse(jsonProblem);

  const command = await chooseCommand(target.serviceName, options.command);
  if (command === undefined) return CANCELLED;
  if (typeof command === 'string') return refuse(command);

  const envName = setting('fargate.eventVariable');
  const question = `Run a task of ${target.serviceName} in ${where(target)}?`;
  if (!(await confirmAction(question, confirmDetail(target, details, container, event, envName, command), 'Run Task', options.confirmed))) return CANCELLED;

  const run = await runOperation(aws, target.session, `Starting a task of ${target.serviceName}…`, `run a task of ${target.serviceName}`, (signal) =>
    ecsSdk().runServiceTask(ecs, { cluster: target.cluster, serviceName: target.serviceName, event: event.json, envName, ...(container && { container }), ...(command.length && { command }) }, signal),
  );
  if (!('value' in run)) return run;
  const started = run.value;
  const follower = followers.start(
    { aws, session: target.session, serviceName: target.serviceName, started, eventLabel: event.label, envName, command },
    { intervalMs: options.followIntervalMs, logGraceMs: options.logGraceMs, logIntervalMs: options.logIntervalMs },
  );
  follower.show();
  void announce(target, started, follower);
  return { status: 'started', task: started, follower };
}

/** undefined: the default container; null: the user cancelled. */
async function chooseContainer(details: ServiceDetails): Promise<string | undefined | null> {
  const containers = details.taskDefinition.containers;
  const essential = containers.filter((c) => c.essential);
  if (containers.length < 2) return undefined;
  const first = essential[0] ?? containers[0];
  const items = [first, ...containers.filter((c) => c !== first)].map((c) => ({
    label: c.name,
    description: [c.image, c.essential ? 'essential' : 'not essential', c === first ? 'default' : undefined].filter(Boolean).join(' · '),
    name: c.name,
  }));
  const choice = await vscode.window.showQuickPick(items, { title: `Which container of ${details.taskDefinition.name} gets the event (and the command override)?` });
  return choice ? choice.name : null;
}

/** The command words; undefined when cancelled; a string when the given line cannot be parsed. */
async function chooseCommand(serviceName: string, given: RunTaskOptions['command']): Promise<readonly string[] | string | undefined> {
  if (Array.isArray(given)) return given as readonly string[];
  const validate = (text: string) => {
    try {
      parseCommandLine(text);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };
  const line =
    typeof given === 'string'
      ? given
      : await vscode.window.showInputBox({
          title: `Run a task of ${serviceName}: command override`,
          prompt: "Leave empty to run the image's own command. Words split as in a shell, quotes group; a JSON array works too.",
          placeHolder: 'e.g. node jobs/reindex.js --since "2 days ago"   or   ["node","jobs/reindex.js"]',
          validateInput: validate,
        });
  if (line === undefined) return undefined;
  const problem = validate(line);
  return problem ? `The command override cannot be read: ${problem}` : parseCommandLine(line);
}

function checkEventJson(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const at = jsonErrorPosition(text, (error as Error).message);
    return `The event is not valid JSON${at ? ` (line ${at.line}, column ${at.column})` : ''}. Fix it and run the task again; nothing was started.`;
  }
}

function confirmDetail(target: ServiceTarget, details: ServiceDetails, container: string | undefined, event: EventChoice, envName: string, command: readonly string[]): string {
  const network = details.network;
  const receiver = container ?? (details.taskDefinition.containers.find((c) => c.essential) ?? details.taskDefinition.containers[0])?.name ?? '?';
  const production = looksLikeProduction(target.serviceName, undefined) ?? looksLikeProduction(target.cluster, undefined);
  return [
    production && `It looks like production (${production}): the task runs for real, with real side effects.`,
    `Task definition: ${details.taskDefinition.name} · ${details.service.launch}`,
    `Subnets: ${network?.subnets.join(', ') || 'none'}`,
    `Security groups: ${network?.securityGroups.join(', ') || 'none'} · public IP: ${network?.assignPublicIp ?? 'DISABLED'}`,
    `Event: ${event.label} (${Buffer.byteLength(event.json, 'utf8').toLocaleString('en-US')} bytes) in $${envName} of container ${receiver}`,
    `Command: ${command.length ? JSON.stringify(command) : "the image's own"}`,
  ]
    .filter(Boolean)
    .join('\n');
}

async function announce(target: ServiceTarget, started: StartedTask, follower: TaskFollower): Promise<void> {
  const choice = await vscode.window.showInformationMessage(`Task ${started.taskId.slice(0, 12)} of ${target.serviceName} started (${started.taskDefinition}).`, 'Show Output', 'Open Monitor', 'Stop Task');
  const { session } = target;
  if (choice === 'Show Output') follower.show();
  if (choice === 'Open Monitor') {
    await vscode.commands.executeCommand('serverlessExplorer.openMonitor', { kind: 'fargate', profile: session.profile, region: session.region, cluster: target.cluster, serviceName: target.serviceName });
  }
  if (choice === 'Stop Task') {
    await vscode.commands.executeCommand('serverlessExplorer.stopTask', { profile: session.profile, region: session.region, cluster: started.cluster, taskArn: started.taskArn });
  }
}
