import * as fs from 'node:fs';
import * as path from 'node:path';
import { RuntimeSetupError } from '../runtimes/runtimeSetupError';
import type { LocalFunctionDefinition } from '../types';
import type { PreparationStep } from './preparedCode';

/**
 * The first step: the code a function names is there, inside the project, and its handler lies inside that code.
 * Without it a missing CodeUri surfaces as the runtime's "spawn … ENOENT" (the folder is its working directory), and
 * a template could point CodeUri or a layer at ../../../etc and have it loaded as code.
 *
 * The project is the workspace folder (the CLI's: the current folder, or the template's when it lies elsewhere), not
 * the template's folder: monorepos keep templates in infra/ and code in ../services. The paths are compared as
 * written, not through symlinks, so that linked packages (pnpm, npm workspaces) keep working.
 */
export const codeLocationCheck: PreparationStep = async (definition, code, context) => {
  const shown = shownPath(definition, definition.codeDir);
  const where = definition.origin ? ` (CodeUri of ${definition.name} in ${path.basename(definition.origin.file)})` : '';
  if (definition.origin && context.projectRoot && !isInside(context.projectRoot, definition.codeDir)) {
    throw new RuntimeSetupError(
      `its code ${shown}${where} is outside the project ${context.projectRoot}, so it is not run. Keep the function's code inside the project's folder.`,
      'Runtime.InvalidEntrypoint',
    );
  }
  for (const layer of definition.layers ?? []) {
    if (layer.kind === 'local' && context.projectRoot && !isInside(context.projectRoot, layer.content)) {
      throw new RuntimeSetupError(
        `its layer ${layer.name} (ContentUri ${shownPath(definition, layer.content)}) is outside the project ${context.projectRoot}, so it is not used. Keep the layer's content in the project.`,
        'Runtime.InvalidEntrypoint',
      );
    }
  }
  const stat = await fs.promises.stat(definition.codeDir).catch(() => undefined);
  if (!stat) {
    throw new RuntimeSetupError(
      `its code ${shown}${where} does not exist (${definition.codeDir}). Fix the path, or build the project first if it names a build's output.`,
      'Runtime.InvalidEntrypoint',
    );
  }
  if (!stat.isDirectory() && !definition.codeArchive) {
    throw new RuntimeSetupError(`its code ${shown}${where} is a file, not a folder or a .zip archive (${definition.codeDir}).`, 'Runtime.InvalidEntrypoint');
  }
  const module = handlerModule(definition.handler);
  if (module !== undefined && (path.isAbsolute(module) || module.split(/[\\/]/).includes('..'))) {
    throw new RuntimeSetupError(
      `the handler ${definition.handler} points outside its code folder; Lambda loads a handler from inside the code it was given. Name its file relative to the code folder (${shown}).`,
      'Runtime.InvalidEntrypoint',
    );
  }
  return code;
};

export function isInside(root: string, target: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(target));
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function shownPath(definition: LocalFunctionDefinition, file: string): string {
  return definition.origin ? path.relative(path.dirname(definition.origin.file), file) || '.' : file;
}

/** "src/app.handler" → "src/app"; undefined for handlers that are not a module path (provided runtimes' "bootstrap"). */
function handlerModule(handler: string): string | undefined {
  const dot = handler.lastIndexOf('.');
  return dot > 0 ? handler.slice(0, dot) : undefined;
}
