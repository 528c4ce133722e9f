import Module from 'node:module';
import * as path from 'node:path';
import { createFakeVscode } from './fakeVscode';

// One cold measurement, in a fresh process: require dist/extension.js, then call activate(). Prints JSON.
const fake = createFakeVscode();
const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
const originalLoad = loader._load;
loader._load = (request, parent, isMain) => (request === 'vscode' ? fake : originalLoad(request, parent, isMain));

const bundle = path.resolve(process.argv[2]);
const context = { subscriptions: [] as unknown[], extensionPath: path.dirname(path.dirname(bundle)), extensionUri: { fsPath: path.dirname(path.dirname(bundle)) },
  // Not a file: URI, so the loader keeps no code cache and every run measures the first window's cold load.
  globalStorageUri: { scheme: 'memory', fsPath: '' },
};

const t0 = process.hrtime.bigint();
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous, timed load is the point
const extension = require(bundle) as { activate: (ctx: unknown) => unknown };
const t1 = process.hrtime.bigint();
extension.activate(context);
const t2 = process.hrtime.bigint();
process.stdout.write(JSON.stringify({ loadMs: Number(t1 - t0) / 1e6, activateMs: Number(t2 - t1) / 1e6, disposables: context.subscriptions.length }));
