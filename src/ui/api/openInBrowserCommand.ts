import * as vscode from 'vscode';
import type { WorkspaceFunctionsService } from '../local/workspaceFunctionsService';
import type { LocalApiController } from './localApiController';
import { routeOf } from './requestInputs';
import { askPath, pickRoute } from './routeInputs';

/** `serverlessExplorer.openRouteInBrowser`: a GET route (its {parameters} asked for), the API started if need be. */
export async function openInBrowser(controller: LocalApiController, workspace: WorkspaceFunctionsService, target?: unknown): Promise<string | undefined> {
  const route = routeOf(target) ?? (await pickRoute(workspace, 'Open which route in the browser?', (r) => r.method === 'GET' || r.method === 'ANY'));
  if (!route) return undefined;
  const path = await askPath(route, `Open in Browser: GET ${route.path} → ${route.functionName}`);
  if (path === undefined) return undefined;
  const base = await controller.start({ mode: 'run' });
  if (!base) return undefined;
  const url = `${base}${path}`;
  // Reached from where the browser runs (a remote window forwards the port); as a string, so that VS Code does not
  // encode the query's = and & (a Uri would).
  const external = await vscode.env.asExternalUri(vscode.Uri.parse(url));
  await vscode.env.openExternal(external.toString(true) as unknown as vscode.Uri);
  return url;
}
