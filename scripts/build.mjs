// Bundles the extension, the CLI and the webview code with esbuild.
//   node scripts/build.mjs               development: source maps, not minified
//   node scripts/build.mjs --production  the package: minified, no source maps
//   node scripts/build.mjs --watch       development, rebuilding on change
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const common = {
  absWorkingDir: root,
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'warning',
  define: { SE_VERSION: JSON.stringify(version) },
};

// The HCL parser (web-tree-sitter and tree-sitter's HCL grammar, for Terraform projects only) is a bundle of its own,
// dist/web-tree-sitter.js, with its two .wasm files beside it: the code that reads .tf files requires it the first time.
const hclParserApart = {
  name: 'web-tree-sitter-apart',
  setup: (build) => build.onResolve({ filter: /^web-tree-sitter$/ }, () => ({ path: './web-tree-sitter.js', external: true })),
};
const hclWasm = ['web-tree-sitter/web-tree-sitter.wasm', '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm'];

const node = {
  ...common,
  plugins: [hclParserApart],
  platform: 'node',
  format: 'cjs',
  // The oldest Node of a supported VS Code desktop (1.90 ships Node 20).
  target: 'node20',
  // The SDK's ESM builds bundle smaller than its CJS ones.
  mainFields: ['module', 'main'],
};

const mediaDir = join(root, 'media');
const mediaEntries = existsSync(mediaDir)
  ? readdirSync(mediaDir).filter((f) => /\.(ts|css)$/.test(f) && !f.endsWith('.d.ts')).map((f) => join('media', f))
  : [];

const runtimesSource = join(root, 'src', 'core', 'local', 'runtimes');
const runtimeClients = readdirSync(runtimesSource, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(runtimesSource, entry.name, 'client')))
  .map((entry) => ({ family: entry.name, dir: join(runtimesSource, entry.name, 'client') }));

// Behind the shell (dist/extension.js, built alone below so that activation requires one small file), one build of
// several entry points that share chunks, each required the first time it is needed: the ui and its features
// (dist/ui.js, dist/ui-*.js, see src/ui/main.ts) and the halves of core/ behind the SDK (dist/sdk-<name>.js from
// src/core/sdk/<name>.ts, see src/ui/aws/sdk.ts). esbuild splits only ES modules, so the build is ESM and each output
// file is then turned into CommonJS, which VS Code's extension host requires.
const sdkEntries = Object.fromEntries(
  readdirSync(join(root, 'src', 'core', 'sdk'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [`sdk-${f.slice(0, -3)}`, `src/core/sdk/${f}`]),
);
// The ui behind the shell (dist/ui.js) and each feature it requires as ./ui-<feature>.js: the folder's register*.ts.
const uiMain = readFileSync(join(root, 'src', 'ui', 'main.ts'), 'utf8');
const uiEntries = Object.fromEntries(
  [...uiMain.matchAll(/require\('\.\/ui-(\w+)\.js'\)/g)].map(([, feature]) => {
    const file = readdirSync(join(root, 'src', 'ui', feature)).find((f) => /^register\w*\.ts$/.test(f));
    if (!file) throw new Error(`src/ui/main.ts requires ./ui-${feature}.js, but src/ui/${feature}/ has no register*.ts`);
    return [`ui-${feature}`, `src/ui/${feature}/${file}`];
  }),
);
const extension = {
  ...node,
  format: 'esm',
  splitting: true,
  entryPoints: { ui: 'src/ui/main.ts', ...uiEntries, ...sdkEntries },
  outdir: 'dist',
  chunkNames: 'chunk-[hash]',
  // Our own lazily required bundles stay requires.
  external: ['vscode', './ui.js', './ui-*.js', './sdk-*.js'],
  // A source map per file would describe the ESM output, not the CommonJS written: none for these.
  sourcemap: false,
  metafile: true,
};

/** Rewrites the ESM output of a split build as CommonJS, in place. */
async function toCommonJs(result) {
  for (const file of Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'))) {
    const path = join(root, file);
    // import() of a chunk must become require(): Node would load the CommonJS chunk without its named exports.
    const { code } = await esbuild.transform(readFileSync(path, 'utf8'), { format: 'cjs', target: 'node20', supported: { 'dynamic-import': false }, minify: production, legalComments: production ? 'none' : 'inline' });
    writeFileSync(path, code);
  }
}

// The languages the shell registers the handler CodeLens for at activation, before any runtime module loads: read
// from the runtime registry itself, so that a new runtime family is one module and one line there.
async function handlerLanguages() {
  const { outputFiles } = await esbuild.build({ ...node, entryPoints: ['src/core/local/runtimes/registry.ts'], write: false, sourcemap: false, minify: false });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  return module.exports.handlerLanguages();
}

const builds = [
  // The shell alone, in one file: activation requires no chunk (the few constants it shares are duplicated).
  {
    ...node,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode', './ui.js'],
    sourcemap: production ? false : 'linked',
    define: { ...node.define, SE_HANDLER_LANGUAGES: JSON.stringify(await handlerLanguages()) },
  },
  { ...node, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...node, plugins: [], entryPoints: [createRequire(import.meta.url).resolve('web-tree-sitter')], outfile: 'dist/web-tree-sitter.js', sourcemap: false },
  // Each runtime family's client (src/core/local/runtimes/<family>/client/): bootstrap.ts bundled alone.
  ...runtimeClients.flatMap(({ family, dir }) =>
    existsSync(join(dir, 'bootstrap.ts')) ? [{ ...node, entryPoints: [join(dir, 'bootstrap.ts')], outfile: `dist/runtimes/${family}/bootstrap.js`, minify: false }] : [],
  ),
];
if (mediaEntries.length > 0) {
  builds.push({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: mediaEntries, outdir: 'dist/media' });
}

rmSync(join(root, 'dist'), { recursive: true, force: true });
mkdirSync(join(root, 'dist'), { recursive: true });
for (const wasm of hclWasm) copyFileSync(createRequire(import.meta.url).resolve(wasm), join(root, 'dist', wasm.split('/').pop()));
// What a runtime client has besides TypeScript (the Python client is plain Python) is copied as it is.
for (const { family, dir } of runtimeClients) {
  mkdirSync(join(root, 'dist', 'runtimes', family), { recursive: true });
  for (const file of readdirSync(dir).filter((f) => !f.endsWith('.ts'))) copyFileSync(join(dir, file), join(root, 'dist', 'runtimes', family, file));
}
if (watch) {
  const plugins = [{ name: 'commonjs', setup: (build) => build.onEnd((result) => result.errors.length === 0 && toCommonJs(result)) }];
  await (await esbuild.context({ ...extension, plugins: [...extension.plugins, ...plugins] })).watch();
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('[build] watching for changes');
} else {
  const started = Date.now();
  await Promise.all([esbuild.build(extension).then(toCommonJs), ...builds.map((options) => esbuild.build(options))]);
  console.log(`[build] ${production ? 'production' : 'development'} bundles in ${Date.now() - started} ms`);
}
