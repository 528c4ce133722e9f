import * as fs from 'node:fs';
import * as path from 'node:path';
import { isFileSync } from '../executables';
import type { LocalRuntime } from '../localRuntime';
import { RuntimeSetupError } from '../runtimeSetupError';

const DEFAULT_RUNTIME = 'provided.al2023';

/** Custom runtimes (provided, provided.al2, provided.al2023): the code directory's own executable `bootstrap`. */
export const providedRuntime: LocalRuntime = {
  family: 'provided',
  runtimes: 'provided, provided.al2, provided.al2023',
  serves: (runtime) => /^provided(\.al2|\.al2023)?$/.test(runtime),

  command({ runtime, codeDir }) {
    const bootstrap = path.join(codeDir, 'bootstrap');
    if (!fs.existsSync(bootstrap)) {
      throw new RuntimeSetupError(`Couldn't find valid bootstrap(s): [${bootstrap}]. A ${runtime} function needs an executable file named bootstrap in its code directory.`, 'Runtime.InvalidEntrypoint');
    }
    try {
      fs.accessSync(bootstrap, fs.constants.X_OK);
    } catch {
      throw new RuntimeSetupError(`${bootstrap} is not executable: run chmod +x on it.`, 'Runtime.InvalidEntrypoint');
    }
    return { command: bootstrap, args: [] };
  },

  // A compiled bootstrap: no source handler to find, show or debug.
  languages: [],
  handlerTarget: () => undefined,
  handlerFiles: async () => [],
  entryFile: ({ codeDir }) => (isFileSync(path.join(codeDir, 'bootstrap')) ? path.join(codeDir, 'bootstrap') : undefined),
  exportedFunctions: () => [],
  guess: (codeDir, handler) => (handler === 'bootstrap' || isFileSync(path.join(codeDir, 'bootstrap')) ? DEFAULT_RUNTIME : undefined),
  defaultRuntime: () => DEFAULT_RUNTIME,
};
