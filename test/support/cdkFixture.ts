import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './paths';

/** Our handwritten cloud assembly (cdk.out) and the app sources it was synthesized from. */
export const CDK_FIXTURE = path.join(ROOT, 'test', 'fixtures', 'cdk-app');
/** The app's sources, which a cdk.out newer than them is up to date with. */
const APP_SOURCES = ['app.py', path.join('lambda', 'checkout.ts')];

/** Copies test/fixtures/cdk-app to `dir`, its sources older than its cdk.out, as right after `cdk synth` (a copy is all new). */
export function copyCdkFixture(dir: string): void {
  fs.cpSync(CDK_FIXTURE, dir, { recursive: true });
  const past = new Date(Date.now() - 60_000);
  for (const source of APP_SOURCES) fs.utimesSync(path.join(dir, source), past, past);
}
