import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { PreparationStep } from '../preparation/preparedCode';
import { unzipInto } from '../preparation/unzip';
import { RuntimeSetupError } from '../runtimes/runtimeSetupError';

/** Unpacking of one archive that is still running, so that concurrent cold starts share it. */
const running = new Map<string, Promise<string>>();

/**
 * `CodeUri: app.zip` (or `Code: app.zip`): the archive unpacked once into our cache, in a folder named by its content's
 * hash, as Lambda unpacks a deployment package into /var/task. A damaged archive is the user's to fix.
 */
export const archiveStep: PreparationStep = async (definition, code, context) => {
  if (!definition.codeArchive) return code;
  const zip = definition.codeDir;
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(zip);
  } catch (error) {
    throw new RuntimeSetupError(`the code archive ${zip} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): build it again, or point CodeUri at the folder with the code.`, 'Runtime.InvalidEntrypoint');
  }
  const dir = path.join(context.cacheDir, 'archives', createHash('sha256').update(bytes).digest('hex').slice(0, 32));
  let pending = running.get(dir);
  if (!pending) {
    pending = unpackOnce(bytes, zip, dir).finally(() => running.delete(dir));
    running.set(dir, pending);
  }
  return { ...code, taskRoot: await pending };
};

async function unpackOnce(bytes: Buffer, zip: string, dir: string): Promise<string> {
  if (await fs.stat(dir).then((s) => s.isDirectory(), () => false)) return dir;
  // Unpacked beside its final name and renamed into place, so that nobody ever starts from half an archive.
  const partial = `${dir}.${randomUUID().slice(0, 8)}.partial`;
  try {
    await unzipInto(bytes, partial);
  } catch (error) {
    await fs.rm(partial, { recursive: true, force: true });
    throw new RuntimeSetupError(`the code archive ${zip} is not a valid .zip file (${(error as Error).message}): build it again (e.g. cd into the code folder and run zip -r ../${path.basename(zip)} .), or point CodeUri at the folder with the code.`, 'Runtime.InvalidEntrypoint');
  }
  await fs.rename(partial, dir).catch(async (error: NodeJS.ErrnoException) => {
    // Another process unpacked the same archive first: theirs is as good.
    await fs.rm(partial, { recursive: true, force: true });
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  });
  return dir;
}
