import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createBundleLoader } from '../../../../src/ui/shell/bundleLoader';

// The shell loads dist/ui.js and everything behind it through this loader: it must behave as require does, and the
// code cache it keeps must never run old code. Each "window" is a process of its own: within one process V8 keeps
// what it compiled and would hide whether the cache was used.

interface WindowLoad {
  readonly result: string;
  readonly counts: { readonly fromCache: number; readonly compiled: number };
}

/** Loads entry.js as a new window would (a new process), writes the caches it lacked, and says what it did. */
function loadInNewWindow(dir: string, cacheDir: string): WindowLoad {
  const script = `
    const { createBundleLoader } = require(${JSON.stringify(require.resolve('../../../../src/ui/shell/bundleLoader'))});
    const bundles = createBundleLoader({ dir: ${JSON.stringify(dir)}, cacheDir: ${JSON.stringify(cacheDir)}, hostRequire: require });
    const result = bundles.load('entry.js').run();
    bundles.flush().then(() => process.stdout.write(JSON.stringify({ result, counts: bundles.counts })));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as WindowLoad;
}

describe('the bundle loader (src/ui/shell/bundleLoader.ts)', () => {
  let dir: string;
  let cacheDir: string;
  const write = (name: string, source: string) => fs.writeFileSync(path.join(dir, name), source);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the loader's host require is a require
  const hostRequire = (id: string): unknown => require(id);
  const loader = (options: { cache?: boolean } = {}) => createBundleLoader({ dir, cacheDir: options.cache === false ? undefined : cacheDir, hostRequire });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-bundles-'));
    cacheDir = path.join(dir, 'cache');
    write('chunk-A.js', 'exports.greet = (name) => `hello ${name}`;');
    write('entry.js', 'const a = require("./chunk-A.js"); const p = require("node:path"); exports.run = () => a.greet(p.basename(__filename));');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads a bundle, its chunks through itself and the rest through the host, with __filename and exports as require gives them', () => {
    const bundles = loader();
    const entry = bundles.load('entry.js') as { run: () => string };
    assert.equal(entry.run(), 'hello entry.js');
    assert.equal(bundles.load('entry.js'), entry, 'a second load returns the same exports');
    assert.deepEqual(bundles.counts, { fromCache: 0, compiled: 2 });
  });

  it('compiles nothing in the next window once the caches are written, and gives the same results', () => {
    assert.deepEqual(loadInNewWindow(dir, cacheDir), { result: 'hello entry.js', counts: { fromCache: 0, compiled: 2 } });
    assert.deepEqual(loadInNewWindow(dir, cacheDir), { result: 'hello entry.js', counts: { fromCache: 2, compiled: 0 } });
  });

  it('runs the new text of a changed file, never its old cache, and keeps one cache per file', () => {
    loadInNewWindow(dir, cacheDir);
    // Same length: V8's own check of a cache looks at the length of the text only.
    write('chunk-A.js', 'exports.greet = (name) => `HELLO ${name}`;');
    fs.utimesSync(path.join(dir, 'chunk-A.js'), new Date(), new Date(Date.now() + 5000));
    assert.deepEqual(loadInNewWindow(dir, cacheDir), { result: 'HELLO entry.js', counts: { fromCache: 1, compiled: 1 } });
    const [v8Dir] = fs.readdirSync(cacheDir);
    assert.equal(fs.readdirSync(path.join(cacheDir, v8Dir)).filter((f) => f.startsWith('chunk-A.js')).length, 1);
    assert.deepEqual(loadInNewWindow(dir, cacheDir).counts, { fromCache: 2, compiled: 0 });
  });

  it('loads as if there were no cache when a cache file is damaged or the folder cannot be written', () => {
    loadInNewWindow(dir, cacheDir);
    const [v8Dir] = fs.readdirSync(cacheDir);
    for (const file of fs.readdirSync(path.join(cacheDir, v8Dir))) fs.writeFileSync(path.join(cacheDir, v8Dir, file), 'not a code cache');
    assert.deepEqual(loadInNewWindow(dir, cacheDir), { result: 'hello entry.js', counts: { fromCache: 0, compiled: 2 } });
    assert.deepEqual(loadInNewWindow(dir, cacheDir).counts, { fromCache: 2, compiled: 0 }, 'the damaged caches are replaced');

    fs.rmSync(cacheDir, { recursive: true });
    fs.writeFileSync(cacheDir, 'a file where the folder should be');
    assert.deepEqual(loadInNewWindow(dir, cacheDir), { result: 'hello entry.js', counts: { fromCache: 0, compiled: 2 } });
    assert.equal(fs.readFileSync(cacheDir, 'utf8'), 'a file where the folder should be');
  });

  it('throws what a bundle throws, and runs it again on the next load as require does', () => {
    write('broken.js', 'globalThis.__seBrokenRuns = (globalThis.__seBrokenRuns ?? 0) + 1; throw new Error("broken at load");');
    const bundles = loader({ cache: false });
    assert.throws(() => bundles.load('broken.js'), /broken at load/);
    assert.throws(() => bundles.load('broken.js'), /broken at load/);
    assert.equal((globalThis as { __seBrokenRuns?: number }).__seBrokenRuns, 2);
  });

  it('says which file is missing', () => {
    assert.throws(() => loader().load('chunk-GONE.js'), (error: NodeJS.ErrnoException) => error.code === 'ENOENT' && error.message.includes('chunk-GONE.js'));
  });

  it('removes the caches of another V8', async () => {
    fs.mkdirSync(path.join(cacheDir, 'v8-1.0.0'), { recursive: true });
    fs.writeFileSync(path.join(cacheDir, 'v8-1.0.0', 'entry.js.1-1.cache'), 'old');
    const bundles = loader();
    bundles.load('entry.js');
    await bundles.flush();
    assert.deepEqual(fs.readdirSync(cacheDir), [`v8-${process.versions.v8}`]);
  });
});
