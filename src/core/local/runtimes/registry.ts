import * as path from 'node:path';
import type { LocalRuntime } from './localRuntime';
import { nodeRuntime } from './node/nodeRuntime';
import { providedRuntime } from './provided/providedRuntime';
import { pythonRuntime } from './python/pythonRuntime';
import { rubyRuntime } from './ruby/rubyRuntime';
import { RuntimeSetupError } from './runtimeSetupError';

/**
 * Every runtime family that runs locally. A new one is a module beside these and a line here. The order is the
 * order of guesses for a folder without a template (each family guesses only from its own files).
 */
export const LOCAL_RUNTIMES: readonly LocalRuntime[] = [nodeRuntime, pythonRuntime, rubyRuntime, providedRuntime];

/** For messages: "nodejs*, python3.*, provided, provided.al2, provided.al2023". */
export const SUPPORTED_RUNTIMES = LOCAL_RUNTIMES.map((r) => r.runtimes).join(', ');

/** For messages: the runtimes that can be debugged with breakpoints, "nodejs*, python3.*". */
export const DEBUGGABLE_RUNTIMES = LOCAL_RUNTIMES.filter((r) => r.debugger).map((r) => r.runtimes).join(', ');

/** The family that serves a Lambda runtime ("python3.12"), if any runs locally. */
export function localRuntime(runtime: string): LocalRuntime | undefined {
  return LOCAL_RUNTIMES.find((r) => r.serves(runtime));
}

/** Like localRuntime, but a runtime that cannot run locally is the user's to change: RuntimeSetupError. */
export function requireLocalRuntime(runtime: string): LocalRuntime {
  const found = localRuntime(runtime);
  if (!found) throw new RuntimeSetupError(`The runtime ${runtime} cannot run locally yet. Supported: ${SUPPORTED_RUNTIMES}.`, 'Runtime.InvalidRuntime');
  return found;
}

/** The family whose handlers are written in a VS Code language ("typescript"). */
export function runtimeForLanguage(language: string): LocalRuntime | undefined {
  return LOCAL_RUNTIMES.find((r) => r.languages.some((l) => l.id === language));
}

/** The handler language of a file, by its extension: "typescript" for app.ts. */
export function languageOfFile(fileName: string): string | undefined {
  const ext = path.extname(fileName).toLowerCase();
  return LOCAL_RUNTIMES.flatMap((r) => r.languages).find((l) => l.extensions.includes(ext))?.id;
}

/** Every language handlers are written in, for editors' CodeLens. */
export function handlerLanguages(): string[] {
  return LOCAL_RUNTIMES.flatMap((r) => r.languages.map((l) => l.id));
}

/**
 * The runtime a code directory most likely needs for a handler, when none is given: the family whose file for that
 * handler is there (index.js, app.py), else a custom runtime when the folder has a bootstrap, else Node's.
 */
export function guessRuntime(codeDir: string, handler: string): string {
  for (const runtime of LOCAL_RUNTIMES) {
    const guessed = runtime.guess(codeDir, handler);
    if (guessed) return guessed;
  }
  return nodeRuntime.defaultRuntime();
}
