import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Where local runs keep what they make outside the user's tree (builds, unpacked archives, layers, the runtime's
 * SDK) when no folder is given: the extension passes its global storage; the CLI uses this. The platform's cache
 * folder, so that clearing caches clears it.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SERVERLESS_EXPLORER_CACHE_DIR) return path.resolve(env.SERVERLESS_EXPLORER_CACHE_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'serverless-explorer', 'Cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'serverless-explorer');
  return path.join(env.XDG_CACHE_HOME ?? path.join(home, '.cache'), 'serverless-explorer');
}
