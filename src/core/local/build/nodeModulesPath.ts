import * as path from 'node:path';

/** NODE_PATH with these node_modules folders before what earlier steps put there. */
export function withNodeModules(env: Readonly<Record<string, string>>, folders: readonly string[]): Record<string, string> {
  if (folders.length === 0) return { ...env };
  const existing = env.NODE_PATH ? env.NODE_PATH.split(path.delimiter) : [];
  return { ...env, NODE_PATH: [...folders, ...existing.filter((f) => !folders.includes(f))].join(path.delimiter) };
}
