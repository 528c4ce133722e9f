import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnRuntime } from '../../runtimeProcess';
import { CDK_JSON } from './cdkDiscovery';

/** How to run `cdk synth` for one app: the project's own CDK CLI when it has one, else npx's. */
export interface CdkSynthCommand {
  readonly command: string;
  readonly args: readonly string[];
  /** The app's folder (its cdk.json's), where it runs. */
  readonly cwd: string;
  /** cdk.json's app, which the CLI runs. */
  readonly app: string;
  /** The command line as a user would type it, for the output. */
  readonly commandLine: string;
}

/** cdk.json's `app` (the command the CDK CLI runs to synthesize), or what keeps it from being read. */
export function readCdkApp(appDir: string): { app: string } | { problem: string } {
  const file = path.join(appDir, CDK_JSON);
  let config: unknown;
  try {
    config = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : error instanceof Error ? error.message : String(error);
    return { problem: `${file} could not be read: ${reason}` };
  }
  const app = typeof config === 'object' && config !== null ? (config as Record<string, unknown>).app : undefined;
  if (typeof app === 'string' && app.trim() !== '') return { app: app.trim() };
  return { problem: `${file} has no "app", so cdk synth has nothing to run: add the command that runs the app, as in "app": "npx ts-node --prefer-ts-exts bin/app.ts"` };
}

/** The project's own CDK CLI (node_modules/.bin/cdk of the app's folder or a folder above it, as npx finds it), if installed. */
export function localCdkCli(appDir: string, platform: NodeJS.Platform = process.platform): string | undefined {
  const name = platform === 'win32' ? 'cdk.cmd' : 'cdk';
  for (let dir = path.resolve(appDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', '.bin', name);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** `cdk synth` for the app of a folder with a cdk.json, or why it cannot run. */
export function cdkSynthCommand(appDir: string, platform: NodeJS.Platform = process.platform): CdkSynthCommand | { problem: string } {
  const read = readCdkApp(appDir);
  if ('problem' in read) return read;
  const local = localCdkCli(appDir, platform);
  const [command, args] = local ? [local, ['synth']] : [platform === 'win32' ? 'npx.cmd' : 'npx', ['--yes', 'cdk', 'synth']];
  return { command, args, cwd: path.resolve(appDir), app: read.app, commandLine: [local ? path.relative(appDir, local) : 'npx', ...args].join(' ') };
}

/** The app folder of a file the CDK source reads (a cdk.json, a manifest or template of its cdk.out): the nearest folder with a cdk.json. */
export function cdkAppDirOf(file: string): string | undefined {
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, CDK_JSON))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** How a `cdk synth` run ended: its exit code, or the signal that stopped it, and whether it was cancelled. */
export interface CdkSynthEnd {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly cancelled: boolean;
}

/**
 * Runs `cdk synth` in its own process group, its output passed on as it comes; aborting stops the whole group (the
 * CLI and the app it started). It runs the workspace's own code: only for a trusted workspace.
 */
export function runCdkSynth(synth: CdkSynthCommand, options: { readonly output: (text: string) => void; readonly signal?: AbortSignal; readonly env?: NodeJS.ProcessEnv }): Promise<CdkSynthEnd> {
  const env = Object.fromEntries(Object.entries(options.env ?? process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return new Promise((resolve) => {
    let cancelled = false;
    const started = spawnRuntime(
      { command: synth.command, args: synth.args, cwd: synth.cwd, env },
      {
        output: (_stream, text) => options.output(text),
        exit: (code, signal) => {
          options.signal?.removeEventListener('abort', cancel);
          resolve({ code, signal, cancelled });
        },
        paused: () => undefined,
        resumed: () => undefined,
      },
    );
    const cancel = () => {
      cancelled = true;
      started.kill();
    };
    if (options.signal?.aborted) cancel();
    else options.signal?.addEventListener('abort', cancel, { once: true });
  });
}
