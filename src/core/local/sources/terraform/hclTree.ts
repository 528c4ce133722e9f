import type { Node } from 'web-tree-sitter';

/**
 * A parsed .tf file in the JSON shape of HashiCorp's hcl2json: blocks by type then labels, each an array of bodies
 * (`resource.aws_lambda_function.orders[0]`); attributes whose value is a literal (or a tuple/object of them) as that
 * value; templates as their text with each interpolation written `${…}`; any other expression as `${its source}`.
 * tfExpressions.ts evaluates those strings.
 */
export type HclBody = Record<string, unknown>;

const named = (node: Node): Node[] => node.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');

/** The body of a config_file (or of a block's body node). */
export function hclBodyOf(node: Node): HclBody {
  const body: HclBody = {};
  const inner = node.type === 'config_file' ? named(node).find((child) => child.type === 'body') : node;
  if (!inner) return body;
  for (const item of named(inner)) {
    if (item.type === 'attribute') {
      const [name, value] = named(item);
      if (name && value) body[name.text] = expressionValue(value);
    } else if (item.type === 'block') addBlock(body, item);
  }
  return body;
}

function addBlock(body: HclBody, block: Node): void {
  const parts = named(block);
  const [type, ...rest] = parts;
  const labels = rest.filter((part) => part.type === 'string_lit' || part.type === 'identifier').map((label) => (label.type === 'string_lit' ? stringValue(label) : label.text));
  const inner = rest.find((part) => part.type === 'body');
  let level = body;
  const keys = [type.text, ...labels];
  for (const key of keys.slice(0, -1)) {
    const next = level[key];
    level = (level[key] = typeof next === 'object' && next !== null && !Array.isArray(next) ? next : {}) as HclBody;
  }
  const last = keys[keys.length - 1];
  const bodies = Array.isArray(level[last]) ? (level[last] as unknown[]) : (level[last] = []);
  (bodies as unknown[]).push(inner ? hclBodyOf(inner) : {});
}

function expressionValue(expression: Node): unknown {
  const parts = named(expression);
  const only = parts.length === 1 ? parts[0] : undefined;
  switch (only?.type) {
    case 'literal_value':
      return literalValue(named(only)[0]);
    case 'template_expr':
      return templateText(named(only)[0]) ?? `\${${expression.text}}`;
    case 'collection_value':
      return collectionValue(named(only)[0]);
    default:
      return `\${${expression.text}}`;
  }
}

function literalValue(literal: Node): unknown {
  switch (literal.type) {
    case 'numeric_lit':
      return Number(literal.text);
    case 'bool_lit':
      return literal.text === 'true';
    case 'null_lit':
      return null;
    default:
      return stringValue(literal);
  }
}

function collectionValue(collection: Node): unknown {
  if (collection.type === 'tuple') return named(collection).filter((child) => child.type === 'expression').map(expressionValue);
  const object: Record<string, unknown> = {};
  for (const element of named(collection).filter((child) => child.type === 'object_elem')) {
    const key = element.childForFieldName('key');
    const value = element.childForFieldName('val');
    if (key && value) object[objectKey(key)] = expressionValue(value);
  }
  return object;
}

/** `{ TABLE = …, "K-2" = … }`: a bare word is its name, a quoted key its text; any other key expression its `${…}`. */
function objectKey(key: Node): string {
  const [only, ...more] = named(key);
  if (more.length === 0 && only?.type === 'variable_expr') return only.text;
  const value = expressionValue(key);
  return typeof value === 'string' ? value : String(value);
}

function stringValue(stringLit: Node): string {
  return templateText(stringLit) ?? '';
}

/**
 * A quoted or heredoc template's text with each interpolation as `${…}`; undefined when it has directives
 * (`%{ if … }`). The literal parts are sliced from the source, not taken from template_literal nodes: the grammar
 * leaves the spaces next to an interpolation out of them.
 */
function templateText(template: Node): string | undefined {
  const heredoc = template.type === 'heredoc_template';
  const children = template.children.filter((child): child is Node => child !== null);
  const source = template.text;
  const offset = (index: number): number => index - template.startIndex;
  const opening = heredoc ? children.find((child) => child.type === 'heredoc_identifier') : children[0];
  const closing = children[children.length - 1];
  if (!opening || !closing || opening === closing) return '';
  let text = '';
  let cursor = offset(opening.endIndex);
  const literal = (until: number): string => (heredoc ? unescapeHeredoc : unescapeQuoted)(source.slice(cursor, until));
  for (const part of children) {
    if (part.type === 'template_directive') return undefined;
    if (part.type !== 'template_interpolation') continue;
    text += literal(offset(part.startIndex));
    const inner = named(part).find((child) => child.type === 'expression');
    text += `\${${inner?.text ?? ''}}`;
    cursor = offset(part.endIndex);
  }
  text += literal(offset(closing.startIndex));
  if (!heredoc) return text;
  // The text starts after the line of <<EOT and ends with the newline before the line of EOT.
  text = text.replace(/^[^\n]*\n/, '').replace(/[ \t]*$/, '');
  const start = children.find((part) => part.type === 'heredoc_start');
  return start?.text.startsWith('<<-') ? dedent(text) : text;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

function unescapeQuoted(text: string): string {
  return text
    .replace(/\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))/g, (all, u4: string, u8: string, c: string) =>
      u4 || u8 ? String.fromCodePoint(parseInt(u4 ?? u8, 16)) : (ESCAPES[c] ?? all),
    )
    .replace(/([$%])\1\{/g, '$1{');
}

const unescapeHeredoc = (text: string): string => text.replace(/([$%])\1\{/g, '$1{');

/** `<<-EOT`: the lines lose the indentation they all share. */
function dedent(text: string): string {
  const lines = text.split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0].length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(Math.min(common, /^[ \t]*/.exec(line)![0].length))).join('\n');
}
