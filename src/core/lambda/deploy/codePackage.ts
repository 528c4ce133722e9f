import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as yazl from 'yazl';
import { bytes } from '../../format';
import { readPackageEntries, type PackageEntry } from './packageEntries';

/** A deployment package: the .zip bytes, what Lambda will call its CodeSha256, and the files in it. */
export interface CodePackage {
  readonly zip: Buffer;
  /** Base64 SHA-256 of the bytes, as Lambda's CodeSha256. */
  readonly codeSha256: string;
  readonly entries: readonly PackageEntry[];
  /** Where it came from: the folder zipped, or the .zip read. */
  readonly source: string;
  /** Symbolic links left out of a zipped folder because they point outside it (they would dangle in Lambda). */
  readonly leftOut: readonly string[];
}

/** Lambda's limit for a package uploaded directly (ZipFile); larger ones go through S3, which we do not do. */
export const DIRECT_UPLOAD_LIMIT = 50 * 1024 * 1024;
/** Lambda's limit on a function's code unzipped (its layers included, which we do not count here). */
export const UNZIPPED_LIMIT = 250 * 1024 * 1024;

// A fixed time (DOS dates start in 1980) so that the same files always make the same bytes, hence the same CodeSha256.
const FIXED_MTIME = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));
const S_IFLNK = 0o120000;

/** The code to deploy: a folder zipped deterministically, or a .zip taken as it is (checked to be one). */
export async function codePackage(location: string, signal?: AbortSignal): Promise<CodePackage> {
  let stat;
  try {
    stat = await fs.stat(location);
  } catch (error) {
    throw new Error(`${location} does not exist (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): give a folder of code or a .zip.`, { cause: error });
  }
  const zipped = stat.isDirectory() ? await zipFolder(location, signal) : { zip: await fs.readFile(location), leftOut: [] };
  const { zip } = zipped;
  let entries: PackageEntry[];
  try {
    entries = await readPackageEntries(zip);
  } catch (error) {
    throw new Error(`${location} is not a .zip archive (${(error as Error).message}): give a folder of code or a .zip built from one.`, { cause: error });
  }
  if (entries.length === 0) throw new Error(`${location} ${stat.isDirectory() ? 'has no files' : 'is an empty .zip'}: there is no code to deploy.`);
  const unzipped = entries.reduce((sum, e) => sum + e.size, 0);
  if (unzipped > UNZIPPED_LIMIT) {
    throw new Error(`the code of ${location} is ${bytes(unzipped)} unzipped, over Lambda's 250 MB limit for a function's code and layers: leave out what it does not need at run time, or move dependencies into a layer or a container image.`);
  }
  if (zip.length > DIRECT_UPLOAD_LIMIT) {
    throw new Error(`the package of ${location} is ${bytes(zip.length)}, over Lambda's 50 MB limit for a direct upload: make it smaller (leave out dev dependencies, or bundle with esbuild), or deploy it through S3 with your deployment tool.`);
  }
  return { zip, codeSha256: createHash('sha256').update(zip).digest('base64'), entries, source: location, leftOut: zipped.leftOut };
}

/**
 * The folder's files as a .zip, as the same bytes every time for the same files: entries in sorted order, one fixed
 * timestamp, Unix modes kept (executables stay executable), symbolic links to files or folders inside it kept as
 * links (links elsewhere are left out and named). Folders are implied by the file paths, as in the packages SAM and
 * the Lambda console make.
 */
export async function zipFolder(folder: string, signal?: AbortSignal): Promise<{ zip: Buffer; leftOut: string[] }> {
  const root = path.resolve(folder);
  const listed = await listFiles(folder, '', signal);
  const leftOut = listed.filter((f) => f.link !== undefined && !linksInside(root, f.name, f.link)).map((f) => f.name);
  const files = listed.filter((f) => !leftOut.includes(f.name));
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const zip = new yazl.ZipFile();
  for (const file of files) {
    if (file.link !== undefined) zip.addBuffer(Buffer.from(file.link), file.name, { mtime: FIXED_MTIME, mode: S_IFLNK | 0o777, compress: false });
    else zip.addBuffer(await fs.readFile(path.join(folder, file.name)), file.name, { mtime: FIXED_MTIME, mode: 0o100000 | (file.mode & 0o777), compress: true });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return { zip: Buffer.concat(chunks), leftOut: leftOut.sort() };
}

function linksInside(root: string, name: string, link: string): boolean {
  if (path.isAbsolute(link)) return false;
  const target = path.resolve(root, path.dirname(name), link);
  return target.startsWith(root + path.sep);
}

interface FolderFile {
  /** Relative, with forward slashes. */
  readonly name: string;
  readonly mode: number;
  readonly link?: string;
}

async function listFiles(root: string, relative: string, signal?: AbortSignal): Promise<FolderFile[]> {
  signal?.throwIfAborted();
  const found: FolderFile[] = [];
  for (const entry of await fs.readdir(path.join(root, relative), { withFileTypes: true })) {
    const name = relative ? `${relative}/${entry.name}` : entry.name;
    const full = path.join(root, name);
    if (entry.isDirectory()) found.push(...(await listFiles(root, name, signal)));
    else if (entry.isSymbolicLink()) found.push({ name, mode: 0o777, link: await fs.readlink(full) });
    else if (entry.isFile()) found.push({ name, mode: (await fs.stat(full)).mode });
  }
  return found;
}
