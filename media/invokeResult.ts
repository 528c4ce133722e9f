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

function isHostMessage(value: unknown): value is HostMessage {
  const message = value as { type?: unknown; view?: { functionName?: unknown }; functionName?: unknown; text?: unknown; prelude?: unknown } | null;
  if (message?.type === 'running') return typeof message.functionName === 'string';
  if (message?.type === 'streaming') return typeof message.functionName === 'string' && typeof message.text === 'string' && (message.prelude === undefined || typeof message.prelude === 'string');
  return message?.type === 'result' && typeof message.view?.functionName === 'string';
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

function render(view: InvokeView): void {
  root.replaceChildren();
  const header = el('header');
  const title = el('h1', undefined, view.functionName);
  const failed = Boolean(view.error || view.functionError);
  const status = el('span', `status ${failed ? 'failed' : 'ok'}`, view.error ? 'Not invoked' : view.functionError ? `Function error: ${view.functionError}` : `Succeeded (${view.statusCode ?? '?'})`);
  const again = el('button', undefined, 'Run again');
  again.id = 'run-again';
  again.addEventListener('click', () => vscode.postMessage({ type: 'runAgain' }));
  header.append(title, status, again);
  root.append(header);
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
if (previous && typeof previous.functionName === 'string') render(previous);
vscode.postMessage({ type: 'ready' });
