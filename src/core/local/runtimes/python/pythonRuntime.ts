import * as path from 'node:path';
import { searchPath } from '../../layers/searchPath';
import { isFile, isFileSync } from '../executables';
import type { LocalRuntime } from '../localRuntime';
import { pythonDebugger } from './pythonDebugger';
import { pythonFunctions } from './pythonFunctions';
import { findPythonInterpreter } from './pythonInterpreter';

const DEFAULT_RUNTIME = 'python3.12';

/**
 * Python 3 (python3.9…python3.13): our runtime client (client/bootstrap.py) on the interpreter the project uses
 * (./pythonInterpreter.ts).
 */
export const pythonRuntime: LocalRuntime = {
  family: 'python',
  runtimes: 'python3.*',
  serves: (runtime) => /^python3\.\d+$/.test(runtime),

  command({ runtime, codeDir, origin }, runtimesDir, chosen) {
    const python = findPythonInterpreter(runtime, codeDir, origin && path.dirname(origin.file), chosen?.python);
    return { command: python.info.path, args: ['-u', path.join(runtimesDir, 'python', 'bootstrap.py')], env: python.env, warning: python.warning, interpreter: python.info, marksOutputEnd: true };
  },

  languages: [{ id: 'python', extensions: ['.py'] }],

  handlerTarget(handler) {
    const dot = handler.lastIndexOf('.');
    if (dot <= 0 || dot === handler.length - 1) return undefined;
    return { module: handler.slice(0, dot).replace(/\./g, '/'), exportName: handler.slice(dot + 1) };
  },

  async handlerFiles(fn) {
    const target = this.handlerTarget(fn.handler);
    const file = target && `${path.resolve(fn.codeDir, target.module)}.py`;
    return file && (await isFile(file)) ? [file] : [];
  },

  entryFile(fn) {
    const target = this.handlerTarget(fn.handler);
    const file = target && path.join(fn.codeDir, `${target.module}.py`);
    return file && isFileSync(file) ? file : undefined;
  },

  exportedFunctions: (text) => pythonFunctions(text),

  guess(codeDir, handler) {
    const target = this.handlerTarget(handler);
    return target && isFileSync(path.join(codeDir, `${target.module}.py`)) ? DEFAULT_RUNTIME : undefined;
  },

  defaultRuntime: () => DEFAULT_RUNTIME,
  debugger: pythonDebugger,

  // Lambda's sys.path: /var/task (our client puts the task root first), /opt/python/lib/python3.N/site-packages, /opt/python, the runtime's own.
  layerEnvironment(optDir, runtime, code) {
    return { PYTHONPATH: searchPath(path.join(optDir, 'python', 'lib', runtime, 'site-packages'), path.join(optDir, 'python'), code.env.PYTHONPATH) };
  },
};
