import { Pair, Scalar, YAMLMap, parseDocument, type CollectionTag, type ScalarTag, type YAMLSeq } from 'yaml';
import type { TemplateProblem } from './templateProblem';

// A template's text as plain data: YAML with CloudFormation's short-form intrinsic tags (`!Ref`, `!Sub`…), or JSON.

const SHORT_FORMS: Readonly<Record<string, string>> = {
  Ref: 'Ref',
  Condition: 'Condition',
  ...Object.fromEntries(
    [
      'Sub', 'GetAtt', 'If', 'Join', 'Select', 'Split', 'FindInMap', 'ImportValue', 'Base64', 'Cidr', 'GetAZs',
      'Equals', 'And', 'Or', 'Not', 'Transform', 'ToJsonString', 'Length',
    ].map((name) => [name, `Fn::${name}`]),
  ),
};

/** `{ <long>: <collection> }` as a YAML node, so anchors and aliases inside keep working. */
function longForm(long: string, collection: YAMLMap.Parsed | YAMLSeq.Parsed): YAMLMap {
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar(long), collection));
  return map;
}

/** Each short form as a scalar, a sequence and a mapping tag, whichever shape a template uses. */
const CFN_TAGS: (ScalarTag | CollectionTag)[] = Object.entries(SHORT_FORMS).flatMap(([short, long]) => [
  {
    tag: `!${short}`,
    resolve: (value: string): unknown => {
      if (short !== 'GetAtt') return { [long]: value };
      const dot = value.indexOf('.');
      return { [long]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
    },
  } satisfies ScalarTag,
  { tag: `!${short}`, collection: 'seq', resolve: (value) => longForm(long, value) } satisfies CollectionTag,
  { tag: `!${short}`, collection: 'map', resolve: (value) => longForm(long, value) } satisfies CollectionTag,
]);

export type ParsedText = { readonly value: unknown } | { readonly problem: TemplateProblem };

function lineAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function parseJson(text: string): ParsedText {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    const position = /position (\d+)/.exec(message);
    const where = lineColumn
      ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
      : position
        ? lineAt(text, Number(position[1]))
        : undefined;
    const reason = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+.*$/, '');
    return {
      problem: {
        message: `${where ? `JSON syntax error at line ${where.line}, column ${where.column}` : 'JSON syntax error'}: ${reason} (fix the JSON so the template can be read)`,
        ...(where ? { line: where.line } : {}),
      },
    };
  }
}

function parseYaml(text: string): ParsedText {
  const doc = parseDocument(text, { customTags: CFN_TAGS, prettyErrors: true });
  const error = doc.errors[0];
  if (error) {
    const where = error.linePos?.[0];
    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?\s*$/, '');
    return {
      problem: {
        message: `${where ? `YAML syntax error at line ${where.line}, column ${where.col}` : 'YAML syntax error'}: ${reason} (fix the YAML so the template can be read)`,
        ...(where ? { line: where.line } : {}),
      },
    };
  }
  return { value: doc.toJS() as unknown };
}

/** A template as plain data, short forms in their long form, or the syntax problem (with its line) that keeps it from being read. */
export function parseTemplateText(text: string, templateFile: string): ParsedText {
  const body = text.replace(/^\uFEFF/, '');
  if (/\.json$/i.test(templateFile)) return parseJson(body);
  if (/^\s*\{/.test(body)) {
    const json = parseJson(body);
    if ('value' in json) return json;
  }
  return parseYaml(body);
}

