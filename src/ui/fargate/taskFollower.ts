import * as vscode from 'vscode';
import { describeAwsError } from '../../core/aws/errors';
import type { AwsSession } from '../../core/aws/sessions';
import type { TaskSnapshot } from '../../core/fargate/followTask';
import type { StartedTask } from '../../core/fargate/runTask';
import type { LogEvent } from '../../core/logs/logEvent';
import type { LogTail } from '../../core/logs/logTail';
import type { AwsConnection } from '../aws/awsConnection';
import { ecsSdk, monitorSdk } from '../aws/sdk';

export interface FollowTiming {
  /** Between two DescribeTasks calls. */
  readonly intervalMs?: number;
  /** How long the log tail goes on after the task stopped: CloudWatch ingests the last lines late. */
  readonly logGraceMs?: number;
  /** Between two log polls. */
  readonly logIntervalMs?: number;
}

export interface TaskFollowerDeps {
  readonly aws: AwsConnection;
  readonly session: AwsSession;
  readonly serviceName: string;
  readonly started: StartedTask;
  /** What the task was started with, for the channel's header. */
  readonly eventLabel: string;
  readonly envName: string;
  readonly command?: readonly string[];
}

const DEFAULT_INTERVAL_MS = 3000;
const DEFAULT_LOG_GRACE_MS = 15_000;

/**
 * Follows one task in its own output channel ("Fargate task <id>"): status transitions, each container's exit code,
 * the stop reason, and the container's awslogs stream as it is written. Ends with a notification.
 */
export class TaskFollower implements vscode.Disposable {
  /** Every line written to the channel, for tests and for "Show Output" after the fact. */
  readonly transcript: string[] = [];
  /** The task's last snapshot once it stopped; undefined when following failed or was given up. */
  readonly finished: Promise<TaskSnapshot | undefined>;
  /** Resolves once the log tail has ended too (after the grace period). */
  readonly logsDone: Promise<void>;
  private readonly channel: vscode.OutputChannel;
  private readonly controller = new AbortController();
  private tail?: LogTail;
  private graceTimer?: NodeJS.Timeout;
  private endLogs!: () => void;

  constructor(
    private readonly deps: TaskFollowerDeps,
    private readonly timing: FollowTiming = {},
  ) {
    const { started } = deps;
    this.channel = vscode.window.createOutputChannel(`Fargate task ${started.taskId.slice(0, 12)} (${deps.serviceName})`);
    this.logsDone = new Promise((resolve) => (this.endLogs = resolve));
    this.writeHeader();
    this.startLogTail();
    this.finished = this.follow();
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `$(server-process) Task ${started.taskId.slice(0, 8)} of ${deps.serviceName}` }, () => this.finished);
  }

  get task(): StartedTask {
    return this.deps.started;
  }

  show(): void {
    this.channel.show(true);
  }

  /** Stops following (the task itself runs on) and closes the channel. */
  dispose(): void {
    this.controller.abort();
    this.stopLogs();
    this.channel.dispose();
  }

  private writeHeader(): void {
    const { started, session, serviceName, eventLabel, envName, command } = this.deps;
    const network = [`subnets ${started.subnets.join(', ') || 'none'}`, `security groups ${started.securityGroups.join(', ') || 'none'}`, started.assignPublicIp && `public IP ${started.assignPublicIp}`];
    this.write(`Task ${started.taskArn}`);
    this.write(`  ${started.taskDefinition} of service ${serviceName} in cluster ${started.cluster} (${session.profile} · ${session.region}), ${started.launch}`);
    this.write(`  ${network.filter(Boolean).join(' · ')}`);
    this.write(`  event: ${eventLabel} in $${envName} of container ${started.container}; command: ${command?.length ? JSON.stringify(command) : 'the image default'}`);
    const stream = started.logStream;
    this.write(stream ? `  logs: ${stream.logGroupName} › ${stream.logStreamName}${stream.region ? ` (${stream.region})` : ''}` : `  logs: container ${started.container} does not log to CloudWatch Logs with awslogs and a stream prefix, so no logs follow here`);
  }

  private async follow(): Promise<TaskSnapshot | undefined> {
    const { aws, session, started, serviceName } = this.deps;
    const { clients } = aws;
    const short = started.taskId.slice(0, 12);
    let snapshot: TaskSnapshot;
    try {
      snapshot = await ecsSdk().followTask(clients.client(ecsSdk().ECSClient, session), started.cluster, started.taskArn, {
        intervalMs: this.timing.intervalMs ?? DEFAULT_INTERVAL_MS,
        signal: this.controller.signal,
        onUpdate: (_snapshot, lines) => lines.forEach((line) => this.write(line)),
      });
    } catch (error) {
      this.scheduleLogsEnd();
      if (this.controller.signal.aborted) return undefined;
      const message = error instanceof ecsSdk().FargateError ? error.message : describeAwsError(error, session, `follow task ${short}`, clients.endpointUrl).detail;
      this.write(`Stopped following the task: ${message}`);
      void vscode.window.showErrorMessage(`Task ${short} of ${serviceName}: ${message}`, 'Show Output').then((choice) => choice && this.show());
      return undefined;
    }
    this.scheduleLogsEnd();
    const exits = snapshot.containers.map((c) => `${c.name} ${c.exitCode === undefined ? 'has no exit code' : `exited with ${c.exitCode}`}`).join(', ') || 'no containers';
    const succeeded = ecsSdk().taskSucceeded(snapshot, started.essentialContainers);
    this.write(succeeded ? `Task ${short} finished: ${exits}.` : `Task ${short} failed: ${exits}${snapshot.stoppedReason ? ` (${snapshot.stoppedReason})` : ''}.`);
    const summary = `Task ${short} of ${serviceName} ${succeeded ? 'finished' : 'failed'}: ${exits}${!succeeded && snapshot.stoppedReason ? ` — ${snapshot.stoppedReason}` : ''}.`;
    const shown = succeeded ? vscode.window.showInformationMessage(summary, 'Show Output') : vscode.window.showErrorMessage(summary, 'Show Output');
    void shown.then((choice) => choice && this.show());
    return snapshot;
  }

  private startLogTail(): void {
    const { aws, session, started } = this.deps;
    if (!started.logStream) return this.endLogs();
    const { clients } = aws;
    const reported = new Set<string>();
    this.tail = monitorSdk().startPollingTail((region) => clients.client(monitorSdk().CloudWatchLogsClient, { profile: session.profile, region: region ?? session.region }), [ecsSdk().taskLogSource(started.logStream, started.container)], {
      // The stream is the task's own: nothing in it predates the task, whatever the clocks say.
      since: Date.now() - 5 * 60_000,
      intervalMs: this.timing.logIntervalMs,
      onEvents: (events) => events.forEach((event) => this.writeLog(event)),
      onError: (error) => {
        const text = error instanceof monitorSdk().LogGroupMissingError ? error.message : describeAwsError(error, session, 'read the task logs', clients.endpointUrl).detail;
        if (!reported.has(text)) this.write(`logs: ${text}`);
        reported.add(text);
      },
      onStop: () => {
        this.write('logs: the log tail stopped after repeated failures.');
        this.endLogs();
      },
    });
  }

  private scheduleLogsEnd(): void {
    this.graceTimer = setTimeout(() => this.stopLogs(), this.timing.logGraceMs ?? DEFAULT_LOG_GRACE_MS);
  }

  private stopLogs(): void {
    clearTimeout(this.graceTimer);
    this.tail?.stop();
    this.tail = undefined;
    this.endLogs();
  }

  private writeLog(event: LogEvent): void {
    this.write(`${this.deps.started.container} | ${event.message.replace(/\n$/, '')}`, event.timestamp);
  }

  private write(line: string, at = Date.now()): void {
    const text = `[${clock(at)}] ${line}`;
    this.transcript.push(text);
    this.channel.appendLine(text);
  }
}

function clock(at: number): string {
  const d = new Date(at);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}
