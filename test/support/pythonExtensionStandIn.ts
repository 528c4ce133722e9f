import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './paths';

/**
 * Packs test/support/pythonExtensionStandIn (a stand-in of the Python extension's API, under its id, for tests only:
 * the real ms-python.python cannot be installed here) into a .vsix in `dir`, for runInHost to install.
 */
export function packPythonExtensionStandIn(dir: string): string {
  const vsix = path.join(dir, 'python-extension-stand-in.vsix');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], {
    cwd: path.join(ROOT, 'test', 'support', 'pythonExtensionStandIn'),
    stdio: 'ignore',
  });
  return vsix;
}
