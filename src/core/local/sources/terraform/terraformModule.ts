import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseHcl, type HclBody } from './hclParser';

/** A block of a configuration: `resource "aws_lambda_function" "orders" { … }` is type aws_lambda_function, name orders. */
export interface TfBlock {
  readonly type: string;
  readonly name: string;
  readonly body: HclBody;
  /** The .tf file it is in. */
  readonly file: string;
}

/** Every .tf file of one folder read as one configuration, as Terraform reads a module. */
export interface TfModule {
  readonly dir: string;
  /** Its .tf files, as read. */
  readonly files: readonly string[];
  readonly resources: TfBlock[];
  readonly data: TfBlock[];
  readonly variables: Map<string, TfBlock>;
  readonly locals: Map<string, { readonly value: unknown; readonly file: string }>;
  readonly modules: TfBlock[];
  /** Problems with whole files (syntax errors), each with its file. */
  readonly problems: { readonly file: string; readonly message: string; readonly line?: number }[];
}

const isBody = (value: unknown): value is HclBody => typeof value === 'object' && value !== null && !Array.isArray(value);

function labelled(section: unknown, file: string, into: TfBlock[]): void {
  if (!isBody(section)) return;
  for (const [type, byName] of Object.entries(section)) {
    if (!isBody(byName)) continue;
    for (const [name, bodies] of Object.entries(byName)) {
      for (const body of Array.isArray(bodies) ? bodies : [bodies]) if (isBody(body)) into.push({ type, name, body, file });
    }
  }
}

function named(section: unknown, file: string, into: TfBlock[]): void {
  if (!isBody(section)) return;
  for (const [name, bodies] of Object.entries(section)) {
    for (const body of Array.isArray(bodies) ? bodies : [bodies]) if (isBody(body)) into.push({ type: '', name, body, file });
  }
}

/** The configuration of the folder of these files; `texts` gives the text of files already read (the one a user named). */
export function readTfModule(dir: string, files: readonly string[], texts: ReadonlyMap<string, string> = new Map()): TfModule {
  const module: TfModule = { dir, files, resources: [], data: [], variables: new Map(), locals: new Map(), modules: [], problems: [] };
  for (const file of files) {
    let text = texts.get(file);
    if (text === undefined) {
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        module.problems.push({ file, message: `could not be read: ${error instanceof Error ? error.message : String(error)}` });
        continue;
      }
    }
    const parsed = parseHcl(text);
    if ('problem' in parsed) {
      module.problems.push({ file, message: parsed.problem, line: parsed.line });
      continue;
    }
    const { body } = parsed;
    labelled(body.resource, file, module.resources);
    labelled(body.data, file, module.data);
    named(body.module, file, module.modules);
    const variables: TfBlock[] = [];
    named(body.variable, file, variables);
    for (const variable of variables) module.variables.set(variable.name, variable);
    for (const locals of Array.isArray(body.locals) ? body.locals : [body.locals]) {
      if (isBody(locals)) for (const [name, value] of Object.entries(locals)) module.locals.set(name, { value, file });
    }
  }
  return module;
}

/** `terraform.tfvars` of a root module: its simple `name = value` assignments, parsed as HCL. */
export function readTfvars(dir: string): Record<string, unknown> {
  try {
    const parsed = parseHcl(readFileSync(path.join(dir, 'terraform.tfvars'), 'utf8'));
    return 'body' in parsed ? parsed.body : {};
  } catch {
    return {};
  }
}
