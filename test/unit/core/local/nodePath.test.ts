import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { LocalInvoker } from '../../../../src/core/local/invoker';
import type { LocalFunctionDefinition } from '../../../../src/core/local/types';

// NODE_PATH's node_modules folders (where layers and the runtime's SDK are) serve ES module handlers' imports too,
// as on Lambda: real Node processes through the runtime client in dist/runtimes.

const ROOT = path.resolve(__dirname, '../../../../..');
const FUNCTIONS = path.join(ROOT, 'test', 'unit', 'core', 'local', 'functions');
const MODULES = path.join(FUNCTIONS, 'node-path-modules', 'nodejs', 'node_modules');

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
  after(() => invoker.dispose());

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
