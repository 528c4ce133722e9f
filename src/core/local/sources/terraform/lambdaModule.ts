import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { TfBlock } from './terraformModule';

/**
 * terraform-aws-modules/lambda/aws, the module most Terraform projects make their functions with: a module block
 * whose inputs (`source_path`, `handler`, `runtime`, `environment_variables`…) say what aws_lambda_function it
 * creates. Its own .tf files build the package with an external program, which cannot be evaluated here, so a call
 * of it is read from its inputs instead.
 */
const REGISTRY_SOURCE = /^(?:registry\.terraform\.io\/)?terraform-aws-modules\/lambda\/aws(?:\/\/.*)?$/i;
const GIT_SOURCE = /terraform-aws-modules\/terraform-aws-lambda(?:\.git)?(?:[/?]|$)/i;
/** The inputs that only this module declares together: how a local copy of it (`source = "../../"`) is known. */
const SIGNATURE = ['source_path', 'create_package', 'local_existing_package'];

export function isLambdaModuleCall(call: TfBlock, callerDir: string): boolean {
  const source = call.body.source;
  if (typeof source !== 'string') return false;
  if (REGISTRY_SOURCE.test(source) || GIT_SOURCE.test(source)) return true;
  return /^\.{1,2}\//.test(source) && declaresSignature(path.resolve(callerDir, source));
}

function declaresSignature(dir: string): boolean {
  let text = '';
  try {
    for (const entry of readdirSync(dir)) if (/\.tf$/i.test(entry)) text += readFileSync(path.join(dir, entry), 'utf8');
  } catch {
    return false;
  }
  return SIGNATURE.every((name) => new RegExp(`^variable\\s+"${name}"`, 'm').test(text));
}

/** The module's defaults for what a function needs locally, as its variables.tf has them. */
export const LAMBDA_MODULE_DEFAULTS = { timeout: 3, memory_size: 128 } as const;

/** `source_path` as the module takes it: a path, a list of paths and `{ path = … }` objects, or one such object. */
export function sourcePaths(value: unknown): string[] | undefined {
  const entries = Array.isArray(value) ? value : [value];
  const paths: string[] = [];
  for (const entry of entries) {
    const item = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as Record<string, unknown>).path : entry;
    if (typeof item !== 'string' || item === '') return undefined;
    paths.push(item);
  }
  return paths.length > 0 ? paths : undefined;
}

/** Where a layer's files go in its zip (`prefix_in_zip` of source_path's first entry: "python", "nodejs"…); "" for its root. */
export function prefixInZip(value: unknown): string {
  const entry = Array.isArray(value) ? value[0] : value;
  const prefix = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).prefix_in_zip : undefined;
  return typeof prefix === 'string' ? prefix.replace(/^\/+|\/+$/g, '') : '';
}

export const isFile = (file: string): boolean => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
