import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RuntimeSetupError } from '../runtimes/runtimeSetupError';
import { replaceFolder } from './cachedFolder';
import { fileSha256 } from './fileHash';
import { unzipInto } from '../preparation/unzip';

/** A layer of the template, made a folder: the folder it names, or its .zip unpacked into the cache by its hash. */
export async function localLayerContent(name: string, content: string, cacheDir: string, signal?: AbortSignal): Promise<{ dir: string; codeSha256?: string }> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(content);
  } catch {
    throw new RuntimeSetupError(`the layer ${name} has no content at ${content} (create it, or fix the layer's ContentUri/Content in the template).`, 'Layer.NotFound');
  }
  if (stat.isDirectory()) return { dir: content };
  const sha256 = (await fileSha256(content))!;
  const folder = path.join(cacheDir, 'layers', 'zip', createHash('sha256').update(sha256).digest('hex').slice(0, 32));
  const dir = path.join(folder, 'content');
  if (!fs.existsSync(path.join(folder, '.complete'))) {
    await replaceFolder(folder, async (staging) => {
      try {
        await unzipInto(content, path.join(staging, 'content'), signal);
      } catch (error) {
        throw new RuntimeSetupError(`the layer ${name}'s archive ${content} could not be unpacked: ${(error as Error).message} (point ContentUri at a valid .zip, or at the folder).`, 'Layer.NotFound');
      }
      await fs.promises.writeFile(path.join(staging, '.complete'), content);
    });
  }
  return { dir, codeSha256: sha256 };
}
