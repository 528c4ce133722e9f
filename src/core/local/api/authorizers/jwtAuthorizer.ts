import type { AuthorizerConfig } from '../apiDefinitions';
import { identityFacts } from './authorizationFacts';
import type { AuthorizationFacts } from './authorizationFacts';
import { forbidden, unauthorized } from './authorizerAnswers';
import type { AuthorizationResult } from './authorizerAnswers';
import { identityValue } from './identitySources';
import type { JwksCache } from './jwks';
import { claimsAsStrings, decodeJwt, kidOf, signatureProblem, tokenScopes } from './jwtToken';

export type JwtAuthorizerConfig = Extract<AuthorizerConfig, { kind: 'jwt' }>;

const DEFAULT_TOKEN_SOURCE = '$request.header.Authorization';
/** How far apart this machine's clock and the issuer's may be for exp and nbf. */
const CLOCK_SKEW_SECONDS = 30;

export interface JwtAuthorizerDeps {
  readonly keys: JwksCache;
  /** Says a thing once per key, however many requests meet it. */
  readonly warnOnce: (key: string, message: string) => void;
  readonly now: () => number;
}

/**
 * An HTTP API JWT authorizer, as API Gateway checks a token: taken from the identity source (with or without
 * "Bearer "), its signature verified with the issuer's keys (jwks_uri), iss equal to the issuer, aud (or client_id)
 * one of the audience, exp and nbf against the clock, and one of the route's scopes when it names some: else 401,
 * or 403 for a valid token without the scope. An issuer that cannot be reached (offline, no network) does not
 * stop local work: its tokens are decoded without the signature check, with a warning once.
 */
export async function jwtAuthorize(name: string, config: JwtAuthorizerConfig, facts: AuthorizationFacts, deps: JwtAuthorizerDeps): Promise<AuthorizationResult> {
  const source = config.identitySources[0] ?? DEFAULT_TOKEN_SOURCE;
  const raw = identityValue(source, identityFacts(facts));
  if (raw === undefined) return unauthorized(`the request has no ${source}, where the JWT authorizer ${name} reads the token`, [['www-authenticate', 'Bearer']]);
  const jwt = decodeJwt(raw.replace(/^Bearer\s+/i, ''));
  if ('problem' in jwt) return invalidToken(name, jwt.problem);
  let keys = await deps.keys.keysOf(config.issuer);
  if ('keys' in keys && !keys.keys.some((key) => key.kid !== undefined && key.kid === kidOf(jwt))) keys = await deps.keys.keysOf(config.issuer, { refresh: true });
  if ('unreachable' in keys) {
    deps.warnOnce(`jwks\0${config.issuer}`, `the JWT authorizer ${name} could not fetch the signing keys of ${config.issuer} (${keys.unreachable}): its tokens are decoded without checking their signature.`);
  } else {
    const problem = signatureProblem(jwt, keys.keys);
    if (problem) return invalidToken(name, problem);
  }
  const problem = claimsProblem(jwt.claims, config, deps.now() / 1000);
  if (problem) return invalidToken(name, problem);
  const scopes = tokenScopes(jwt.claims);
  const wanted = facts.match.route.authorizationScopes ?? [];
  if (wanted.length > 0 && !wanted.some((scope) => scopes.includes(scope))) {
    return forbidden(facts, 'refused', `the token has none of the scopes the route asks for (${wanted.join(', ')})`, [
      ['www-authenticate', headerSafe(`Bearer scope="${wanted.join(' ')}" error="insufficient_scope" error_description="the token has none of the route's scopes"`)],
    ]);
  }
  const authorizer = { claims: claimsAsStrings(jwt.claims), scopes: scopes.length > 0 ? scopes : null };
  return { ok: true, eventAuthorizer: facts.match.route.payloadVersion === '2.0' ? { jwt: authorizer } : authorizer };
}

function claimsProblem(claims: Readonly<Record<string, unknown>>, config: JwtAuthorizerConfig, nowSeconds: number): string | undefined {
  if (claims.iss !== config.issuer) return `its issuer is ${JSON.stringify(claims.iss)}, not ${config.issuer}`;
  if (config.audience.length > 0) {
    const audiences = [claims.aud, claims.client_id].flat().filter((value): value is string => typeof value === 'string');
    if (!audiences.some((audience) => config.audience.includes(audience))) return `its audience ${JSON.stringify(audiences)} is not one of ${config.audience.join(', ')}`;
  }
  if (typeof claims.exp === 'number' && nowSeconds > claims.exp + CLOCK_SKEW_SECONDS) return `it expired at ${new Date(claims.exp * 1000).toISOString()}`;
  if (typeof claims.nbf === 'number' && nowSeconds + CLOCK_SKEW_SECONDS < claims.nbf) return `it is not valid before ${new Date(claims.nbf * 1000).toISOString()}`;
  return undefined;
}

function invalidToken(name: string, problem: string): AuthorizationResult {
  return unauthorized(`the JWT authorizer ${name} refused the token: ${problem}`, [['www-authenticate', headerSafe(`Bearer error="invalid_token" error_description="${problem.replace(/"/g, "'")}"`)]]);
}

function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '?');
}
