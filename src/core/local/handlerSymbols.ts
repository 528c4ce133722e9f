import type { ExportedFunction } from './runtimes/localRuntime';
import { languageOfFile, runtimeForLanguage } from './runtimes/registry';

export type { ExportedFunction } from './runtimes/localRuntime';

/** A VS Code language id that handlers are written in: "javascript", "typescript", "python". */
export type HandlerLanguage = string;

/** The handler language of a file name, by its extension. */
export function handlerLanguage(fileName: string): HandlerLanguage | undefined {
  return languageOfFile(fileName);
}

/** The exported functions that look like Lambda handlers. */
export function findHandlers(text: string, language: HandlerLanguage): ExportedFunction[] {
  return findExportedFunctions(text, language).filter((f) => f.handlerLike);
}

/** Every exported function of a file (top-level public `def`s in Python), in order, one per name. */
export function findExportedFunctions(text: string, language: HandlerLanguage): ExportedFunction[] {
  const found = runtimeForLanguage(language)?.exportedFunctions(text, language) ?? [];
  const seen = new Set<string>();
  return found.filter((f) => !seen.has(f.name) && seen.add(f.name)).sort((a, b) => a.line - b.line);
}
