import { parseTimeoutSeconds } from '../core/aws/timeouts';
import type { AwsTimeouts } from '../core/aws/timeouts';

export const TIMEOUT_FLAGS = ['connect-timeout', 'request-timeout'] as const;

/** --connect-timeout and --request-timeout, or what is wrong with one of them. */
export function parseTimeoutFlags(value: (flag: (typeof TIMEOUT_FLAGS)[number]) => string | undefined): AwsTimeouts | { readonly error: string } {
  for (const flag of TIMEOUT_FLAGS) {
    const text = value(flag);
    if (text !== undefined && parseTimeoutSeconds(text) === undefined) return { error: `--${flag} needs a positive number of seconds (not "${text}").` };
  }
  return { connectTimeoutSeconds: parseTimeoutSeconds(value('connect-timeout')), requestTimeoutSeconds: parseTimeoutSeconds(value('request-timeout')) };
}
