import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { PreparationStep, PreparedCode } from '../preparation/preparedCode';
import { isFile } from '../runtimes/executables';
import { RuntimeSetupError } from '../runtimes/runtimeSetupError';
import type { LocalFunctionDefinition } from '../types';
import { esbuildArgs } from './esbuildArgs';
import { findEsbuild } from './findEsbuild';
import { inputStates, isCurrent, readStamp, writeStamp } from './buildStamp';
import type { EsbuildBuild } from './functionBuild';
import { withNodeModules } from './nodeModulesPath';

/** Builds of one function that are still running, so that concurrent cold starts share one. */
const running = new Map<string, Promise<string>>();

/**
 * `Metadata: BuildMethod: esbuild`: bundles the function as sam build does, into our cache (never the user's tree),
 * and starts it from there. Builds again only when an input esbuild read (its metafile lists them), the tsconfig,
 * package.json or the command changed. The output still resolves the project's node_modules (External packages)
 * through NODE_PATH, since it lives outside the tree.
 */
export const esbuildStep: PreparationStep = async (definition, code, context) => {
  const build = definition.build;
  if (build?.method !== 'esbuild') return code;
  const buildsDir = path.join(context.cacheDir, 'esbuild', functionKey(definition));
  let pending = running.get(buildsDir);
  if (!pending) {
    pending = currentBuild(definition, build, buildsDir).finally(() => running.delete(buildsDir));
    running.set(buildsDir, pending);
  }
  const outDir = await pending;
  return { ...code, taskRoot: outDir, env: withNodeModules(code.env, await nodeModulesFolders(definition.codeDir, build.projectRoot)) } satisfies PreparedCode;
};

/** One cache folder per function of a template (its file and logical id), or per ad hoc folder and handler. */
function functionKey(d: LocalFunctionDefinition): string {
  const identity = d.origin ? `${d.origin.file}\0${d.origin.id}` : `${d.codeDir}\0${d.handler}`;
  return `${d.name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40)}-${createHash('sha256').update(identity).digest('hex').slice(0, 16)}`;
}

async function currentBuild(definition: LocalFunctionDefinition, build: EsbuildBuild, buildsDir: string): Promise<string> {
  const esbuild = await findEsbuild(definition.codeDir, build.projectRoot);
  const entries = await Promise.all(build.entryPoints.map((entry) => entryFile(definition.codeDir, entry)));
  const dependencies = await packageDependencies(definition.codeDir);
  // The command with a placeholder for the output folder, which differs per build.
  const key = JSON.stringify([esbuild, esbuildArgs(build, entries, '<out>', '<meta>', dependencies)]);
  const stamp = await readStamp(buildsDir);
  if (stamp && (await isCurrent(stamp, key)) && (await isDirectory(stamp.outDir))) return stamp.outDir;

  const outDir = path.join(buildsDir, randomUUID().slice(0, 8));
  const metafile = path.join(buildsDir, 'meta', path.basename(outDir) + '.json');
  await fs.mkdir(path.dirname(metafile), { recursive: true });
  await runEsbuild(esbuild, esbuildArgs(build, entries, outDir, metafile, dependencies), definition);
  const meta = JSON.parse(await fs.readFile(metafile, 'utf8')) as { inputs?: Record<string, unknown> };
  const read = Object.keys(meta.inputs ?? {})
    .filter((input) => !/^[a-z-]+:/.test(input))
    .map((input) => path.resolve(definition.codeDir, input));
  // What esbuild reads without listing it: the tsconfig (paths, decorators, target) and package.json (dependencies).
  const settings = ['tsconfig.json', 'package.json'].map((file) => path.join(definition.codeDir, file));
  await writeStamp(buildsDir, { key, outDir, inputs: await inputStates([...new Set([...read, ...settings])]) });
  // Off the cold start's path: nothing waits for older builds to go.
  void removeOlderBuilds(buildsDir, [outDir, stamp?.outDir]).catch(() => undefined);
  return outDir;
}

async function isDirectory(dir: string): Promise<boolean> {
  return fs.stat(dir).then((stat) => stat.isDirectory(), () => false);
}

/** An entry point as sam build finds it: the file as written, or with .ts, then .js, when it has no extension. */
async function entryFile(codeDir: string, entry: string): Promise<string> {
  const candidates = path.extname(entry) ? [entry] : [`${entry}.ts`, `${entry}.js`];
  for (const candidate of candidates) if (await isFile(path.resolve(codeDir, candidate))) return candidate;
  throw new RuntimeSetupError(
    `the esbuild entry point ${candidates.join(' or ')} does not exist in ${codeDir} (set Metadata.BuildProperties.EntryPoints to the handler's file, relative to CodeUri).`,
    'Runtime.InvalidEntrypoint',
  );
}

async function packageDependencies(codeDir: string): Promise<string[]> {
  try {
    const manifest = JSON.parse(await fs.readFile(path.join(codeDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    return Object.keys(manifest.dependencies ?? {});
  } catch {
    return [];
  }
}

function runEsbuild(esbuild: string, args: string[], definition: LocalFunctionDefinition): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(esbuild, args, { cwd: definition.codeDir, maxBuffer: 16 * 1024 * 1024, windowsHide: true, shell: process.platform === 'win32' }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      const messages = stderr.trim() || error.message;
      reject(new RuntimeSetupError(`esbuild could not build ${definition.name} (in ${definition.codeDir}):\n${messages}`, 'Runtime.InvalidEntrypoint'));
    });
  });
}

/** The node_modules folders from the code folder up to the template's, nearest first: what the code in the tree would resolve. */
async function nodeModulesFolders(codeDir: string, projectRoot: string): Promise<string[]> {
  const folders: string[] = [];
  const top = path.resolve(projectRoot);
  for (let dir = path.resolve(codeDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules');
    try {
      if ((await fs.stat(candidate)).isDirectory()) folders.push(candidate);
    } catch {
      // none here
    }
    if (dir === top || path.dirname(dir) === dir || path.relative(top, dir).startsWith('..')) break;
  }
  return folders;
}

/** Builds before the current and the previous one go: an environment still running may read the previous one's maps. */
async function removeOlderBuilds(buildsDir: string, keep: readonly (string | undefined)[]): Promise<void> {
  const entries = await fs.readdir(buildsDir, { withFileTypes: true }).catch(() => []);
  await Promise.all(
    entries
      .filter((entry) => entry.isDirectory() && entry.name !== 'meta' && !keep.some((k) => k && path.basename(k) === entry.name))
      .map(async (entry) => {
        await fs.rm(path.join(buildsDir, entry.name), { recursive: true, force: true });
        await fs.rm(path.join(buildsDir, 'meta', `${entry.name}.json`), { force: true });
      }),
  );
}
