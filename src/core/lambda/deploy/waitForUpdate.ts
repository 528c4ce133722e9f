import { GetFunctionConfigurationCommand, waitUntilFunctionUpdatedV2, type LambdaClient } from '@aws-sdk/client-lambda';

/** How long an update may take before we stop waiting (Lambda's own waiter allows the same). */
const MAX_WAIT_SECONDS = 300;

/**
 * Waits until the function's LastUpdateStatus is Successful (the SDK's waiter). A failed update is said with
 * Lambda's reason; the AbortSignal stops the waiting (the update itself goes on in AWS).
 */
export async function waitForUpdate(client: LambdaClient, functionName: string, signal?: AbortSignal, label = functionName): Promise<void> {
  try {
    await waitUntilFunctionUpdatedV2({ client, maxWaitTime: MAX_WAIT_SECONDS, minDelay: 1, maxDelay: 5, ...(signal ? { abortSignal: signal } : {}) }, { FunctionName: functionName });
  } catch (error) {
    if (signal?.aborted) throw error;
    const now = await client.send(new GetFunctionConfigurationCommand({ FunctionName: functionName })).catch(() => undefined);
    if (now?.LastUpdateStatus === 'Failed') {
      throw new Error(`Lambda could not apply the update to ${label}: ${now.LastUpdateStatusReason ?? 'no reason given'}${now.LastUpdateStatusReasonCode ? ` (${now.LastUpdateStatusReasonCode})` : ''}.`, { cause: error });
    }
    if (now?.LastUpdateStatus === 'InProgress') {
      throw new Error(`${label} was still updating after ${MAX_WAIT_SECONDS / 60} minutes: look at it again later (its LastUpdateStatus says when it is done).`, { cause: error });
    }
    throw error;
  }
}
