import * as vscode from 'vscode';
import { apiKindLabel } from '../../core/local/api/apiLogLines';
import type { ApiRoute } from '../../core/local/api/apiRoute';
import type { WorkspaceFunctionsService } from '../local/workspaceFunctionsService';
import { firstParameter, pathProblem, pathTemplate } from './requestInputs';

/** A route of the workspace's local API, picked by the user; undefined when there is none or they cancel. */
export async function pickRoute(workspace: WorkspaceFunctionsService, title: string, which: (route: ApiRoute) => boolean = () => true): Promise<ApiRoute | undefined> {
  const routes = (await workspace.apiSite()).routes.filter(which);
  if (routes.length === 0) {
    void vscode.window.showInformationMessage('No such route in the workspace templates: give a function an Api or HttpApi event, e.g. { Type: Api, Properties: { Path: /hello, Method: get } }.');
    return undefined;
  }
  const choice = await vscode.window.showQuickPick(
    routes.map((route) => ({ label: `${route.method} ${route.path}`, description: `→ ${route.functionName} · ${apiKindLabel(route)} · payload ${route.payloadVersion}`, route })),
    { title, matchOnDescription: true },
  );
  return choice?.route;
}

/**
 * The path to request, the route's {parameters} filled in by the user (the first one selected to type over); a
 * literal path is asked for only when `always` (to add a query string).
 */
export async function askPath(route: ApiRoute, title: string, always = false): Promise<string | undefined> {
  const template = pathTemplate(route);
  const parameter = firstParameter(template);
  if (!parameter && !always && route.path !== '$default') return template;
  return vscode.window.showInputBox({
    title,
    prompt: route.path === '$default' ? 'The path: $default answers every path no other route has. A query string may follow (?name=ada).' : 'The path, its {parameters} filled in; a query string may follow (?name=ada).',
    value: template,
    valueSelection: parameter ? [parameter.start, parameter.end] : [template.length, template.length],
    validateInput: pathProblem,
  });
}
