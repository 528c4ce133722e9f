import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type * as TreeSitter from 'web-tree-sitter';
import { hclBodyOf, type HclBody } from './hclTree';

export type { HclBody } from './hclTree';

/**
 * HCL is parsed by tree-sitter's HCL grammar (tree-sitter-grammars/tree-sitter-hcl) running in web-tree-sitter: two
 * small WebAssembly files and no native code, so one package serves every platform. Both load asynchronously, once,
 * the first time a Terraform file is read (`loadHclParser`, the source's `prepare`); a project without Terraform
 * never loads them. The bundles carry the .wasm files beside them in dist/ (scripts/build.mjs).
 */
let parser: TreeSitter.Parser | undefined;
let loading: Promise<void> | undefined;

/** A file beside this code (the bundles in dist/), else where its package has it (tests run from out/). */
function wasmFile(name: string, packagePath: string): string {
  const beside = path.join(__dirname, name);
  return existsSync(beside) ? beside : require.resolve(packagePath);
}

export function loadHclParser(): Promise<void> {
  loading ??= (async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy: only Terraform projects load it
    const { Parser, Language } = require('web-tree-sitter') as typeof TreeSitter;
    const runtime = wasmFile('web-tree-sitter.wasm', 'web-tree-sitter/web-tree-sitter.wasm');
    await Parser.init({ locateFile: () => runtime });
    // Its bytes, not its path: for a path web-tree-sitter imports fs/promises dynamically, which the bundles the shell's
    // loader compiles (src/ui/shell/bundleLoader.ts, vm.Script) cannot do ("A dynamic import callback was not specified").
    const language = await Language.load(await fs.readFile(wasmFile('tree-sitter-hcl.wasm', '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm')));
    const created = new Parser();
    created.setLanguage(language);
    parser = created;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

type Parsed = { body: HclBody } | { problem: string; line?: number };

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
  if (parser === undefined) return { problem: 'the HCL parser is not loaded (a reader of .tf files must await loadHclParser first)' };
  const tree = parser.parse(text);
  if (tree === null) return { problem: 'the file could not be parsed as HCL' };
  try {
    const root = tree.rootNode;
    if (root.hasError) return syntaxError(root);
    return { body: hclBodyOf(root) };
  } finally {
    tree.delete();
  }
}

/** Where the first syntax error is, as terraform validate would point at it. */
function syntaxError(root: TreeSitter.Node): Parsed {
  let node: TreeSitter.Node | null = root;
  while (node && !node.isError && !node.isMissing) node = node.children.find((child) => child?.hasError || child?.isMissing) ?? null;
  const at = node ?? root;
  const line = at.startPosition.row + 1;
  const near = at.isMissing ? `a missing ${at.type}` : `\`${at.text.split('\n')[0].slice(0, 40)}\``;
  return {
    problem: `HCL syntax error at line ${line}, column ${at.startPosition.column + 1} (near ${near}); functions in this file were not read (terraform validate says more)`,
    line,
  };
}
