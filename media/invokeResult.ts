import type { HostMessage, InvokeView, PageMessage } from '../src/shared/invokeMessages';

declare function acquireVsCodeApi(): { postMessage(message: PageMessage): void; setState(state: unknown): void; getState(): unknown };

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;

/** Creates an element whose content is text only: nothing from AWS is ever parsed as HTML. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function isHttpView(value: unknown): boolean {
  const http = value as { method?: unknown; url?: unknown; status?: unknown; statusText?: unknown; headers?: unknown } | null;
  return (
    typeof http?.method === 'string' &&
    typeof http.url === 'string' &&
    typeof http.status === 'number' &&
    typeof http.statusText === 'string' &&
    Array.isArray(http.headers) &&
    http.headers.every((pair: unknown) => Array.isArray(pair) && pair.length === 2 && pair.every((part: unknown) => typeof part === 'string'))
  );
}

function isHostMessage(value: unknown): value is HostMessage {
  const message = value as { type?: unknown; view?: { functionName?: unknown; http?: unknown }; functionName?: unknown; text?: unknown; prelude?: unknown } | null;
  if (message?.type === 'running') return typeof message.functionName === 'string';
  if (message?.type === 'streaming') return typeof message.functionName === 'string' && typeof message.text === 'string' && (message.prelude === undefined || typeof message.prelude === 'string');
  return message?.type === 'result' && typeof message.view?.functionName === 'string' && (message.view.http === undefined || isHttpView(message.view.http));
}

/** A REPORT figure, undefined when the line did not give it (the parser's NaN). */
function known(figure: number | undefined): number | undefined {
  return figure === undefined || Number.isNaN(figure) ? undefined : figure;
}

function fmt(ms: number | undefined, unit = 'ms'): string | undefined {
  return ms === undefined ? undefined : `${Number.isInteger(ms) ? ms : ms.toFixed(2)} ${unit}`;
}

function badge(label: string, value: string | undefined, kind = ''): HTMLElement | undefined {
  if (value === undefined) return undefined;
  const node = el('span', `badge ${kind}`);
  node.append(el('span', 'badge-label', label), el('span', 'badge-value', value));
  return node;
}

function section(title: string, body: HTMLElement): HTMLElement {
  const node = el('section');
  node.append(el('h2', undefined, title), body);
  return node;
}

function header(title: string, statusText: string, failed: boolean, againLabel = 'Run again'): HTMLElement {
  const node = el('header');
  const status = el('span', `status ${failed ? 'failed' : 'ok'}`, statusText);
  const again = el('button', undefined, againLabel);
  again.id = 'run-again';
  again.addEventListener('click', () => vscode.postMessage({ type: 'runAgain' }));
  node.append(el('h1', undefined, title), status, again);
  return node;
}

/** A request to the local API: its status, the response's headers and body, and which function answered. */
function renderHttp(view: InvokeView, http: NonNullable<InvokeView['http']>): void {
  root.replaceChildren(header(view.eventLabel, `${http.status} ${http.statusText}`.trim(), http.status >= 400, 'Send again'));
  root.append(el('p', 'meta', `${http.url} · ${view.functionName} · local API · ${new Date(view.at).toLocaleTimeString()}`));
  const badges = el('div', 'badges');
  const roundTrip = badge('Round trip', fmt(Math.round(view.elapsedMs)));
  if (roundTrip) badges.append(roundTrip);
  root.append(badges);
  const headers = el('pre', 'log', http.headers.map(([name, value]) => `${name}: ${value}`).join('\n'));
  headers.id = 'headers';
  root.append(section('Response headers', headers));
  const body = el('pre', 'payload', view.payload || '(empty body)');
  body.id = 'payload';
  root.append(section('Response body', body));
  vscode.setState(view);
}

function render(view: InvokeView): void {
  if (view.http) return renderHttp(view, view.http);
  root.replaceChildren();
  const failed = Boolean(view.error || view.functionError);
  root.append(header(view.functionName, view.error ? 'Not invoked' : view.functionError ? `Function error: ${view.functionError}` : `Succeeded (${view.statusCode ?? '?'})`, failed));
  root.append(el('p', 'meta', `${view.profile} · ${view.region} · ${view.qualifier} · ${view.invocationType} · event: ${view.eventLabel} · ${new Date(view.at).toLocaleTimeString()}`));
  if (view.interpreter) {
    const interpreter = el('p', 'meta', `Ran on ${view.interpreter}`);
    interpreter.id = 'interpreter';
    root.append(interpreter);
  }

  if (view.error) {
    root.append(section(view.error.title, el('pre', 'error', view.error.detail)));
    return;
  }
  const badges = el('div', 'badges');
  const maxMemoryUsed = known(view.report?.maxMemoryUsedMb);
  for (const b of [
    badge('Duration', fmt(known(view.report?.durationMs))),
    badge('Billed', fmt(known(view.report?.billedDurationMs))),
    badge('Memory', maxMemoryUsed !== undefined ? `${maxMemoryUsed} / ${known(view.report?.memorySizeMb) ?? '?'} MB` : undefined),
    badge('Init', fmt(known(view.report?.initDurationMs)), 'cold'),
    badge('Round trip', fmt(Math.round(view.elapsedMs))),
    badge('Version', view.executedVersion),
    badge('Request id', view.requestId),
  ]) {
    if (b) badges.append(b);
  }
  root.append(badges);
  const payload = el('pre', `payload ${view.functionError ? 'error' : ''}`, view.payload || (view.invocationType === 'RequestResponse' ? '(empty response)' : `(no response payload for ${view.invocationType} invocations)`));
  payload.id = 'payload';
  if (view.streamed?.prelude) root.append(el('p', 'meta', `Function URL response: ${view.streamed.prelude}`));
  if (view.streamed?.beforeError) root.append(section('Streamed before the error', el('pre', 'payload', view.streamed.beforeError)));
  root.append(section(view.functionError ? 'Error' : view.streamed ? `Response (streamed, ${view.streamed.contentType})` : 'Response', payload));
  const log = el('pre', 'log', view.logTail ?? 'No log tail: Lambda returns one only for synchronous (RequestResponse) invocations, and this endpoint returned none.');
  log.id = 'log';
  root.append(section('Log tail (last 4 KB)', log));
  vscode.setState(view);
}

/** A streaming function's body while it runs, growing in place (the same element, so the reader keeps their place). */
function renderStreaming(functionName: string, text: string, prelude?: string): void {
  let body = document.getElementById('stream');
  if (!body) {
    body = el('pre', 'payload');
    body.id = 'stream';
    const meta = el('p', 'meta');
    meta.id = 'stream-prelude';
    root.replaceChildren(el('p', 'running', `Invoking ${functionName}… (streaming)`), meta, section('Response so far', body));
  }
  const meta = document.getElementById('stream-prelude');
  if (meta) meta.textContent = prelude ? `Function URL response: ${prelude}` : '';
  body.textContent = text;
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isHostMessage(message)) return;
  if (message.type === 'running') {
    root.replaceChildren(el('p', 'running', `Invoking ${message.functionName}…`));
    return;
  }
  if (message.type === 'streaming') {
    renderStreaming(message.functionName, message.text, message.prelude);
    return;
  }
  render(message.view);
});

const previous = vscode.getState() as InvokeView | undefined;
if (previous && typeof previous.functionName === 'string' && (previous.http === undefined || isHttpView(previous.http))) render(previous);
vscode.postMessage({ type: 'ready' });
