import type { ApiRoute } from './apiRoute';

export interface RouteMatch {
  readonly route: ApiRoute;
  /** The values of the path's {name} and {name+} parts, URL-decoded; empty when it has none. */
  readonly pathParameters: Readonly<Record<string, string>>;
}

type Segment = { readonly literal: string } | { readonly parameter: string; readonly greedy: boolean };

/**
 * The route API Gateway would choose for a request: the most specific path wins, segment by segment (a literal
 * over {id} over {proxy+}), then a route of the request's own method over ANY; an HTTP API's $default catches the
 * rest. Trailing slashes are ignored and the stage is not part of the path, as `sam local start-api` serves them.
 */
export function matchRoute(routes: readonly ApiRoute[], method: string, rawPath: string): RouteMatch | undefined {
  const requested = splitPath(rawPath);
  if (!requested) return undefined;
  let best: { match: RouteMatch; rank: number[] } | undefined;
  for (const route of routes) {
    if (route.path === '$default' || (route.method !== 'ANY' && route.method !== method.toUpperCase())) continue;
    const pathParameters = matchSegments(parseTemplate(route.path), requested);
    if (!pathParameters) continue;
    const rank = [...parseTemplate(route.path).map(specificity), route.method === 'ANY' ? 0 : 1];
    if (!best || compareRanks(rank, best.rank) > 0) best = { match: { route, pathParameters }, rank };
  }
  if (best) return best.match;
  const fallback = routes.find((route) => route.path === '$default' && (route.method === 'ANY' || route.method === method.toUpperCase()));
  return fallback && { route: fallback, pathParameters: {} };
}

/** The decoded segments of a request path; undefined when a segment is not valid percent-encoding. */
function splitPath(rawPath: string): string[] | undefined {
  try {
    return rawPath.split('/').filter(Boolean).map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

function parseTemplate(template: string): Segment[] {
  return template
    .split('/')
    .filter(Boolean)
    .map((part) => {
      const parameter = /^\{([^{}]+?)(\+?)\}$/.exec(part);
      return parameter ? { parameter: parameter[1], greedy: parameter[2] === '+' } : { literal: part };
    });
}

function matchSegments(template: readonly Segment[], requested: readonly string[]): Record<string, string> | undefined {
  const values: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const segment = template[i];
    if ('literal' in segment) {
      if (requested[i] !== segment.literal) return undefined;
    } else if (segment.greedy) {
      // {proxy+} takes one segment or more, and only as the last part of a template.
      if (i !== template.length - 1 || requested.length <= i) return undefined;
      values[segment.parameter] = requested.slice(i).join('/');
      return values;
    } else {
      if (requested[i] === undefined) return undefined;
      values[segment.parameter] = requested[i];
    }
  }
  return requested.length === template.length ? values : undefined;
}

function specificity(segment: Segment): number {
  if ('literal' in segment) return 3;
  return segment.greedy ? 1 : 2;
}

/** Segment by segment, the higher specificity first; a longer template of equal prefix is the more specific. */
function compareRanks(a: readonly number[], b: readonly number[]): number {
  const pathA = a.slice(0, -1);
  const pathB = b.slice(0, -1);
  for (let i = 0; i < Math.min(pathA.length, pathB.length); i++) if (pathA[i] !== pathB[i]) return pathA[i] - pathB[i];
  if (pathA.length !== pathB.length) return pathA.length - pathB.length;
  return a[a.length - 1] - b[b.length - 1];
}
