import * as path from 'node:path';
import { findExecutable, isFile } from '../runtimes/executables';
import { RuntimeSetupError } from '../runtimes/runtimeSetupError';

const BINARY = process.platform === 'win32' ? 'esbuild.cmd' : 'esbuild';

/**
 * The project's own esbuild, as sam build requires one: node_modules/.bin/esbuild in the code folder or a folder above
 * it up to the template's, else esbuild on PATH. Throws RuntimeSetupError with the command that installs it.
 */
export async function findEsbuild(codeDir: string, projectRoot: string): Promise<string> {
  const top = path.resolve(projectRoot);
  for (let dir = path.resolve(codeDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', '.bin', BINARY);
    if (await isFile(candidate)) return candidate;
    if (dir === top || path.dirname(dir) === dir || path.relative(top, dir).startsWith('..')) break;
  }
  const onPath = findExecutable(BINARY);
  if (onPath) return onPath;
  throw new RuntimeSetupError(
    `the template builds this function with esbuild (Metadata: BuildMethod: esbuild), but esbuild is not installed: run \`npm install --save-dev esbuild\` in ${codeDir} (or install esbuild on PATH), then run it again.`,
    'Runtime.InvalidEntrypoint',
  );
}
