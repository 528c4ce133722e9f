/** A parsed .tf file as hcl2-parser gives it: blocks by type (and labels), each an array of bodies; expressions as "${…}" text. */
export type HclBody = Record<string, unknown>;

interface Hcl2Parser {
  parseToObject(input: string): [HclBody | null, unknown];
}

let parser: Hcl2Parser | undefined;

/**
 * The parser is large (HashiCorp's HCL compiled to JavaScript), so it is required the first time a .tf file is read:
 * bundles load it as ./hcl2-parser.js beside them (see scripts/build.mjs), a project without Terraform never does.
 */
function hclParser(): Hcl2Parser {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy, synchronous load of a large bundle
  parser ??= require('hcl2-parser') as Hcl2Parser;
  return parser;
}

type Parsed = { body: HclBody } | { problem: string };

/** A configuration is read for its functions, then for its APIs, and again on each change of one file: parse each text once. */
const parsed = new Map<string, Parsed>();
const MAX_PARSED = 200;

/** The body of a .tf file (not to be changed: it is shared), or what keeps it from being read. */
export function parseHcl(text: string): Parsed {
  let result = parsed.get(text);
  if (result === undefined) {
    result = parse(text);
    if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value!);
    parsed.set(text, result);
  }
  return result;
}

function parse(text: string): Parsed {
  let result: [HclBody | null, unknown];
  try {
    result = hclParser().parseToObject(text);
  } catch (error) {
    return { problem: `the file could not be parsed as HCL: ${error instanceof Error ? error.message : String(error)}` };
  }
  const [body, error] = result;
  if (error || body === null || typeof body !== 'object') {
    return { problem: 'the file is not valid HCL (terraform validate shows where; functions in it were not read)' };
  }
  return { body };
}
