import * as fs from 'node:fs';
import * as path from 'node:path';
import { CACHE } from './paths';
import { runInHost } from './runInHost';

/**
 * A stand-in for the `code` executable that @vscode/test-electron launches: it reads the VS Code
 * command line it is given and runs the same extension tests in code-server + headless Chromium.
 * Use it as `vscodeExecutablePath` (scripts/code-shim) where desktop VS Code cannot be downloaded.
 */
export function parseCodeArgs(argv: readonly string[]): { developmentPath?: string; testsPath?: string; folder?: string } {
  const result: { developmentPath?: string; testsPath?: string; folder?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? [arg.split('=')[0], arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : undefined] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--extensionDevelopmentPath') result.developmentPath = value();
    else if (flag === '--extensionTestsPath') result.testsPath = value();
    else if (flag === '--user-data-dir' || flag === '--extensions-dir') {
      if (inline === undefined) i++;
    } else if (!arg.startsWith('-')) result.folder = arg;
  }
  return result;
}

async function main(): Promise<number> {
  const { developmentPath, testsPath, folder } = parseCodeArgs(process.argv.slice(2));
  if (!developmentPath || !testsPath) {
    console.error('code-shim runs extension tests only: pass --extensionDevelopmentPath=<dir> and --extensionTestsPath=<file>.');
    return 2;
  }
  fs.mkdirSync(CACHE, { recursive: true });
  const workspace = folder ?? fs.mkdtempSync(path.join(CACHE, 'shim-workspace-'));
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  return runInHost({ extensionDevelopmentPath: path.resolve(developmentPath), extensionTestsPath: path.resolve(testsPath), workspace: path.resolve(workspace), env });
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (error: Error) => {
      console.error(`code-shim: ${error.message}`);
      process.exitCode = 1;
    },
  );
}
