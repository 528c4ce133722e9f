import type { ApiAnswer } from './apiAnswer';
import type { CorsRules } from './apiDefinitions';
import { headerValue } from './apiRequest';
import type { ApiRequest } from './apiRequest';
import type { ApiKind } from './apiRoute';

// CORS as API Gateway applies it. HTTP APIs (and function URLs, which follow the same rules) answer a preflight
// themselves and put their own CORS headers on every answer to an allowed origin, replacing the function's
// ("If you configure CORS for an API, API Gateway ignores CORS headers returned from your backend integration",
// Configure CORS for HTTP APIs). REST APIs do neither: SAM's Cors adds an OPTIONS method (a mock integration)
// to each path, and a proxy integration's answer goes out as the function sent it.

/** A browser's preflight: OPTIONS with Origin and Access-Control-Request-Method. An OPTIONS without them is an ordinary request. */
export function isPreflight(request: ApiRequest): boolean {
  return request.method.toUpperCase() === 'OPTIONS' && !!headerValue(request, 'origin') && !!headerValue(request, 'access-control-request-method');
}

/** Whether the rules allow an origin: "*", the origin as listed, or the scheme wildcards HTTP APIs accept ("https://*", "http://*"). */
export function originAllowed(rules: CorsRules, origin: string): boolean {
  const wanted = origin.toLowerCase();
  return rules.allowOrigins.some((allowed) => {
    const pattern = allowed.trim().toLowerCase();
    if (pattern === '*') return true;
    if (pattern.endsWith('://*')) return wanted.startsWith(pattern.slice(0, -1));
    return pattern === wanted;
  });
}

/** What an HTTP API answers a preflight with (204), and, when a browser would refuse it, why (for the request log). */
export function preflightAnswer(rules: CorsRules, request: ApiRequest): { readonly answer: ApiAnswer; readonly note?: string } {
  const { headers, note } = corsHeadersWithReason(rules, request);
  return { answer: { statusCode: 204, headers, body: Buffer.alloc(0) }, note };
}

/**
 * The CORS headers an HTTP API gives an answer to this request: none without an Origin or for an origin the rules
 * do not allow; for a preflight Allow-Origin, -Methods, -Headers, -Max-Age and -Credentials; for any other request
 * Allow-Origin, -Expose-Headers and -Credentials.
 */
export function corsHeaders(rules: CorsRules, request: ApiRequest): [string, string][] {
  return corsHeadersWithReason(rules, request).headers;
}

/** An answer as an HTTP API or a function URL sends it with CORS configured: the function's own CORS headers replaced by the API's. A REST API's answer is left as it is. */
export function withCors(kind: ApiKind, rules: CorsRules, request: ApiRequest, answer: ApiAnswer): ApiAnswer {
  if (kind === 'rest') return answer;
  const own = answer.headers.filter(([name]) => !name.toLowerCase().startsWith('access-control-'));
  return { ...answer, headers: [...own, ...corsHeaders(rules, request)] };
}

/**
 * What SAM's OPTIONS method on a REST API path answers: its mock integration sends the configured values as they
 * are, whatever the request's origin (a REST API does not compare it), and the path's methods when AllowMethods is
 * not given.
 */
export function restOptionsAnswer(rules: CorsRules, pathMethods: readonly string[]): ApiAnswer {
  const headers: [string, string][] = [['Content-Type', 'application/json']];
  if (rules.allowOrigins.length > 0) headers.push(['Access-Control-Allow-Origin', rules.allowOrigins.join(',')]);
  headers.push(['Access-Control-Allow-Methods', (rules.allowMethods.length > 0 ? rules.allowMethods : pathMethods).join(',')]);
  if (rules.allowHeaders.length > 0) headers.push(['Access-Control-Allow-Headers', rules.allowHeaders.join(',')]);
  if (rules.maxAgeSeconds !== undefined) headers.push(['Access-Control-Max-Age', String(rules.maxAgeSeconds)]);
  if (rules.allowCredentials) headers.push(['Access-Control-Allow-Credentials', 'true']);
  return { statusCode: 200, headers, body: Buffer.alloc(0) };
}

function corsHeadersWithReason(rules: CorsRules, request: ApiRequest): { headers: [string, string][]; note?: string } {
  const origin = headerValue(request, 'origin');
  if (!origin) return { headers: [] };
  if (!originAllowed(rules, origin)) return { headers: [], note: `CORS: the origin ${origin} is not in AllowOrigins, so no CORS headers` };
  // A browser refuses "*" on a request with credentials, so an API that allows them names the origin instead.
  const anyOrigin = rules.allowOrigins.some((allowed) => allowed.trim() === '*');
  const headers: [string, string][] = [['Access-Control-Allow-Origin', anyOrigin && !rules.allowCredentials ? '*' : origin]];
  if (rules.allowCredentials) headers.push(['Access-Control-Allow-Credentials', 'true']);
  if (!isPreflight(request)) {
    if (rules.exposeHeaders.length > 0) headers.push(['Access-Control-Expose-Headers', rules.exposeHeaders.join(',')]);
    return { headers };
  }
  const method = headerValue(request, 'access-control-request-method')!.trim().toUpperCase();
  const asked = (headerValue(request, 'access-control-request-headers') ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  // "*" is answered with what was asked: a browser reads a literal "*" as a name when credentials are allowed.
  const methods = rules.allowMethods.includes('*') ? [method] : rules.allowMethods;
  const allowHeaders = rules.allowHeaders.includes('*') ? asked : rules.allowHeaders;
  if (methods.length > 0) headers.push(['Access-Control-Allow-Methods', methods.join(',')]);
  if (allowHeaders.length > 0) headers.push(['Access-Control-Allow-Headers', allowHeaders.join(',')]);
  if (rules.maxAgeSeconds !== undefined) headers.push(['Access-Control-Max-Age', String(rules.maxAgeSeconds)]);
  const refusedHeaders = asked.filter((name) => !allowHeaders.some((allowed) => allowed.toLowerCase() === name.toLowerCase()));
  // A browser lets the CORS-safelisted methods through whatever Allow-Methods says.
  const note = !['GET', 'HEAD', 'POST', ...methods.map((m) => m.toUpperCase())].includes(method)
    ? `CORS: the preflight asks for ${method}, which AllowMethods does not list`
    : refusedHeaders.length > 0
      ? `CORS: the preflight asks for the headers ${refusedHeaders.join(', ')}, which AllowHeaders does not list`
      : undefined;
  return { headers, note };
}
