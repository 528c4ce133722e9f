// Find over every loaded line within a keystroke's budget (100,000 lines, < 50 ms to the painted frame). The lines'
// lower-cased texts are joined once into one string (newline-separated: a query from a one-line input never holds a
// newline, so no match spans two lines), so a query is one native indexOf scan instead of 100,000 calls; a query that
// extends the previous one only re-tests the lines that matched, and a query seen before (backspace) is reused.
import type { ViewLine } from './logStore';

const REMEMBERED_QUERIES = 16;

export class SearchIndex {
  private text = '';
  /** offsets[i]: where line i starts in `text`; offsets[n] is past the end. */
  private offsets = new Int32Array(1);
  private lines: readonly ViewLine[] = [];
  private readonly remembered = new Map<string, { matches: Uint8Array; count: number }>();
  private lastQuery = '';
  private lastCount = 0;

  /** The lines changed (a commit): what was computed for the old ones is dropped. */
  reset(lines: readonly ViewLine[]): void {
    this.lines = lines;
    this.text = '';
    this.remembered.clear();
    this.lastQuery = '';
  }

  /** Sets matches[i] to 1 for every line containing `query` (lower-cased, not empty), 0 for the others; returns how many match. */
  match(query: string, matches: Uint8Array): number {
    const n = this.lines.length;
    const known = this.remembered.get(query);
    let count: number;
    if (known) {
      matches.set(known.matches);
      count = known.count;
    } else if (this.lastQuery !== '' && query.includes(this.lastQuery) && this.lastCount * 8 < n) {
      count = this.narrow(query, matches);
    } else {
      count = this.scan(query, matches);
    }
    if (!known) {
      if (this.remembered.size >= REMEMBERED_QUERIES) this.remembered.delete(this.remembered.keys().next().value as string);
      this.remembered.set(query, { matches: matches.slice(0, n), count });
    }
    this.lastQuery = query;
    this.lastCount = count;
    return count;
  }

  /** Only the lines that matched the previous (contained) query can match this one. */
  private narrow(query: string, matches: Uint8Array): number {
    const lines = this.lines;
    let count = 0;
    for (let i = 0; i < lines.length; i++) {
      if (matches[i] === 0) continue;
      if (lines[i].search.includes(query)) count++;
      else matches[i] = 0;
    }
    return count;
  }

  private scan(query: string, matches: Uint8Array): number {
    this.build();
    const { text, offsets } = this;
    const n = this.lines.length;
    matches.fill(0, 0, n);
    let count = 0;
    let line = 0;
    for (let at = text.indexOf(query); at >= 0; ) {
      while (offsets[line + 1] <= at) line++;
      matches[line] = 1;
      count++;
      at = text.indexOf(query, offsets[line + 1]);
    }
    return count;
  }

  /** Joins the texts now, ahead of the first query. */
  prepare(): void {
    this.build();
  }

  private build(): void {
    if (this.text !== '' || this.lines.length === 0) return;
    const lines = this.lines;
    const offsets = new Int32Array(lines.length + 1);
    const parts = new Array<string>(lines.length);
    let at = 0;
    for (let i = 0; i < lines.length; i++) {
      offsets[i] = at;
      parts[i] = lines[i].search;
      at += parts[i].length + 1;
    }
    offsets[lines.length] = at;
    this.text = parts.join('\n');
    this.offsets = offsets;
  }
}
