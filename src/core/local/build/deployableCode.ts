import type { LocalFunctionDefinition } from '../types';
import { esbuildStep } from './esbuildStep';

/**
 * What `sam deploy` would upload for a local function: a .zip CodeUri as it is, an esbuild function's build output
 * (built first, in our cache: this runs the project's esbuild), else the code folder.
 */
export async function deployableCode(definition: LocalFunctionDefinition, context: { readonly cacheDir: string; readonly signal?: AbortSignal }): Promise<{ readonly location: string; readonly built: boolean }> {
  if (definition.codeArchive) return { location: definition.codeDir, built: false };
  if (definition.build?.method !== 'esbuild') return { location: definition.codeDir, built: false };
  const built = await esbuildStep(definition, { taskRoot: definition.codeDir, env: {}, path: [] }, context);
  return { location: built.taskRoot, built: true };
}

/** Whether deploying the function runs code from the project (its esbuild): off in Restricted Mode. */
export function deployRunsProjectCode(definition: LocalFunctionDefinition): boolean {
  return !definition.codeArchive && definition.build?.method === 'esbuild';
}
