// The Serverless Framework's variables as parsed text: `${source:address, fallback, …}`, nested in each other
// (`${file(./${self:custom.name}.yml):key}`) and inside other text ("arn:${aws:region}:…").

/** A piece of a value's text: plain text, or a variable to look up. */
export type Part = string | Variable;

export interface Variable {
  /** As written, `${…}` included: for messages and placeholders. */
  readonly raw: string;
  /** The address, then each fallback, each still text with variables in it. */
  readonly alternatives: readonly (readonly Part[])[];
}

/** `source:`, `source(param)` or `source(param):` but not CloudFormation's `AWS::Region` (a `${…}` of Fn::Sub, left as it is). */
const ADDRESS = /^\s*[A-Za-z]\w*(\([^)]*\)|:(?!:))/;

/** Where the `}` closing a `${` at `start` is, past nested variables and quoted text; -1 when it is never closed. */
function closing(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (char === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if ((char === "'" || char === '"') && depth > 0) {
      const end = text.indexOf(char, i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (char === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** A variable's content split at its top-level commas: the address and its fallbacks. */
function alternatives(content: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let from = 0;
  for (let i = 0; i < content.length; i++) {
    const char = content[i];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '{' || char === '(') depth++;
    else if (char === '}' || char === ')') depth--;
    else if (char === ',' && depth === 0) {
      out.push(content.slice(from, i));
      from = i + 1;
    }
  }
  out.push(content.slice(from));
  return out.map((a) => a.trim()).filter((a) => a !== '');
}

/** The parts of a text; a single plain string when it has no variables. */
export function parseParts(text: string): Part[] {
  const parts: Part[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('${', i);
    const end = start < 0 ? -1 : closing(text, start);
    if (start < 0 || end < 0) {
      plain += text.slice(i);
      break;
    }
    const raw = text.slice(start, end + 1);
    const content = raw.slice(2, -1);
    plain += text.slice(i, start);
    i = end + 1;
    const alts = alternatives(content);
    if (alts.length === 0 || !(ADDRESS.test(alts[0]) || alts[0].startsWith('${'))) {
      plain += raw;
      continue;
    }
    if (plain) parts.push(plain);
    plain = '';
    parts.push({ raw, alternatives: alts.map(parseParts) });
  }
  if (plain || parts.length === 0) parts.push(plain);
  return parts;
}

export function hasVariables(parts: readonly Part[]): boolean {
  return parts.some((part) => typeof part !== 'string');
}
