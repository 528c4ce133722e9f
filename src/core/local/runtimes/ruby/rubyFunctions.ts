import type { ExportedFunction } from '../localRuntime';
import { lineAt, lineStarts, matching } from '../sourceText';

/**
 * The methods of a Ruby file a Handler can name: top-level `def`s ("lambda_handler" in `app.lambda_handler`) and
 * class methods of classes and modules (`def self.process` in `module Hello; class Handler` is
 * "Hello::Handler.process" in `app.Hello::Handler.process`). A handler takes the keywords `event:` and `context:`.
 * Nesting is read from indentation (an `end` closes the `class`/`module` it lines up with), as Ruby code is written.
 */
export function rubyFunctions(text: string): ExportedFunction[] {
  const code = blankRuby(text);
  const starts = lineStarts(code);
  const found: ExportedFunction[] = [];
  /** The open classes and modules: indentation, name ("A::B"), and whether it is `class << self`. */
  const open: { indent: number; name: string; singleton: boolean }[] = [];
  for (const [index, start] of starts.entries()) {
    const line = code.slice(start, starts[index + 1] ?? code.length).replace(/\n$/, '');
    const indent = line.length - line.trimStart().length;
    const statement = line.trim();
    if (!statement) continue;
    while (open.length && open.at(-1)!.indent > indent) open.pop();
    if (/^end\b/.test(statement) && open.at(-1)?.indent === indent) {
      open.pop();
      continue;
    }
    const namespace = /^(class|module)\s+(<<\s*self\b|[A-Z][\w:]*)/.exec(statement);
    if (namespace) {
      // `class Empty < StandardError; end` opens nothing.
      if (!/;\s*end\s*$/.test(statement)) open.push({ indent, name: namespace[2]!.startsWith('<<') ? '' : namespace[2]!, singleton: namespace[2]!.startsWith('<<') });
      continue;
    }
    const def = /^def\s+(self\.)?([A-Za-z_]\w*[?!]?)/.exec(statement);
    if (!def) continue;
    const names = open.filter((o) => !o.singleton).map((o) => o.name);
    const inSingleton = open.some((o) => o.singleton);
    const classMethod = Boolean(def[1]) || inSingleton;
    if (names.length === 0 ? classMethod || indent > 0 : !classMethod) continue;
    const name = names.length ? `${names.join('::')}.${def[2]}` : def[2]!;
    const at = start + indent + def[0].length;
    found.push({ name, line: lineAt(starts, start), handlerLike: takesEventAndContext(code, at) });
  }
  return found;
}

/** Whether the parameters after a method name include the keywords event: and context:. */
function takesEventAndContext(code: string, at: number): boolean {
  let params: string;
  if (code[at] === '(') {
    const close = matching(code, at);
    if (close === undefined) return false;
    params = code.slice(at + 1, close);
  } else {
    const end = code.indexOf('\n', at);
    params = code.slice(at, end < 0 ? code.length : end);
  }
  return /(^|[\s,(])event:/.test(params) && /(^|[\s,(])context:/.test(params);
}

const HEREDOC = /^[~-]?(['"`]?)([A-Za-z_]\w*)\1/;

/**
 * Whether the `<<` at `at` opens a heredoc: `<<~ID` and `<<-ID` always; a bare `<<ID` or `<<"id"` only where an
 * operand is expected (not `list << ITEM`).
 */
function heredocStart(text: string, at: number): boolean {
  const m = HEREDOC.exec(text.slice(at + 2, at + 80));
  if (!m) return false;
  if (/[~-]/.test(text[at + 2]!)) return true;
  if (!m[1] && !/^[A-Z_]+$/.test(m[2]!)) return false;
  const before = text.slice(Math.max(0, at - 40), at).trimEnd();
  return before === '' || /[=(,{[]$|\b(return|puts|print|raise)$/.test(before);
}

/** Ruby source with comments, `=begin`/`=end` blocks, heredocs and the insides of strings blanked, line breaks kept. */
export function blankRuby(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  const heredocs: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const lineStart = i === 0 || text[i - 1] === '\n';
    if (lineStart && heredocs.length) {
      // The bodies of the heredocs opened on the previous line, up to each terminator.
      while (heredocs.length) {
        const terminator = heredocs.shift()!;
        const pattern = new RegExp(`^[ \\t]*${terminator.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*$`, 'm');
        const match = pattern.exec(text.slice(i));
        const stop = match ? i + match.index + match[0].length : text.length;
        blank(i, match ? i + match.index : stop);
        i = stop;
      }
      continue;
    }
    if (lineStart && text.startsWith('=begin', i)) {
      const end = text.indexOf('\n=end', i);
      const stop = end < 0 ? text.length : end + 5;
      blank(i, stop);
      i = stop;
    } else if (c === '#') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '<' && text[i + 1] === '<' && heredocStart(text, i)) {
      const m = HEREDOC.exec(text.slice(i + 2))!;
      heredocs.push(m[2]!);
      i += 2 + m[0].length;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      blank(i + 1, Math.min(j, text.length));
      i = j + 1;
    } else if (c === '%' && /[qQwWiI]?[({[<|!/]/y.test(text.slice(i + 1, i + 3)) && !/[\w)\]]\s*$/.test(text.slice(Math.max(0, i - 20), i))) {
      const kind = /[qQwWiI]/.test(text[i + 1]!) ? 2 : 1;
      const opener = text[i + kind]!;
      const closer = ({ '(': ')', '{': '}', '[': ']', '<': '>' } as Record<string, string>)[opener] ?? opener;
      let depth = 1;
      let j = i + kind + 1;
      while (j < text.length && depth > 0) {
        if (text[j] === '\\') j++;
        else if (text[j] === closer) depth--;
        else if (text[j] === opener && closer !== opener) depth++;
        j++;
      }
      blank(i + kind + 1, Math.max(i + kind + 1, j - 1));
      i = j;
    } else i++;
  }
  return out.join('');
}
