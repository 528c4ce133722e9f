import * as vscode from 'vscode';
import { isTextContent } from '../../core/local/api/apiRequest';
import { ANY_METHODS } from '../../core/local/api/apiRoute';
import type { ApiRoute } from '../../core/local/api/apiRoute';
import type { HttpExchangeView, InvokeView } from '../../shared/invokeMessages';
import { InvokeResultPanel } from '../invoke/invokeResultPanel';
import { pretty } from '../invoke/localResultView';
import type { WorkspaceFunctionsService } from '../local/workspaceFunctionsService';
import type { LocalApiController } from './localApiController';
import { bodyContentType, parseHeaders, pathProblem, routeOf, takesBody } from './requestInputs';
import { askPath, pickRoute } from './routeInputs';

/** What Send Request… would ask for, given instead (by tests, or other extensions); what is missing is asked. */
export interface SendRequestOptions {
  /** For an ANY route: the method to send. */
  readonly method?: string;
  /** The path, its {parameters} filled in, with a query string if wanted. */
  readonly path?: string;
  /** "Name: value" entries (separated by "; " or new lines) or a JSON object, as the prompt takes them; or the headers. */
  readonly headers?: string | Readonly<Record<string, string>>;
  /** For methods that carry one: "" for none. */
  readonly body?: string;
}

export interface SentResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: readonly (readonly [string, string])[];
  /** As the result view shows it: text (JSON pretty-printed), or a note and base64 for binary content. */
  readonly body: string;
}

export type SendRequestOutcome = { readonly status: 'sent'; readonly response: SentResponse } | { readonly status: 'failed'; readonly message: string } | { readonly status: 'cancelled' };

interface PreparedRequest {
  readonly route: ApiRoute;
  readonly method: string;
  readonly path: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: string;
}

/**
 * `serverlessExplorer.sendApiRequest`: a request to a route of the local API (started first if it is not running) —
 * the method (asked for ANY routes), the path with its {parameters} filled in, headers and a body — and the response
 * (status, headers, body) in the result view, where Run again sends it again.
 */
export class SendRequestCommand {
  constructor(
    private readonly api: LocalApiController,
    private readonly workspace: WorkspaceFunctionsService,
    private readonly extensionUri: vscode.Uri,
  ) {}

  async run(target?: unknown, options: SendRequestOptions = {}): Promise<SendRequestOutcome> {
    const route = routeOf(target) ?? (await pickRoute(this.workspace, 'Send a request to which route?'));
    if (!route) return { status: 'cancelled' };
    const title = `Send Request: ${route.method} ${route.path} → ${route.functionName}`;
    const method = options.method?.trim().toUpperCase() || (route.method === 'ANY' ? await pickMethod(title) : route.method);
    if (!method) return { status: 'cancelled' };
    const path = options.path ?? (await askPath(route, title, true));
    if (path === undefined) return { status: 'cancelled' };
    const headerText =
      options.headers ??
      (await vscode.window.showInputBox({
        title,
        prompt: 'Headers (optional): Name: value, several separated by "; ", or a JSON object',
        placeHolder: 'Authorization: Bearer token; X-Trace: 1',
        validateInput: (text) => {
          const parsed = parseHeaders(text);
          return 'problem' in parsed ? parsed.problem : undefined;
        },
      }));
    if (headerText === undefined) return { status: 'cancelled' };
    const headers = typeof headerText === 'string' ? parseHeaders(headerText) : { headers: Object.entries(headerText) };
    if ('problem' in headers) return this.refuse(headers.problem);
    const wrongPath = pathProblem(path);
    if (wrongPath) return this.refuse(wrongPath);
    let body: string | undefined;
    if (takesBody(method)) {
      body = options.body ?? (await vscode.window.showInputBox({ title, prompt: `The body of the ${method} request (optional): JSON or text`, placeHolder: '{"name": "ada"}' }));
      if (body === undefined) return { status: 'cancelled' };
    }
    return this.send({ route, method, path, headers: headers.headers, body: body || undefined });
  }

  private refuse(message: string): SendRequestOutcome {
    void vscode.window.showErrorMessage(`Send Request: ${message}.`);
    return { status: 'failed', message };
  }

  private async send(request: PreparedRequest): Promise<SendRequestOutcome> {
    const label = `${request.method} ${request.path}`;
    const base = await this.api.start({ mode: 'run' });
    if (!base) return { status: 'failed', message: 'the local API did not start' };
    const panel = InvokeResultPanel.show(this.extensionUri);
    const again = () => void this.send(request);
    panel.running(label, again);
    const url = `${base}${request.path}`;
    const shown = { functionName: request.route.functionName, profile: 'local', region: base, qualifier: '', invocationType: 'HTTP', eventLabel: label };
    const started = performance.now();
    try {
      const response = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${label} → ${request.route.functionName}…`, cancellable: true }, async (_progress, token) => {
        const cancel = new AbortController();
        const subscription = token.onCancellationRequested(() => cancel.abort(new Error('the request was cancelled')));
        try {
          return await fetchResponse(url, request, cancel.signal);
        } finally {
          subscription.dispose();
        }
      });
      const http: HttpExchangeView = { method: request.method, url, status: response.status, statusText: response.statusText, headers: response.headers };
      panel.result({ ...shown, at: new Date().toISOString(), statusCode: response.status, payload: response.body, elapsedMs: performance.now() - started, http }, again);
      return { status: 'sent', response };
    } catch (error) {
      const message = (error as Error).message;
      const view: InvokeView = { ...shown, at: new Date().toISOString(), payload: '', elapsedMs: performance.now() - started, error: { title: `Could not send ${label}`, detail: message } };
      panel.result(view, again);
      void vscode.window.showErrorMessage(`Send Request: ${label} to ${url} failed: ${message}`);
      return { status: 'failed', message };
    }
  }
}

async function pickMethod(title: string): Promise<string | undefined> {
  const choice = await vscode.window.showQuickPick(
    ANY_METHODS.map((method) => ({ label: method })),
    { title, placeHolder: 'The route takes ANY method: which one to send?' },
  );
  return choice?.label;
}

async function fetchResponse(url: string, request: PreparedRequest, signal: AbortSignal): Promise<SentResponse> {
  const headers = new Headers();
  for (const [name, value] of request.headers) headers.append(name, value);
  if (request.body !== undefined && !headers.has('content-type')) headers.set('content-type', bodyContentType(request.body));
  const response = await fetch(url, { method: request.method, headers, body: request.body, signal, redirect: 'manual' });
  const bytes = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get('content-type') ?? undefined;
  const body = isTextContent(contentType) ? pretty(bytes.toString('utf8')) : `(${bytes.length} bytes of ${contentType}, shown as base64)\n${bytes.toString('base64')}`;
  return { status: response.status, statusText: response.statusText, headers: [...response.headers], body };
}
