import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';

/**
 * Makes `folder` by filling a fresh sibling and renaming it into place, so that a run that stops halfway, or another
 * window doing the same at the same time, never leaves a half-made folder where a whole one is expected.
 */
export async function replaceFolder(folder: string, fill: (staging: string) => Promise<void>): Promise<void> {
  const staging = `${folder}.staging-${randomUUID().slice(0, 8)}`;
  await fs.promises.rm(staging, { recursive: true, force: true });
  try {
    await fs.promises.mkdir(staging, { recursive: true });
    await fill(staging);
    await fs.promises.rm(folder, { recursive: true, force: true });
    await fs.promises.rename(staging, folder);
  } catch (error) {
    await fs.promises.rm(staging, { recursive: true, force: true });
    // Another run renamed its own copy into place first: that one is as good.
    if ((error as NodeJS.ErrnoException).code === 'ENOTEMPTY' || (error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw error;
  }
}

export function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
