import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { DEFAULT_CHAIN } from './sessions';
import { AwsCallTimeoutError, callBudgetMs, timedRequestHandler, withinBudget } from './timeouts';
import type { AwsTimeouts } from './timeouts';
import type { AwsSession } from './sessions';

export interface ClientFactoryOptions extends AwsTimeouts {
  /** From `serverlessExplorer.endpointUrl`; undefined lets the SDK honour `AWS_ENDPOINT_URL`. */
  readonly endpointUrl?: string;
  readonly configFile?: string;
  readonly credentialsFile?: string;
  /** Attempts per request, throttling included (the SDK's adaptive retry). */
  readonly maxAttempts?: number;
}

interface ClientConfig {
  region: string;
  credentials: AwsCredentialIdentityProvider;
  endpoint?: string;
  retryMode: 'adaptive';
  maxAttempts: number;
  disableHostPrefix?: boolean;
  requestHandler: ReturnType<typeof timedRequestHandler>;
}

type ClientClass<T> = new (config: ClientConfig) => T;

interface Sendable {
  send(command: { constructor: { name: string } }, options?: unknown, callback?: unknown): Promise<unknown>;
}

/** Streams that stay open by design: their send resolves on the headers, but the body must not meet the idle timeout. */
const LONG_LIVED_COMMANDS = new Set(['StartLiveTailCommand', 'ExecuteCommandCommand']);

/**
 * One client per (profile, region, service), created on first use and reused; one credential
 * provider per profile, so an SSO token or assumed role is resolved once and shared by its regions.
 */
export class AwsClientFactory {
  private readonly clients = new Map<string, unknown>();
  private readonly credentials = new Map<string, AwsCredentialIdentityProvider>();

  constructor(private readonly options: ClientFactoryOptions = {}) {}

  get endpointUrl(): string | undefined {
    return this.options.endpointUrl;
  }

  client<T extends { destroy(): void }>(Client: ClientClass<T>, session: AwsSession): T {
    const key = `${session.profile}\u0000${session.region}\u0000${Client.name}`;
    let client = this.clients.get(key) as T | undefined;
    if (!client) {
      client = new Client({
        region: session.region,
        credentials: this.credentialsFor(session.profile),
        endpoint: this.options.endpointUrl,
        retryMode: 'adaptive',
        maxAttempts: this.options.maxAttempts ?? 3,
        // A custom endpoint (moto, LocalStack, a proxy) serves every operation at its own host: without this, Live
        // Tail's "stream-" host prefix would send StartLiveTail to a host that does not exist.
        ...(this.options.endpointUrl ? { disableHostPrefix: true } : {}),
        requestHandler: timedRequestHandler(this.options),
      });
      boundCalls(client as unknown as Sendable, callBudgetMs(this.options));
      this.clients.set(key, client);
    }
    return client;
  }

  credentialsFor(profile: string): AwsCredentialIdentityProvider {
    let provider = this.credentials.get(profile);
    if (!provider) {
      provider =
        profile === DEFAULT_CHAIN
          ? fromNodeProviderChain({ ignoreCache: true })
          : // fromIni covers static keys, SSO (sso-session too), credential_process, role chains and web identity.
            fromIni({ profile, configFilepath: this.options.configFile, filepath: this.options.credentialsFile, ignoreCache: true });
      provider = memoize(provider);
      this.credentials.set(profile, provider);
    }
    return provider;
  }

  /** Forget clients and credentials (after a refresh, a new `aws sso login`, or a config change). */
  dispose(): void {
    for (const client of this.clients.values()) (client as { destroy(): void }).destroy();
    this.clients.clear();
    this.credentials.clear();
  }
}

/**
 * Every call of the client, retries included, fails after its budget instead of hanging, and its request is
 * aborted then, so that a socket that stopped mid-answer is closed, not left waiting. The caller's own abortSignal
 * (a Cancel on a progress notification) still stops it at once.
 */
function boundCalls(client: Sendable, budgetMs: number): void {
  const send = client.send.bind(client);
  client.send = (command, options, callback) => {
    if (LONG_LIVED_COMMANDS.has(command.constructor.name) || typeof options === 'function' || callback) return send(command, options, callback);
    const budget = new AbortController();
    const given = (options as { abortSignal?: AbortSignal } | undefined)?.abortSignal;
    const abortSignal = given ? AbortSignal.any([given, budget.signal]) : budget.signal;
    return withinBudget(send(command, { ...(options as object), abortSignal }), budgetMs).catch((error: unknown) => {
      if (error instanceof AwsCallTimeoutError) budget.abort(error);
      throw error;
    });
  };
}

const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

/** Resolves credentials once and shares them until shortly before they expire; a failure is not kept, so a retry asks again. */
function memoize(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  let pending: ReturnType<AwsCredentialIdentityProvider> | undefined;
  return async () => {
    if (pending) {
      const current = await pending.catch(() => undefined);
      if (current && (!current.expiration || current.expiration.getTime() - Date.now() > REFRESH_BEFORE_EXPIRY_MS)) return current;
    }
    pending = provider();
    pending.catch(() => (pending = undefined));
    return pending;
  };
}
