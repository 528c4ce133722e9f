import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LOCAL_RUNTIMES, SUPPORTED_RUNTIMES, guessRuntime, handlerLanguages, languageOfFile, localRuntime, requireLocalRuntime, runtimeForLanguage } from '../../../../../src/core/local/runtimes/registry';
import { RuntimeSetupError } from '../../../../../src/core/local/runtimes/runtimeSetupError';

// The runtime registry: which family serves which Lambda runtime, what each ships and how a folder is guessed.
const ROOT = path.resolve(__dirname, '../../../../../..');
const RUNTIMES_DIR = path.join(ROOT, 'dist', 'runtimes');

/** The runtimes Lambda offers for .zip functions today, and some it does not run locally. */
const LAMBDA_RUNTIMES = ['nodejs18.x', 'nodejs20.x', 'nodejs22.x', 'nodejs24.x', 'python3.9', 'python3.10', 'python3.11', 'python3.12', 'python3.13', 'ruby3.2', 'ruby3.3', 'ruby3.4', 'provided', 'provided.al2', 'provided.al2023'];
const NOT_LOCAL = ['java21', 'dotnet8', 'ruby', 'nodejs', 'python2.7', 'go1.x', ''];

describe('local runtimes: the registry', () => {
  it('serves every Node.js, Python, Ruby and custom runtime of Lambda by exactly one family', () => {
    for (const runtime of LAMBDA_RUNTIMES) {
      assert.equal(LOCAL_RUNTIMES.filter((r) => r.serves(runtime)).length, 1, runtime);
    }
    assert.deepEqual(LAMBDA_RUNTIMES.map((r) => localRuntime(r)?.family), [...Array(4).fill('node'), ...Array(5).fill('python'), ...Array(3).fill('ruby'), ...Array(3).fill('provided')]);
  });

  it('refuses a runtime no family serves with the error Lambda reports and the list of those that run', () => {
    for (const runtime of NOT_LOCAL) {
      assert.equal(localRuntime(runtime), undefined, runtime);
      assert.throws(() => requireLocalRuntime(runtime), (error: unknown) => error instanceof RuntimeSetupError && error.errorType === 'Runtime.InvalidRuntime' && error.message.includes(SUPPORTED_RUNTIMES));
    }
    for (const family of LOCAL_RUNTIMES) assert.ok(SUPPORTED_RUNTIMES.includes(family.runtimes), family.family);
  });

  it('starts each family with a runtime client the build ships in dist/runtimes/<family>', function () {
    if (!fs.existsSync(RUNTIMES_DIR)) this.skip();
    const node = requireLocalRuntime('nodejs20.x').command({ runtime: 'nodejs20.x', codeDir: '/tmp', handler: 'index.handler', memoryMb: 128 }, RUNTIMES_DIR);
    assert.equal(node.args.at(-1), path.join(RUNTIMES_DIR, 'node', 'bootstrap.js'));
    assert.ok(node.args.includes('--max-old-space-size=115'), 'the heap follows the memory size');
    const python = requireLocalRuntime('python3.12').command({ runtime: 'python3.12', codeDir: '/tmp', handler: 'app.handler', memoryMb: 128 }, RUNTIMES_DIR);
    assert.equal(python.args.at(-1), path.join(RUNTIMES_DIR, 'python', 'bootstrap.py'));
    const ruby = requireLocalRuntime('ruby3.3').command({ runtime: 'ruby3.3', codeDir: '/tmp', handler: 'app.lambda_handler', memoryMb: 128 }, RUNTIMES_DIR);
    assert.equal(ruby.args.at(-1), path.join(RUNTIMES_DIR, 'ruby', 'bootstrap.rb'));
    for (const file of [node.args.at(-1)!, python.args.at(-1)!, ruby.args.at(-1)!]) assert.ok(fs.existsSync(file), `${file} is not built`);
  });

  it('gives every handler file extension to one language of one family', () => {
    const extensions = LOCAL_RUNTIMES.flatMap((r) => r.languages.flatMap((l) => l.extensions));
    assert.equal(new Set(extensions).size, extensions.length, extensions.join(' '));
    assert.deepEqual(['a.ts', 'b.MJS', 'c.py', 'd.tsx', 'e.rb', 'bootstrap', 'f.go'].map(languageOfFile), ['typescript', 'javascript', 'python', 'typescript', 'ruby', undefined, undefined]);
    assert.deepEqual(handlerLanguages().sort(), ['javascript', 'python', 'ruby', 'typescript']);
    assert.equal(runtimeForLanguage('ruby')?.family, 'ruby');
    assert.equal(runtimeForLanguage('typescript')?.family, 'node');
    assert.equal(runtimeForLanguage('go'), undefined);
  });

  it('reads a Handler the way each runtime does', () => {
    const target = (runtime: string, handler: string) => localRuntime(runtime)!.handlerTarget(handler);
    assert.deepEqual(target('nodejs20.x', 'src/handlers.api.get'), { module: 'src/handlers', exportName: 'api' });
    assert.deepEqual(target('python3.12', 'pkg.mod.handler'), { module: 'pkg/mod', exportName: 'handler' });
    assert.deepEqual(target('ruby3.3', 'app.lambda_handler'), { module: 'app', exportName: 'lambda_handler' });
    assert.deepEqual(target('ruby3.4', 'lib/orders.Shop::Orders.create'), { module: 'lib/orders', exportName: 'Shop::Orders.create' });
    assert.equal(target('ruby3.4', 'app'), undefined);
    assert.equal(target('provided.al2023', 'bootstrap'), undefined);
    assert.equal(target('nodejs20.x', 'index'), undefined);
  });

  it('debugs Node.js and Python with their own debuggers, and names the extension Python needs', () => {
    const launch = { command: '/bin/x', args: ['--flag', '/r/client'], cwd: '/w', env: {} };
    const options = { name: 'n', runtimesDir: '/r', codeDir: '/w', marker: {} };
    assert.equal(localRuntime('nodejs22.x')!.debugger!.configuration(launch, options).type, 'node');
    assert.equal(localRuntime('python3.11')!.debugger!.configuration(launch, options).type, 'debugpy');
    assert.equal(localRuntime('python3.11')!.debugger!.extension?.id, 'ms-python.debugpy');
    assert.equal(localRuntime('provided.al2')!.debugger, undefined);
    assert.equal(localRuntime('ruby3.3')!.debugger, undefined, 'no Ruby debugger yet');
  });

  describe('guessing the runtime of a folder without a template', () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-guess-'))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("the family whose file the handler names is there decides, then a bootstrap, then Node", () => {
      fs.writeFileSync(path.join(dir, 'app.py'), 'def handler(e, c): pass\n');
      fs.writeFileSync(path.join(dir, 'index.js'), 'exports.handler = async () => 1;\n');
      assert.equal(guessRuntime(dir, 'app.handler'), 'python3.12');
      assert.match(guessRuntime(dir, 'index.handler'), /^nodejs\d+\.x$/);
      assert.match(guessRuntime(dir, 'missing.handler'), /^nodejs\d+\.x$/, 'Node when nothing says otherwise');
      fs.writeFileSync(path.join(dir, 'orders.rb'), 'def lambda_handler(event:, context:) = 1\n');
      assert.equal(guessRuntime(dir, 'orders.lambda_handler'), 'ruby3.4');
      assert.equal(guessRuntime(dir, 'orders.Shop::Orders.create'), 'ruby3.4');
      fs.writeFileSync(path.join(dir, 'bootstrap'), '#!/bin/sh\n');
      assert.match(guessRuntime(dir, 'index.handler'), /^nodejs\d+\.x$/, 'index.js is there: a Node handler beside a bootstrap');
      assert.equal(guessRuntime(dir, 'function.handler'), 'provided.al2023');
      assert.equal(guessRuntime(dir, 'bootstrap'), 'provided.al2023');
    });
  });
});
