/**
 * A command override from one line of text, as a shell would split it without expanding anything: words separated by
 * whitespace, 'single' and "double" quotes group (a backslash escapes the next character outside single quotes), or a
 * JSON array of strings as in a task definition (["node","job.js"]). Throws on an unclosed quote or an invalid array.
 */
export function parseCommandLine(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) return parseJsonCommand(trimmed);
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (c === '\\' && i + 1 < trimmed.length) {
      word = (word ?? '') + trimmed[++i];
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (quote) throw new Error(`The command has an unclosed ${quote} quote.`);
  if (word !== undefined) words.push(word);
  return words;
}

function parseJsonCommand(text: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`The command looks like a JSON array but is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!Array.isArray(parsed) || !parsed.every((w) => typeof w === 'string')) throw new Error('A command given as JSON must be an array of strings, such as ["node","job.js"].');
  return parsed;
}
