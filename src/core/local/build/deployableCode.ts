import type { LocalFunctionDefinition } from '../types';
import { esbuildStep } from './esbuildStep';
import { deployRunsProjectCode } from './deployRunsProjectCode';

/**
 * What `sam deploy` would upload for a local function: a .zip CodeUri as it is, an esbuild function's build output
 * (built first, in our cache: this runs the project's esbuild), else the code folder.
 */
export async function deployableCode(definition: LocalFunctionDefinition, context: { readonly cacheDir: string; readonly signal?: AbortSignal }): Promise<{ readonly location: string; readonly built: boolean }> {
  if (!deployRunsProjectCode(definition)) return { location: definition.codeDir, built: false };
  const built = await esbuildStep(definition, { taskRoot: definition.codeDir, env: {}, path: [] }, context);
  return { location: built.taskRoot, built: true };
}
