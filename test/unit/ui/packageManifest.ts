import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root, seen from the compiled tests (out/test/unit/ui). */
export const REPO_ROOT = path.join(__dirname, '..', '..', '..', '..');

/** The extension's package.json, typed as much as a test needs it. */
export function packageManifest<T>(): T {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as T;
}
