import * as path from 'node:path';

/** A search-path variable's value from folders and earlier values, in order, without empty or repeated entries. */
export function searchPath(...parts: readonly (string | undefined)[]): string {
  const folders = parts.flatMap((part) => (part ?? '').split(path.delimiter)).filter((folder) => folder !== '');
  return [...new Set(folders)].join(path.delimiter);
}
