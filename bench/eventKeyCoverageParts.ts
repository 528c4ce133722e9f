import { gunzipSync } from 'node:zlib';
import { keyPaths } from '../test/support/eventKeyPaths';

// The pure parts of `npm run events-coverage` (eventKeyCoverage.ts): rendering SAM CLI's templates, reading a
// sample's key paths (inner JSON included, data-keyed maps collapsed), and the percentages.

/** A value a template placeholder takes: a string, or a JSON value for SAM's "dict" tags (the whole quoted string becomes it). */
export type PlaceholderValue = string | { readonly json: unknown };

/**
 * Renders a SAM CLI event template (Handlebars `{{{x}}}` / `{{x}}`) so the JSON parses: a placeholder inside a JSON
 * string takes its value escaped for that string, one outside any string (unquoted) takes its value if it is a number
 * and 0 otherwise, one that is a whole string and has a `json` value becomes that JSON. A name without a value
 * renders as the name itself.
 */
export function renderTemplate(text: string, values: Readonly<Record<string, PlaceholderValue>>): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{' && text[i + 1] === '{') {
      const match = /^\{\{\{?\s*([\w.-]+)\s*\}?\}\}/.exec(text.slice(i));
      if (match) {
        const name = match[1];
        const value = values[name] ?? name;
        const end = i + match[0].length;
        if (typeof value === 'object') {
          if (inString && out.endsWith('"') && text[end] === '"') {
            out = out.slice(0, -1) + JSON.stringify(value.json);
            i = end; // skips the closing quote too
            inString = false;
            continue;
          }
          out += inString ? JSON.stringify(JSON.stringify(value.json)).slice(1, -1) : JSON.stringify(value.json);
        } else if (inString) {
          out += JSON.stringify(value).slice(1, -1);
        } else {
          out += /^-?\d+(\.\d+)?$/.test(value) ? value : '0';
        }
        i = end - 1;
        continue;
      }
    }
    if (c === '\\' && inString) {
      out += c + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') inString = !inString;
    out += c;
  }
  return out;
}

/** How a string field holds more keys: JSON, base64 of JSON, base64 of gzipped JSON (CloudWatch Logs). */
export type InnerEncoding = 'json' | 'base64 json' | 'base64 gzip json';

/** A string field whose decoded content is compared too; its keys are written `<path>(<encoding>).<key>`. */
export interface InnerJson {
  readonly path: string;
  readonly encoding: InnerEncoding;
}

/** The segments of a key path: `.name`, `["quoted name"]`, `[]`, `[*]` (any data key), `(encoding)`. */
export function pathSegments(path: string): string[] {
  const segments: string[] = [];
  const re = /\.?([\w$@:-]+)|\[\*?\]|\["((?:[^"\\]|\\.)*)"\]|\(([a-z0-9 ]+)\)/gy;
  let match: RegExpExecArray | null;
  while ((match = re.exec(path))) segments.push(match[0]);
  if (segments.join('') !== path) throw new Error(`Not a key path: ${path}`);
  return segments;
}

/** The values at a key path (every element where the path has `[]`). */
export function valuesAt(value: unknown, path: string): unknown[] {
  let current: unknown[] = [value];
  for (const segment of pathSegments(path)) {
    const next: unknown[] = [];
    for (const v of current) {
      if (segment === '[]') {
        if (Array.isArray(v)) next.push(...(v as unknown[]));
      } else if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const key = segment.startsWith('["') ? (JSON.parse(segment.slice(1, -1)) as string) : segment.replace(/^\./, '');
        if (key in v) next.push((v as Record<string, unknown>)[key]);
      }
    }
    current = next;
  }
  return current;
}

function decode(text: string, encoding: InnerEncoding): unknown {
  if (encoding === 'json') return JSON.parse(text);
  const bytes = Buffer.from(text, 'base64');
  return JSON.parse((encoding === 'base64 gzip json' ? gunzipSync(bytes) : bytes).toString('utf8'));
}

/** The event's key paths plus those of its inner JSON fields (a field that does not decode adds none). */
export function eventPaths(event: unknown, inner: readonly InnerJson[] = []): Set<string> {
  const paths = keyPaths(event);
  for (const { path, encoding } of inner) {
    for (const text of valuesAt(event, path)) {
      if (typeof text !== 'string') continue;
      let decoded: unknown;
      try {
        decoded = decode(text, encoding);
      } catch {
        continue;
      }
      keyPaths(decoded, `${path}(${encoding})`, paths);
    }
  }
  return paths;
}

/**
 * A map whose keys are data (a header's name, a DynamoDB attribute's name), not keys AWS defines: a path beneath it
 * counts as the map's own path. `keep` names children that are real keys all the same (a custom resource's
 * `ServiceToken`). With `values: 'keyed'` the values under the data keys have AWS's keys (Kafka's records by
 * topic-partition): the data key becomes `[*]` and the keys beneath it still count.
 */
export interface DataMap {
  readonly map: RegExp;
  readonly keep?: readonly string[];
  readonly values?: 'keyed';
  readonly why: string;
}

/** A path with everything beneath a data-keyed map cut back to the map's path (or its data key made `[*]`). */
export function collapsePath(path: string, maps: readonly DataMap[]): string {
  const segments = pathSegments(path);
  let prefix = '';
  for (let i = 0; i < segments.length; i++) {
    prefix += segments[i];
    const next = segments[i + 1];
    if (next === undefined || next === '[]' || next.startsWith('(')) continue;
    const nextKey = next.startsWith('["') ? (JSON.parse(next.slice(1, -1)) as string) : next.replace(/^\./, '');
    const map = maps.find((m) => m.map.test(prefix) && !(m.keep ?? []).includes(nextKey));
    if (!map) continue;
    if (map.values !== 'keyed') return prefix;
    prefix += '[*]';
    i++;
  }
  return prefix;
}

export function collapsePaths(paths: Iterable<string>, maps: readonly DataMap[]): Set<string> {
  return new Set([...paths].map((p) => collapsePath(p, maps)));
}

/** One sample held against our event: their paths, ours, and theirs we lack. */
export interface Comparison {
  readonly theirs: number;
  readonly ours: number;
  readonly present: number;
  readonly missing: readonly string[];
}

export function compare(theirs: ReadonlySet<string>, ours: ReadonlySet<string> | undefined): Comparison {
  const missing = [...theirs].filter((p) => !ours?.has(p)).sort();
  return { theirs: theirs.size, ours: ours?.size ?? 0, present: theirs.size - missing.length, missing };
}

/** Their paths we have, in percent, over several samples (each path of each sample counts once); none → 100. */
export function percentPresent(comparisons: readonly Pick<Comparison, 'theirs' | 'present'>[]): number {
  const theirs = comparisons.reduce((n, c) => n + c.theirs, 0);
  const present = comparisons.reduce((n, c) => n + c.present, 0);
  return theirs === 0 ? 100 : (100 * present) / theirs;
}

/** A percentage as the output prints it: one decimal, rounded down so 94.96 never reads as a met 95.0. */
export function percentText(value: number): string {
  return `${(Math.floor(value * 10) / 10).toFixed(1)} %`;
}
