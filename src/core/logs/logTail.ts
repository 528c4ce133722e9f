import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { logGroupArns, startLiveTail } from './liveTail';
import type { LiveTailOptions } from './liveTail';
import type { LogSource } from './logSource';
import type { LogTail, LogTailOptions } from './logTailTypes';
import { startPollingTail } from './pollingTail';

export { startLiveTail, startPollingTail };
export type { LogTail, LogTailOptions };

/** StartLiveTail takes at most this many log groups. */
const LIVE_TAIL_MAX_GROUPS = 10;

/**
 * A tail of the sources: polling FilterLogEvents, or CloudWatch Live Tail when asked for (billed per minute of session,
 * hence a setting). When Live Tail cannot serve these sources or the endpoint refuses it (not implemented, access denied,
 * any error before the session starts), the tail polls instead and says why in `fallbackReason`.
 */
export async function startLogTail(
  mode: 'poll' | 'liveTail',
  clientFor: (region?: string) => CloudWatchLogsClient,
  sources: readonly LogSource[],
  options: LogTailOptions & Pick<LiveTailOptions, 'startTimeoutMs'>,
): Promise<LogTail> {
  if (mode === 'poll') return startPollingTail(clientFor, sources, options);
  let reason = liveTailObstacle(sources);
  if (!reason) {
    try {
      const client = clientFor(sources[0].region);
      const arns = await logGroupArns(client, sources);
      // A source without a prefix wants the whole group.
      const prefixes = sources.every((s) => s.logStreamNamePrefix) ? sources.map((s) => s.logStreamNamePrefix!) : undefined;
      return await startLiveTail(client, arns, { ...options, logStreamNamePrefixes: prefixes });
    } catch (error) {
      reason = `Live Tail is not available here (${whyNot(error)})`;
    }
  }
  const tail = startPollingTail(clientFor, sources, options);
  return { mode: tail.mode, stop: () => tail.stop(), fallbackReason: `${reason}. Showing new events by polling every ${(options.intervalMs ?? 2000) / 1000} s instead.` };
}

/** What keeps StartLiveTail from serving exactly these sources, if anything. */
function liveTailObstacle(sources: readonly LogSource[]): string | undefined {
  const groups = new Set(sources.map((s) => s.logGroupName));
  if (sources.length === 0) return 'There is no log group to tail';
  if (new Set(sources.map((s) => s.region)).size > 1) return 'Live Tail follows log groups of one region only, and these are in several';
  if (groups.size > LIVE_TAIL_MAX_GROUPS) return `Live Tail follows at most ${LIVE_TAIL_MAX_GROUPS} log groups`;
  if (groups.size > 1 && sources.some((s) => s.logStreamNamePrefix)) return 'Live Tail filters streams by prefix only within a single log group';
  return undefined;
}

/** The refusal in one line; an endpoint without StartLiveTail (moto, some emulators) answers with a page that is no AWS error. */
function whyNot(error: unknown): string {
  const { name = '', message = String(error), $metadata } = error as Error & { $metadata?: { httpStatusCode?: number } };
  const status = $metadata?.httpStatusCode;
  if (status && /Deserialization error/.test(message)) return `the endpoint answered StartLiveTail with HTTP ${status} and no AWS error: it does not seem to implement it`;
  return `${name && name !== 'Error' ? `${name}: ` : ''}${message.split('\n')[0]}`;
}
