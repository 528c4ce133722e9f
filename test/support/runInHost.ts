import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from './browser';
import { CodeServer, installExtension } from './codeServer';
import { CACHE } from './paths';

export interface HostRun {
  /** The extension folder (its package.json), loaded as a development extension. */
  readonly extensionDevelopmentPath: string;
  /** Extensions installed in the host's extensions folder first (stand-ins for what cannot be installed here). */
  readonly vsixes?: readonly string[];
  /** Compiled module exporting `run()`, as for @vscode/test-electron. */
  readonly extensionTestsPath: string;
  /** Folder opened as the workspace. */
  readonly workspace: string;
  /** Environment of code-server and so of the extension host. */
  readonly env?: Record<string, string>;
  readonly settings?: Record<string, unknown>;
  /** Open the workspace in Restricted Mode (Workspace Trust on, the folder not trusted). */
  readonly untrusted?: boolean;
  readonly timeoutMs?: number;
  /** Receives each line the extension host logs; default: printed (errors to stderr). */
  readonly onLog?: (type: string, line: string) => void;
  /** Parent of the run's scratch folder (code-server's home); default: the cache folder. */
  readonly scratchParent?: string;
  /** A browser to open the workbench in (in a context of its own), left open; default: a Chromium of its own. */
  readonly browser?: Browser;
}

const printLog = (type: string, line: string) => (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);

/**
 * Runs an extension test suite inside the real extension host of VS Code (code-server + headless
 * Chromium) and resolves with the runner's exit code. The host only starts once a browser opens the
 * workbench; the smoke-test driver makes the workbench honour the test payload.
 */
export async function runInHost(run: HostRun): Promise<number> {
  const home = fs.mkdtempSync(path.join(run.scratchParent ?? CACHE, 'host-'));
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  try {
    for (const vsix of run.vsixes ?? []) installExtension(home, vsix);
    server = await CodeServer.start({ home, smokeTestDriver: true, env: run.env, settings: run.settings, untrusted: run.untrusted });
    browser = run.browser ?? (await launchChromium());
    context = await browser.newContext();
    const page = await context.newPage();
    const exit = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    const onLog = run.onLog ?? printLog;
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => onLog(type, format(...(args as [unknown, ...unknown[]]))));
    const host = new URL(server.url).host;
    const remote = (p: string) => `vscode-remote://${host}${p}`;
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
    await context?.close().catch(() => undefined);
    if (!run.browser) await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
