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
