// Fills one row element of the log list: an invocation (toggle, time, request id, badges, summary, copy), a line
// (time, stream, level, text), or a detail row of an opened line. Everything from the logs goes in as text.
import type { LambdaInvocation, ParsedLogLine } from '../../src/core/logs/lambdaLogs';
import { LOGGED_EVENT_LABELS } from '../../src/core/logs/loggedEvent';
import { el } from './dom';
import { clockTime, count, duration, plural } from './format';
import { appendHighlighted } from './highlight';
import type { LogStore, ViewLine } from './logStore';
import { ROW_ACTIONS, ROW_DETAIL, ROW_INVOCATION, ROW_NESTED_LINE, isExpandableLine, type LogView } from './logView';

/** What a click on an element inside a row does (the list reads it from `data-action`). */
export type RowAction = 'toggle' | 'copy-invocation' | 'replayLocally' | 'invokeDeployed' | 'saveTestEvent';

function button(className: string, text: string, action: RowAction, label: string): HTMLButtonElement {
  const node = el('button', className, text);
  node.type = 'button';
  node.tabIndex = -1; // the list itself takes focus and moves an active row (aria-activedescendant)
  node.dataset.action = action;
  node.title = label;
  node.setAttribute('aria-label', label);
  return node;
}

function badge(label: string, value: string | undefined, kind: string): HTMLElement {
  const node = el('span', `badge ${kind}`);
  node.append(el('span', 'badge-label', label));
  if (value !== undefined) node.append(el('span', 'badge-value', value));
  return node;
}

function badges(invocation: LambdaInvocation, view: LogView): HTMLElement {
  const box = el('span', 'badges');
  const report = invocation.report;
  if (report) {
    box.append(badge('Duration', duration(report.durationMs), 'duration'));
    box.append(badge('Billed', duration(report.billedDurationMs), 'billed'));
    box.append(badge('Memory', `${count(report.maxMemoryUsedMb ?? NaN)} / ${count(report.memorySizeMb)} MB`, 'memory'));
    const init = report.initDurationMs ?? report.restoreDurationMs;
    if (init !== undefined) box.append(badge(report.restoreDurationMs !== undefined ? 'Restore' : 'Init', duration(init), 'cold'));
  }
  if (invocation.coldStart && (!report || (report.initDurationMs ?? report.restoreDurationMs) === undefined)) box.append(badge('Cold start', undefined, 'cold'));
  if (invocation.timedOut) box.append(badge('Timed out', undefined, 'timeout'));
  if (invocation.outOfMemory) box.append(badge('Out of memory', undefined, 'oom'));
  if (invocation.error && !invocation.timedOut && !invocation.outOfMemory) box.append(badge('Error', undefined, 'error'));
  if (!report) box.append(badge('No REPORT', undefined, 'pending'));
  if (view.loggedEvents.of(invocation)?.found) box.append(badge('Event', undefined, 'event'));
  return box;
}

const isProblem = (line: ParsedLogLine) => line.kind === 'timeout' || line.kind === 'runtimeError' || line.level === 'ERROR' || line.level === 'FATAL';

function summary(invocation: LambdaInvocation, view: LogView): string {
  const lines = invocation.lines as ViewLine[];
  let text = plural(lines.length, 'line');
  if (view.query !== '') {
    let matched = 0;
    for (const line of lines) if (view.isMatch(line)) matched++;
    text = `${count(matched)} of ${text} match`;
  }
  const problem = invocation.error || invocation.timedOut ? lines.find(isProblem) : undefined;
  return problem ? `${text} · ${problem.text.replace(/\s*[\r\n]+\s*/g, ' ⏎ ')}` : text;
}

function invocationRow(row: HTMLElement, invocation: LambdaInvocation, view: LogView, store: LogStore): void {
  const expanded = view.isExpanded(invocation);
  const outcome = invocation.timedOut ? ' timeout' : invocation.error || invocation.outOfMemory ? ' error' : '';
  row.className = `row inv${outcome}${invocation.coldStart ? ' cold' : ''}`;
  row.setAttribute('aria-level', '1');
  row.setAttribute('aria-expanded', String(expanded));
  const text = el('span', 'text summary');
  appendHighlighted(text, summary(invocation, view), '');
  row.append(
    button('toggle', expanded ? '▾' : '▸', 'toggle', expanded ? 'Collapse this invocation' : 'Expand this invocation'),
    el('span', 'time', clockTime(invocation.firstTimestamp, store.spansDays)),
    el('span', 'reqid', invocation.requestId),
    badges(invocation, view),
    text,
    button('row-copy', 'Copy', 'copy-invocation', "Copy this invocation's lines"),
  );
}

/** Under an expanded invocation: how its event was found and the three things to do with it, or why it cannot be used. */
function actionsRow(row: HTMLElement, invocation: LambdaInvocation, view: LogView): void {
  row.className = 'row actions nested';
  row.setAttribute('aria-level', '2');
  row.removeAttribute('aria-expanded');
  row.append(el('span', 'toggle-space'));
  const logged = view.loggedEvents.of(invocation);
  if (!logged) return;
  if (!logged.found) {
    row.append(el('span', 'text event-source cut', 'The event this invocation logged was cut by CloudWatch at 256 KB: it cannot be replayed.'));
    return;
  }
  const actions = [
    button('event-action', 'Replay locally', 'replayLocally', 'Run the workspace function for this function locally with this event'),
    button('event-action', 'Invoke deployed with this event', 'invokeDeployed', 'Invoke the deployed function again with this event'),
    button('event-action', 'Save as test event', 'saveTestEvent', 'Save this event under .vscode/lambda-events/ for this function'),
  ];
  // Reachable from the keyboard: Enter on this row focuses the first (eventsView), Tab moves on, Enter runs one.
  for (const action of actions) action.tabIndex = 0;
  row.append(el('span', 'event-source', `{} ${LOGGED_EVENT_LABELS[logged.source]}`), ...actions);
}

/** The task id of a Fargate stream ("ecs/web/5f2b1c…" → "5f2b1c4a"), the whole name in the tooltip. */
function streamCell(name: string | undefined): HTMLElement {
  const full = name ?? '';
  const node = el('span', 'stream', full.slice(full.lastIndexOf('/') + 1).slice(0, 8));
  node.title = full;
  return node;
}

function lineRow(row: HTMLElement, line: ViewLine, nested: boolean, view: LogView, store: LogStore): void {
  const level = line.level ?? (line.kind === 'timeout' || line.kind === 'runtimeError' ? 'ERROR' : '');
  row.className = `row line${nested ? ' nested' : ''}${level ? ` lvl-${level.toLowerCase()}` : ''} kind-${line.kind}`;
  row.setAttribute('aria-level', nested ? '2' : '1');
  if (isExpandableLine(line)) {
    const open = view.isOpen(line);
    row.setAttribute('aria-expanded', String(open));
    row.append(button('toggle', open ? '▾' : line.json ? '{}' : '▸', 'toggle', open ? 'Hide details' : line.json ? 'Show the structured fields' : 'Show the whole line'));
  } else {
    row.removeAttribute('aria-expanded');
    row.append(el('span', 'toggle-space'));
  }
  row.append(el('span', 'time', clockTime(line.timestamp, store.spansDays)));
  if (!store.grouped) row.append(streamCell(line.logStreamName));
  row.append(el('span', `level${level ? ` lvl-${level.toLowerCase()}` : ''}`, level));
  const text = el('span', 'text');
  // One row per line: newlines show as ⏎ (one character for one, so highlight offsets still line up).
  appendHighlighted(text, line.text.replace(/[\r\n]/g, '⏎'), view.query);
  row.append(text);
}

function detailRow(row: HTMLElement, line: ViewLine, sub: number, view: LogView): void {
  row.className = 'row detail';
  row.setAttribute('aria-level', '3');
  row.removeAttribute('aria-expanded');
  const text = el('span', 'text');
  appendHighlighted(text, view.detail(line, sub), view.query);
  row.append(text);
}

export function renderLogRow(row: HTMLElement, index: number, view: LogView, store: LogStore): void {
  row.replaceChildren();
  row.setAttribute('role', 'treeitem');
  const kind = view.kinds[index];
  const ref = view.refs[index];
  if (kind === ROW_INVOCATION) {
    const entry = store.entries[ref];
    if (entry.kind === 'invocation') invocationRow(row, entry.invocation, view, store);
  } else if (kind === ROW_ACTIONS) {
    const entry = store.entries[ref];
    if (entry.kind === 'invocation') actionsRow(row, entry.invocation, view);
  } else if (kind === ROW_DETAIL) detailRow(row, store.lines[ref], view.subs[index], view);
  else lineRow(row, store.lines[ref], kind === ROW_NESTED_LINE, view, store);
}
