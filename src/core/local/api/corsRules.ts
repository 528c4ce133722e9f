import { asText, isRecord } from '../sources/sam/intrinsics';
import type { CorsRules } from './apiDefinitions';

// CORS configurations as the template writes them, made into CorsRules.

const ALL: CorsRules = { allowOrigins: ['*'], allowMethods: ['*'], allowHeaders: ['*'], exposeHeaders: [], allowCredentials: false };

/**
 * SAM's `Cors` of an AWS::Serverless::Api: an origin ("'*'") or { AllowOrigin, AllowMethods, AllowHeaders, MaxAge,
 * AllowCredentials } whose values are header values in single quotes, as API Gateway's response parameters take
 * them. SAM answers a preflight with the methods of the path when AllowMethods is left out; "*" says the same to a
 * browser. `say` hears about a value without its quotes (SAM would fail to deploy it; it is read as meant).
 */
export function samCors(value: unknown, where: string, say: (problem: string) => void): CorsRules | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  const fields = typeof value === 'string' ? { AllowOrigin: value } : isRecord(value) ? value : undefined;
  if (!fields) {
    say(`${where} Cors is neither an origin ("'*'") nor a mapping of AllowOrigin, AllowMethods, AllowHeaders, MaxAge and AllowCredentials, so no CORS headers are added (write Cors: "'*'")`);
    return undefined;
  }
  const quoted = (name: string): string | undefined => {
    const raw = fields[name];
    if (raw === undefined || raw === null) return undefined;
    const text = asText(raw).trim();
    const match = /^'(.*)'$/s.exec(text);
    if (match) return match[1];
    if (typeof raw === 'string') say(`${where} Cors${typeof value === 'string' ? '' : `.${name}`} ${JSON.stringify(text)} is not in single quotes, as SAM needs it ("'${text}'"); it is read as ${text}`);
    return text;
  };
  return quotedRules(quoted('AllowOrigin') ?? '*', quoted('AllowMethods'), quoted('AllowHeaders'), quoted('MaxAge'), fields.AllowCredentials);
}

/**
 * A REST API's preflight written as an OPTIONS method with a MOCK integration: its
 * `method.response.header.Access-Control-Allow-*` response parameters (quoted values), as an OpenAPI body or an
 * AWS::ApiGateway::Method writes them. Undefined when it sets no Access-Control-Allow-Origin.
 */
export function preflightCors(responseParameters: unknown): CorsRules | undefined {
  if (!isRecord(responseParameters)) return undefined;
  const header = (name: string): string | undefined => {
    const entry = Object.entries(responseParameters).find(([key]) => key.toLowerCase() === `method.response.header.access-control-${name}`);
    return entry === undefined ? undefined : asText(entry[1]).trim().replace(/^'(.*)'$/s, '$1');
  };
  const origin = header('allow-origin');
  if (origin === undefined) return undefined;
  return quotedRules(origin, header('allow-methods'), header('allow-headers'), header('max-age'), header('allow-credentials'));
}

function quotedRules(origin: string, methods: string | undefined, headers: string | undefined, maxAge: string | undefined, credentials: unknown): CorsRules {
  return {
    allowOrigins: [origin],
    allowMethods: methods === undefined ? ['*'] : list(methods).map((m) => m.toUpperCase()),
    allowHeaders: headers === undefined ? [] : list(headers),
    exposeHeaders: [],
    ...seconds(maxAge),
    allowCredentials: credentials === true || asText(credentials).toLowerCase() === 'true',
  };
}

/**
 * CORS written as lists, as HTTP APIs and function URLs take it: SAM's HttpApi `CorsConfiguration` (true allows
 * everything), AWS::ApiGatewayV2::Api's `CorsConfiguration`, OpenAPI's `x-amazon-apigateway-cors`, and a function
 * URL's `Cors`: { AllowOrigins, AllowMethods, AllowHeaders, ExposeHeaders, MaxAge, AllowCredentials } in either case.
 */
export function listCors(value: unknown): CorsRules | undefined {
  if (value === true || value === 'true') return ALL;
  if (!isRecord(value)) return undefined;
  const field = (name: string): unknown => value[name] ?? value[name[0].toLowerCase() + name.slice(1)];
  const texts = (name: string): string[] => {
    const raw = field(name);
    return Array.isArray(raw) ? raw.map(asText).filter((v) => v !== '') : raw === undefined || raw === null ? [] : list(asText(raw));
  };
  return {
    allowOrigins: texts('AllowOrigins'),
    allowMethods: texts('AllowMethods').map((m) => m.toUpperCase()),
    allowHeaders: texts('AllowHeaders'),
    exposeHeaders: texts('ExposeHeaders'),
    ...seconds(field('MaxAge')),
    allowCredentials: field('AllowCredentials') === true || asText(field('AllowCredentials')).toLowerCase() === 'true',
  };
}

function list(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function seconds(value: unknown): { maxAgeSeconds?: number } {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(number) && number >= 0 ? { maxAgeSeconds: number } : {};
}
