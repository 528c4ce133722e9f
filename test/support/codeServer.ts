import { spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePort, portInUse, waitFor } from './freePort';
import { CODE_SERVER_ENTRY, NODE24 } from './paths';
import { spawnGroup, stopGroup } from './processGroup';

export interface CodeServerOptions {
  /** Scratch folder for user data, extensions, XDG dirs and TMPDIR: nothing is written to the home folder. */
  readonly home: string;
  readonly port?: number;
  /** Lets a page's `payload` start extension tests (needed for the integration suite). */
  readonly smokeTestDriver?: boolean;
  /** Added to the environment of code-server, and so of the extension host. */
  readonly env?: Record<string, string>;
  /** User settings.json content. */
  readonly settings?: Record<string, unknown>;
  /** Workspace Trust on, the folder not trusted: the workspace opens in Restricted Mode. */
  readonly untrusted?: boolean;
  /** Keep running after this process exits (the demo); output then goes to <home>/code-server.log. */
  readonly detached?: boolean;
  /** Print code-server's output (for debugging a harness). */
  readonly verbose?: boolean;
}

/** Settings for clean screenshots and quiet tests. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'workbench.colorTheme': 'Default Dark Modern',
  // Test and demo workspaces live inside this repository's .vscode-test folder.
  'git.openRepositoryInParentFolders': 'never',
};

/** Trust on, and no prompt: a folder nobody trusted opens in Restricted Mode. */
const RESTRICTED_MODE_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.emptyWindow': false,
};

export function assertCodeServerInstalled(): void {
  if (!fs.existsSync(NODE24) || !fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server is not installed in ${path.dirname(path.dirname(path.dirname(CODE_SERVER_ENTRY)))}.\nRun: bash scripts/setup-vscode.sh`);
  }
}

function dirs(home: string) {
  return {
    userData: path.join(home, 'user-data'),
    extensions: path.join(home, 'extensions'),
    xdg: path.join(home, 'xdg'),
    tmp: path.join(home, 'tmp'),
  };
}

function baseEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const d = dirs(home);
  return {
    ...process.env,
    PATH: `${path.dirname(NODE24)}:${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: path.join(d.xdg, 'config'),
    XDG_DATA_HOME: path.join(d.xdg, 'data'),
    XDG_CACHE_HOME: path.join(d.xdg, 'cache'),
    TMPDIR: d.tmp,
    // Where the extensions' global storage is, for the tests that look at what the extension keeps there.
    SE_TEST_USER_DATA_DIR: d.userData,
    ...extra,
  };
}

/** Installs a .vsix into the extensions folder of that home. */
export function installExtension(home: string, vsix: string): void {
  assertCodeServerInstalled();
  const d = dirs(home);
  for (const dir of Object.values(d)) fs.mkdirSync(dir, { recursive: true });
  const result = spawnSync(
    NODE24,
    [CODE_SERVER_ENTRY, '--user-data-dir', d.userData, '--extensions-dir', d.extensions, '--install-extension', vsix, '--force'],
    { env: baseEnv(home), encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
}

export class CodeServer {
  private constructor(
    readonly url: string,
    readonly pid: number,
    private readonly child: ChildProcess,
  ) {}

  static async start(options: CodeServerOptions): Promise<CodeServer> {
    assertCodeServerInstalled();
    const d = dirs(options.home);
    for (const dir of Object.values(d)) fs.mkdirSync(dir, { recursive: true });
    fs.mkdirSync(path.join(d.userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(d.userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...(options.untrusted ? RESTRICTED_MODE_SETTINGS : {}), ...options.settings }, null, 2));
    const port = options.port ?? (await freePort());
    if (await portInUse(port)) {
      throw new Error(`Cannot start code-server: port ${port} on 127.0.0.1 is already in use. Stop what uses it or choose another port.`);
    }
    const args = [
      CODE_SERVER_ENTRY,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--user-data-dir', d.userData,
      '--extensions-dir', d.extensions,
      '--disable-telemetry',
      '--disable-update-check',
      ...(options.untrusted ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ];
    if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
    const logFile = path.join(options.home, 'code-server.log');
    const out = options.detached || !options.verbose ? fs.openSync(logFile, 'w') : 'inherit';
    const child = spawnGroup(NODE24, args, { env: baseEnv(options.home, options.env), stdio: ['ignore', out, out] });
    if (typeof out === 'number') fs.closeSync(out);
    let exited: number | null | undefined;
    child.once('exit', (code) => (exited = code));
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitFor(`code-server on ${url}`, 60_000, async () => {
        if (exited !== undefined) throw new Error(`code-server exited with code ${exited}; see ${logFile}`);
        const response = await fetch(`${url}/healthz`).catch(() => undefined);
        return response?.ok ? true : undefined;
      });
    } catch (error) {
      await stopGroup(child.pid);
      throw error;
    }
    if (options.detached) child.unref();
    return new CodeServer(url, child.pid!, child);
  }

  /** The workbench URL for a folder, optionally with a smoke-test payload. */
  workbenchUrl(folder: string, payload?: readonly (readonly [string, string])[]): string {
    const query = new URLSearchParams({ folder });
    if (payload) query.set('payload', JSON.stringify(payload));
    return `${this.url}/?${query.toString()}`;
  }

  async stop(): Promise<void> {
    await stopGroup(this.pid, 5000);
  }
}
