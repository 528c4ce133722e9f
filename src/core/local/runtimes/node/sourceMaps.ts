import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

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
