import { promises as fs } from 'node:fs';
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
  const declaring = await folderDeclaringEsbuild(codeDir, top);
  const fix = declaring
    ? `run \`npm install\` in ${declaring} (its package.json lists esbuild, but it is not installed)`
    : `run \`npm install --save-dev esbuild\` in ${codeDir} (or install esbuild on PATH)`;
  throw new RuntimeSetupError(`the template builds this function with esbuild (Metadata: BuildMethod: esbuild), but esbuild is not installed: ${fix}, then run it again.`, 'Runtime.InvalidEntrypoint');
}

/** The nearest folder from the code folder up to the template's whose package.json depends on esbuild. */
async function folderDeclaringEsbuild(codeDir: string, top: string): Promise<string | undefined> {
  for (let dir = path.resolve(codeDir); ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(await fs.readFile(path.join(dir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
      if (['dependencies', 'devDependencies', 'optionalDependencies'].some((field) => manifest[field]?.esbuild)) return dir;
    } catch {
      // no package.json here, or not JSON
    }
    if (dir === top || path.dirname(dir) === dir || path.relative(top, dir).startsWith('..')) return undefined;
  }
}
