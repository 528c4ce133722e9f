// Bundles the extension, the CLI and the webview code with esbuild.
//   node scripts/build.mjs               development: source maps, not minified
//   node scripts/build.mjs --production  the package: minified, no source maps
//   node scripts/build.mjs --watch       development, rebuilding on change
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
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

const node = {
  ...common,
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

const builds = [
  // The AWS SDK is bundled apart and required on first use (src/ui/sdk.ts), keeping activation cheap.
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './sdk.js'] },
  { ...node, entryPoints: ['src/core/sdk.ts'], outfile: 'dist/sdk.js' },
  { ...node, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // Each runtime family's client (src/core/local/runtimes/<family>/client/): bootstrap.ts bundled alone.
  ...runtimeClients.flatMap(({ family, dir }) =>
    existsSync(join(dir, 'bootstrap.ts')) ? [{ ...node, entryPoints: [join(dir, 'bootstrap.ts')], outfile: `dist/runtimes/${family}/bootstrap.js`, minify: false }] : [],
  ),
];
if (mediaEntries.length > 0) {
  builds.push({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: mediaEntries, outdir: 'dist/media' });
}

rmSync(join(root, 'dist'), { recursive: true, force: true });
// What a runtime client has besides TypeScript (the Python client is plain Python) is copied as it is.
for (const { family, dir } of runtimeClients) {
  mkdirSync(join(root, 'dist', 'runtimes', family), { recursive: true });
  for (const file of readdirSync(dir).filter((f) => !f.endsWith('.ts'))) copyFileSync(join(dir, file), join(root, 'dist', 'runtimes', family, file));
}
if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('[build] watching for changes');
} else {
  const started = Date.now();
  await Promise.all(builds.map((options) => esbuild.build(options)));
  console.log(`[build] ${production ? 'production' : 'development'} bundles in ${Date.now() - started} ms`);
}
