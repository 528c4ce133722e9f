import { NodeHttpHandler } from '@smithy/node-http-handler';

/** Connect within 5 s: a reachable endpoint answers a TCP handshake in well under a second, even across the world. */
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;
/** Answer within 30 s: AWS list and describe calls take well under a few seconds; 30 s leaves room for a slow proxy. */
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;

export interface AwsTimeouts {
  readonly connectTimeoutSeconds?: number;
  readonly requestTimeoutSeconds?: number;
}

/** The SDK's HTTP handler with both timeouts; a silent socket is closed after the request timeout. */
export function timedRequestHandler(timeouts: AwsTimeouts): NodeHttpHandler {
  return new NodeHttpHandler({
    connectionTimeout: seconds(timeouts.connectTimeoutSeconds, DEFAULT_CONNECT_TIMEOUT_SECONDS) * 1000,
    requestTimeout: seconds(timeouts.requestTimeoutSeconds, DEFAULT_REQUEST_TIMEOUT_SECONDS) * 1000,
    // Fail the attempt (the SDK may retry it) instead of only printing a warning and waiting on.
    throwOnRequestTimeout: true,
  });
}

/**
 * The bound on one whole call, retries included: a connect plus a request timeout. The SDK retries a timed-out
 * attempt, so without it a silent endpoint would hold a call for maxAttempts × the request timeout.
 */
export function callBudgetMs(timeouts: AwsTimeouts): number {
  return (seconds(timeouts.connectTimeoutSeconds, DEFAULT_CONNECT_TIMEOUT_SECONDS) + seconds(timeouts.requestTimeoutSeconds, DEFAULT_REQUEST_TIMEOUT_SECONDS)) * 1000;
}

/** Thrown when a whole call (retries included) outlives its budget; named so describeAwsError can say so. */
export class AwsCallTimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor(readonly budgetMs: number) {
    super(`no answer within ${budgetMs / 1000} s`);
  }
}

/** Races a call against its budget; the socket itself is closed by the handler's request timeout. */
export async function withinBudget<T>(call: Promise<T>, budgetMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AwsCallTimeoutError(budgetMs)), budgetMs);
  });
  try {
    return await Promise.race([call, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Parses a timeout given in seconds; undefined when it is not a positive number. */
export function parseTimeoutSeconds(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d*\.?\d+\s*$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 ? value : undefined;
}

function seconds(value: number | undefined, fallback: number): number {
  return value !== undefined && value > 0 ? value : fallback;
}
