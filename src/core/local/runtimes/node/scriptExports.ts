import type { ExportedFunction } from '../localRuntime';
import { blankScript, braceDepths, lineAt, lineStarts, matching, skipSpace, topLevelCommas } from '../sourceText';

// The exports of JavaScript and TypeScript files, found in the source text without a compiler: what looks like a
// handler is a function taking 1–3 parameters or async, a value typed as a `…Handler`, or a wrapped `handler = wrap(fn)`.

const IDENT = '[A-Za-z_$][\\w$]*';

/** What the right-hand side of an export is. */
type Value =
  | { readonly kind: 'function'; readonly params: number; readonly async: boolean }
  | { readonly kind: 'call' }
  /** An object literal: handlers nested in it (`handlers.api.get` points into `exports.api = { get … }`). */
  | { readonly kind: 'object' }
  | { readonly kind: 'ref'; readonly name: string };

interface Local {
  readonly offset: number;
  readonly value: Value;
  readonly typed: boolean;
}

/** Every top-level export of a JavaScript or TypeScript file that is or may hold a function. */
export function scriptExports(text: string): ExportedFunction[] {
  const code = blankScript(text);
  const depth = braceDepths(code);
  const lines = lineStarts(code);
  const lineOf = (offset: number) => lineAt(lines, offset);
  const topLevel = (offset: number) => depth[offset] === 0;

  const locals = new Map<string, Local>();
  for (const m of code.matchAll(new RegExp(`(?<![\\w$.])(async\\s+)?function\\b\\s*\\*?\\s*(${IDENT})\\s*(?=[(<])`, 'g'))) {
    if (!topLevel(m.index) || locals.has(m[2]!)) continue;
    const params = paramCount(code, m.index + m[0].length);
    if (params !== undefined) locals.set(m[2]!, { offset: m.index, value: { kind: 'function', params, async: Boolean(m[1]) }, typed: false });
  }
  for (const m of code.matchAll(new RegExp(`(?<![\\w$.])(?:const|let|var)\\s+(${IDENT})\\s*(:)?`, 'g'))) {
    if (!topLevel(m.index) || locals.has(m[1]!)) continue;
    const declared = declaration(code, m.index + m[0].length, Boolean(m[2]));
    if (declared) locals.set(m[1]!, { offset: m.index, ...declared });
  }

  const found: ExportedFunction[] = [];
  const add = (name: string, offset: number, value: Value | undefined, typed = false) => {
    // A reference to a local function: the lens goes on the function itself.
    const local = value?.kind === 'ref' ? locals.get(value.name) : undefined;
    const resolved = local ? local.value : value;
    if (!resolved || resolved.kind === 'ref') return;
    found.push({ name, line: lineOf(local ? local.offset : offset), handlerLike: looksLikeHandler(name, resolved, typed || Boolean(local?.typed)) });
  };

  // export [async] function name(…)
  for (const m of code.matchAll(new RegExp(`(?<![\\w$.])export\\s+(async\\s+)?function\\b\\s*\\*?\\s*(${IDENT})\\s*(?=[(<])`, 'g'))) {
    if (!topLevel(m.index)) continue;
    const params = paramCount(code, m.index + m[0].length);
    if (params !== undefined) add(m[2]!, m.index, { kind: 'function', params, async: Boolean(m[1]) });
  }
  // export const name[: Type] = …
  for (const m of code.matchAll(new RegExp(`(?<![\\w$.])export\\s+(?:const|let|var)\\s+(${IDENT})\\s*(:)?`, 'g'))) {
    if (!topLevel(m.index)) continue;
    const declared = declaration(code, m.index + m[0].length, Boolean(m[2]));
    if (declared) add(m[1]!, m.index, declared.value, declared.typed);
  }
  // exports.name = …, module.exports.name = …
  for (const m of code.matchAll(new RegExp(`(?<![\\w$.])(?:module\\s*\\.\\s*)?exports\\s*\\.\\s*(${IDENT})\\s*=(?![=>])`, 'g'))) {
    add(m[1]!, m.index, valueAt(code, m.index + m[0].length));
  }
  // module.exports = { handler, other: fn, inline: async (e) => … }
  for (const m of code.matchAll(/(?<![\w$.])module\s*\.\s*exports\s*=\s*\{/g)) {
    const open = m.index + m[0].length - 1;
    for (const entry of objectEntries(code, open)) add(entry.name, entry.offset, entry.value);
  }
  // export { handler, impl as other } (not re-exports: `… from '…'`)
  for (const m of code.matchAll(/(?<![\w$.])export\s*(type\s*)?\{([^}]*)\}(\s*from\b)?/g)) {
    if (m[1] || m[3] || !topLevel(m.index)) continue;
    for (const part of m[2]!.split(',')) {
      const spec = new RegExp(`^\\s*(${IDENT})(?:\\s+as\\s+(${IDENT}))?\\s*$`).exec(part);
      if (spec) add(spec[2] ?? spec[1]!, m.index, { kind: 'ref', name: spec[1]! });
    }
  }
  return found;
}

function looksLikeHandler(name: string, value: Value, typedAsHandler: boolean): boolean {
  if (typedAsHandler) return true;
  if (value.kind === 'function') return value.async || (value.params >= 1 && value.params <= 3);
  // `export const handler = middy(impl)`, `Sentry.wrapHandler(fn)`: a wrapped handler, by its conventional name.
  return value.kind === 'call' && name === 'handler';
}

/** After `const name` (and `:` when typed): the value after `=`, and whether the type names a `…Handler`. */
function declaration(code: string, from: number, hasType: boolean): { value: Value; typed: boolean } | undefined {
  let at = from;
  let typed = false;
  if (hasType) {
    const equals = typeEnd(code, at);
    if (equals === undefined) return undefined;
    typed = /Handler\b/.test(code.slice(at, equals));
    at = equals;
  }
  if (code[at] !== '=' || code[at + 1] === '=') return undefined;
  const value = valueAt(code, at + 1);
  return value ? { value, typed } : undefined;
}

/** The offset of the `=` that ends a type annotation starting at `from` (skipping `=>` and nested brackets). */
function typeEnd(code: string, from: number): number | undefined {
  let nesting = 0;
  for (let i = from; i < code.length; i++) {
    const c = code[i]!;
    if (c === '(' || c === '[' || c === '{' || c === '<') nesting++;
    else if (c === ')' || c === ']' || c === '}' || (c === '>' && code[i - 1] !== '=')) nesting--;
    else if (c === '=' && code[i + 1] === '>') i++;
    else if (c === '=' && nesting === 0) return i;
    else if (c === ';' && nesting === 0) return undefined;
    if (nesting < 0) return undefined;
  }
  return undefined;
}

/** The kind of value an expression starting at `from` is. */
function valueAt(code: string, from: number): Value | undefined {
  const rest = code.slice(from, from + 400);
  const lead = /^\s*(async\b\s*)?/.exec(rest)!;
  const isAsync = Boolean(lead[1]);
  const at = from + lead[0].length;
  const next = code.slice(at, at + 400);
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^function\\b\\s*\\*?\\s*(?:${IDENT})?\\s*`).exec(next))) {
    const params = paramCount(code, at + m[0].length);
    return params === undefined ? undefined : { kind: 'function', params, async: isAsync };
  }
  if (next.startsWith('(') || next.startsWith('<')) {
    const end = paramsEnd(code, at);
    if (end === undefined) return undefined;
    // An arrow function: `(…) =>`, or `(…): ReturnType =>` in TypeScript.
    if (!/^\s*(=>|:)/.test(code.slice(end, end + 40))) return undefined;
    return { kind: 'function', params: paramCount(code, at)!, async: isAsync };
  }
  if (new RegExp(`^${IDENT}\\s*=>`).test(next)) return { kind: 'function', params: 1, async: isAsync };
  if (isAsync) return undefined;
  if (next.startsWith('{')) return { kind: 'object' };
  if ((m = new RegExp(`^(${IDENT}(?:\\s*\\.\\s*${IDENT})*)\\s*(\\(|<)?`).exec(next))) {
    if (['new', 'class', 'await', 'typeof', 'void', 'this', 'null', 'undefined', 'true', 'false'].includes(m[1]!)) return undefined;
    if (m[2]) return { kind: 'call' };
    return m[1]!.includes('.') ? undefined : { kind: 'ref', name: m[1]! };
  }
  return undefined;
}

/** The entries of an object literal whose `{` is at `open`: `name`, `name: value`, `name(…) {…}`. */
function objectEntries(code: string, open: number): { name: string; offset: number; value: Value | undefined }[] {
  const entries: { name: string; offset: number; value: Value | undefined }[] = [];
  const close = matching(code, open);
  if (close === undefined) return entries;
  let start = open + 1;
  for (const end of [...topLevelCommas(code, open + 1, close), close]) {
    const part = code.slice(start, end);
    const offset = start + (part.length - part.trimStart().length);
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^\\s*(${IDENT})\\s*$`).exec(part))) entries.push({ name: m[1]!, offset, value: { kind: 'ref', name: m[1]! } });
    else if ((m = new RegExp(`^\\s*(${IDENT})\\s*:`).exec(part))) entries.push({ name: m[1]!, offset, value: valueAt(code, start + m[0].length) });
    else if ((m = new RegExp(`^\\s*(async\\s+)?(${IDENT})\\s*(?=\\()`).exec(part))) {
      const params = paramCount(code, start + m[0].length);
      if (params !== undefined) entries.push({ name: m[2]!, offset, value: { kind: 'function', params, async: Boolean(m[1]) } });
    }
    start = end + 1;
  }
  return entries;
}

/** The brackets of a parameter list at `from` (optionally preceded by TypeScript type parameters). */
function paramList(code: string, from: number): { open: number; close: number } | undefined {
  let open = skipSpace(code, from);
  if (code[open] === '<') {
    const close = matching(code, open);
    if (close === undefined) return undefined;
    open = skipSpace(code, close + 1);
  }
  if (code[open] !== '(') return undefined;
  const close = matching(code, open);
  return close === undefined ? undefined : { open, close };
}

/** The number of parameters of a parameter list at `from`. */
function paramCount(code: string, from: number): number | undefined {
  const list = paramList(code, from);
  if (!list) return undefined;
  let count = 0;
  let start = list.open + 1;
  for (const end of [...topLevelCommas(code, list.open + 1, list.close), list.close]) {
    if (code.slice(start, end).trim() !== '') count++;
    start = end + 1;
  }
  return count;
}

/** Just past the `)` of a parameter list at `from`. */
function paramsEnd(code: string, from: number): number | undefined {
  const list = paramList(code, from);
  return list && list.close + 1;
}

