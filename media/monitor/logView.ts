// The flat row list the virtual list shows: entries filtered by find, invocations expanded or not, structured details
// of opened lines. Built into reused typed arrays, so a find keystroke over 100,000 lines allocates next to nothing.
import type { LambdaInvocation, ParsedLogLine } from '../../src/core/logs/lambdaLogs';
import { LoggedEvents } from './loggedEvents';
import { viewLines, type LogStore, type ViewLine } from './logStore';
import { SearchIndex } from './searchIndex';

export const ROW_INVOCATION = 0;
/** A line outside any invocation (or any Fargate line). */
export const ROW_LINE = 1;
/** A line inside an expanded invocation. */
export const ROW_NESTED_LINE = 2;
/** One row of an opened line's details (a JSON object pretty-printed, or a long message wrapped). */
export const ROW_DETAIL = 3;
/** Under an expanded invocation that logged its event: how it was found and what can be done with it. */
export const ROW_ACTIONS = 4;

const WRAP = 160;

/** The detail rows of a line: its JSON pretty-printed, or its text cut at newlines and every WRAP characters. */
function detailRows(line: ParsedLogLine): string[] {
  if (line.json !== undefined) return JSON.stringify(line.json, null, 2).split('\n');
  const rows: string[] = [];
  for (const part of line.text.split(/\r?\n/)) {
    for (let i = 0; i < part.length || i === 0; i += WRAP) rows.push(part.slice(i, i + WRAP));
  }
  return rows;
}

export const isExpandableLine = (line: ParsedLogLine): boolean => line.json !== undefined || line.text.length > WRAP || line.text.includes('\n');

export class LogView {
  /** The find text, lower-cased; '' shows everything. */
  query = '';
  /** Lines matching the query (every line when there is none). */
  matchedLines = 0;
  rowCount = 0;
  kinds = new Uint8Array(0);
  /** Per row: the entry index (ROW_INVOCATION, ROW_ACTIONS) or the line index (the other kinds). */
  refs = new Int32Array(0);
  /** Per ROW_DETAIL row: which detail row of its line. */
  subs = new Int32Array(0);

  /** Per line: 1 when it matches the query (the search index keeps it holding the last query's answer). */
  private matches = new Uint8Array(0);
  private readonly search = new SearchIndex();
  /** The store version the per-entry arrays and the search index were built for. */
  private builtVersion = -1;
  /** Entry e's lines are entryLines[entryStart[e] .. entryStart[e + 1]) (line indices): flat arrays, fast to scan. */
  private entryStart = new Int32Array(1);
  private entryLines = new Int32Array(0);
  /** Expanded invocations (by request id) when there is no query; with one, matching invocations open by default. */
  private readonly expanded = new Set<string>();
  private readonly collapsedInFind = new Set<string>();
  private readonly details = new Map<ParsedLogLine, string[]>();

  /** The event each invocation logged. */
  readonly loggedEvents = new LoggedEvents();

  constructor(private readonly store: LogStore) {}

  setQuery(text: string): void {
    this.query = text.toLowerCase();
    this.rebuild();
  }

  isMatch(line: ViewLine): boolean {
    return this.query === '' || this.matches[line.index] === 1;
  }

  isExpanded(invocation: LambdaInvocation): boolean {
    return this.query === '' ? this.expanded.has(invocation.requestId) : !this.collapsedInFind.has(invocation.requestId);
  }

  toggleInvocation(invocation: LambdaInvocation): void {
    const set = this.query === '' ? this.expanded : this.collapsedInFind;
    if (!set.delete(invocation.requestId)) set.add(invocation.requestId);
    this.buildRows();
  }

  /** Opens an invocation (without closing it when it is open) and returns its row, or -1 when find hides it. */
  reveal(invocation: LambdaInvocation): number {
    if (!this.isExpanded(invocation)) this.toggleInvocation(invocation);
    const entry = this.store.entries.findIndex((e) => e.kind === 'invocation' && e.invocation === invocation);
    for (let r = 0; r < this.rowCount; r++) if (this.kinds[r] === ROW_INVOCATION && this.refs[r] === entry) return r;
    return -1;
  }

  setAllExpanded(expand: boolean): void {
    this.expanded.clear();
    this.collapsedInFind.clear();
    if (expand === (this.query === '')) {
      const target = this.query === '' ? this.expanded : this.collapsedInFind;
      for (const entry of this.store.entries) if (entry.kind === 'invocation') target.add(entry.invocation.requestId);
    }
    this.buildRows();
  }

  isOpen(line: ParsedLogLine): boolean {
    return this.details.has(line);
  }

  toggleLine(line: ParsedLogLine): void {
    if (!this.details.delete(line)) this.details.set(line, detailRows(line));
    this.buildRows();
  }

  detail(line: ParsedLogLine, row: number): string {
    return this.details.get(line)?.[row] ?? '';
  }

  /** Recomputes matches (when the query or the lines changed) and the rows. */
  rebuild(): void {
    this.updateMatches();
    this.buildRows();
  }

  /** Builds the search index now (when idle after a load) rather than on the first find keystroke. */
  prepareFind(): void {
    if (this.builtVersion !== this.store.version) this.updateMatches();
    this.search.prepare();
  }

  /** The lines find keeps, in the order the list shows them (for copy and export). */
  visibleLines(): ViewLine[] {
    const out: ViewLine[] = [];
    for (const entry of this.store.entries) {
      const lines = entry.kind === 'invocation' ? viewLines(entry.invocation.lines) : [entry.line as ViewLine];
      for (const line of lines) if (this.isMatch(line)) out.push(line);
    }
    return out;
  }

  private updateMatches(): void {
    const store = this.store;
    if (this.builtVersion !== store.version) this.index();
    this.matchedLines = this.query === '' ? store.lines.length : this.search.match(this.query, this.matches);
  }

  /** After a commit: per-entry line lists, the match buffer, the search index. */
  private index(): void {
    const { entries, lines } = this.store;
    this.builtVersion = this.store.version;
    this.search.reset(lines);
    // Opened lines that a reload dropped.
    for (const line of this.details.keys()) if (lines[(line as ViewLine).index] !== line) this.details.delete(line);
    if (this.matches.length < lines.length) this.matches = new Uint8Array(Math.max(lines.length, this.matches.length * 2));
    const start = new Int32Array(entries.length + 1);
    const flat = new Int32Array(lines.length);
    let k = 0;
    for (let e = 0; e < entries.length; e++) {
      start[e] = k;
      const entry = entries[e];
      if (entry.kind === 'line') flat[k++] = (entry.line as ViewLine).index;
      else for (const line of viewLines(entry.invocation.lines)) flat[k++] = line.index;
    }
    start[entries.length] = k;
    this.entryStart = start;
    this.entryLines = flat;
  }

  private buildRows(): void {
    const store = this.store;
    if (this.builtVersion !== store.version) this.updateMatches();
    let detailCount = 0;
    for (const rows of this.details.values()) detailCount += rows.length;
    // An actions row at most per entry, hence entries twice.
    const capacity = store.lines.length + 2 * store.entries.length + detailCount;
    if (this.kinds.length < capacity) {
      const size = Math.max(capacity, this.kinds.length * 2, 1024);
      this.kinds = new Uint8Array(size);
      this.refs = new Int32Array(size);
      this.subs = new Int32Array(size);
    }
    const { kinds, refs, subs, matches, entryStart, entryLines, details } = this;
    const lines = store.lines;
    const filtering = this.query !== '';
    let r = 0;
    const pushDetails = (ref: number) => {
      const rows = details.get(lines[ref]);
      if (rows === undefined) return;
      for (let i = 0; i < rows.length; i++, r++) {
        kinds[r] = ROW_DETAIL;
        refs[r] = ref;
        subs[r] = i;
      }
    };
    const withDetails = details.size > 0;
    const entries = store.entries;
    for (let e = 0; e < entries.length; e++) {
      const from = entryStart[e];
      const to = entryStart[e + 1];
      const entry = entries[e];
      if (entry.kind === 'line') {
        const ref = entryLines[from];
        if (filtering && matches[ref] === 0) continue;
        kinds[r] = ROW_LINE;
        refs[r++] = ref;
        if (withDetails) pushDetails(ref);
        continue;
      }
      if (filtering) {
        let any = false;
        for (let k = from; k < to && !any; k++) any = matches[entryLines[k]] === 1;
        if (!any) continue;
      }
      kinds[r] = ROW_INVOCATION;
      refs[r++] = e;
      if (!this.isExpanded(entry.invocation)) continue;
      if (this.loggedEvents.of(entry.invocation) !== undefined) {
        kinds[r] = ROW_ACTIONS;
        refs[r++] = e;
      }
      for (let k = from; k < to; k++) {
        const ref = entryLines[k];
        if (filtering && matches[ref] === 0) continue;
        kinds[r] = ROW_NESTED_LINE;
        refs[r++] = ref;
        if (withDetails) pushDetails(ref);
      }
    }
    this.rowCount = r;
  }
}
