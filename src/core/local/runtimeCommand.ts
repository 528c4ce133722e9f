import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface RuntimeCommand {
  readonly command: string;
  readonly args: readonly string[];
  /** Extra environment for the runtime process itself. */
  readonly env?: Readonly<Record<string, string>>;
  /** A one-line difference from Lambda worth telling the user, e.g. a nearer interpreter version. */
  readonly warning?: string;
}

/** An error the user must act on: unsupported runtime, missing interpreter or bootstrap. */
export class RuntimeSetupError extends Error {
  override readonly name = 'RuntimeSetupError';
  constructor(
    message: string,
    readonly errorType: string,
  ) {
    super(message);
  }
}

export const SUPPORTED_RUNTIMES = 'nodejs*, python3.*, provided, provided.al2, provided.al2023';

/**
 * How to start a runtime locally: the matching interpreter when installed (python3.12 for python3.12),
 * otherwise the nearest one with a warning; `provided*` runs the code directory's own `bootstrap`.
 */
export function runtimeCommand(runtime: string, codeDir: string, memoryMb: number, runtimesDir: string): RuntimeCommand {
  const node = /^nodejs(\d+)\.x$/.exec(runtime);
  if (node) {
    const local = findExecutable(`node${node[1]}`) ?? findExecutable('node');
    const localVersion = local ? (spawnSync(local, ['--version'], { encoding: 'utf8' }).stdout ?? '').trim() : '';
    // A VS Code host without node on PATH: run its own Node (Electron) as plain Node.
    const command = local ?? process.execPath;
    const env = local ? undefined : { ELECTRON_RUN_AS_NODE: '1' };
    const version = local ? localVersion : `v${process.versions.node}`;
    const major = /^v(\d+)/.exec(version)?.[1];
    return {
      command,
      // Heap as Lambda sizes it from the function's memory; source maps so TypeScript stacks point at .ts.
      args: [`--max-old-space-size=${Math.max(64, Math.floor(memoryMb * 0.9))}`, '--enable-source-maps', path.join(runtimesDir, 'node-bootstrap.js')],
      env,
      warning: major && major !== node[1] ? `${runtime} runs on the local Node ${version} (Lambda uses Node ${node[1]}).` : undefined,
    };
  }
  const python = /^python(3\.\d+)$/.exec(runtime);
  if (python) {
    // pyenv and similar put shims on PATH that exist but fail for versions not selected: ask each one.
    const exact = findExecutable(`python${python[1]}`, true);
    const command = exact ?? findExecutable('python3', true);
    if (!command) throw new RuntimeSetupError(`${runtime} needs Python 3 on this machine: install python${python[1]} (or python3) and make sure it is on PATH.`, 'Runtime.InvalidRuntime');
    const version = exact ? undefined : (spawnSync(command, ['--version'], { encoding: 'utf8' }).stdout ?? '').trim();
    return {
      command,
      args: ['-u', path.join(runtimesDir, 'python', 'bootstrap.py')],
      warning: exact ? undefined : `${runtime} runs on the local ${version || 'python3'} (python${python[1]} is not installed).`,
    };
  }
  if (/^provided(\.al2|\.al2023)?$/.test(runtime)) {
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
  }
  throw new RuntimeSetupError(`The runtime ${runtime} cannot run locally yet. Supported: ${SUPPORTED_RUNTIMES}.`, 'Runtime.InvalidRuntime');
}

function findExecutable(name: string, mustRun = false): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (!fs.statSync(candidate).isFile()) continue;
      if (mustRun && spawnSync(candidate, ['--version'], { stdio: 'ignore', timeout: 5000 }).status !== 0) continue;
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
