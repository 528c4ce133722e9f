// What Send Request… and Open in Browser read from their inputs, apart from the prompts because it must not import
// 'vscode': unit tests check it in plain Node.
import type { ApiRoute } from '../../core/local/api/apiRoute';

/** The methods whose requests usually carry a body: Send Request… asks for one. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function takesBody(method: string): boolean {
  return BODY_METHODS.has(method.toUpperCase());
}

/** The route a command was given: a Local Functions route item (which carries one) or a route itself. */
export function routeOf(target: unknown): ApiRoute | undefined {
  const candidate = (target as { route?: unknown } | undefined)?.route ?? target;
  const r = candidate as Partial<ApiRoute> | undefined;
  return r && typeof r.method === 'string' && typeof r.path === 'string' && typeof r.functionName === 'string' && (r.kind === 'rest' || r.kind === 'http') ? (r as ApiRoute) : undefined;
}

/** The path to start from: the route's template ({id} still to fill in), or "/" for an HTTP API's $default. */
export function pathTemplate(route: Pick<ApiRoute, 'path'>): string {
  return route.path === '$default' ? '/' : route.path;
}

/** Where the first {parameter} of a path is ([start, end) of "{id}"), to select it for the user to type over. */
export function firstParameter(path: string): { readonly name: string; readonly start: number; readonly end: number } | undefined {
  const match = /\{([^{}/]+)\}/.exec(path);
  return match ? { name: match[1], start: match.index, end: match.index + match[0].length } : undefined;
}

/** Undefined when the path can be sent; else what to change. */
export function pathProblem(path: string): string | undefined {
  if (!path.startsWith('/')) return 'Give a path that starts with "/", e.g. /hello?name=ada';
  const parameter = firstParameter(path.split('?')[0]);
  if (parameter) return `Replace {${parameter.name}} with its value`;
  if (/\s/.test(path)) return 'A path has no spaces: write %20 for one';
  return undefined;
}

/** A header name as HTTP allows it (a token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Headers as typed: a JSON object ({"Authorization": "Bearer x"}), or "Name: value" entries, one per line or separated
 * by "; " before the next name ("Accept: text/plain; X-Trace: 1"); a ";" inside a value ("text/plain; charset=utf-8",
 * cookies) stays in it. Empty text is no headers.
 */
export function parseHeaders(text: string): { readonly headers: [string, string][] } | { readonly problem: string } {
  const trimmed = text.trim();
  if (!trimmed) return { headers: [] };
  if (trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      return { problem: `The headers are not valid JSON (${(error as Error).message}): write {"Name": "value"}, or Name: value` };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'Write the headers as a JSON object: {"Name": "value"}' };
    const headers: [string, string][] = [];
    for (const [name, v] of Object.entries(value)) {
      if (!HEADER_NAME.test(name)) return { problem: `"${name}" is not a header name: use letters, digits and -` };
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return { problem: `The header ${name} needs a text value, not ${Array.isArray(v) ? 'a list' : typeof v}` };
      headers.push([name, String(v)]);
    }
    return { headers };
  }
  const entries = trimmed.split(/\r?\n|;\s*(?=[!#$%&'*+.^_`|~0-9A-Za-z-]+:\s)/).map((entry) => entry.trim()).filter(Boolean);
  const headers: [string, string][] = [];
  for (const entry of entries) {
    const colon = entry.indexOf(':');
    const name = colon < 0 ? entry : entry.slice(0, colon).trim();
    if (colon < 0 || !HEADER_NAME.test(name)) return { problem: `"${entry}" is not a header: write Name: value (several separated by "; "), or a JSON object` };
    headers.push([name, entry.slice(colon + 1).trim()]);
  }
  return { headers };
}

/** The Content-Type of a body the user typed, unless they gave one: JSON when it parses as JSON, else text. */
export function bodyContentType(body: string): string {
  try {
    JSON.parse(body);
    return 'application/json';
  } catch {
    return 'text/plain; charset=utf-8';
  }
}
