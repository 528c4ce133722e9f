import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';

/** An extension folder the host bench loads as the development extension, and its id. */
export interface BenchExtension {
  readonly dir: string;
  readonly id: string;
}

/** Unpacks the .vsix into `into` and returns its `extension/` folder: the extension exactly as it installs. */
export async function unpackVsix(vsix: string, into: string): Promise<BenchExtension> {
  const zip = await JSZip.loadAsync(fs.readFileSync(vsix));
  const files = Object.values(zip.files).filter((entry) => !entry.dir && entry.name.startsWith('extension/'));
  for (const entry of files) {
    const target = path.join(into, entry.name);
    if (!target.startsWith(into + path.sep)) throw new Error(`${vsix} holds a path outside its folder: ${entry.name}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, await entry.async('nodebuffer'));
  }
  const dir = path.join(into, 'extension');
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { publisher: string; name: string };
  return { dir, id: `${manifest.publisher}.${manifest.name}` };
}

/** The reference: an extension whose activate() registers its one contributed command. */
export function writeOneCommandExtension(dir: string): BenchExtension {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = {
    name: 'one-command',
    publisher: 'se-bench',
    version: '0.0.1',
    engines: { vscode: '^1.90.0' },
    main: './extension.js',
    activationEvents: [],
    contributes: { commands: [{ command: 'oneCommand.hello', title: 'Hello' }] },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(
    path.join(dir, 'extension.js'),
    "const vscode = require('vscode');\n" +
      "exports.activate = (context) => context.subscriptions.push(vscode.commands.registerCommand('oneCommand.hello', () => 'hello'));\n",
  );
  return { dir, id: `${manifest.publisher}.${manifest.name}` };
}

/** The lazily loaded bundles of an extension folder: every dist/*.js but the entry point and the CLI. */
/**
 * What the package loads, after activation, before the first Lambda row can show: the bundles of `listing` that
 * it has, in order (dist/ui.js, then the SDK halves of the listing), or the one dist/sdk.js of packages before
 * issue 13. Their chunks load with them.
 */
export function lambdaListingLoad(extensionDir: string, listing: readonly string[]): string[] {
  const dist = path.join(extensionDir, 'dist');
  const split = listing.map((name) => path.join(dist, name));
  if (split.every((file) => fs.existsSync(file))) return split;
  const single = path.join(dist, 'sdk.js');
  return fs.existsSync(single) ? [single] : [];
}
