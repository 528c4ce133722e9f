// The Logs tab's Events mode: loads log events for the panel's time range and filter pattern (FilterLogEvents on the
// host), follows live tail, and shows them in a virtualised list, grouped per invocation for Lambda.
import type { LogEvent } from '../../src/shared/logEvent';
import type { HostMessage } from '../../src/shared/monitorMessages';
import { MAX_EVENT_TEXT, MAX_PAGE_TEXT, resolveRange, type ReplayAction } from '../../src/shared/monitorMessages';
import type { LambdaInvocation } from '../../src/core/logs/lambdaLogs';
import { el } from './dom';
import { createEventsToolbar, type TailButtonState } from './eventsToolbar';
import { EventsStatus } from './eventsStatus';
import { formatLines, linesAsText, type LinesFormat } from './exportText';
import { count, exportFileName, plural, shortDateTime } from './format';
import { renderLogRow } from './logRows';
import { LogStore, type ViewLine } from './logStore';
import { LogView, ROW_ACTIONS, ROW_DETAIL, ROW_INVOCATION, isExpandableLine } from './logView';
import type { PageContext } from './tab';
import { VirtualList } from './virtualList';

export const ROW_HEIGHT = 20;
/** Regrouping 100,000 lines takes ~0.1 s: during a load, at most four times a second. */
const COMMIT_INTERVAL_MS = 250;

type EventsMessage = Extract<HostMessage, { type: 'logs' | 'logsError' | 'logSource' | 'tailEvents' | 'tailState' }>;

export interface EventsView {
  readonly element: HTMLElement;
  readonly modeSlot: HTMLElement;
  /** Shown: loads on the first call and after a range change. */
  activate(): void;
  rangeChanged(visible: boolean): void;
  handle(message: EventsMessage): void;
  /** Opens the invocation of `requestId` and scrolls to it; loads it (filtered by its id) when it is not loaded. */
  reveal(requestId: string): void;
}

const REPLAY_WORDS: Record<ReplayAction, string> = {
  replayLocally: 'Replaying locally',
  invokeDeployed: 'Invoking the deployed function',
  saveTestEvent: 'Saving the test event',
};

export function createEventsView(ctx: PageContext): EventsView {
  const grouped = ctx.init.groupInvocations;
  const store = new LogStore(grouped);
  const view = new LogView(store);
  const status = new EventsStatus();
  let requestId = -1;
  let loading = false;
  let failed = false;
  let stale = true;
  let loadedAt = Date.now();
  let tail: TailButtonState = 'off';
  let tailPattern = '';
  let lastCommit = 0;
  let commitTimer: ReturnType<typeof setTimeout> | undefined;
  /** A request id to reveal once the running load is done, and whether that load already filtered by it. */
  let pendingReveal: { readonly requestId: string; readonly filtered: boolean } | undefined;

  const toolbar = createEventsToolbar(ctx.init.filterPattern, grouped, {
    reload() {
      const pattern = toolbar.filterPattern();
      ctx.saveState({ filterPattern: pattern });
      // A running live tail follows a new pattern (restarted by the host); a new range does not concern it.
      if (tail !== 'off' && pattern !== tailPattern) {
        tailPattern = pattern;
        ctx.post({ type: 'tail', on: true, filterPattern: pattern });
      }
      load();
    },
    toggleTail() {
      setTail(tail === 'off' ? 'starting' : 'off');
      tailPattern = toolbar.filterPattern();
      status.setTailError(undefined);
      ctx.post({ type: 'tail', on: tail !== 'off', filterPattern: tailPattern });
    },
    find(text) {
      view.setQuery(text);
      showRows();
    },
    expandAll(expand) {
      view.setAllExpanded(expand);
      list.setCount(view.rowCount);
    },
    copy: () => hand('copy', view.visibleLines(), 'log'),
    exportLines: (format) => hand('export', view.visibleLines(), format),
  });
  const list = new VirtualList({ className: 'log-list', rowHeight: ROW_HEIGHT, render: (row, i) => renderLogRow(row, i, view, store), onToggle: toggleRow, label: 'Log events' });
  const empty = el('div', 'empty');
  empty.id = 'logs-empty';
  const listBox = el('div', 'list-box');
  listBox.append(list.element, empty);
  const element = el('section', 'events-view');
  element.append(toolbar.element, status.element, listBox);

  list.element.addEventListener('click', (e) => {
    const index = list.indexOf(e.target);
    if (index < 0) return;
    const action = (e.target as Element).closest<HTMLElement>('[data-action]')?.dataset.action;
    // The list, not the row's button, keeps the focus: arrow keys go on from the clicked row.
    list.element.focus({ preventScroll: true });
    list.setActive(index);
    if (action === 'copy-invocation') copyInvocation(index);
    else if (action === 'replayLocally' || action === 'invokeDeployed' || action === 'saveTestEvent') replay(index, action);
    // A click on an invocation's row toggles it, unless it ends a text selection.
    else if (action === 'toggle' || (view.kinds[index] === ROW_INVOCATION && !window.getSelection()?.toString())) toggleRow(index);
  });

  function setTail(state: TailButtonState): void {
    tail = state;
    toolbar.setTail(state);
  }

  function load(): void {
    requestId = ctx.nextRequestId();
    loading = true;
    failed = false;
    stale = false;
    loadedAt = Date.now();
    clearTimeout(commitTimer);
    commitTimer = undefined;
    store.clear();
    view.rebuild();
    status.setLoadError(undefined);
    status.setTruncated(undefined);
    status.setLoading(0);
    showRows();
    ctx.post({ type: 'loadLogs', requestId, range: ctx.range(), filterPattern: toolbar.filterPattern() });
  }

  /** Folds what arrived into the list, keeping the newest in view when the user was already looking at it. */
  function commit(): void {
    clearTimeout(commitTimer);
    commitTimer = undefined;
    lastCommit = performance.now();
    const atBottom = list.isAtBottom();
    if (store.commit()) {
      view.rebuild();
      showRows();
      if (atBottom) list.scrollToBottom();
    }
    if (loading) return;
    status.setSummary(store.summary, grouped);
    const version = store.version;
    requestIdleCallback(() => {
      if (store.version === version) view.prepareFind();
    });
  }

  function scheduleCommit(): void {
    if (commitTimer !== undefined) return;
    commitTimer = setTimeout(commit, Math.max(0, lastCommit + COMMIT_INTERVAL_MS - performance.now()));
  }

  function showRows(): void {
    list.setCount(view.rowCount);
    const total = store.lines.length;
    toolbar.setFindCount(view.query === '' ? '' : `${count(view.matchedLines)} of ${plural(total, 'line')}`);
    empty.hidden = view.rowCount > 0;
    if (view.rowCount > 0) return;
    if (loading) empty.textContent = 'Loading log events…';
    else if (total > 0) empty.textContent = `No loaded line contains “${view.query}”.`;
    else if (failed) empty.textContent = 'No log events loaded: see the error above.';
    else empty.textContent = emptyText();
  }

  function emptyText(): string {
    const { start, end } = resolveRange(ctx.range(), loadedAt);
    const what = grouped ? 'Invoke the function' : "Check that the service's tasks are running and log to CloudWatch";
    const pattern = toolbar.filterPattern();
    return pattern
      ? `No log events match “${pattern}” between ${shortDateTime(start)} and ${shortDateTime(end)}. ${what}, widen the range, or clear the filter pattern.`
      : `No log events between ${shortDateTime(start)} and ${shortDateTime(end)}. ${what} or widen the range.`;
  }

  function toggleRow(index: number): void {
    const kind = view.kinds[index];
    const ref = view.refs[index];
    if (kind === ROW_ACTIONS) {
      list.element.querySelector<HTMLElement>(`.vrow[data-index="${index}"] .event-action`)?.focus();
      return;
    }
    if (kind === ROW_INVOCATION) {
      const entry = store.entries[ref];
      if (entry.kind === 'invocation') view.toggleInvocation(entry.invocation);
    } else if (kind !== ROW_DETAIL && kind !== ROW_ACTIONS && isExpandableLine(store.lines[ref])) view.toggleLine(store.lines[ref]);
    else return;
    list.setCount(view.rowCount);
  }

  function copyInvocation(index: number): void {
    const entry = store.entries[view.refs[index]];
    if (entry?.kind === 'invocation') hand('copy', entry.invocation.lines as ViewLine[], 'log');
  }

  /** Hands the invocation's logged event to the host, which runs, invokes or saves it. */
  function replay(index: number, action: ReplayAction): void {
    const entry = store.entries[view.refs[index]];
    if (view.kinds[index] !== ROW_ACTIONS || entry?.kind !== 'invocation') return;
    const invocation = entry.invocation;
    const logged = view.loggedEvents.of(invocation);
    if (!logged?.found) return;
    const event = JSON.stringify(logged.event, null, 2);
    if (event.length > MAX_EVENT_TEXT) return status.flash('This event is larger than Lambda accepts (6 MB).');
    const version = invocation.start?.version;
    ctx.post({ type: 'replayEvent', action, requestId: invocation.requestId, timestamp: invocation.firstTimestamp, ...(version && { version }), source: logged.source, event });
    status.flash(`${REPLAY_WORDS[action]}…`);
  }

  function invocationOf(requestId: string): LambdaInvocation | undefined {
    for (const entry of store.entries) if (entry.kind === 'invocation' && entry.invocation.requestId === requestId) return entry.invocation;
    return undefined;
  }

  function reveal(requestId: string): void {
    const invocation = invocationOf(requestId);
    if (invocation) {
      pendingReveal = undefined;
      const row = view.reveal(invocation);
      list.setCount(view.rowCount);
      if (row >= 0) list.setActive(row);
      else status.flash(`The invocation ${requestId} is hidden by the find text.`);
      return;
    }
    if (loading) {
      pendingReveal = { requestId, filtered: pendingReveal?.requestId === requestId && pendingReveal.filtered };
      return;
    }
    if (pendingReveal?.requestId === requestId && pendingReveal.filtered) {
      pendingReveal = undefined;
      status.flash(`No log events of ${requestId} in this time range.`);
      return;
    }
    // Not loaded (an older part of the range, or beyond the loaded maximum): load that invocation's lines alone.
    pendingReveal = { requestId, filtered: true };
    toolbar.setFilterPattern(`"${requestId}"`);
    ctx.saveState({ filterPattern: toolbar.filterPattern() });
    load();
  }

  function hand(what: 'copy' | 'export', lines: readonly ViewLine[], format: LinesFormat): void {
    if (lines.length === 0) return status.flash(`Nothing to ${what}: no line is shown.`);
    const text = what === 'copy' ? linesAsText(lines) : formatLines(lines, format);
    if (text.length > MAX_PAGE_TEXT) return status.flash(`Too much to ${what} at once: find fewer lines first.`);
    if (what === 'copy') ctx.post({ type: 'copy', text });
    else ctx.post({ type: 'export', suggestedName: exportFileName(ctx.init.title, `.${format}`), content: text });
    status.flash(`${what === 'copy' ? 'Copied' : 'Exporting'} ${plural(lines.length, 'line')}`);
  }

  function addTailEvents(events: readonly LogEvent[]): void {
    if (store.add(events) === 0) return;
    if (loading) scheduleCommit();
    else commit();
  }

  return {
    element,
    modeSlot: toolbar.modeSlot,
    activate() {
      if (stale) load();
    },
    rangeChanged(visible) {
      stale = true;
      if (visible) load();
    },
    reveal(requestId) {
      if (stale) {
        pendingReveal = { requestId, filtered: false };
        load();
      } else reveal(requestId);
    },
    handle(message) {
      switch (message.type) {
        case 'logSource':
          status.setSource(message.source, message.error);
          break;
        case 'logs':
          if (message.requestId !== requestId) return;
          store.add(message.events);
          if (message.done) {
            loading = false;
            commit();
            status.setTruncated(message.truncated ? store.lines.length : undefined);
            showRows();
            if (pendingReveal) reveal(pendingReveal.requestId);
          } else {
            status.setLoading(store.size);
            if (performance.now() - lastCommit >= COMMIT_INTERVAL_MS) commit();
            else scheduleCommit();
          }
          break;
        case 'logsError':
          if (message.requestId !== requestId) return;
          loading = false;
          failed = true;
          status.setLoadError(message.error);
          commit();
          showRows();
          pendingReveal = undefined;
          break;
        case 'tailEvents':
          addTailEvents(message.events);
          break;
        case 'tailState':
          setTail(message.running ? 'on' : 'off');
          status.setTailError(message.error);
          status.setTail(message.running ? (message.mode === 'liveTail' ? 'Live Tail' : 'Live tail (polling every 2 s)') : undefined);
          break;
      }
    },
  };
}
