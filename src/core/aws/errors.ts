import { DEFAULT_CHAIN } from './sessions';
import type { AwsSession } from './sessions';

export type ErrorKind = 'sso-expired' | 'no-credentials' | 'bad-credentials' | 'access-denied' | 'unreachable' | 'region-disabled' | 'throttled' | 'other';

/** A failure said for people: what failed, where, and what to do. No stack, no secret. */
export interface AwsProblem {
  readonly kind: ErrorKind;
  /** Short, for a tree label. */
  readonly title: string;
  /** What happened and what to do, for a tooltip or an error message. */
  readonly detail: string;
}

// Regions an account must enable before use (AWS "opt-in" regions).
const OPT_IN_REGIONS = new Set([
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
  'ca-west-1', 'eu-central-2', 'eu-south-1', 'eu-south-2', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1',
]);

export function isOptInRegion(region: string): boolean {
  return OPT_IN_REGIONS.has(region);
}

/** What the advice calls the knobs, in the words of the place it appears: the extension's settings or the CLI's flags. */
export interface AwsAdviceWords {
  readonly endpoint: string;
  readonly regions: string;
  readonly requestTimeout: string;
  /** Where environment credentials come from. */
  readonly environment: string;
}

export const EXTENSION_WORDS: AwsAdviceWords = {
  endpoint: 'the serverlessExplorer.endpointUrl setting and AWS_ENDPOINT_URL',
  regions: 'remove it from serverlessExplorer.regions',
  requestTimeout: 'raise serverlessExplorer.aws.requestTimeoutSeconds',
  environment: 'the environment VS Code was started from',
};

export const CLI_WORDS: AwsAdviceWords = {
  endpoint: '--endpoint-url and AWS_ENDPOINT_URL',
  regions: 'choose another with --region',
  requestTimeout: 'raise --request-timeout',
  environment: 'the environment',
};

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

/** Turns an SDK, credential-provider or network error into an AwsProblem for that profile and region. */
export function describeAwsError(error: unknown, session: AwsSession, action: string, endpointUrl?: string, words: AwsAdviceWords = EXTENSION_WORDS): AwsProblem {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ErrorLike;
  const name = e.name ?? e.Code ?? '';
  const message = (e.message ?? '').replace(/\s+/g, ' ').trim();
  const code = e.code ?? (e.cause as ErrorLike | undefined)?.code ?? '';
  const where = `profile "${session.profile}", ${session.region}`;
  const status = e.$metadata?.httpStatusCode;

  // Token and credential providers fail before any request, so their errors carry no HTTP status; a service's
  // own AccessDenied may mention an SSO role (AWSReservedSSO_…) and must not read as an expired session.
  const fromProvider = status === undefined;
  if (fromProvider && /\bsso\b/i.test(message) && /(expired|token|refresh|login|session)/i.test(message)) {
    return {
      kind: 'sso-expired',
      title: 'SSO session expired or not signed in',
      detail: `The IAM Identity Center (SSO) session of profile "${session.profile}" has expired or was never started. Run: aws sso login --profile ${session.profile} — then retry.`,
    };
  }
  if (name === 'ExpiredToken' || name === 'ExpiredTokenException' || name === 'RequestExpired') {
    const renew =
      session.profile === DEFAULT_CHAIN
        ? `Set fresh AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN in ${words.environment}`
        : `Renew them (for SSO: aws sso login --profile ${session.profile})`;
    return {
      kind: 'sso-expired',
      title: 'Credentials expired',
      detail: `The credentials of ${session.profile === DEFAULT_CHAIN ? 'the environment' : `profile "${session.profile}"`} have expired. ${renew}, then retry.`,
    };
  }
  if (name === 'CredentialsProviderError' || /could not load credentials|credential_process|profile .* (not found|could not be found)/i.test(message)) {
    return {
      kind: 'no-credentials',
      title: 'No usable credentials',
      detail: `Could not get credentials for profile "${session.profile}": ${message || name}. Check the profile in your AWS config file, then retry.`,
    };
  }
  if (['UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidSignatureException', 'SignatureDoesNotMatch', 'AuthFailure', 'IncompleteSignature'].includes(name)) {
    if (isOptInRegion(session.region)) {
      return {
        kind: 'region-disabled',
        title: `${session.region} is not enabled`,
        detail: `AWS refused the credentials of profile "${session.profile}" in ${session.region}, an opt-in region. Enable the region for the account (AWS console › Account › AWS Regions) or ${words.regions}.`,
      };
    }
    return {
      kind: 'bad-credentials',
      title: 'Credentials rejected',
      detail: `AWS rejected the credentials of profile "${session.profile}" (${name}: ${message}). Check the access key, or sign in again, then retry.`,
    };
  }
  if (/AccessDenied|Unauthorized|Forbidden/i.test(name) || status === 403) {
    return {
      kind: 'access-denied',
      title: `Not allowed to ${action}`,
      detail: `Access denied in ${where}: ${message || name}. Ask for the ${action} permission, or choose a profile that has it.`,
    };
  }
  if (name === 'OptInRequired' || /opt.?in|not (enabled|subscribed)/i.test(message)) {
    return {
      kind: 'region-disabled',
      title: `${session.region} is not enabled`,
      detail: `${session.region} is not enabled for the account of profile "${session.profile}". Enable it in the AWS console (Account › AWS Regions) or ${words.regions}.`,
    };
  }
  if (['ThrottlingException', 'TooManyRequestsException', 'Throttling', 'RequestLimitExceeded'].includes(name) || status === 429) {
    return {
      kind: 'throttled',
      title: 'Throttled by AWS',
      detail: `AWS kept throttling ${action} in ${where} after several retries. Wait a moment, then retry.`,
    };
  }
  if (name === 'TimeoutError' || code === 'ETIMEDOUT') {
    return {
      kind: 'unreachable',
      title: 'No answer in time',
      detail: `${endpointUrl ?? 'AWS'} did not answer ${action} in time for ${where} (${message || name}). Check the endpoint URL (${words.endpoint}) and the network, or ${words.requestTimeout}.`,
    };
  }
  if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN', 'EHOSTUNREACH'].includes(code) || name === 'TimeoutError' || /ECONNREFUSED|ENOTFOUND|getaddrinfo|socket hang up/.test(message)) {
    return {
      kind: 'unreachable',
      title: 'Endpoint unreachable',
      detail: `Could not reach ${endpointUrl ?? 'AWS'} for ${where} (${code || name || message}). Check the network, a proxy, or ${words.endpoint}, then retry.`,
    };
  }
  return {
    kind: 'other',
    title: `Could not ${action}`,
    detail: `${action} failed in ${where}: ${name && name !== 'Error' ? `${name}: ` : ''}${message || 'unknown error'}${status ? ` (HTTP ${status})` : ''}.`,
  };
}
