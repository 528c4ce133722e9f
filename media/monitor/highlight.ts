// Find highlighting: the text goes in as text nodes, each match in a <mark> holding a text node. Never HTML.
import { el } from './dom';

/** The most characters one row shows (its details show all of a long line). */
const MAX_SHOWN = 2000;

/** Appends `text` to `parent`, with every case-insensitive occurrence of `query` (lower-cased) in a <mark>. */
export function appendHighlighted(parent: HTMLElement, fullText: string, query: string): void {
  const text = fullText.length > MAX_SHOWN ? `${fullText.slice(0, MAX_SHOWN)}…` : fullText;
  const lower = query === '' ? '' : text.toLowerCase();
  // Some characters change length when lower-cased (e.g. "İ"): then offsets would not line up, so no marks.
  let at = query === '' || lower.length !== text.length ? -1 : lower.indexOf(query);
  if (at < 0) {
    parent.append(text);
    return;
  }
  let from = 0;
  while (at >= 0) {
    if (at > from) parent.append(text.slice(from, at));
    parent.append(el('mark', undefined, text.slice(at, at + query.length)));
    from = at + query.length;
    at = lower.indexOf(query, from);
  }
  if (from < text.length) parent.append(text.slice(from));
}
