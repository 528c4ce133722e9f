// Reading source text without a parser: blanking what is not code, matching brackets, counting lines. Enough
// to find handler functions (each runtime family's exportedFunctions) in JavaScript, TypeScript and Python without loading a compiler.

const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '<': '>' };

/** The offset of the bracket that closes the one at `open`; `<…>` count only from a `<` (type parameters), never `=>`. */
export function matching(code: string, open: number): number | undefined {
  const angles = code[open] === '<';
  const stack: string[] = [];
  for (let i = open; i < code.length; i++) {
    const c = code[i]!;
    if (c === '(' || c === '[' || c === '{' || (angles && c === '<')) stack.push(CLOSERS[c]!);
    else if (c === ')' || c === ']' || c === '}' || (angles && c === '>' && code[i - 1] !== '=')) {
      if (stack.pop() !== c) return undefined;
      if (stack.length === 0) return i;
    }
  }
  return undefined;
}

/** Whether a `<` looks like the start of type arguments (`Array<`, `Handler<`) rather than a comparison. */
function isTypePosition(code: string, at: number): boolean {
  return /[\w$]/.test(code[at - 1] ?? ' ') && !/\s/.test(code[at + 1] ?? ' ');
}

/** Offsets of the commas directly inside [from, to), not nested in brackets. */
export function topLevelCommas(code: string, from: number, to: number): number[] {
  const commas: number[] = [];
  for (let i = from; i < to; i++) {
    const c = code[i]!;
    if (c === ',') commas.push(i);
    else if (c === '(' || c === '[' || c === '{' || (c === '<' && isTypePosition(code, i))) {
      const close = matching(code, i);
      // An unclosed `<` was a comparison after all.
      if (close !== undefined && close < to) i = close;
    }
  }
  return commas;
}

/** The first offset at or after `from` that is not white space. */
export function skipSpace(code: string, from: number): number {
  let i = from;
  while (i < code.length && /\s/.test(code[i]!)) i++;
  return i;
}

/** The `{}` nesting depth at each offset. */
export function braceDepths(code: string): Int32Array {
  const depth = new Int32Array(code.length + 1);
  let d = 0;
  for (let i = 0; i < code.length; i++) {
    if (code[i] === '}') d = Math.max(0, d - 1);
    depth[i] = d;
    if (code[i] === '{') d++;
  }
  depth[code.length] = d;
  return depth;
}

/**
 * The source with the insides of comments, strings, template literals and regular expressions replaced by
 * spaces (line breaks kept), so that what looks like code in them is not taken for code and offsets still match.
 */
export function blankScript(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  let previous = ''; // the last significant character, to tell a regular expression from a division
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c && (c === '`' || text[j] !== '\n')) j += text[j] === '\\' ? 2 : 1;
      blank(i + 1, Math.min(j, text.length));
      i = j + 1;
      previous = c;
    } else if (c === '/' && (previous === '' || '(,=:[!&|?{};+-*%<>~^'.includes(previous) || /\b(return|typeof|case|do|else|in|of)$/.test(text.slice(Math.max(0, i - 10), i).trimEnd()))) {
      let j = i + 1;
      let inClass = false;
      while (j < text.length && text[j] !== '\n' && (inClass || text[j] !== '/')) {
        if (text[j] === '[') inClass = true;
        else if (text[j] === ']') inClass = false;
        j += text[j] === '\\' ? 2 : 1;
      }
      blank(i + 1, Math.min(j, text.length));
      i = j + 1;
      previous = '/';
    } else {
      if (!/\s/.test(c)) previous = c;
      i++;
    }
  }
  return out.join('');
}

/** Python source with comments and the insides of strings (triple-quoted too) blanked, line breaks kept. */
export function blankPython(text: string): string {
  const out = text.split('');
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') out[i++] = ' ';
    } else if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      let j = i + quote.length;
      while (j < text.length && !text.startsWith(quote, j) && (triple || text[j] !== '\n')) j += text[j] === '\\' ? 2 : 1;
      for (let k = i + quote.length; k < Math.min(j, text.length); k++) if (out[k] !== '\n') out[k] = ' ';
      i = j + quote.length;
    } else i++;
  }
  return out.join('');
}

/** The offset where each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line of an offset. */
export function lineAt(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}
