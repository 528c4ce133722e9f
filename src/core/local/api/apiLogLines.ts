import type { ApiRoute } from './apiRoute';
import type { ApiSite, SiteChange } from './apiSite';
import type { FunctionUrl, WebSocketApi } from './apiDefinitions';
import type { ApiRequestLog } from './localServerOptions';

// The local API's log, in the same words wherever it is written (the CLI's stderr, VS Code's output channel).

/** SAM's form: "Mounted GET /hello → HelloWorldFunction (REST, payload 1.0)". */
export function mountedLine(route: ApiRoute, url: string): string {
  const where = route.path === '$default' ? `${url}/* ($default)` : `${url}${route.path}`;
  return `Mounted ${route.method} ${where} → ${route.functionName} (${apiKindLabel(route)}, payload ${route.payloadVersion})`;
}

/** "Mounted WebSocket ws://127.0.0.1:3000/ → ChatApi ($connect → OnConnect, sendmessage → Send; selection $request.body.action; @connections at …)". */
export function mountedWebSocketLine(api: WebSocketApi, url: string, several: boolean): string {
  const routes = api.routes.map((r) => `${r.routeKey} → ${r.functionName}`).join(', ');
  return `Mounted WebSocket ${url.replace(/^http/, 'ws')}/${several ? api.apiId : ''} → ${api.apiId} (${routes}; selection ${api.routeSelectionExpression}; @connections at ${url}/${api.stage})`;
}

/** "Mounted function URL http://127.0.0.1:3100/ → StreamingFunction (RESPONSE_STREAM, AuthType AWS_IAM)". */
export function mountedUrlLine(config: FunctionUrl, url: string): string {
  return `Mounted function URL ${url}/ → ${config.functionName} (${config.invokeMode}, AuthType ${config.authType})`;
}

/** One request: "GET /hello 200 HelloWorldFunction 12.3 ms", and why it failed when it did. */
export function requestLine(entry: ApiRequestLog): string {
  const fn = entry.functionName ? ` ${entry.functionName}` : '';
  return `${entry.method} ${entry.path} ${entry.status}${fn} ${entry.ms.toFixed(1)} ms${entry.note ? ` (${entry.note})` : ''}`;
}

/** A template changed: "Reloaded the routes (2): + GET /greeting → Fn, - GET /hello → Fn." */
export function reloadLine(change: SiteChange, site: Pick<ApiSite, 'routes'>): string {
  return `Reloaded the routes (${site.routes.length}): ${[...change.added.map((r) => `+ ${r}`), ...change.removed.map((r) => `- ${r}`)].join(', ') || 'no route changed'}.`;
}

export function apiKindLabel(route: Pick<ApiRoute, 'kind'>): string {
  return route.kind === 'rest' ? 'REST' : 'HTTP API';
}
