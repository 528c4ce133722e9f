import type { ApiDefinitions, ApiStage, FunctionUrl, WebSocketApi } from './apiDefinitions';
import type { ApiRoute } from './apiRoute';

/** Where a route was written: a SAM function's event, an API's OpenAPI definition, or a CloudFormation resource. */
export type RouteSource = 'event' | 'definition' | 'resource';

/**
 * The API definitions of a template as its readers find them. A route is kept once per API, method and path (path
 * parameters' names do not matter, as API Gateway sees /items/{id} and /items/{itemId} as one path): the first
 * wins and a second is a problem, except that a function's event and its API's definition giving the same route to
 * the same function are one route (SAM writes the events into the DefinitionBody).
 */
export class ApiCollector {
  readonly stages = new Map<string, ApiStage>();
  readonly functionUrls: FunctionUrl[] = [];
  readonly webSockets: WebSocketApi[] = [];
  readonly problems: string[] = [];
  readonly includedFiles = new Set<string>();
  private readonly routes = new Map<string, { route: ApiRoute; where: string; source: RouteSource }>();

  /** `where` names the route's origin in the template's words ("HelloFunction's event Hello", "ShopApi's DefinitionBody"). */
  addRoute(route: ApiRoute, where: string, source: RouteSource = 'resource'): void {
    const key = `${route.apiId} ${route.method} ${samePath(route.path)}`;
    const first = this.routes.get(key);
    if (!first) {
      this.routes.set(key, { route, where, source });
      return;
    }
    const same = first.route.functionName === route.functionName;
    if (same && [first.source, source].sort().join() === 'definition,event') return;
    this.problem(
      `${where} gives ${route.method} ${route.path} on ${route.apiId} to ${route.functionName}, but ${first.where} already gives it${same ? '' : ` to ${first.route.functionName}`}; ` +
        `${same ? 'the first' : first.route.functionName} serves it (remove one of the two, or change its path or method)`,
    );
  }

  problem(message: string): void {
    if (!this.problems.includes(message)) this.problems.push(message);
  }

  definitions(): ApiDefinitions {
    return {
      routes: [...this.routes.values()].map(({ route }) => route),
      stages: this.stages,
      functionUrls: this.functionUrls,
      webSockets: this.webSockets,
      problems: this.problems,
      ...(this.includedFiles.size > 0 ? { includedFiles: [...this.includedFiles] } : {}),
    };
  }
}

function samePath(path: string): string {
  return path === '$default' ? path : `/${path.split('/').filter(Boolean).map((segment) => segment.replace(/^\{[^}]*?(\+?)\}$/, '{$1}')).join('/')}`;
}
