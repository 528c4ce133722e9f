import type { AuthorizerConfig } from '../apiDefinitions';
import type { AuthorizationFacts } from './authorizationFacts';
import { authorizerFailure } from './authorizerAnswers';
import type { AuthorizationResult } from './authorizerAnswers';
import { AuthorizerCache } from './authorizerCache';
import type { AuthorizerResponse } from './authorizerResponse';
import { JwksCache } from './jwks';
import { jwtAuthorize } from './jwtAuthorizer';
import { lambdaAuthorize } from './lambdaAuthorizer';
import type { InvokeAuthorizer } from './lambdaAuthorizer';

export interface ApiAuthorizersOptions {
  /** Said once per thing (an unchecked authorizer, an issuer whose keys could not be fetched), never with a token. */
  readonly warn?: (message: string) => void;
  readonly now?: () => number;
  /** How long a JWT issuer may take to give its keys. */
  readonly jwksTimeoutMs?: number;
}

/**
 * The authorizers of the local APIs, with what API Gateway keeps between requests: Lambda authorizer answers by
 * identity for their TTL, JWT issuers' keys, and which warnings were given. One per server; a WebSocket $connect
 * is authorized through the same authorize().
 */
export class ApiAuthorizers {
  private readonly answers: AuthorizerCache<AuthorizerResponse>;
  private readonly keys: JwksCache;
  private readonly warned = new Set<string>();
  private readonly now: () => number;

  constructor(private readonly options: ApiAuthorizersOptions = {}) {
    this.now = options.now ?? Date.now;
    this.answers = new AuthorizerCache(this.now);
    this.keys = new JwksCache(options.jwksTimeoutMs, this.now);
  }

  /** Whether the request may go on to its route, as the route's authorizer decides; config undefined when the API does not define the name. */
  async authorize(name: string, config: AuthorizerConfig | undefined, facts: AuthorizationFacts, invoke: InvokeAuthorizer): Promise<AuthorizationResult> {
    if (!config) return authorizerFailure(facts, `the route's authorizer ${name} is not one of the authorizers of its API ${facts.context.apiId}`);
    try {
      switch (config.kind) {
        case 'lambda':
          return await lambdaAuthorize(name, config, facts, invoke, this.answers);
        case 'jwt':
          return await jwtAuthorize(name, config, facts, { keys: this.keys, warnOnce: (key, message) => this.warnOnce(key, message), now: this.now });
        case 'unsupported':
          this.warnOnce(
            `unsupported\0${facts.context.apiId}\0${name}`,
            `the authorizer ${name} (${config.type}) of ${facts.context.apiId} is not checked locally: its routes are served without it, as sam local start-api serves them.`,
          );
          return { ok: true };
      }
    } catch (error) {
      return authorizerFailure(facts, `the authorizer ${name} could not be run: ${(error as Error).message}`);
    }
  }

  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.options.warn?.(message);
  }
}
