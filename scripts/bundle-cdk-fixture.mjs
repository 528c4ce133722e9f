// Writes test/fixtures/cdk-app/cdk.out/asset.checkout (index.js + index.js.map) from lambda/checkout.ts, as
// NodejsFunction with `bundling: { sourceMap: true }` bundles it in `cdk synth` (local esbuild: its arguments, and
// an output folder beside the asset folders so that the map's sources are ../../lambda/checkout.ts).
// Run it after changing lambda/checkout.ts:  node scripts/bundle-cdk-fixture.mjs
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'cdk-app');
const asset = join(app, 'cdk.out', 'asset.checkout');
rmSync(asset, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: app,
  entryPoints: [join(app, 'lambda', 'checkout.ts')],
  outfile: join(asset, 'index.js'),
  bundle: true,
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  external: ['@aws-sdk/*'],
  // The app has no tsconfig.json of its own: not the repository's.
  tsconfigRaw: '{}',
  logLevel: 'warning',
});
