import * as nodeModule from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Lets ES module handlers import packages from the node_modules folders of NODE_PATH, as on Lambda (see
 * nodePathResolve.mjs). Only folders named node_modules qualify: the hook can search a folder only as a package's
 * node_modules. A no-op without such folders, and on a Node without module.register (before 18.19).
 */
export function resolveImportsFromNodePath(): void {
  const folders = (process.env.NODE_PATH ?? '').split(path.delimiter).filter((folder) => folder && path.basename(folder) === 'node_modules');
  const register = (nodeModule as { register?: (specifier: string, options: { data: unknown }) => void }).register;
  if (folders.length === 0 || !register) return;
  register(pathToFileURL(path.join(__dirname, 'nodePathResolve.mjs')).href, { data: { folders } });
}
