import type { EsbuildBuild } from './functionBuild';

/** Set by the build itself, as sam build sets them: for code Lambda can load. */
const NOT_CONFIGURABLE = new Set(['bundle', 'platform', 'outdir', 'metafile']);
/** Options of SAM's Node.js workflows that are not esbuild's. */
const NOT_ESBUILD = new Set(['use-npm-ci', 'entry-points']);
/** Options whose list esbuild takes as one comma-separated value. */
const COMMA_LISTS = new Set(['main-fields', 'resolve-extensions', 'conditions']);
/** Options esbuild takes per file type ("--banner:js=…"): a plain string is meant for JavaScript. */
const PER_TYPE = new Set(['banner', 'footer']);

/** "MainFields" or "main_fields" → "main-fields", as SAM (CamelCase → snake_case) and lambda-builders (→ kebab-case) do. */
export function flagName(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/_/g, '-')
    .toLowerCase();
}

/**
 * The esbuild command line for a function, with sam build's semantics: bundle for Node into the output folder, target
 * es2020, CommonJS and minified unless BuildProperties says otherwise; each other property becomes its flag (true → a
 * flag, text → --flag=value, a list → --flag:item each), and `External: ["./node_modules/*"]` marks every dependency
 * of package.json external. Ours on top: linked source maps without their sources' text (the debugger and
 * --enable-source-maps read the .ts from the tree) and a metafile (the inputs, to tell when to build again).
 */
export function esbuildArgs(build: EsbuildBuild, entryFiles: readonly string[], outDir: string, metafile: string, dependencies: readonly string[]): string[] {
  const properties = Object.fromEntries(Object.entries(build.properties).map(([key, value]) => [flagName(key), value]));
  const args = [...entryFiles, '--bundle', '--platform=node', `--outdir=${outDir}`, `--metafile=${metafile}`, '--log-level=warning', '--color=false'];
  if (!('target' in properties)) args.push('--target=es2020');
  if (!('format' in properties)) args.push('--format=cjs');
  if (!('minify' in properties)) args.push('--minify');
  const external = properties.external;
  if (Array.isArray(external) && external.includes('./node_modules/*')) {
    args.push(...dependencies.map((name) => `--external:${name}`));
    delete properties.external;
  }
  const sourcemap = properties.sourcemap;
  delete properties.sourcemap;
  args.push(typeof sourcemap === 'string' && sourcemap !== 'false' ? `--sourcemap=${sourcemap}` : '--sourcemap', '--sources-content=false');
  for (const [flag, value] of Object.entries(properties)) {
    if (NOT_CONFIGURABLE.has(flag) || NOT_ESBUILD.has(flag) || value === undefined || value === null) continue;
    args.push(...flagValues(flag, value));
  }
  return args;
}

function flagValues(flag: string, value: unknown): string[] {
  if (value === true || value === 'true') return [`--${flag}`];
  if (value === false || value === 'false') return [];
  if (Array.isArray(value)) {
    if (COMMA_LISTS.has(flag)) return [`--${flag}=${value.map(String).join(',')}`];
    return value.map((item) => `--${flag}:${String(item)}`);
  }
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([key, item]) => `--${flag}:${key}=${String(item)}`);
  const text = String(value);
  if (PER_TYPE.has(flag)) return [/^(js|css)=/.test(text) ? `--${flag}:${text}` : `--${flag}:js=${text}`];
  return [`--${flag}=${text}`];
}
