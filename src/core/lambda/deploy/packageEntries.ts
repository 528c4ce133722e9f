import * as yauzl from 'yauzl';

/** A file in a .zip, as its central directory describes it (nothing is unpacked). */
export interface PackageEntry {
  readonly name: string;
  readonly crc32: number;
  readonly size: number;
  /** Unix mode bits (0 when the zip was made without them). */
  readonly mode: number;
}

/** The files of a .zip (folders left out). Rejects with yauzl's words when the bytes are not a .zip. */
export async function readPackageEntries(zip: Buffer): Promise<PackageEntry[]> {
  const archive = await yauzl.fromBufferPromise(zip, { lazyEntries: true, autoClose: false });
  try {
    const entries: PackageEntry[] = [];
    for await (const entry of archive.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      entries.push({ name: entry.fileName, crc32: entry.crc32, size: entry.uncompressedSize, mode: (entry.externalFileAttributes >>> 16) & 0o777 });
    }
    return entries;
  } finally {
    archive.close();
  }
}
