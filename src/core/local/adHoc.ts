import * as fs from 'node:fs';
import * as path from 'node:path';
import { guessRuntime, runtimeForLanguage } from './runtimes/registry';
import { adHocFunctionName } from './deployedNames';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS } from './types';
import type { LocalFunctionDefinition } from './types';

/** A function given as `path/to/dir:handler` (and optionally a runtime), outside any template. */
export function adHocFunction(spec: string, cwd: string, runtime?: string): LocalFunctionDefinition | undefined {
  // The last lone colon: a Ruby handler's namespace has its own (`dir:app.Shop::Orders.create`).
  const colon = [...spec.matchAll(/(?<!:):(?!:)/g)].at(-1)?.index ?? -1;
  if (colon <= 0) return undefined;
  const codeDir = path.resolve(cwd, spec.slice(0, colon));
  const handler = spec.slice(colon + 1);
  if (!handler || !fs.existsSync(codeDir) || !fs.statSync(codeDir).isDirectory()) return undefined;
  return {
    name: path.basename(codeDir),
    codeDir,
    handler,
    runtime: runtime ?? guessRuntime(codeDir, handler),
    timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
    memoryMb: DEFAULT_MEMORY_MB,
    environment: {},
    architecture: process.arch === 'arm64' ? 'arm64' : 'x86_64',
  };
}

/** A handler of a source file outside any template, run from its own folder with Lambda's defaults. */
export function adHocFunctionForFile(file: string, exportName: string, language: string): LocalFunctionDefinition {
  const codeDir = path.dirname(file);
  const handler = `${path.basename(file, path.extname(file))}.${exportName}`;
  const family = runtimeForLanguage(language);
  const guessed = guessRuntime(codeDir, handler);
  return {
    name: adHocFunctionName(file, exportName),
    codeDir,
    handler,
    runtime: !family || family.serves(guessed) ? guessed : family.defaultRuntime(),
    timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
    memoryMb: DEFAULT_MEMORY_MB,
    environment: {},
    architecture: process.arch === 'arm64' ? 'arm64' : 'x86_64',
  };
}

/**
 * Applies a SAM-style --env-vars file: { "Parameters": { … } } for every function, and { "<FunctionName>": { … } }
 * for one; only variables the function declares are replaced, as SAM does, unless it declares none.
 */
export function applyEnvVars(definition: LocalFunctionDefinition, file: Record<string, Record<string, unknown>>): LocalFunctionDefinition {
  const overrides = { ...file.Parameters, ...file[definition.name] };
  const declared = Object.keys(definition.environment);
  const environment: Record<string, string> = { ...definition.environment };
  for (const [key, value] of Object.entries(overrides)) {
    if (declared.length > 0 && !declared.includes(key)) continue;
    environment[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return { ...definition, environment };
}
