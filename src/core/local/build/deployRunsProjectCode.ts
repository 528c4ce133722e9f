import type { LocalFunctionDefinition } from '../types';

/** Whether deploying the function builds it with the project's esbuild (runs the project's code): off in Restricted Mode. */
export function deployRunsProjectCode(definition: LocalFunctionDefinition): boolean {
  return !definition.codeArchive && definition.build?.method === 'esbuild';
}
