import * as fs from 'node:fs';
import { wrap } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

// Loads our own lazily required bundles (dist/ui.js, dist/ui-*.js, dist/sdk-*.js and their chunks) the way Node's
// require does, with one difference: each file's compiled code is kept in a V8 code cache, so that every window after
// the first skips compiling it. Compiling is about half of a first load (the Lambda listing's 29 files: ~30 of
// ~55 ms). Node's own compile cache (module.enableCompileCache) would do this for every extension of the shared
// extension host, which is not ours to change; this covers only the files of dist/ that the bundles require as
// "./name.js". Everything else ('vscode', node:*) is required through the shell's own require.

export interface BundleLoaderOptions {
  /** The folder of the bundles (dist/). */
  readonly dir: string;
  /** Where the code caches are kept; undefined: none (each load compiles, as require does). */
  readonly cacheDir?: string;
  /** Requires what is not one of our bundles, for the bundles: 'vscode' must come from a module of the extension. */
  readonly hostRequire: (id: string) => unknown;
}

export interface BundleLoader {
  /** The exports of dist/<name>, loaded now if it was not. */
  load(name: string): unknown;
  /** Writes the code caches of the files compiled without one. Called by itself a little after a load. */
  flush(): Promise<void>;
  /** How many files came from a code cache and how many were compiled, so far. */
  readonly counts: { readonly fromCache: number; readonly compiled: number };
}

interface LoadedModule {
  exports: unknown;
}

const OWN_BUNDLE = /^\.\/([\w-]+\.js)$/;
/** Long enough that the caches are written after the rows that needed the load have shown. */
const FLUSH_DELAY_MS = 3000;

export function createBundleLoader(options: BundleLoaderOptions): BundleLoader {
  const modules = new Map<string, LoadedModule>();
  const pending: { script: vm.Script; file: string }[] = [];
  const counts = { fromCache: 0, compiled: 0 };
  let flushTimer: NodeJS.Timeout | undefined;
  // One folder per V8 (a cache from another V8 is rejected anyway); stale files are replaced file by file.
  const cacheDir = options.cacheDir && path.join(options.cacheDir, `v8-${process.versions.v8}`);

  const requireFor = (id: string): unknown => {
    const own = OWN_BUNDLE.exec(id);
    return own ? load(own[1]) : options.hostRequire(id);
  };

  function load(name: string): unknown {
    const loaded = modules.get(name);
    if (loaded) return loaded.exports;
    const file = path.join(options.dir, name);
    // Stat before reading: a file rewritten in between then gets a key its new text will not match, never the reverse.
    const cacheFile = cacheDir && cacheFileOf(cacheDir, name, fs.statSync(file));
    const source = fs.readFileSync(file, 'utf8');
    const cachedData = cacheFile ? readOrUndefined(cacheFile) : undefined;
    const script = new vm.Script(wrap(source), { filename: file, cachedData });
    if (cachedData && !script.cachedDataRejected) counts.fromCache++;
    else {
      counts.compiled++;
      if (cacheFile) pending.push({ script, file: cacheFile });
    }
    const module: LoadedModule = { exports: {} };
    // Registered before it runs, as require does, so that a cycle sees the exports so far.
    modules.set(name, module);
    try {
      (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, requireFor, module, file, options.dir);
    } catch (error) {
      modules.delete(name);
      throw error;
    }
    if (pending.length > 0 && !flushTimer) {
      flushTimer = setTimeout(() => void flush(), FLUSH_DELAY_MS);
      flushTimer.unref();
    }
    return module.exports;
  }

  async function flush(): Promise<void> {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    const writing = pending.splice(0);
    if (!cacheDir || writing.length === 0) return;
    try {
      await fs.promises.mkdir(cacheDir, { recursive: true });
      await removeOtherV8s(cacheDir);
      for (const { script, file } of writing) {
        // After the run, the cache also holds the functions that the load compiled lazily.
        // Whole or not at all: another window may be reading the folder now.
        const partial = `${file}.${process.pid}.partial`;
        await fs.promises.writeFile(partial, script.createCachedData());
        await fs.promises.rename(partial, file);
        await removeOtherVersions(file);
      }
    } catch {
      // A cache that cannot be written costs the next window its compile time, nothing else.
    }
  }

  return { load, flush, counts };
}

/** The file's size and time of change are in the name: a changed file never meets the cache of its old text. */
function cacheFileOf(cacheDir: string, name: string, stat: fs.Stats): string {
  return path.join(cacheDir, `${name}.${stat.size}-${Math.trunc(stat.mtimeMs)}.cache`);
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

async function removeOtherVersions(cacheFile: string): Promise<void> {
  const dir = path.dirname(cacheFile);
  const prefix = path.basename(cacheFile).replace(/\.\d+-\d+\.cache$/, '.');
  for (const other of await fs.promises.readdir(dir)) {
    if (other.startsWith(prefix) && /^\d+-\d+\.cache$/.test(other.slice(prefix.length)) && path.join(dir, other) !== cacheFile) {
      await fs.promises.rm(path.join(dir, other), { force: true });
    }
  }
}

/** The caches of the V8 of an earlier VS Code are of no use to this one. */
async function removeOtherV8s(cacheDir: string): Promise<void> {
  const parent = path.dirname(cacheDir);
  for (const other of await fs.promises.readdir(parent)) {
    if (other.startsWith('v8-') && path.join(parent, other) !== cacheDir) await fs.promises.rm(path.join(parent, other), { recursive: true, force: true });
  }
}
