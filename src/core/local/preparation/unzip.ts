import * as fs from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as yauzl from 'yauzl';

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/**
 * Extracts a .zip archive into a folder that must not exist yet, as Lambda does: Unix modes kept (executables in
 * bin/ stay executable), relative symbolic links kept. yauzl refuses entries whose names leave the folder.
 */
export async function unzipInto(archive: Buffer | string, folder: string, signal?: AbortSignal): Promise<void> {
  const zip = typeof archive === 'string' ? await yauzl.openPromise(archive, { lazyEntries: true, autoClose: false }) : await yauzl.fromBufferPromise(archive, { lazyEntries: true, autoClose: false });
  try {
    await fs.promises.mkdir(folder, { recursive: true });
    for await (const entry of zip.eachEntry()) {
      signal?.throwIfAborted();
      const target = path.join(folder, entry.fileName);
      if (entry.fileName.endsWith('/')) {
        await fs.promises.mkdir(target, { recursive: true });
        continue;
      }
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const mode = (entry.externalFileAttributes >>> 16) & 0xffff;
      const stream = await zip.openReadStreamPromise(entry);
      if ((mode & S_IFMT) === S_IFLNK) {
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        const link = Buffer.concat(chunks).toString('utf8');
        const resolved = path.resolve(path.dirname(target), link);
        // A link that points outside the layer would point outside /opt on Lambda too: leave it out.
        if (!path.isAbsolute(link) && (resolved + path.sep).startsWith(folder + path.sep)) await fs.promises.symlink(link, target);
        continue;
      }
      await pipeline(stream, fs.createWriteStream(target, { mode: mode & 0o777 ? mode & 0o777 : 0o644 }));
    }
  } finally {
    zip.close();
  }
}
