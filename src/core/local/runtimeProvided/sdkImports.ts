import * as fs from 'node:fs';
import * as path from 'node:path';

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
/** A folder of code is read up to this many files; a bundle up to this size: enough for a function, cheap at each cold start. */
const MAX_FILES = 2000;
const MAX_FILE_BYTES = 20 * 1024 * 1024;
// `import … from '@aws-sdk/x'`, `import '@aws-sdk/x'`, `export … from`, `import('@aws-sdk/x')`, `require('@aws-sdk/x')`.
const IMPORT = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*['"`](@aws-sdk\/[a-z0-9][a-z0-9._-]*)/g;
/**
 * Packages the SDK itself only tries to load (inside try/catch, for the CRT signers), which a bundled SDK therefore
 * names without needing: Lambda does not ship them either, so asking to install them would be asking for nothing.
 */
const OPTIONAL = new Set(['@aws-sdk/signature-v4-crt', '@aws-sdk/signature-v4a', '@aws-sdk/crt-loader']);

/**
 * The `@aws-sdk/*` packages the code in `dir` imports (its own files, not node_modules): the part of the SDK that
 * Lambda's Node.js runtime provides and this function needs.
 */
export async function awsSdkImports(dir: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    const folders: string[] = [];
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) folders.push(file);
      else if (entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') && files.length < MAX_FILES) files.push(file);
    }
    await Promise.all(folders.map(walk));
  };
  await walk(dir);
  const found = new Set<string>();
  for (const names of await Promise.all(files.map(importsOf))) for (const name of names) if (!OPTIONAL.has(name)) found.add(name);
  return [...found].sort();
}

/** What each file imported when last read, while its size and time are unchanged: a warm cold start only stats the files. */
const scanned = new Map<string, { readonly mtimeMs: number; readonly size: number; readonly names: readonly string[] }>();

async function importsOf(file: string): Promise<readonly string[]> {
  try {
    const { mtimeMs, size } = await fs.promises.stat(file);
    const known = scanned.get(file);
    if (known && known.mtimeMs === mtimeMs && known.size === size) return known.names;
    const names = size > MAX_FILE_BYTES ? [] : [...new Set(Array.from((await fs.promises.readFile(file, 'utf8')).matchAll(IMPORT), (match) => match[1]))];
    scanned.set(file, { mtimeMs, size, names });
    return names;
  } catch {
    return [];
  }
}
