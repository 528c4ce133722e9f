import type { ExportedFunction } from '../localRuntime';
import { blankPython, lineAt, lineStarts, matching, topLevelCommas } from '../sourceText';

/**
 * The public top-level functions of a Python module. A handler is a `def` with exactly two positional parameters
 * (event, context), or `handler = Wrapper(app)` by its conventional name.
 */
export function pythonFunctions(text: string): ExportedFunction[] {
  const code = blankPython(text);
  const lines = lineStarts(code);
  const found: ExportedFunction[] = [];
  for (const m of code.matchAll(/^def[ \t]+([A-Za-z_]\w*)[ \t]*\(/gm)) {
    const name = m[1]!;
    if (name.startsWith('_') || name.startsWith('test_')) continue;
    const open = m.index + m[0].length - 1;
    const close = matching(code, open);
    if (close === undefined) continue;
    const params: string[] = [];
    let start = open + 1;
    for (const end of [...topLevelCommas(code, open + 1, close), close]) {
      const param = code.slice(start, end).trim();
      if (param) params.push(param);
      start = end + 1;
    }
    const positional = params.length === 2 && params.every((p) => !p.startsWith('*') && p !== '/' && !/^(self|cls)\b/.test(p));
    found.push({ name, line: lineAt(lines, m.index), handlerLike: positional });
  }
  // handler = Mangum(app): a wrapped handler, by its conventional name, at the top level.
  for (const m of code.matchAll(/^([A-Za-z]\w*)[ \t]*=[ \t]*[A-Za-z_][\w.]*[ \t]*\(/gm)) {
    found.push({ name: m[1]!, line: lineAt(lines, m.index), handlerLike: m[1] === 'handler' });
  }
  return found;
}
