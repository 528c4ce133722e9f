/**
 * Key paths of a JSON value, as the documented-keys lists write them: segments joined by ".", array elements as "[]",
 * and a key that is not a plain word (it has a dot, a space…) quoted: `["CodePipeline.job"].data`. Every prefix is a
 * path too, so a list may name an object (`requestContext.authorizer.iam`) without its leaves.
 */
export function keyPaths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) {
      out.add(`${prefix}[]`);
      keyPaths(item, `${prefix}[]`, out);
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const path = prefix + keySegment(key, prefix === '');
      out.add(path);
      keyPaths(child, path, out);
    }
  }
  return out;
}

function keySegment(key: string, first: boolean): string {
  if (/^[\w$@:-]+$/.test(key)) return first ? key : `.${key}`;
  return `[${JSON.stringify(key)}]`;
}

/** The documented paths the value lacks. */
export function missingPaths(value: unknown, documented: readonly string[]): string[] {
  const present = keyPaths(value);
  return documented.filter((path) => !present.has(path));
}
