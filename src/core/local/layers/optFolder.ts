import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readJson, replaceFolder } from './cachedFolder';

/** One layer's content, ready to be laid out in /opt. */
export interface LayerContent {
  readonly dir: string;
  /** The folder of /opt it goes into ("" for /opt itself). */
  readonly under: string;
  /** What names its content when it cannot change (a downloaded version, an archive); absent for a folder being edited. */
  readonly codeSha256?: string;
}

/**
 * The folder that stands in for /opt: without a mount (no Docker), the runtimes' search paths point at it. One layer
 * of a folder is used where it is, so edits show at the next cold start; several are merged in the cache, in order,
 * a later layer's file replacing an earlier one's, as Lambda extracts them, one folder per distinct list, made again
 * only when a layer's content changed.
 */
export async function optFolder(layers: readonly LayerContent[], cacheDir: string): Promise<string> {
  if (layers.length === 1 && layers[0]!.under === '') return layers[0]!.dir;
  const key = createHash('sha256').update(JSON.stringify(layers.map((l) => [l.dir, l.under]))).digest('hex').slice(0, 32);
  const folder = path.join(cacheDir, 'layers', 'opt', key);
  const stamp = createHash('sha256').update(JSON.stringify(await Promise.all(layers.map((l) => l.codeSha256 ?? folderStamp(l.dir))))).digest('base64');
  const opt = path.join(folder, 'opt');
  if (readJson<{ stamp: string }>(path.join(folder, 'stamp.json'))?.stamp === stamp && fs.existsSync(opt)) return opt;
  await replaceFolder(folder, async (staging) => {
    for (const layer of layers) {
      await fs.promises.cp(layer.dir, path.join(staging, 'opt', layer.under), { recursive: true, force: true, verbatimSymlinks: true });
    }
    await fs.promises.writeFile(path.join(staging, 'stamp.json'), JSON.stringify({ stamp }));
  });
  return opt;
}

/** Every file's path, size and modification time under a folder: what changes when its content does, read without reading the files. */
async function folderStamp(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (folder: string): Promise<void> => {
    const entries = await fs.promises.readdir(folder, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        hash.update(`d ${file}\n`);
        await walk(file);
      } else {
        const stat = await fs.promises.lstat(file).catch(() => undefined);
        hash.update(`f ${file} ${stat?.size} ${stat?.mtimeMs}\n`);
      }
    }
  };
  await walk(dir);
  return hash.digest('base64');
}
