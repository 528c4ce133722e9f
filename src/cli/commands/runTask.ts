import * as fs from 'node:fs';
import * as path from 'node:path';
import { AwsClientFactory } from '../../core/aws/clients';
import { parseEndpointUrl } from '../../core/aws/endpoint';
import { CLI_WORDS, describeAwsError } from '../../core/aws/errors';
import { readProfiles } from '../../core/aws/profiles';
import { regionsFor, selectProfiles } from '../../core/aws/sessions';
import type { AwsSession } from '../../core/aws/sessions';
import { EventLookupError, findEventById, generateEvent } from '../../core/events/catalog';
import { jsonErrorPosition } from '../../core/lambda/payload';
import { parseCommandLine } from '../../core/fargate/commandLine';
import { FargateError } from '../../core/fargate/fargateError';
import { followTask, taskSucceeded } from '../../core/fargate/followTask';
import type { TaskSnapshot } from '../../core/fargate/followTask';
import { EVENT_ENV_NAME_PATTERN, runServiceTask } from '../../core/fargate/runTask';
import type { StartedTask } from '../../core/fargate/runTask';
import { ECSClient } from '../../core/fargate/services';
import type { CliIo } from '../io';
import { parseTimeoutFlags, TIMEOUT_FLAGS } from '../timeoutFlags';

export const RUN_TASK_USAGE = `Usage:
  serverless-explorer run-task --cluster <cluster> --service <service>
      [--event-id "<service> <event>" [--<parameter> <value> …] | --event <file.json | ->]
      [--env-name EVENT] [--container <name>] [--command "node job.js"]
      [--follow [--interval <seconds>]] [--json]
      [--profile <name>] [--region <code>] [--endpoint-url <url>]
      [--connect-timeout <seconds>] [--request-timeout <seconds>]`;

const RUN_TASK_DESCRIPTION = `Runs a one-off task from the service's current task definition, with the service's network
configuration and launch type or capacity providers. The event goes into an environment variable
(--env-name, default EVENT) of the first essential container (or --container). Prints the task ARN;
with --follow, each status change and exit code after it, and exits 0 only when every essential
container exited with code 0.`;

export interface RunTaskCliContext {
  readonly cwd: string;
  readonly readStdin: () => Promise<string>;
  /** Aborted when the user interrupts (Ctrl+C): following stops, the task keeps running. */
  readonly signal?: AbortSignal;
}

interface RunTaskArgs {
  readonly options: Map<string, string | true>;
  /** --<parameter> values for --event-id. */
  readonly params: Record<string, string>;
}

const VALUE_OPTIONS = ['cluster', 'service', 'event-id', 'event', 'env-name', 'container', 'command', 'interval', 'profile', 'region', 'endpoint-url', ...TIMEOUT_FLAGS];
const FLAG_OPTIONS = ['follow', 'json', 'help'];

/**
 * `run-task`: runs a one-off task of a Fargate service with an event in an environment variable. Prints the task ARN;
 * with --follow, then each status change and exit code, and exits 0 only when every essential container exited 0.
 */
export async function runTaskCommand(argv: readonly string[], context: RunTaskCliContext, io: CliIo): Promise<number> {
  const parsed = parseRunTaskArgs(argv);
  if (typeof parsed === 'string') return usage(io, parsed);
  const { options, params } = parsed;
  const value = (name: string) => options.get(name) as string | undefined;
  if (options.has('help')) {
    io.out(`${RUN_TASK_USAGE}\n\n${RUN_TASK_DESCRIPTION}\n`);
    return 0;
  }
  const cluster = value('cluster');
  const serviceName = value('service');
  if (!cluster || !serviceName) return usage(io, `run-task needs ${!cluster ? '--cluster' : '--service'}.`);
  if (options.has('event-id') && options.has('event')) return usage(io, 'give either --event-id or --event, not both.');
  if (Object.keys(params).length > 0 && !options.has('event-id')) return usage(io, `unknown option --${Object.keys(params)[0]} (event parameters go with --event-id).`);
  const envName = value('env-name');
  if (envName !== undefined && !EVENT_ENV_NAME_PATTERN.test(envName)) return usage(io, `--env-name "${envName}" is not a valid environment variable name: use letters, digits and underscores, not starting with a digit.`);
  let command: string[] | undefined;
  if (value('command') !== undefined) {
    try {
      command = parseCommandLine(value('command')!);
    } catch (error) {
      return usage(io, `--command: ${(error as Error).message}`);
    }
  }
  const intervalSeconds = value('interval') === undefined ? 3 : Number(value('interval'));
  if (!Number.isFinite(intervalSeconds) || intervalSeconds <= 0 || intervalSeconds > 600) return usage(io, `--interval must be a number of seconds above 0, up to 600, not "${value('interval')}".`);

  const event = await readEvent(value('event-id'), params, value('event'), context);
  if (event.text === undefined) return usage(io, event.error);

  const timeouts = parseTimeoutFlags(value);
  if ('error' in timeouts) return usage(io, timeouts.error);
  const endpointUrl = parseEndpointUrl(value('endpoint-url'));
  const session = await chooseSession(value('profile'), value('region'), io);
  if (typeof session === 'number') return session;
  const clients = new AwsClientFactory({ ...timeouts, endpointUrl });
  const ecs = clients.client(ECSClient, session);
  const json = options.has('json');
  let started: StartedTask | undefined;
  try {
    started = await runServiceTask(ecs, { cluster, serviceName, event: event.text, envName, container: value('container'), command }, context.signal);
    if (!options.has('follow')) {
      io.out(json ? `${JSON.stringify(started, null, 2)}\n` : `${started.taskArn}\n`);
      if (!json) io.err(startedNote(started));
      return 0;
    }
    const progress = (text: string) => (json ? io.err(text) : io.out(text));
    if (!json) io.out(`${started.taskArn}\n`);
    io.err(startedNote(started));
    const final = await followTask(ecs, started.cluster, started.taskArn, {
      intervalMs: intervalSeconds * 1000,
      signal: context.signal,
      onUpdate: (_snapshot, lines) => progress(lines.map((line) => `${clock()} ${line}\n`).join('')),
    });
    const succeeded = taskSucceeded(final, started.essentialContainers);
    if (json) io.out(`${JSON.stringify({ task: started, final, succeeded }, null, 2)}\n`);
    else io.out(`${verdict(final, started, succeeded)}\n`);
    return succeeded ? 0 : 1;
  } catch (error) {
    if (context.signal?.aborted) {
      io.err(started ? `serverless-explorer: stopped following; the task keeps running: ${started.taskArn}\n` : 'serverless-explorer: interrupted.\n');
      return 1;
    }
    if (error instanceof FargateError) {
      io.err(`serverless-explorer: ${error.message}\n`);
      return 1;
    }
    const problem = describeAwsError(error, session, `run a task of service ${serviceName} in cluster ${cluster}`, endpointUrl, CLI_WORDS);
    io.err(`serverless-explorer: ${session.profile} ${session.region}: ${problem.title}. ${problem.detail}\n`);
    return 1;
  } finally {
    clients.dispose();
  }
}

function usage(io: CliIo, message: string): number {
  io.err(`serverless-explorer: ${message}\n${RUN_TASK_USAGE}\n`);
  return 2;
}

/** Options as `--name value` or `--name=value`; any other `--name value` is an event parameter. */
function parseRunTaskArgs(argv: readonly string[]): RunTaskArgs | string {
  const options = new Map<string, string | true>();
  const params: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h') {
      options.set('help', true);
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') return `unexpected argument "${arg}".`;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (FLAG_OPTIONS.includes(name)) {
      if (eq > 0) return `--${name} takes no value.`;
      options.set(name, true);
      continue;
    }
    const given = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (given === undefined) return `--${name} needs a value.`;
    if (!VALUE_OPTIONS.includes(name)) params[name] = given;
    else if (options.has(name)) return `--${name} is given twice; run-task uses one ${name}.`;
    else options.set(name, given);
  }
  return { options, params };
}

async function readEvent(
  eventId: string | undefined,
  params: Record<string, string>,
  file: string | undefined,
  context: RunTaskCliContext,
): Promise<{ text: string; error?: undefined } | { text?: undefined; error: string }> {
  if (eventId !== undefined) {
    try {
      return { text: JSON.stringify(generateEvent(findEventById(eventId), params)) };
    } catch (error) {
      if (error instanceof EventLookupError) return { error: error.message };
      throw error;
    }
  }
  if (file === undefined) return { text: '{}' };
  let text: string;
  try {
    text = file === '-' ? await context.readStdin() : fs.readFileSync(path.resolve(context.cwd, file), 'utf8');
  } catch (error) {
    return { error: `could not read the event file ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.` };
  }
  try {
    JSON.parse(text);
  } catch (error) {
    const where = jsonErrorPosition(text, (error as Error).message);
    const detail = (error as Error).message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
    return { error: `the event ${file === '-' ? 'on stdin' : `file ${file}`} is not valid JSON${where ? ` (line ${where.line}, column ${where.column})` : ''}: ${detail}. Nothing was run.` };
  }
  return { text };
}

/** One profile and one region: --profile/--region, else AWS_PROFILE/AWS_REGION, else the default profile and its region. */
async function chooseSession(profile: string | undefined, region: string | undefined, io: CliIo): Promise<AwsSession | number> {
  const settings = { profiles: profile ? [profile] : [], regions: region ? [region] : [] };
  const selection = selectProfiles(await readProfiles(), settings, io.env);
  if (selection.missing.length > 0) {
    io.err(`serverless-explorer: profile "${selection.missing[0]}" is not defined in the AWS config or credentials file.\n`);
    return 1;
  }
  if (selection.profiles.length === 0) {
    io.err('serverless-explorer: no AWS profile to use. Create one (aws configure sso), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.\n');
    return 1;
  }
  if (selection.profiles.length > 1) {
    io.err(`serverless-explorer: several profiles could run the task (${selection.profiles.map((p) => p.name).join(', ')}): choose one with --profile.\n`);
    return 2;
  }
  return { profile: selection.profiles[0].name, region: regionsFor(selection.profiles[0], settings, io.env)[0] };
}

function startedNote(started: StartedTask): string {
  const logs = started.logStream ? ` Logs: ${started.logStream.logGroupName} › ${started.logStream.logStreamName}${started.logStream.region ? ` (${started.logStream.region})` : ''}.` : '';
  return `Started ${started.taskDefinition} (${started.launch}) in ${started.cluster}, the event in container ${started.container}.${logs}\n`;
}

function verdict(final: TaskSnapshot, started: StartedTask, succeeded: boolean): string {
  if (succeeded) return 'The task succeeded: every essential container exited with code 0.';
  const essential = started.essentialContainers ?? [];
  const failing = final.containers.filter((c) => (essential.length === 0 || essential.includes(c.name)) && c.exitCode !== 0);
  const which = failing.map((c) => `${c.name} ${c.exitCode === undefined ? 'has no exit code' : `exited with code ${c.exitCode}`}`).join(', ');
  return `The task failed${which ? `: ${which}` : ''}${final.stoppedReason ? ` (${final.stoppedReason})` : ''}.`;
}

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}
