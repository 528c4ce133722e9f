/**
 * Authorizer answers kept for their TTL by identity, as API Gateway caches them: the answer itself (a policy, a
 * simple yes or no, a token's claims), not the decision, so that a cached policy is checked again against each
 * request's ARN.
 */
export class AuthorizerCache<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires > this.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: T, ttlSeconds: number): void {
    if (ttlSeconds <= 0) return;
    if (this.entries.size >= 1000) for (const [k, entry] of this.entries) if (entry.expires <= this.now()) this.entries.delete(k);
    this.entries.set(key, { value, expires: this.now() + ttlSeconds * 1000 });
  }
}
