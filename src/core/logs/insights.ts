import { setTimeout as delay } from 'node:timers/promises';
import { GetQueryResultsCommand, StartQueryCommand, StopQueryCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { CloudWatchLogsClient, GetQueryResultsCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import { isAbort, isResourceNotFound } from './logErrors';

export { FARGATE_INSIGHTS_QUERIES, LAMBDA_INSIGHTS_QUERIES, LAMBDA_JSON_INSIGHTS_QUERIES, lambdaInsightsQueries } from './insightsQueries';
export type { InsightsPreset } from './insightsQueries';

export interface InsightsStats {
  readonly recordsMatched?: number;
  readonly recordsScanned?: number;
}

export interface InsightsResult extends InsightsStats {
  /** The result's field names in first-seen order, without @ptr. */
  readonly fields: string[];
  /** One row per result, aligned to `fields` ('' where a result lacks the field). */
  readonly rows: string[][];
  readonly status: string;
}

export interface InsightsOptions {
  /** Epoch ms. */
  readonly start: number;
  readonly end: number;
  readonly limit?: number;
  readonly signal?: AbortSignal;
  /** Between GetQueryResults calls. default 1000 */
  readonly pollMs?: number;
  onStatus?(status: string, stats?: InsightsStats): void;
}

/** A Logs Insights query that did not run or did not finish; the message says why and what to do. */
export class InsightsQueryError extends Error {
  override readonly name = 'InsightsQueryError';
}

const STILL_RUNNING = new Set(['Scheduled', 'Running', 'Unknown']);

/** Runs a Logs Insights query to its end (StartQuery, then GetQueryResults until done); on abort it stops the query. */
export async function runInsightsQuery(client: CloudWatchLogsClient, logGroupNames: readonly string[], query: string, options: InsightsOptions): Promise<InsightsResult> {
  const { signal } = options;
  const queryId = await startQuery(client, logGroupNames, query, options);
  try {
    for (;;) {
      const response = await client.send(new GetQueryResultsCommand({ queryId }), { abortSignal: signal });
      const status = response.status ?? 'Unknown';
      const stats = { recordsMatched: response.statistics?.recordsMatched, recordsScanned: response.statistics?.recordsScanned };
      options.onStatus?.(status, stats);
      if (status === 'Complete') return { ...toTable(response), status, ...stats };
      if (!STILL_RUNNING.has(status)) throw new InsightsQueryError(endedMessage(status));
      await delay(options.pollMs ?? 1000, undefined, { signal });
    }
  } catch (error) {
    if (signal?.aborted || isAbort(error)) {
      // A query left running keeps counting against the account's concurrent-query limit, and is billed.
      void client.send(new StopQueryCommand({ queryId })).catch(() => undefined);
    }
    throw error;
  }
}

async function startQuery(client: CloudWatchLogsClient, logGroupNames: readonly string[], query: string, options: InsightsOptions): Promise<string> {
  try {
    const { queryId } = await client.send(
      new StartQueryCommand({
        logGroupNames: [...logGroupNames],
        // StartQuery takes epoch seconds; widen to whole seconds so that the range's events are all in.
        startTime: Math.floor(options.start / 1000),
        endTime: Math.ceil(options.end / 1000),
        queryString: query,
        limit: options.limit,
      }),
      { abortSignal: options.signal },
    );
    if (!queryId) throw new InsightsQueryError('Logs Insights did not start the query (no query id came back). Run it again.');
    return queryId;
  } catch (error) {
    const { name, message } = error as Error;
    if (name === 'MalformedQueryException') {
      // AWS's message says where the syntax error is, e.g. "unexpected symbol found | at line 1 and position 12".
      throw new InsightsQueryError(`The query is not valid Logs Insights syntax: ${message}. Correct it and run it again.`, { cause: error });
    }
    if (isResourceNotFound(error)) {
      throw new InsightsQueryError(`A log group to query does not exist (${[...logGroupNames].join(', ')}): ${message}`, { cause: error });
    }
    throw error;
  }
}

function endedMessage(status: string): string {
  switch (status) {
    case 'Timeout':
      return 'The Logs Insights query ran out of time (60 minutes). Query a shorter time range, or filter earlier in the query.';
    case 'Cancelled':
      return 'The Logs Insights query was cancelled (by StopQuery, from here or elsewhere). Run it again.';
    case 'Failed':
      return 'The Logs Insights query failed on the CloudWatch side. Run it again; if it fails again, try a shorter time range or a simpler query.';
    default:
      return `The Logs Insights query ended with status ${status}. Run it again.`;
  }
}

function toTable(response: GetQueryResultsCommandOutput): { fields: string[]; rows: string[][] } {
  const fields: string[] = [];
  const index = new Map<string, number>();
  const records = (response.results ?? []).map((row) => {
    const record = new Map<string, string>();
    for (const { field, value } of row) {
      if (!field || field === '@ptr') continue;
      if (!index.has(field)) {
        index.set(field, fields.length);
        fields.push(field);
      }
      record.set(field, value ?? '');
    }
    return record;
  });
  return { fields, rows: records.map((record) => fields.map((field) => record.get(field) ?? '')) };
}
