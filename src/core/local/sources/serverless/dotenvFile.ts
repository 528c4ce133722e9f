import * as fs from 'node:fs';

/**
 * The variables of a .env file as dotenv reads them: `NAME=value` lines, `export ` allowed, values unquoted from
 * '…', "…" (with \n) or `…`, `#` comments outside quotes; `$NAME` / `${NAME}` expanded from earlier lines and the
 * environment, as dotenv-expand does for the Serverless Framework. Absent file: no variables.
 */
export function readDotenvFile(file: string, environment: Readonly<Record<string, string | undefined>>): Record<string, string> | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const values: Record<string, string> = {};
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const match = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, name, rest] = match;
    const quoted = /^(['"`])([\s\S]*?)\1/.exec(rest);
    if (quoted) {
      const inner = quoted[1] === '"' ? quoted[2].replace(/\\n/g, '\n') : quoted[2];
      values[name] = quoted[1] === "'" ? inner : expand(inner, values, environment);
    } else {
      values[name] = expand(rest.replace(/\s+#.*$/, '').trim(), values, environment);
    }
  }
  return values;
}

function expand(value: string, values: Record<string, string>, environment: Readonly<Record<string, string | undefined>>): string {
  return value.replace(/\\?\$\{?(\w+)\}?/g, (whole, name: string) => (whole.startsWith('\\') ? whole.slice(1) : (environment[name] ?? values[name] ?? '')));
}
