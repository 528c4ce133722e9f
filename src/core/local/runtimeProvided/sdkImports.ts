import * as fs from 'node:fs';
import * as path from 'node:path';

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
/** A folder of code is read up to this many files; a bundle up to this size: enough for a function, cheap at each cold start. */
const MAX_FILES = 2000;
const MAX_FILE_BYTES = 20 * 1024 * 1024;
// `import … from '@aws-sdk/x'`, `import '@aws-sdk/x'`, `export … from`, `import('@aws-sdk/x')`, `require('@aws-sdk/x')`.
const IMPORT = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*['"`](@aws-sdk\/[a-z0-9][a-z0-9._-]*)/g;

/**
 * The `@aws-sdk/*` packages the code in `dir` imports (its own files, not node_modules): the part of the SDK that
 * Lambda's Node.js runtime provides and this function needs.
 */
export async function awsSdkImports(dir: string): Promise<string[]> {
  const found = new Set<string>();
  let files = 0;
  const walk = async (folder: string): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (files >= MAX_FILES) return;
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(file);
      else if (entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files++;
        const text = await readSmall(file);
        for (const match of text.matchAll(IMPORT)) found.add(match[1]);
      }
    }
  };
  await walk(dir);
  return [...found].sort();
}

async function readSmall(file: string): Promise<string> {
  try {
    const stat = await fs.promises.stat(file);
    return stat.size > MAX_FILE_BYTES ? '' : await fs.promises.readFile(file, 'utf8');
  } catch {
    return '';
  }
}
