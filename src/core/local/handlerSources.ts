import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocalFunctionDefinition } from './types';

/** Where a template function's handler is written. */
export interface HandlerSources {
  /** The top-level export (Node) or module-level function (Python) it calls: "handler" for `dist/app.handler`. */
  readonly exportName: string;
  /** Absolute paths of the files that exist: the handler module, and the sources its source map lists (src/app.ts for dist/app.js). */
  readonly files: string[];
}

const NODE_MODULE_EXTENSIONS = ['.js', '.mjs', '.cjs'];
const TYPESCRIPT_EXTENSIONS = ['.ts', '.mts', '.cts'];

/** The module path (relative to the code directory, no extension) and export a Handler names, as each runtime reads it. */
export function handlerModule(definition: Pick<LocalFunctionDefinition, 'handler' | 'runtime'>): { module: string; exportName: string } | undefined {
  const { handler, runtime } = definition;
  if (runtime.startsWith('nodejs')) {
    // The module is up to the first dot of the last path segment; the rest is the export path (a.b → export a).
    const dot = handler.indexOf('.', handler.lastIndexOf('/') + 1);
    if (dot <= 0 || dot === handler.length - 1) return undefined;
    return { module: handler.slice(0, dot), exportName: handler.slice(dot + 1).split('.')[0]! };
  }
  if (runtime.startsWith('python')) {
    const dot = handler.lastIndexOf('.');
    if (dot <= 0 || dot === handler.length - 1) return undefined;
    return { module: handler.slice(0, dot).replace(/\./g, '/'), exportName: handler.slice(dot + 1) };
  }
  return undefined;
}

/** The files a template function's handler lives in; undefined for runtimes without source handlers (provided, java…). */
export async function handlerSources(definition: LocalFunctionDefinition): Promise<HandlerSources | undefined> {
  const target = handlerModule(definition);
  if (!target) return undefined;
  const base = path.resolve(definition.codeDir, target.module);
  const files: string[] = [];
  if (definition.runtime.startsWith('python')) {
    if (await isFile(`${base}.py`)) files.push(`${base}.py`);
    return { exportName: target.exportName, files };
  }
  for (const ext of [...NODE_MODULE_EXTENSIONS, ...TYPESCRIPT_EXTENSIONS]) {
    const file = base + ext;
    if (!(await isFile(file))) continue;
    files.push(file);
    if (NODE_MODULE_EXTENSIONS.includes(ext)) files.push(...(await sourceMapSources(file)).filter((s) => TYPESCRIPT_EXTENSIONS.includes(path.extname(s)) || s.endsWith('.tsx')));
  }
  return { exportName: target.exportName, files: [...new Set(files)] };
}

/**
 * The source files a compiled JavaScript file's source map lists, as absolute paths (`sourceRoot` + `sources`,
 * relative to the map): from its `//# sourceMappingURL=` (a file or an inline data: URL), else `<file>.map`.
 * Sources under node_modules and sources that are not file paths (webpack://…) are left out.
 */
export async function sourceMapSources(jsFile: string): Promise<string[]> {
  const map = await readSourceMap(jsFile);
  if (!map) return [];
  const { json, dir } = map;
  const root = typeof json.sourceRoot === 'string' ? json.sourceRoot : '';
  const sources = Array.isArray(json.sources) ? json.sources.filter((s): s is string => typeof s === 'string') : [];
  return sources.flatMap((source) => {
    const file = resolveSource(dir, root, source);
    return file && !file.split(/[\\/]/).includes('node_modules') ? [file] : [];
  });
}

interface SourceMapJson {
  readonly sourceRoot?: unknown;
  readonly sources?: unknown[];
}

async function readSourceMap(jsFile: string): Promise<{ json: SourceMapJson; dir: string } | undefined> {
  let text: string;
  try {
    text = await fs.readFile(jsFile, 'utf8');
  } catch {
    return undefined;
  }
  const url = [...text.matchAll(/\/\/[#@][ \t]*sourceMappingURL=(\S+)/g)].at(-1)?.[1];
  let json: string | undefined;
  let mapFile = `${jsFile}.map`;
  if (url?.startsWith('data:')) {
    const comma = url.indexOf(',');
    if (comma < 0) return undefined;
    const data = url.slice(comma + 1);
    json = /;base64$/i.test(url.slice(0, comma)) ? Buffer.from(data, 'base64').toString('utf8') : safeDecode(data);
    mapFile = jsFile;
  } else if (url) {
    const resolved = url.startsWith('file:') ? fileURLToPath(url) : hasScheme(url) ? undefined : path.resolve(path.dirname(jsFile), safeDecode(url) ?? url);
    if (!resolved) return undefined;
    mapFile = resolved;
  }
  try {
    json ??= await fs.readFile(mapFile, 'utf8');
    const parsed = JSON.parse(json) as unknown;
    return parsed && typeof parsed === 'object' ? { json: parsed as SourceMapJson, dir: path.dirname(mapFile) } : undefined;
  } catch {
    return undefined;
  }
}

function resolveSource(dir: string, root: string, source: string): string | undefined {
  if (source.startsWith('file:')) return fileURLToPath(source);
  if (hasScheme(source)) return undefined;
  if (root.startsWith('file:')) return path.resolve(fileURLToPath(root), source);
  return hasScheme(root) ? undefined : path.resolve(dir, root, source);
}

/** `webpack://`, `http:`…, but not a Windows drive (`C:\`). */
function hasScheme(value: string): boolean {
  return /^[a-z][\w+.-]+:/i.test(value);
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}
