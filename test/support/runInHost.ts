import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { launchChromium } from './browser';
import { CodeServer } from './codeServer';
import { CACHE } from './paths';

export interface HostRun {
  /** The extension folder (its package.json), loaded as a development extension. */
  readonly extensionDevelopmentPath: string;
  /** Compiled module exporting `run()`, as for @vscode/test-electron. */
  readonly extensionTestsPath: string;
  /** Folder opened as the workspace. */
  readonly workspace: string;
  /** Environment of code-server and so of the extension host. */
  readonly env?: Record<string, string>;
  readonly settings?: Record<string, unknown>;
  readonly timeoutMs?: number;
}

/**
 * Runs an extension test suite inside the real extension host of VS Code (code-server + headless
 * Chromium) and resolves with the runner's exit code. The host only starts once a browser opens the
 * workbench; the smoke-test driver makes the workbench honour the test payload.
 */
export async function runInHost(run: HostRun): Promise<number> {
  const home = fs.mkdtempSync(path.join(CACHE, 'host-'));
  const server = await CodeServer.start({ home, smokeTestDriver: true, env: run.env, settings: run.settings });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const exit = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = format(...(args as [unknown, ...unknown[]]));
      (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
    });
    const remote = (p: string) => `vscode-remote://${new URL(server.url).host}${p}`;
    const url = server.workbenchUrl(run.workspace, [
      ['extensionDevelopmentPath', remote(run.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(run.extensionTestsPath)],
      ['skipWelcome', 'true'],
    ]);
    await page.goto(url);
    const timeoutMs = run.timeoutMs ?? 10 * 60_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        console.error(`The extension tests did not finish within ${timeoutMs / 1000} s; see ${home}/code-server.log`);
        resolve(1);
      }, timeoutMs);
    });
    const code = await Promise.race([exit, timeout]);
    clearTimeout(timer);
    return code;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
