import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findExecutable } from '../runtimes/executables';
import { RuntimeSetupError } from '../runtimes/runtimeSetupError';

/** The major version of the AWS SDK for JavaScript that Lambda's Node.js 18+ runtimes ship (in /var/runtime/node_modules). */
export const LAMBDA_SDK_MAJOR = 3;

/** Our copy of the runtime's SDK, shared by every function and project: `<cacheDir>/aws-sdk-v3`. */
export function runtimeSdkFolder(cacheDir: string): string {
  return path.join(cacheDir, `aws-sdk-v${LAMBDA_SDK_MAJOR}`);
}

/** The node_modules folder that goes on NODE_PATH where Lambda has /var/runtime/node_modules. */
export function runtimeSdkModules(cacheDir: string): string {
  return path.join(runtimeSdkFolder(cacheDir), 'node_modules');
}

export function isInstalledIn(modules: string, name: string): boolean {
  return fs.existsSync(path.join(modules, ...name.split('/'), 'package.json'));
}

/** The command a user can run to do what installRuntimeSdk does. */
export function runtimeSdkInstallCommand(cacheDir: string, packages: readonly string[]): string {
  return `npm install --prefix "${runtimeSdkFolder(cacheDir)}" ${packages.map((p) => `${p}@${LAMBDA_SDK_MAJOR}`).join(' ')}`;
}

/** About how much an install adds: the SDK's shared core once (~16 MB measured for @aws-sdk/client-sts), then a few MB a client. */
export function estimatedInstallMb(cacheDir: string, packages: readonly string[]): number {
  const core = isInstalledIn(runtimeSdkModules(cacheDir), '@aws-sdk/core') ? 0 : 16;
  return core + 3 * packages.length;
}

export interface InstallOptions {
  readonly signal?: AbortSignal;
  /** What npm is doing, in a few words ("fetched 12 packages"). */
  readonly onProgress?: (message: string) => void;
}

/**
 * Installs `packages` (at Lambda's SDK major) into the runtime SDK cache with the npm on PATH: the extension host's
 * own Node (Electron's) cannot run npm, so this needs a Node.js install with npm. Earlier installs are kept: the
 * cache's package.json lists them all.
 */
export async function installRuntimeSdk(cacheDir: string, packages: readonly string[], options: InstallOptions = {}): Promise<void> {
  const npm = findExecutable(process.platform === 'win32' ? 'npm.cmd' : 'npm');
  const what = packages.join(', ');
  if (!npm) {
    throw new RuntimeSetupError(`Installing ${what} needs npm, which is not on PATH: install Node.js (it comes with npm), or add ${what} to the function's package.json and install it there.`, 'Runtime.ImportModuleError');
  }
  const folder = runtimeSdkFolder(cacheDir);
  await fs.promises.mkdir(folder, { recursive: true });
  const manifest = path.join(folder, 'package.json');
  if (!fs.existsSync(manifest)) {
    await fs.promises.writeFile(manifest, JSON.stringify({ private: true, description: "The AWS SDK packages Lambda's Node.js runtime provides, for local runs by Serverless Explorer" }, null, 2));
  }
  const args = ['install', '--prefix', folder, '--no-audit', '--no-fund', '--loglevel=http', '--progress=false', ...packages.map((p) => `${p}@${LAMBDA_SDK_MAJOR}`)];
  options.onProgress?.(`npm install ${what}…`);
  await new Promise<void>((resolve, reject) => {
    // npm.cmd runs through cmd.exe on Windows, which splits unquoted arguments at spaces (a user folder with one).
    const shellArgs = process.platform === 'win32' ? args.map((a) => (/\s/.test(a) ? `"${a}"` : a)) : args;
    const child = spawn(npm, shellArgs, { cwd: folder, shell: process.platform === 'win32', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });
    const abort = () => child.kill();
    options.signal?.addEventListener('abort', abort, { once: true });
    let fetched = 0;
    let tail = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      tail = (tail + text).slice(-4000);
      const fetches = text.match(/^npm http fetch GET 200 /gm)?.length ?? 0;
      if (fetches > 0) options.onProgress?.(`npm install ${what}: fetched ${(fetched += fetches)} packages`);
    });
    child.on('error', (error) => reject(npmFailed(what, `could not start ${npm}: ${error.message}`)));
    child.on('close', (code) => {
      options.signal?.removeEventListener('abort', abort);
      if (options.signal?.aborted) reject(options.signal.reason instanceof Error ? options.signal.reason : new Error('The install was cancelled.'));
      else if (code === 0) resolve();
      else reject(npmFailed(what, lastErrorLines(tail) || `${npm} exited with code ${code}`));
    });
  });
}

function npmFailed(what: string, detail: string): RuntimeSetupError {
  return new RuntimeSetupError(`npm could not install ${what}: ${detail}`, 'Runtime.ImportModuleError');
}

function lastErrorLines(output: string): string {
  return output
    .split('\n')
    .filter((line) => line.startsWith('npm error') || line.startsWith('npm ERR!'))
    .slice(-4)
    .join(' / ');
}
