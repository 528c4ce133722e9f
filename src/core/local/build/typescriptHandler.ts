import * as path from 'node:path';
import type { PreparationStep } from '../preparation/preparedCode';
import { isFile } from '../runtimes/executables';
import { RuntimeSetupError } from '../runtimes/runtimeSetupError';

const JAVASCRIPT = ['.js', '.mjs', '.cjs'];
const TYPESCRIPT = ['.ts', '.mts', '.cts'];

/**
 * A Node handler whose module exists only as TypeScript, with nothing to build it: Lambda (and our runtime) would
 * say "Cannot find module"; this says why and what to change instead.
 */
export const typescriptHandlerCheck: PreparationStep = async (definition, code) => {
  if (definition.build || !/^nodejs/.test(definition.runtime)) return code;
  const dot = definition.handler.indexOf('.', definition.handler.lastIndexOf('/') + 1);
  if (dot <= 0) return code;
  const base = path.resolve(code.taskRoot, definition.handler.slice(0, dot));
  if ((await Promise.all([...JAVASCRIPT, ''].map((ext) => isFile(base + ext)))).some(Boolean)) return code;
  const typescript = (await Promise.all(TYPESCRIPT.map(async (ext) => ((await isFile(base + ext)) ? base + ext : undefined)))).find(Boolean);
  if (!typescript) return code;
  const where = definition.origin ? `to ${definition.name} in ${path.basename(definition.origin.file)}` : 'to the function in its template';
  throw new RuntimeSetupError(
    `the handler ${definition.handler} is only TypeScript (${path.relative(code.taskRoot, typescript)}), and nothing builds it: add \`Metadata: { BuildMethod: esbuild, BuildProperties: { EntryPoints: [${path.basename(typescript)}] } }\` ${where} (with esbuild in the project: npm install --save-dev esbuild), or compile it to ${path.basename(base)}.js in ${code.taskRoot}.`,
    'Runtime.ImportModuleError',
  );
};
