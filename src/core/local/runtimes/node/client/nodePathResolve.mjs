// A module resolve hook (module.register) for ES module handlers: Node reads NODE_PATH only for require, while
// Lambda's Node.js runtime also resolves a bare `import` from the node_modules folders NODE_PATH lists (layers'
// /opt/nodejs/node_modules, the runtime's AWS SDK). Each such folder is tried, in order, after Node's own search.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** For each node_modules folder, a parent URL whose own search starts in that folder. */
let parents = [];

export function initialize(data) {
  parents = (data?.folders ?? []).map((folder) => pathToFileURL(path.join(path.dirname(folder), '__node_path__.mjs')).href);
}

const isBare = (specifier) => !/^(\.{0,2}\/|[a-zA-Z][a-zA-Z0-9+.-]*:|#)/.test(specifier);

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !isBare(specifier)) throw error;
    for (const parentURL of parents) {
      try {
        return await nextResolve(specifier, { ...context, parentURL });
      } catch (next) {
        if (next?.code !== 'ERR_MODULE_NOT_FOUND') throw next;
      }
    }
    throw error;
  }
}
