import * as path from 'node:path';
import { searchPath } from '../../layers/searchPath';
import { isFile, isFileSync } from '../executables';
import type { LocalRuntime } from '../localRuntime';
import { nodeDebugger } from './nodeDebugger';
import { findNodeInterpreter, majorOf } from './nodeInterpreter';
import { scriptExports } from './scriptExports';
import { sourceMapSources } from './sourceMaps';

const MODULE_EXTENSIONS = ['.js', '.mjs', '.cjs'];
const TYPESCRIPT_EXTENSIONS = ['.ts', '.mts', '.cts'];
/** The Node versions Lambda runs. */
const LAMBDA_MAJORS = [18, 20, 22, 24];

/** The local Node's own version when Lambda has it, so that no version warning follows. */
function defaultRuntime(): string {
  const major = Number(process.versions.node.split('.')[0]);
  return LAMBDA_MAJORS.includes(major) ? `nodejs${major}.x` : 'nodejs22.x';
}

/** Node.js (nodejs18.x, nodejs20.x…): our runtime client (client/bootstrap.ts) on the runtime's Node where installed. */
export const nodeRuntime: LocalRuntime = {
  family: 'node',
  runtimes: 'nodejs*',
  serves: (runtime) => /^nodejs\d+\.x$/.test(runtime),

  command({ runtime, memoryMb }, runtimesDir, chosen) {
    const wanted = /^nodejs(\d+)\.x$/.exec(runtime)?.[1];
    const node = findNodeInterpreter(wanted, chosen?.node);
    const major = majorOf(node.version);
    return {
      command: node.info.path,
      // Heap as Lambda sizes it from the function's memory; source maps so TypeScript stacks point at .ts.
      args: [`--max-old-space-size=${Math.max(64, Math.floor(memoryMb * 0.9))}`, '--enable-source-maps', path.join(runtimesDir, 'node', 'bootstrap.js')],
      // A VS Code host without node on PATH: run its own Node (Electron) as plain Node.
      env: node.host ? { ELECTRON_RUN_AS_NODE: '1' } : undefined,
      warning: major && major !== wanted ? `${runtime} runs on the local Node ${node.version} (Lambda uses Node ${wanted}).` : undefined,
      interpreter: node.info,
      marksOutputEnd: true,
    };
  },

  languages: [
    { id: 'javascript', extensions: ['.js', '.mjs', '.cjs', '.jsx'] },
    { id: 'typescript', extensions: ['.ts', '.mts', '.cts', '.tsx'] },
  ],

  handlerTarget(handler) {
    // The module is up to the first dot of the last path segment; the rest is the export path (a.b → export a).
    const dot = handler.indexOf('.', handler.lastIndexOf('/') + 1);
    if (dot <= 0 || dot === handler.length - 1) return undefined;
    return { module: handler.slice(0, dot), exportName: handler.slice(dot + 1).split('.')[0]! };
  },

  async handlerFiles(fn) {
    const target = this.handlerTarget(fn.handler);
    if (!target) return [];
    const base = path.resolve(fn.codeDir, target.module);
    const files: string[] = [];
    for (const ext of [...MODULE_EXTENSIONS, ...TYPESCRIPT_EXTENSIONS]) {
      const file = base + ext;
      if (!(await isFile(file))) continue;
      files.push(file);
      // The TypeScript a compiled module was built from (src/app.ts for dist/app.js).
      if (MODULE_EXTENSIONS.includes(ext)) files.push(...(await sourceMapSources(file)).filter((s) => TYPESCRIPT_EXTENSIONS.includes(path.extname(s)) || s.endsWith('.tsx')));
    }
    return [...new Set(files)];
  },

  entryFile(fn) {
    const target = this.handlerTarget(fn.handler);
    const module = target?.module ?? fn.handler.slice(0, fn.handler.lastIndexOf('.'));
    return ['.ts', ...MODULE_EXTENSIONS].map((ext) => path.join(fn.codeDir, module + ext)).find(isFileSync);
  },

  exportedFunctions: (text) => scriptExports(text),

  guess(codeDir, handler) {
    const module = handler.slice(0, handler.lastIndexOf('.'));
    return [...MODULE_EXTENSIONS, ...TYPESCRIPT_EXTENSIONS].some((ext) => isFileSync(path.join(codeDir, module + ext))) ? defaultRuntime() : undefined;
  },

  defaultRuntime,
  debugger: nodeDebugger,

  // Lambda: NODE_PATH=/opt/nodejs/nodeNN/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:/var/task
  layerEnvironment(optDir, runtime, code) {
    const major = /^nodejs(\d+)\.x$/.exec(runtime)?.[1];
    return {
      NODE_PATH: searchPath(
        major && path.join(optDir, 'nodejs', `node${major}`, 'node_modules'),
        path.join(optDir, 'nodejs', 'node_modules'),
        code.env.NODE_PATH,
        code.taskRoot,
      ),
    };
  },
};
