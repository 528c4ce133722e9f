import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The first executable file of that name on PATH. With `mustRun`, one that also answers `--version`: pyenv and
 * similar put shims on PATH that exist but fail for versions not selected.
 */
export function findExecutable(name: string, mustRun = false): string | undefined {
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

/** What `<command> --version` prints, trimmed; empty when it prints nothing. */
export function versionOf(command: string): string {
  return (spawnSync(command, ['--version'], { encoding: 'utf8' }).stdout ?? '').trim();
}

export function isFileSync(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(file)).isFile();
  } catch {
    return false;
  }
}
