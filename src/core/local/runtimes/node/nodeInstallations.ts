import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A Node installed by a version manager, not on PATH. */
export interface ManagedNode {
  readonly path: string;
  readonly manager: 'nvm' | 'fnm' | 'volta';
  /** "24.1.0", from its folder's name. */
  readonly version: string;
}

interface Layout {
  readonly manager: ManagedNode['manager'];
  /** The folders holding one folder per installed version. */
  readonly roots: readonly string[];
  /** Its version folders are named v24.1.0 (nvm, fnm) or 24.1.0 (volta). */
  readonly prefix: string;
  /** The node binary inside a version folder. */
  readonly binary: readonly string[];
}

function layouts(env: NodeJS.ProcessEnv): Layout[] {
  const home = env.HOME || os.homedir();
  const fnmRoots = env.FNM_DIR ? [env.FNM_DIR] : [...(env.XDG_DATA_HOME ? [path.join(env.XDG_DATA_HOME, 'fnm')] : []), path.join(home, '.local', 'share', 'fnm'), path.join(home, '.fnm')];
  return [
    { manager: 'nvm', roots: [path.join(env.NVM_DIR || path.join(home, '.nvm'), 'versions', 'node')], prefix: 'v', binary: ['bin', 'node'] },
    { manager: 'fnm', roots: fnmRoots.map((r) => path.join(r, 'node-versions')), prefix: 'v', binary: ['installation', 'bin', 'node'] },
    { manager: 'volta', roots: [path.join(env.VOLTA_HOME || path.join(home, '.volta'), 'tools', 'image', 'node')], prefix: '', binary: ['bin', 'node'] },
  ];
}

/**
 * The newest Node of that major that nvm, fnm or volta installed (in that order of managers). A few directory reads:
 * cheap enough to do before every cold start, so that a version installed meanwhile is found.
 */
export function managedNode(major: string, env: NodeJS.ProcessEnv = process.env): ManagedNode | undefined {
  for (const layout of layouts(env)) {
    let best: { version: number[]; found: ManagedNode } | undefined;
    for (const root of layout.roots) {
      let entries: string[];
      try {
        entries = fs.readdirSync(root);
      } catch {
        continue;
      }
      for (const entry of entries) {
        const match = new RegExp(`^${layout.prefix}(${major})\\.(\\d+)\\.(\\d+)$`).exec(entry);
        if (!match) continue;
        const version = match.slice(1).map(Number);
        if (best && compare(version, best.version) <= 0) continue;
        const binary = path.join(root, entry, ...layout.binary);
        if (isExecutable(binary)) best = { version, found: { path: binary, manager: layout.manager, version: version.join('.') } };
      }
    }
    if (best) return best.found;
  }
  return undefined;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
