import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalInvoker } from '../../../../src/core/local/invoker';
import type { LocalFunctionDefinition } from '../../../../src/core/local/types';

// NODE_PATH's node_modules folders (where layers and the runtime's SDK are) serve ES module handlers' imports too,
// as on Lambda: real Node processes through the runtime client in dist/runtimes.

const ROOT = path.resolve(__dirname, '../../../../..');
const FUNCTIONS = path.join(ROOT, 'test', 'unit', 'core', 'local', 'functions');

/** A layer-like nodejs/node_modules holding an ES module package with an exports map (written here: git ignores node_modules). */
function writeModules(): string {
  const modules = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'se-node-path-')), 'nodejs', 'node_modules');
  const lib = path.join(modules, 'greeting-lib');
  fs.mkdirSync(path.join(lib, 'lib'), { recursive: true });
  const exports = { '.': './lib/index.js', './shout': './lib/shout.js' };
  fs.writeFileSync(path.join(lib, 'package.json'), JSON.stringify({ name: 'greeting-lib', version: '1.0.0', type: 'module', exports }));
  fs.writeFileSync(path.join(lib, 'lib', 'index.js'), 'export const greet = (name) => `hello ${name}`;\n');
  fs.writeFileSync(path.join(lib, 'lib', 'shout.js'), 'export const shout = (name) => `HELLO ${String(name).toUpperCase()}`;\n');
  return modules;
}

function esmFunction(environment: Record<string, string>): LocalFunctionDefinition {
  return {
    name: 'node-path-esm',
    codeDir: path.join(FUNCTIONS, 'node-path-esm'),
    handler: 'index.handler',
    runtime: 'nodejs20.x',
    timeoutSeconds: 5,
    memoryMb: 128,
    environment,
    architecture: 'x86_64',
  };
}

describe('local runtime: NODE_PATH for ES modules', function () {
  this.timeout(20_000);
  const invoker = new LocalInvoker({ runtimesDir: path.join(ROOT, 'dist', 'runtimes') });
  const MODULES = writeModules();
  after(async () => {
    await invoker.dispose();
    fs.rmSync(path.dirname(path.dirname(MODULES)), { recursive: true, force: true });
  });

  it('resolves a bare import, and a package export path, from a node_modules folder on NODE_PATH', async () => {
    const result = await invoker.invoke(esmFunction({ NODE_PATH: ['/nonexistent/node_modules', MODULES].join(path.delimiter) }), '{"name":"ada"}');
    assert.equal(result.functionError, undefined, result.payload + result.log);
    assert.deepEqual(JSON.parse(result.payload), { greeting: 'hello ada', loud: 'HELLO ADA' });
  });

  it('still fails as Lambda does when no folder has the package', async () => {
    const result = await invoker.invoke(esmFunction({}), '{"name":"ada"}');
    assert.equal(result.errorType, 'Runtime.ImportModuleError');
    assert.match(JSON.parse(result.payload).errorMessage, /greeting-lib/);
  });
});
