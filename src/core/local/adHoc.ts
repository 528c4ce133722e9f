import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS } from './types';
import type { LocalFunctionDefinition } from './types';

/** The runtime a code directory most likely needs for a handler, when none is given. */
export function guessRuntime(codeDir: string, handler: string): string {
  if (handler === 'bootstrap' || fs.existsSync(path.join(codeDir, 'bootstrap'))) return 'provided.al2023';
  const module = handler.slice(0, handler.lastIndexOf('.'));
  if (fs.existsSync(path.join(codeDir, `${module.replace(/\./g, '/')}.py`))) return 'python3.12';
  // The local Node's own version when Lambda has it, so that no version warning follows.
  const major = Number(process.versions.node.split('.')[0]);
  return [18, 20, 22, 24].includes(major) ? `nodejs${major}.x` : 'nodejs22.x';
}

/** A function given as `path/to/dir:handler` (and optionally a runtime), outside any template. */
export function adHocFunction(spec: string, cwd: string, runtime?: string): LocalFunctionDefinition | undefined {
  const colon = spec.lastIndexOf(':');
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
