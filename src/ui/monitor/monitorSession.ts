import * as vscode from 'vscode';
import type { AwsClientFactory } from '../../core/aws/clients';
import type { AwsSession } from '../../core/aws/sessions';
import type { LogSource } from '../../core/logs/logSource';
import type { LogTail } from '../../core/logs/logTail';
import { setting } from '../settings';
import { resolveRange } from '../../shared/monitorMessages';
import type { HostMessage, MonitorTarget, PageMessage, PanelError, TimeRange } from '../../shared/monitorMessages';
import type { LogEvent } from '../../shared/logEvent';
import { awsSdk, ecsSdk, lambdaSdk, monitorSdk } from '../aws/sdk';

/** The AWS side of one Monitor panel: answers the page's requests for logs, live tail, Logs Insights and metrics. */
export class MonitorSession implements vscode.Disposable {
  private sources?: Promise<LogSource[]>;
  private logsLoad?: AbortController;
  private insights?: { readonly requestId: number; readonly controller: AbortController };
  private metricsLoad?: AbortController;
  private tail?: LogTail;
  private streamTrigger?: Promise<boolean>;

  constructor(
    readonly target: MonitorTarget,
    private readonly clients: AwsClientFactory,
    private readonly post: (message: HostMessage) => void,
  ) {}

  private get session(): AwsSession {
    return { profile: this.target.profile, region: this.target.region };
  }

  handle(message: Exclude<PageMessage, { type: 'ready' | 'copy' | 'export' | 'viewState' | 'replayEvent' }>): void {
    switch (message.type) {
      case 'loadLogs':
        void this.loadLogs(message.requestId, message.range, message.filterPattern);
        break;
      case 'tail':
        void this.setTail(message.on, message.filterPattern);
        break;
      case 'runInsights':
        void this.runInsights(message.requestId, message.query, message.range);
        break;
      case 'cancelInsights':
        if (this.insights?.requestId === message.requestId) this.insights.controller.abort();
        break;
      case 'loadMetrics':
        void this.loadMetrics(message.requestId, message.range);
        break;
    }
  }

  /** The log groups (and stream prefixes) of the target, found once; posts `logSource` to the page. */
  logSources(): Promise<LogSource[]> {
    this.sources ??= this.findLogSources().then(
      (sources) => {
        this.post({ type: 'logSource', source: { description: monitorSdk().describeLogSources(sources), logGroups: sources.map((s) => s.logGroupName) } });
        return sources;
      },
      (error: unknown) => {
        this.sources = undefined; // a later request tries again (the user may have fixed the task definition)
        const problem = this.problem(error, 'find the log group');
        this.post({ type: 'logSource', error: problem });
        throw Object.assign(new Error(problem.detail), { problem });
      },
    );
    return this.sources;
  }

  private findLogSources(): Promise<LogSource[]> {
    const t = this.target;
    if (t.kind === 'lambda') return monitorSdk().lambdaLogSources(this.clients.client(lambdaSdk().LambdaClient, this.session), t.functionName);
    return monitorSdk().fargateLogSources(this.clients.client(ecsSdk().ECSClient, this.session), t.cluster, t.serviceName);
  }

  private logsClient = (region?: string) => this.clients.client(monitorSdk().CloudWatchLogsClient, { ...this.session, region: region ?? this.target.region });

  private async loadLogs(requestId: number, range: TimeRange, filterPattern: string): Promise<void> {
    this.logsLoad?.abort();
    const controller = (this.logsLoad = new AbortController());
    try {
      const sources = await this.logSources();
      const { start, end } = resolveRange(range);
      const { truncated } = await monitorSdk().fetchLogEvents(this.logsClient, sources, {
        start,
        end,
        filterPattern,
        maxEvents: maxLogEvents(),
        signal: controller.signal,
        onPage: (events) => {
          if (!controller.signal.aborted && events.length) this.post({ type: 'logs', requestId, events: events.map(toWire), done: false });
        },
      });
      if (!controller.signal.aborted) this.post({ type: 'logs', requestId, events: [], done: true, truncated });
    } catch (error) {
      if (!controller.signal.aborted) this.post({ type: 'logsError', requestId, error: this.problemOf(error, 'read the logs') });
    }
  }

  private async setTail(on: boolean, filterPattern: string): Promise<void> {
    this.tail?.stop();
    this.tail = undefined;
    if (!on) {
      this.post({ type: 'tailState', running: false });
      return;
    }
    try {
      const sources = await this.logSources();
      const mode = setting('monitor.liveTail') === 'startLiveTail' ? 'liveTail' : 'poll';
      const tail = await monitorSdk().startLogTail(mode, this.logsClient, sources, {
        filterPattern,
        onEvents: (events) => this.post({ type: 'tailEvents', events: events.map(toWire) }),
        onError: (error) => this.post({ type: 'tailState', running: true, mode: tail.mode, error: this.problem(error, 'tail the logs') }),
      });
      this.tail = tail;
      const fallback = tail.fallbackReason ? { title: 'Live Tail is not available: polling instead', detail: tail.fallbackReason } : undefined;
      this.post({ type: 'tailState', running: true, mode: tail.mode, error: fallback });
    } catch (error) {
      this.post({ type: 'tailState', running: false, error: this.problemOf(error, 'tail the logs') });
    }
  }

  private async runInsights(requestId: number, query: string, range: TimeRange): Promise<void> {
    this.insights?.controller.abort();
    const controller = new AbortController();
    this.insights = { requestId, controller };
    try {
      const sources = await this.logSources();
      const { start, end } = resolveRange(range);
      // Logs Insights queries the groups of one region at a time: the target's own region's groups.
      const groups = [...new Set(sources.filter((s) => !s.region || s.region === this.target.region).map((s) => s.logGroupName))];
      const result = await monitorSdk().runInsightsQuery(this.logsClient(), groups, query, {
        start,
        end,
        signal: controller.signal,
        onStatus: (status, stats) => this.post({ type: 'insightsStatus', requestId, status, ...stats }),
      });
      this.post({ type: 'insightsResult', requestId, fields: result.fields, rows: result.rows, status: result.status });
    } catch (error) {
      const cancelled = controller.signal.aborted;
      this.post({ type: 'insightsError', requestId, error: cancelled ? { title: 'Query cancelled', detail: 'The Logs Insights query was stopped.' } : this.problemOf(error, 'run the Logs Insights query') });
    }
  }

  private async loadMetrics(requestId: number, range: TimeRange): Promise<void> {
    this.metricsLoad?.abort();
    const controller = (this.metricsLoad = new AbortController());
    const signal = controller.signal;
    const cw = this.clients.client(monitorSdk().CloudWatchClient, this.session);
    const t = this.target;
    try {
      const view =
        t.kind === 'lambda'
          ? await monitorSdk().lambdaMetrics(cw, t.functionName, resolveRange(range), { streamTrigger: await this.hasStreamTrigger(t.functionName), signal })
          : await monitorSdk().fargateMetrics(cw, { clusterName: clusterName(t.cluster), serviceName: t.serviceName }, resolveRange(range), { tasks: await this.taskCounts(t.cluster, t.serviceName, signal), signal });
      if (!signal.aborted) this.post({ type: 'metrics', requestId, view });
    } catch (error) {
      if (!signal.aborted) this.post({ type: 'metricsError', requestId, error: this.problemOf(error, 'read the metrics') });
    }
  }

  /** IteratorAge only means something for poll-based stream sources (Kinesis, DynamoDB Streams, Kafka). */
  private hasStreamTrigger(functionName: string): Promise<boolean> {
    this.streamTrigger ??= lambdaSdk().listTriggers(this.clients.client(lambdaSdk().LambdaClient, this.session), functionName)
      .then((triggers) => triggers.some((t) => /:(kinesis|dynamodb|kafka):/.test(t.arn ?? '') || /kafka/i.test(t.label)))
      .catch(() => false);
    return this.streamTrigger;
  }

  private async taskCounts(cluster: string, serviceName: string, signal: AbortSignal): Promise<{ running: number; pending: number; desired: number } | undefined> {
    const service = await ecsSdk().describeFargateService(this.clients.client(ecsSdk().ECSClient, this.session), cluster, serviceName, signal).catch(() => undefined);
    return service && { running: service.running, pending: service.pending, desired: service.desired };
  }

  private problem(error: unknown, action: string): PanelError {
    const { title, detail } = awsSdk().describeAwsError(error, this.session, action, this.clients.endpointUrl);
    return { title, detail };
  }

  /** Our own errors (a missing log group, a bad query) already say what to do; AWS's get the usual description. */
  private problemOf(error: unknown, action: string): PanelError {
    const known = (error as { problem?: PanelError }).problem;
    if (known) return known;
    if (error instanceof monitorSdk().LogGroupMissingError) return { title: 'Log group not found', detail: error.message };
    if (error instanceof monitorSdk().LogSourceError) return { title: 'No logs to show', detail: error.message };
    return this.problem(error, action);
  }

  dispose(): void {
    this.logsLoad?.abort();
    this.insights?.controller.abort();
    this.metricsLoad?.abort();
    this.tail?.stop();
  }
}

function toWire(e: { timestamp?: number; message?: string; logStreamName?: string; eventId?: string }): LogEvent {
  return { timestamp: e.timestamp ?? 0, message: e.message ?? '', logStreamName: e.logStreamName, eventId: e.eventId };
}

/** Clusters are addressed by name or ARN; CloudWatch dimensions want the name. */
function clusterName(cluster: string): string {
  return cluster.includes('/') ? cluster.slice(cluster.lastIndexOf('/') + 1) : cluster;
}

export function maxLogEvents(): number {
  return Math.floor(setting('monitor.maxLogEvents'));
}
