import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PreparationStep } from '../preparation/preparedCode';
import { RuntimeSetupError } from '../runtimes/runtimeSetupError';
import type { LocalFunctionDefinition } from '../types';
import { awsSdkImports } from './sdkImports';
import { estimatedInstallMb, installRuntimeSdk, isInstalledIn, runtimeSdkFolder, runtimeSdkInstallCommand, runtimeSdkModules } from './runtimeSdkCache';
import type { RuntimeSdkProvider, RuntimeSdkRequest } from './runtimeSdkProvider';


/** A function imports part of the runtime's SDK that is not installed anywhere it could be loaded from. */
export class RuntimeSdkMissingError extends RuntimeSetupError {
  constructor(
    readonly request: Omit<RuntimeSdkRequest, 'install'>,
    readonly installCommand: string,
  ) {
    const list = request.packages.join(', ');
    super(
      `${request.functionName} imports ${list}, which Lambda's ${request.runtime} runtime provides but the project does not install. ` +
        `Install ${them(request.packages)} into Serverless Explorer's runtime cache (${installCommand}), or ${projectInstall(request.declaredIn, request.packages)}.`,
      'Runtime.ImportModuleError',
    );
  }
}

/** The other way: the project's own install, where its package.json already declares the package. */
export function projectInstall(declaredIn: string | undefined, packages: readonly string[]): string {
  return declaredIn ? `run npm install in ${declaredIn} (its package.json declares ${them(packages)})` : `add ${them(packages)} to the function's package.json and run npm install`;
}

export function them(packages: readonly string[]): string {
  return packages.length > 1 ? 'them' : 'it';
}

/** Lambda's Node.js 18 and later runtimes ship the AWS SDK for JavaScript v3 (nodejs16.x shipped v2). */
export function providesSdkV3(runtime: string): boolean {
  const major = /^nodejs(\d+)\.x$/.exec(runtime)?.[1];
  return major !== undefined && Number(major) >= 18;
}

/** Installs in progress, per cache folder: functions starting together ask once. */
const installing = new Map<string, Promise<unknown>>();

/**
 * What Lambda's Node.js runtime has in /var/runtime/node_modules: our cache of it goes last on NODE_PATH (after the
 * layers' folders), so the project's own node_modules and its layers win, as on Lambda. Packages the code imports that
 * nothing provides are offered to `context.provideRuntimeSdk` before the runtime starts.
 */
export const runtimeSdkStep: PreparationStep = async (definition, code, context) => {
  if (!providesSdkV3(definition.runtime)) return code;
  const modules = runtimeSdkModules(context.cacheDir);
  const searched = [...nodeModulesUp(code.taskRoot), ...nodeModulesUp(definition.codeDir), ...nodePath(code.env.NODE_PATH), ...nodePath(definition.environment.NODE_PATH), modules];
  const imported = await awsSdkImports(code.taskRoot);
  const missing = () => imported.filter((name) => !searched.some((folder) => isInstalledIn(folder, name)));
  if (missing().length > 0) {
    const folder = runtimeSdkFolder(context.cacheDir);
    await installing.get(folder)?.catch(() => undefined);
    if (missing().length > 0) {
      const asked = obtain(definition, missing(), context.cacheDir, context.provideRuntimeSdk);
      installing.set(folder, asked);
      try {
        await asked;
      } finally {
        if (installing.get(folder) === asked) installing.delete(folder);
      }
    }
  }
  if (!fs.existsSync(modules)) return code;
  return { ...code, env: { ...code.env, NODE_PATH: [...nodePath(code.env.NODE_PATH), modules].join(path.delimiter) } };
};

async function obtain(definition: LocalFunctionDefinition, packages: string[], cacheDir: string, provider: RuntimeSdkProvider | undefined): Promise<void> {
  const request = {
    functionName: definition.name,
    runtime: definition.runtime,
    packages,
    folder: runtimeSdkFolder(cacheDir),
    estimatedMb: estimatedInstallMb(cacheDir, packages),
    declaredIn: declaringFolder(definition.codeDir, packages),
  };
  const installed = provider ? await provider({ ...request, install: (options) => installRuntimeSdk(cacheDir, packages, options) }) : false;
  const modules = runtimeSdkModules(cacheDir);
  if (!installed || packages.some((name) => !isInstalledIn(modules, name))) throw new RuntimeSdkMissingError(request, runtimeSdkInstallCommand(cacheDir, packages));
}

/** The nearest folder at or above the code whose package.json declares one of the packages. */
function declaringFolder(dir: string, packages: readonly string[]): string | undefined {
  for (const modules of nodeModulesUp(dir)) {
    const folder = path.dirname(modules);
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as Record<string, Record<string, unknown> | undefined>;
      if (packages.some((name) => manifest.dependencies?.[name] !== undefined || manifest.devDependencies?.[name] !== undefined)) return folder;
    } catch {
      // no package.json here, or not JSON
    }
  }
  return undefined;
}

/** node_modules in the folder and each one above it, as Node searches from a file there. */
function nodeModulesUp(dir: string): string[] {
  const folders: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    folders.push(path.join(d, 'node_modules'));
    if (path.dirname(d) === d) return folders;
  }
}

function nodePath(value: string | undefined): string[] {
  return (value ?? '').split(path.delimiter).filter(Boolean);
}
