import type { JsonWebKey } from 'node:crypto';

/** An issuer's signing keys, or why they could not be had (the issuer is offline, or not an OpenID provider). */
export type IssuerKeys = { readonly keys: readonly JsonWebKey[]; readonly jwksUri: string } | { readonly unreachable: string };

const KEYS_TTL_MS = 10 * 60_000;
/** An issuer that did not answer is asked again after this long, not on every request. */
const FAILURE_TTL_MS = 30_000;
/** A token whose kid is not in the cached keys fetches them again, at most this often (the issuer may have rotated). */
const REFRESH_MIN_MS = 30_000;

/**
 * The signing keys of JWT issuers, found as API Gateway finds them: <issuer>/.well-known/openid-configuration names
 * jwks_uri, which lists the keys. Kept for ten minutes; requests that arrive while a fetch is under way share it.
 */
export class JwksCache {
  private readonly entries = new Map<string, { keys: Promise<IssuerKeys>; fetchedAt: number; failed?: boolean }>();

  constructor(
    private readonly timeoutMs = 3000,
    private readonly now: () => number = Date.now,
  ) {}

  keysOf(issuer: string, options: { readonly refresh?: boolean } = {}): Promise<IssuerKeys> {
    const entry = this.entries.get(issuer);
    const ttl = entry?.failed ? FAILURE_TTL_MS : options.refresh ? REFRESH_MIN_MS : KEYS_TTL_MS;
    if (entry && this.now() - entry.fetchedAt < ttl) return entry.keys;
    const fetched = { keys: fetchKeys(issuer, this.timeoutMs), fetchedAt: this.now(), failed: false };
    void fetched.keys.then((keys) => (fetched.failed = 'unreachable' in keys));
    this.entries.set(issuer, fetched);
    return fetched.keys;
  }
}

async function fetchKeys(issuer: string, timeoutMs: number): Promise<IssuerKeys> {
  const discovery = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const configuration = await fetchJson(discovery, timeoutMs);
  if ('problem' in configuration) return { unreachable: configuration.problem };
  const jwksUri = (configuration.json as { jwks_uri?: unknown }).jwks_uri;
  if (typeof jwksUri !== 'string') return { unreachable: `${discovery} has no jwks_uri` };
  const jwks = await fetchJson(jwksUri, timeoutMs);
  if ('problem' in jwks) return { unreachable: jwks.problem };
  const keys = (jwks.json as { keys?: unknown }).keys;
  if (!Array.isArray(keys)) return { unreachable: `${jwksUri} has no keys list` };
  return { keys: keys.filter((key): key is JsonWebKey => typeof key === 'object' && key !== null), jwksUri };
}

async function fetchJson(url: string, timeoutMs: number): Promise<{ json: object } | { problem: string }> {
  if (!/^https?:\/\//i.test(url)) return { problem: `${url} is not an http(s) URL` };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    if (!response.ok) return { problem: `${url} answered ${response.status}` };
    const json: unknown = await response.json();
    return typeof json === 'object' && json !== null ? { json } : { problem: `${url} did not answer a JSON object` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { problem: `${url} could not be read (${cause ?? (error as Error).message})` };
  }
}
