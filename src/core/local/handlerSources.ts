import * as path from 'node:path';
import type { HandlerTarget } from './runtimes/localRuntime';
import { localRuntime } from './runtimes/registry';
import type { LocalFunctionDefinition } from './types';

/** Where a function's handler is written. */
export interface HandlerSources {
  /** The top-level export (Node) or module-level function (Python) it calls: "handler" for `dist/app.handler`. */
  readonly exportName: string;
  /** Absolute paths of the files that exist: the handler module, and the sources its source map lists (src/app.ts for dist/app.js). */
  readonly files: string[];
}

/** The module path (relative to the code directory, no extension) and export a Handler names, as its runtime reads it. */
export function handlerModule(definition: Pick<LocalFunctionDefinition, 'handler' | 'runtime'>): HandlerTarget | undefined {
  return localRuntime(definition.runtime)?.handlerTarget(definition.handler);
}

/** The files a function's handler lives in; undefined for runtimes without source handlers (provided, java…). */
export async function handlerSources(definition: LocalFunctionDefinition): Promise<HandlerSources | undefined> {
  const runtime = localRuntime(definition.runtime);
  const target = runtime?.handlerTarget(definition.handler);
  if (!runtime || !target) return undefined;
  return { exportName: target.exportName, files: await runtime.handlerFiles(definition) };
}

/**
 * The functions a source file is the handler of: a file in its code directory, or a source its handler module's
 * source map lists (a CDK NodejsFunction's lambda/orders.ts, bundled into cdk.out/asset.…/index.js).
 */
export async function functionsWrittenIn<F extends LocalFunctionDefinition>(functions: readonly F[], file: string): Promise<F[]> {
  const normalized = path.normalize(file);
  const written = await Promise.all(
    functions.map(async (f) => normalized.startsWith(f.codeDir + path.sep) || ((await handlerSources(f).catch(() => undefined))?.files.includes(normalized) ?? false)),
  );
  return functions.filter((_, i) => written[i]);
}
