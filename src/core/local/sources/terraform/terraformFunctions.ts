import * as path from 'node:path';
import { parseLayerArn } from '../../layers/layerArn';
import { MAX_LAYERS, type LayerSource } from '../../layers/layerSource';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS, type LocalFunctionDefinition } from '../../types';
import type { SourceFunctions, SourceProblem } from '../functionSource';
import { TfEvaluator, referencedAddress } from './tfExpressions';
import type { TfBlock } from './terraformModule';
import { LAMBDA_MODULE_DEFAULTS, isFile, prefixInZip, sourcePaths } from './lambdaModule';
import type { TfConfiguration, TfModuleInstance } from './tfConfiguration';

/** The source kind of functions read from Terraform configurations. */
export const TERRAFORM_SOURCE = 'terraform';

const ZIP = /\.zip$/i;
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

const S3_OBJECTS = new Set(['aws_s3_object', 'aws_s3_bucket_object']);

/**
 * What a function whose code is in S3 was uploaded from, when the configuration uploads it (HashiCorp's tutorial
 * layout): `s3_key = aws_s3_object.x.key` whose `source` is the archive, else `source_code_hash` of a
 * data "archive_file".
 */
function uploadedArchive(body: Record<string, unknown>, resources: readonly TfBlock[]): { attribute: string; raw: unknown } | undefined {
  const key = typeof body.s3_key === 'string' ? /^\$\{\s*(aws_s3_(?:bucket_)?object)\.([\w-]+)\.(?:key|id)\s*\}$/.exec(body.s3_key) : null;
  const object = key ? resources.find((r) => S3_OBJECTS.has(r.type) && r.type === key[1] && r.name === key[2]) : undefined;
  if (object?.body.source !== undefined) return { attribute: `${object.type}.${object.name}.source`, raw: object.body.source };
  const hash = typeof body.source_code_hash === 'string' ? /^\$\{\s*data\.archive_file\.([\w-]+)\.output_base64sha256\s*\}$/.exec(body.source_code_hash) : null;
  return hash ? { attribute: 'source_code_hash', raw: `\${data.archive_file.${hash[1]}.output_path}` } : undefined;
}

/** The aws_lambda_function resources of a configuration and its local modules, named by their addresses. */
export class TerraformFunctionReader {
  readonly functions: LocalFunctionDefinition[] = [];
  readonly problems: SourceProblem[] = [];

  read(configuration: TfConfiguration): SourceFunctions {
    for (const module of configuration.modules) {
      for (const problem of module.module.problems) this.problems.push({ file: problem.file, message: `${path.basename(problem.file)}: ${problem.message}`, line: problem.line });
      for (const resource of module.module.resources) {
        if (resource.type === 'aws_lambda_function') this.lambdaFunction(`${module.prefix}aws_lambda_function.${resource.name}`, resource, module.evaluator, module.module.resources, module.module.data);
      }
      for (const call of module.lambdaModuleCalls) this.lambdaModule(`${module.prefix}module.${call.name}`, call, module);
    }
    for (const problem of configuration.problems) this.problems.push(problem);
    return { functions: this.functions, problems: this.problems };
  }

  private lambdaFunction(id: string, resource: TfBlock, evaluator: TfEvaluator, resources: readonly TfBlock[], data: readonly TfBlock[]): void {
    const problem = (message: string): void => void this.problems.push({ file: resource.file, functionId: id, message: `${id}: ${message}` });
    const body = resource.body;
    if (evaluator.evaluate(body.package_type).value === 'Image' || body.image_uri !== undefined) {
      problem('package_type Image: container image functions do not run locally (use a .zip function with filename, handler and runtime)');
      return;
    }
    let code: string | undefined;
    if (body.s3_bucket !== undefined || body.s3_key !== undefined) {
      const uploaded = uploadedArchive(body, resources);
      if (uploaded === undefined) {
        problem('s3_bucket/s3_key: the code is in S3 and nothing in the configuration says what was uploaded (upload it with an aws_s3_object whose source is a data "archive_file", or set filename to one)');
        return;
      }
      code = this.archiveContent(uploaded.attribute, uploaded.raw, evaluator, data, resource.file, problem);
    } else code = this.archiveContent('filename', body.filename, evaluator, data, resource.file, problem);
    if (code === undefined) return;
    this.define(id, body, code, resource.file, evaluator, { resources, data }, problem);
  }

  /** A module "x" { source = "terraform-aws-modules/lambda/aws" … }: the function its inputs describe, named module.x. */
  private lambdaModule(id: string, call: TfBlock, instance: TfModuleInstance): void {
    const problem = (message: string): void => void this.problems.push({ file: call.file, functionId: id, message: `${id}: ${message}` });
    const { evaluator } = instance;
    const input = (name: string): unknown => evaluator.evaluate(call.body[name]).value;
    if (input('create') === false || input('create_function') === false || input('create_layer') === true) return;
    if (input('package_type') === 'Image') {
      problem('package_type Image: container image functions do not run locally (use source_path with handler and runtime)');
      return;
    }
    const code = this.moduleCode(call, evaluator, problem);
    if (code === undefined) return;
    const body = call.body;
    const inputs: Record<string, unknown> = {
      function_name: body.function_name,
      handler: body.handler,
      runtime: body.runtime,
      timeout: body.timeout ?? LAMBDA_MODULE_DEFAULTS.timeout,
      memory_size: body.memory_size ?? LAMBDA_MODULE_DEFAULTS.memory_size,
      architectures: body.architectures,
      layers: body.layers,
      ...(body.environment_variables !== undefined ? { environment: [{ variables: body.environment_variables }] } : {}),
    };
    this.define(id, inputs, code, call.file, evaluator, instance.module, problem, instance.lambdaModuleCalls);
  }

  /** The folder (or .zip) the module packages: source_path (its first entry), or local_existing_package. */
  private moduleCode(call: TfBlock, evaluator: TfEvaluator, problem: (m: string) => void): string | undefined {
    const where = path.basename(call.file);
    const createPackage = evaluator.evaluate(call.body.create_package).value !== false;
    const attribute = createPackage ? 'source_path' : 'local_existing_package';
    const { value, unresolved } = evaluator.evaluate(call.body[attribute]);
    if (call.body[attribute] === undefined) {
      problem(`no ${attribute} in ${where}, so its code cannot be found locally (set source_path to the function's folder)`);
      return undefined;
    }
    const paths = createPackage ? sourcePaths(value) : typeof value === 'string' ? [value] : undefined;
    if (unresolved.length > 0 || paths === undefined) {
      problem(`${attribute} in ${where} depends on ${unresolved.join(', ') || JSON.stringify(value)}, which has no value locally (write the path, or give the variable a default)`);
      return undefined;
    }
    const resolved = path.resolve(evaluator.rootDir, paths[0]);
    if (paths.length > 1) problem(`source_path has ${paths.length} entries; locally the function runs from the first, ${resolved}`);
    if (createPackage && isFile(resolved)) return path.dirname(resolved);
    return resolved;
  }

  private define(id: string, body: Record<string, unknown>, code: string, file: string, evaluator: TfEvaluator, blocks: { readonly resources: readonly TfBlock[]; readonly data: readonly TfBlock[] }, problem: (m: string) => void, lambdaModules: readonly TfBlock[] = []): void {
    const { resources, data } = blocks;
    const handler = this.text('handler', body.handler, evaluator, 'index.handler', problem);
    const runtime = this.text('runtime', body.runtime, evaluator, 'nodejs20.x', problem);
    if (handler === undefined || runtime === undefined) return;
    const layers = this.layers(body.layers, evaluator, resources, data, file, problem, lambdaModules);
    if (layers === undefined) return;
    const deployedName = evaluator.evaluate(body.function_name);
    this.functions.push({
      name: id,
      ...(typeof deployedName.value === 'string' && deployedName.unresolved.length === 0 ? { deployedName: deployedName.value } : {}),
      codeDir: code,
      handler,
      runtime,
      timeoutSeconds: this.positive('timeout', body.timeout, evaluator, DEFAULT_TIMEOUT_SECONDS, 'seconds', problem),
      memoryMb: this.positive('memory_size', body.memory_size, evaluator, DEFAULT_MEMORY_MB, 'MB', problem),
      environment: this.environment(body.environment, evaluator, problem),
      architecture: this.architecture(body.architectures, evaluator, problem),
      origin: { source: TERRAFORM_SOURCE, file, id },
      ...(layers.length > 0 ? { layers } : {}),
      ...(ZIP.test(code) ? { codeArchive: true } : {}),
    });
  }

  /**
   * The folder (or .zip) a `filename` holds: an archive_file's source_dir (or a source_file's folder), or a .zip
   * written as a path.
   */
  private archiveContent(attribute: string, raw: unknown, evaluator: TfEvaluator, data: readonly TfBlock[], file: string, problem: (m: string) => void): string | undefined {
    const where = path.basename(file);
    if (raw === undefined) {
      problem(`no ${attribute} in ${where} (set ${attribute} = data.archive_file.<name>.output_path, with a data "archive_file" of the code's folder)`);
      return undefined;
    }
    const archiveName = typeof raw === 'string' ? /^\$\{\s*data\.archive_file\.([\w-]+)\.output_path\s*\}$/.exec(raw)?.[1] : undefined;
    if (archiveName !== undefined) {
      const archive = data.find((d) => d.type === 'archive_file' && d.name === archiveName);
      if (archive === undefined) {
        problem(`${attribute} in ${where} refers to data.archive_file.${archiveName}, which the configuration does not define`);
        return undefined;
      }
      const dir = evaluator.evaluate(archive.body.source_dir);
      const single = evaluator.evaluate(archive.body.source_file);
      const chosen = dir.value !== undefined ? { ...dir, attribute: 'source_dir' } : { ...single, attribute: 'source_file' };
      if (chosen.value === undefined) {
        problem(`data.archive_file.${archiveName} in ${path.basename(archive.file)} has neither source_dir nor source_file, so its code cannot be found locally (set source_dir to the code's folder)`);
        return undefined;
      }
      if (chosen.unresolved.length > 0 || typeof chosen.value !== 'string') {
        problem(`${chosen.attribute} of data.archive_file.${archiveName} in ${path.basename(archive.file)} depends on ${chosen.unresolved.join(', ')}, which has no value locally (write the path, or give the variable a default)`);
        return undefined;
      }
      const resolved = path.resolve(evaluator.rootDir, chosen.value);
      if (chosen.attribute === 'source_dir') return resolved;
      problem(`data.archive_file.${archiveName} zips one file (source_file), so the function runs from its folder ${path.dirname(resolved)}, with the other files there`);
      return path.dirname(resolved);
    }
    const { value, unresolved } = evaluator.evaluate(raw);
    if (unresolved.length > 0 || typeof value !== 'string') {
      problem(`${attribute} in ${where} depends on ${unresolved.join(', ') || JSON.stringify(raw)}, which has no value locally (set ${attribute} = data.archive_file.<name>.output_path, or write the .zip's path)`);
      return undefined;
    }
    return path.resolve(evaluator.rootDir, value);
  }

  private text(attribute: string, raw: unknown, evaluator: TfEvaluator, example: string, problem: (m: string) => void): string | undefined {
    if (raw === undefined) {
      problem(`no ${attribute} (set ${attribute} = "${example}")`);
      return undefined;
    }
    const { value, unresolved } = evaluator.evaluate(raw);
    if (unresolved.length > 0) {
      problem(`${attribute} depends on ${unresolved.join(', ')}, which has no value locally (write ${attribute}, or give the variable a default)`);
      return undefined;
    }
    if (typeof value !== 'string' || value === '') {
      problem(`${attribute} is not text (set ${attribute} = "${example}")`);
      return undefined;
    }
    return value;
  }

  private positive(attribute: string, raw: unknown, evaluator: TfEvaluator, fallback: number, unit: string, problem: (m: string) => void): number {
    if (raw === undefined) return fallback;
    const { value } = evaluator.evaluate(raw);
    const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (Number.isFinite(number) && number > 0) return number;
    problem(`${attribute} ${JSON.stringify(value)} is not a positive number, so ${fallback} ${unit} is used (set ${attribute} to a number)`);
    return fallback;
  }

  private environment(raw: unknown, evaluator: TfEvaluator, problem: (m: string) => void): Record<string, string> {
    const block = first(raw);
    const variables = typeof block === 'object' && block !== null ? (block as Record<string, unknown>).variables : undefined;
    if (variables === undefined) return {};
    const out: Record<string, string> = {};
    const { value } = evaluator.evaluate(variables);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problem('environment.variables is not a map of names to values (write variables = { NAME = "value" })');
      return out;
    }
    for (const [name, item] of Object.entries(value)) {
      const { unresolved } = evaluator.evaluate((variables as Record<string, unknown>)[name]);
      if (unresolved.length > 0) problem(`environment variable ${name} depends on ${unresolved.join(', ')}, which has no value locally, so it is set to that text (write the value, or give the variable a default)`);
      if (item !== undefined && item !== null) out[name] = typeof item === 'string' ? item : JSON.stringify(item);
    }
    return out;
  }

  private architecture(raw: unknown, evaluator: TfEvaluator, problem: (m: string) => void): 'x86_64' | 'arm64' {
    if (raw === undefined) return 'x86_64';
    const value = first(evaluator.evaluate(raw).value);
    if (value === 'x86_64' || value === 'arm64') return value;
    problem(`architectures ${JSON.stringify(value)} is neither ["x86_64"] nor ["arm64"], so x86_64 is used`);
    return 'x86_64';
  }

  /** `layers`: aws_lambda_layer_version resources of the configuration (their archive_file's folder) and layer version ARNs. */
  private layers(raw: unknown, evaluator: TfEvaluator, resources: readonly TfBlock[], data: readonly TfBlock[], file: string, problem: (m: string) => void, lambdaModules: readonly TfBlock[]): LayerSource[] | undefined {
    if (raw === undefined) return [];
    if (!Array.isArray(raw)) {
      problem('layers is not a list (write layers = [aws_lambda_layer_version.<name>.arn, "arn:aws:lambda:…"])');
      return undefined;
    }
    const layers: LayerSource[] = [];
    for (const item of raw) {
      const name = referencedAddress(item, 'aws_lambda_layer_version');
      if (name !== undefined) {
        const layer = resources.find((r) => r.type === 'aws_lambda_layer_version' && r.name === name);
        if (layer === undefined) {
          problem(`layers refers to aws_lambda_layer_version.${name}, which the configuration does not define`);
          return undefined;
        }
        const content = this.archiveContent('filename', layer.body.filename, evaluator, data, layer.file, problem);
        if (content === undefined) return undefined;
        layers.push({ kind: 'local', name: `aws_lambda_layer_version.${name}`, content, under: '' });
        continue;
      }
      const layerModule = typeof item === 'string' ? /^\$\{\s*module\.([\w-]+)\.lambda_layer_arn\s*\}$/.exec(item)?.[1] : undefined;
      const call = lambdaModules.find((m) => m.name === layerModule);
      if (call) {
        const content = this.moduleCode(call, evaluator, problem);
        if (content === undefined) return undefined;
        layers.push({ kind: 'local', name: `module.${call.name}`, content, under: prefixInZip(evaluator.evaluate(call.body.source_path).value) });
        continue;
      }
      const { value, unresolved } = evaluator.evaluate(item);
      if (unresolved.length === 0 && typeof value === 'string' && parseLayerArn(value)) {
        layers.push({ kind: 'arn', arn: value.trim() });
        continue;
      }
      problem(`layers: ${JSON.stringify(value)} in ${path.basename(file)} is neither a layer version ARN (arn:aws:lambda:<region>:<account>:layer:<name>:<version>) nor aws_lambda_layer_version.<name>.arn or module.<layer>.lambda_layer_arn of this configuration`);
      return undefined;
    }
    if (layers.length > MAX_LAYERS) {
      problem(`layers has ${layers.length} entries, and a function can have at most ${MAX_LAYERS} layers`);
      return undefined;
    }
    return layers;
  }
}
