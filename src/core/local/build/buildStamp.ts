import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** One input of a build as it was when the build read it. */
type InputState = readonly [file: string, mtimeMs: number, size: number];

/** What a finished build was made from: kept beside it, to tell whether it is still current. */
export interface BuildStamp {
  /** The command (esbuild, flags) that made it: another command means another build. */
  readonly key: string;
  /** The folder holding the output. */
  readonly outDir: string;
  readonly inputs: readonly InputState[];
}

const STAMP = 'build.json';

export async function readStamp(buildsDir: string): Promise<BuildStamp | undefined> {
  try {
    return JSON.parse(await fs.readFile(path.join(buildsDir, STAMP), 'utf8')) as BuildStamp;
  } catch {
    return undefined;
  }
}

/** Written whole (a new file renamed into place), since another window or invocation may read it meanwhile. */
export async function writeStamp(buildsDir: string, stamp: BuildStamp): Promise<void> {
  const partial = path.join(buildsDir, `${STAMP}.${process.pid}.${Date.now()}`);
  await fs.writeFile(partial, JSON.stringify(stamp));
  await fs.rename(partial, path.join(buildsDir, STAMP));
}

/** The state of each file now (size -1 for a file that is gone). */
export async function inputStates(files: readonly string[]): Promise<InputState[]> {
  return Promise.all(
    files.map(async (file): Promise<InputState> => {
      try {
        const stat = await fs.stat(file);
        return [file, stat.mtimeMs, stat.size];
      } catch {
        return [file, 0, -1];
      }
    }),
  );
}

/** Whether no input changed since the stamp was written: one stat per input, nothing read. */
export async function isCurrent(stamp: BuildStamp, key: string): Promise<boolean> {
  if (stamp.key !== key) return false;
  const now = await inputStates(stamp.inputs.map(([file]) => file));
  return now.every(([, mtimeMs, size], i) => mtimeMs === stamp.inputs[i]![1] && size === stamp.inputs[i]![2]);
}
