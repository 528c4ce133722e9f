import * as path from 'node:path';
import { readdirSync } from 'node:fs';
import type { SourceProblem } from '../functionSource';
import { TfEvaluator } from './tfExpressions';
import { isLambdaModuleCall } from './lambdaModule';
import { readTfModule, readTfvars, type TfBlock, type TfModule } from './terraformModule';

/** One module of a configuration, with the address prefix of its resources ("" for the root, "module.fn." for a call). */
export interface TfModuleInstance {
  readonly prefix: string;
  readonly module: TfModule;
  readonly evaluator: TfEvaluator;
  /** Its calls of terraform-aws-modules/lambda/aws, read from their inputs rather than from the module's files. */
  readonly lambdaModuleCalls: TfBlock[];
}

export interface TfConfiguration {
  readonly rootDir: string;
  readonly modules: TfModuleInstance[];
  readonly problems: SourceProblem[];
}

const MAX_MODULE_DEPTH = 8;

function tfFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && /\.tf$/i.test(e.name)).map((e) => path.join(dir, e.name)).sort();
  } catch {
    return [];
  }
}

/**
 * The root module of the folder of `file` (every .tf file beside it, terraform.tfvars over the variables' defaults)
 * and the local modules it calls (`source = "./modules/fn"`), each with the inputs its module block passes.
 */
export function readTfConfiguration(file: string, text: string): TfConfiguration {
  const rootDir = path.dirname(path.resolve(file));
  const files = tfFiles(rootDir);
  const root = readTfModule(rootDir, files.includes(path.resolve(file)) ? files : [...files, path.resolve(file)], new Map([[path.resolve(file), text]]));
  const configuration: TfConfiguration = { rootDir, modules: [], problems: [] };
  add(configuration, '', root, readTfvars(rootDir), 0);
  return configuration;
}

function add(configuration: TfConfiguration, prefix: string, module: TfModule, inputs: Record<string, unknown>, depth: number): void {
  const evaluator = new TfEvaluator(module, inputs, configuration.rootDir);
  const lambdaModuleCalls = module.modules.filter((call) => isLambdaModuleCall(call, module.dir));
  configuration.modules.push({ prefix, module, evaluator, lambdaModuleCalls });
  if (depth >= MAX_MODULE_DEPTH) return;
  for (const call of module.modules) {
    if (lambdaModuleCalls.includes(call)) continue;
    const source = call.body.source;
    // Registry and Git modules are downloaded by terraform init: only local ones are read.
    if (typeof source !== 'string' || !/^\.{1,2}\//.test(source)) continue;
    const dir = path.resolve(module.dir, source);
    const files = tfFiles(dir);
    const address = `${prefix}module.${call.name}`;
    if (files.length === 0) {
      configuration.problems.push({ file: call.file, message: `${address}: source "${source}" in ${path.basename(call.file)} has no .tf files (point source at the module's folder)` });
      continue;
    }
    const childInputs: Record<string, unknown> = {};
    for (const [name, raw] of Object.entries(call.body)) {
      if (['source', 'version', 'providers', 'depends_on', 'count', 'for_each'].includes(name)) continue;
      const { value, unresolved } = evaluator.evaluate(raw);
      if (unresolved.length === 0) childInputs[name] = value;
    }
    add(configuration, `${address}.`, readTfModule(dir, files), childInputs, depth + 1);
  }
}
