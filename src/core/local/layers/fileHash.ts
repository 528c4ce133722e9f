import { createHash } from 'node:crypto';
import * as fs from 'node:fs';

/** Hashes already taken, by the file's identity on disk: an unchanged archive is not read again. */
const known = new Map<string, { stamp: string; sha256: string }>();

/** Base64 SHA-256 of a file, as Lambda writes CodeSha256; undefined when it cannot be read. */
export async function fileSha256(file: string): Promise<string | undefined> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    return undefined;
  }
  const stamp = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  const cached = known.get(file);
  if (cached?.stamp === stamp) return cached.sha256;
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  const sha256 = hash.digest('base64');
  known.set(file, { stamp, sha256 });
  return sha256;
}

export function sha256Of(data: Buffer): string {
  return createHash('sha256').update(data).digest('base64');
}
