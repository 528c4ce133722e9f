import { constants, createPublicKey, verify } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';
import { isRecord } from '../../sources/sam/intrinsics';

/** A JWT's three parts, decoded (not yet verified). */
export interface DecodedJwt {
  readonly header: { readonly alg?: unknown; readonly kid?: unknown } & Record<string, unknown>;
  readonly claims: Record<string, unknown>;
  /** "header.payload": what the signature signs. */
  readonly signed: string;
  readonly signature: Buffer;
}

/** The algorithms verified here: API Gateway's RSA ones, and ECDSA and RSA-PSS as node:crypto has them. */
const ALGORITHMS: Readonly<Record<string, { readonly hash: string; readonly kind: 'rsa' | 'pss' | 'ec' }>> = {
  RS256: { hash: 'sha256', kind: 'rsa' },
  RS384: { hash: 'sha384', kind: 'rsa' },
  RS512: { hash: 'sha512', kind: 'rsa' },
  PS256: { hash: 'sha256', kind: 'pss' },
  PS384: { hash: 'sha384', kind: 'pss' },
  PS512: { hash: 'sha512', kind: 'pss' },
  ES256: { hash: 'sha256', kind: 'ec' },
  ES384: { hash: 'sha384', kind: 'ec' },
  ES512: { hash: 'sha512', kind: 'ec' },
};

export function decodeJwt(token: string): DecodedJwt | { readonly problem: string } {
  const parts = token.split('.');
  if (parts.length !== 3) return { problem: 'the token is not a JWT (header.payload.signature)' };
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as unknown;
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
    if (!isRecord(header) || !isRecord(claims)) return { problem: "the token's header and payload must be JSON objects" };
    return { header, claims, signed: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2], 'base64url') };
  } catch {
    return { problem: "the token's header or payload is not base64url JSON" };
  }
}

/** Why the token's signature does not verify with the issuer's keys, or undefined when it does. */
export function signatureProblem(jwt: DecodedJwt, keys: readonly JsonWebKey[]): string | undefined {
  const algorithm = typeof jwt.header.alg === 'string' ? ALGORITHMS[jwt.header.alg] : undefined;
  if (!algorithm) return `the token is signed with ${JSON.stringify(jwt.header.alg)}; a JWT authorizer takes ${Object.keys(ALGORITHMS).join(', ')}`;
  const key = keys.find((candidate) => candidate.kid !== undefined && candidate.kid === jwt.header.kid);
  if (!key) return `no key of the issuer has the token's kid ${JSON.stringify(jwt.header.kid)}`;
  try {
    const publicKey = createPublicKey({ key, format: 'jwk' });
    const options =
      algorithm.kind === 'ec'
        ? { key: publicKey, dsaEncoding: 'ieee-p1363' as const }
        : algorithm.kind === 'pss'
          ? { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }
          : publicKey;
    return verify(algorithm.hash, Buffer.from(jwt.signed), options, jwt.signature) ? undefined : "the token's signature does not verify";
  } catch (error) {
    return `the token's signature could not be checked with its key (${(error as Error).message})`;
  }
}

/** The key id the token's header names, if any. */
export function kidOf(jwt: DecodedJwt): string | undefined {
  return typeof jwt.header.kid === 'string' ? jwt.header.kid : undefined;
}

/** The scopes a token carries: "scope" (space-separated, OAuth 2.0) or "scp" (a list or a string). */
export function tokenScopes(claims: Readonly<Record<string, unknown>>): string[] {
  for (const claim of [claims.scope, claims.scp]) {
    if (typeof claim === 'string') return claim.split(' ').filter(Boolean);
    if (Array.isArray(claim)) return claim.map(String);
  }
  return [];
}

/**
 * The claims as an HTTP API hands them to the route: every value a string, lists as "[a b]" and objects as
 * "map[k:v]" (API Gateway formats them so), numbers as written.
 */
export function claimsAsStrings(claims: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(Object.entries(claims).map(([name, value]) => [name, claimText(value)]));
}

function claimText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(claimText).join(' ')}]`;
  if (isRecord(value)) return `map[${Object.entries(value).map(([k, v]) => `${k}:${claimText(v)}`).join(' ')}]`;
  return String(value);
}
