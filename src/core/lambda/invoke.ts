import { InvokeCommand, ListTagsCommand } from '@aws-sdk/client-lambda';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { InvocationType } from './payload';
import { parseLastReport, type LambdaReport } from './report';

export interface InvokeRequest {
  readonly functionName: string;
  readonly qualifier?: string;
  readonly invocationType: InvocationType;
  /** Checked JSON text (see checkPayload). */
  readonly payload: string;
}

export interface InvokeResult {
  readonly statusCode?: number;
  readonly functionError?: string;
  /** The response payload as text ("" for Event and DryRun). */
  readonly payload: string;
  /** The last 4 KB of the log, decoded (synchronous invocations with LogType Tail). */
  readonly logTail?: string;
  readonly report?: LambdaReport;
  readonly executedVersion?: string;
  readonly requestId?: string;
  /** Round trip measured by the client. */
  readonly elapsedMs: number;
}

/** Invokes a deployed function with `LogType: Tail` and returns what a user wants to see. */
export async function invokeFunction(client: LambdaClient, request: InvokeRequest, signal?: AbortSignal): Promise<InvokeResult> {
  const started = performance.now();
  const response = await client.send(
    new InvokeCommand({
      FunctionName: request.functionName,
      Qualifier: request.qualifier || undefined,
      InvocationType: request.invocationType,
      LogType: request.invocationType === 'RequestResponse' ? 'Tail' : 'None',
      Payload: Buffer.from(request.payload, 'utf8'),
    }),
    { abortSignal: signal },
  );
  const logTail = response.LogResult ? Buffer.from(response.LogResult, 'base64').toString('utf8') : undefined;
  return {
    statusCode: response.StatusCode,
    functionError: response.FunctionError,
    payload: response.Payload ? Buffer.from(response.Payload).toString('utf8') : '',
    logTail,
    report: logTail ? parseLastReport(logTail) : undefined,
    executedVersion: response.ExecutedVersion,
    requestId: response.$metadata.requestId,
    elapsedMs: performance.now() - started,
  };
}

export async function functionTags(client: LambdaClient, functionArn: string, signal?: AbortSignal): Promise<Record<string, string>> {
  const response = await client.send(new ListTagsCommand({ Resource: functionArn }), { abortSignal: signal });
  return response.Tags ?? {};
}
