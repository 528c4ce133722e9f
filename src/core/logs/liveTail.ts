import { DescribeLogGroupsCommand, StartLiveTailCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { CloudWatchLogsClient, LiveTailSessionLogEvent, StartLiveTailResponseStream } from '@aws-sdk/client-cloudwatch-logs';
import { isAbort, LogGroupMissingError } from './logErrors';
import { sortByTimestamp } from './logEvent';
import type { LogEvent } from './logEvent';
import type { LogSource } from './logSource';
import type { LogTail, LogTailOptions } from './logTailTypes';
import { trimmedPattern } from './readLogEvents';

export interface LiveTailOptions extends LogTailOptions {
  /** Only streams starting with these (allowed with a single log group only). */
  readonly logStreamNamePrefixes?: string[];
  /** How long to wait for the session to start before giving up. default 10_000 */
  readonly startTimeoutMs?: number;
}

/** The ARNs (without the trailing `:*`) StartLiveTail wants, looked up by name. */
export async function logGroupArns(client: CloudWatchLogsClient, sources: readonly LogSource[], signal?: AbortSignal): Promise<string[]> {
  const arns: string[] = [];
  for (const source of new Map(sources.map((s) => [s.logGroupName, s])).values()) {
    // Names sort first among the groups they prefix, so the exact one is on the first page.
    const { logGroups } = await client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: source.logGroupName }), { abortSignal: signal });
    const group = logGroups?.find((g) => g.logGroupName === source.logGroupName);
    const arn = group?.logGroupArn ?? group?.arn?.replace(/:\*$/, '');
    if (!arn) throw LogGroupMissingError.forSource(source);
    arns.push(arn);
  }
  return arns;
}

/**
 * A CloudWatch Live Tail session over the groups. Resolves once the session has started, and rejects when it
 * does not (so that the caller can poll instead); later failures and the session's end go to onError and onStop.
 */
export async function startLiveTail(client: CloudWatchLogsClient, logGroupArns: string[], options: LiveTailOptions): Promise<LogTail> {
  const session = new AbortController();
  const startTimer = setTimeout(
    () => session.abort(new Error(`no Live Tail session started within ${(options.startTimeoutMs ?? 10_000) / 1000} s`)),
    options.startTimeoutMs ?? 10_000,
  );
  let stream: AsyncIterator<StartLiveTailResponseStream>;
  try {
    const response = await client.send(
      new StartLiveTailCommand({
        logGroupIdentifiers: logGroupArns,
        logStreamNamePrefixes: options.logStreamNamePrefixes,
        logEventFilterPattern: trimmedPattern(options.filterPattern),
      }),
      { abortSignal: session.signal },
    );
    if (!response.responseStream) throw new Error('StartLiveTail answered without an event stream');
    stream = response.responseStream[Symbol.asyncIterator]();
    const first = await untilAborted(stream.next(), session.signal);
    if (first.done || !first.value.sessionStart) throw new Error('the Live Tail session did not start');
  } catch (error) {
    session.abort();
    // Our own timeout aborts with its reason; say that rather than "aborted".
    throw session.signal.reason instanceof Error && isAbort(error) ? session.signal.reason : error;
  } finally {
    clearTimeout(startTimer);
  }

  let stopped = false;
  const follow = async () => {
    let reason: unknown;
    try {
      for (let next = await stream.next(); !next.done && !stopped; next = await stream.next()) {
        const results = next.value.sessionUpdate?.sessionResults ?? [];
        if (results.length > 0) options.onEvents(sortByTimestamp(results.map(toLogEvent)));
      }
      reason = new Error('The Live Tail session ended. Start the tail again to go on.');
    } catch (error) {
      // SessionTimeoutException after 3 hours, SessionStreamingException, or a broken connection.
      reason = error;
    }
    if (stopped) return;
    options.onError(reason);
    options.onStop?.(reason);
  };
  void follow();

  return {
    mode: 'liveTail',
    stop() {
      stopped = true;
      session.abort();
      void stream.return?.().catch(() => undefined);
    },
  };
}

/** The promise, or the signal's reason once it aborts (an event stream need not notice the abort by itself). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

function toLogEvent(event: LiveTailSessionLogEvent): LogEvent {
  return {
    timestamp: event.timestamp ?? 0,
    message: event.message ?? '',
    ...(event.logStreamName !== undefined && { logStreamName: event.logStreamName }),
  };
}
