import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalInvoker } from '../../../../../src/core/local/invoker';
import { RuntimeSetupError } from '../../../../../src/core/local/runtimes/runtimeSetupError';
import { parseTemplate } from '../../../../../src/core/local/sources/sam/templateFunctions';
import type { LocalFunctionDefinition } from '../../../../../src/core/local/types';
import { APP_THROW_LINE, installDependencies, writeHelloTs, writeHelloTsPt } from '../../../../support/esbuildProjects';

// Metadata.BuildMethod: esbuild, done for the user: the project's own esbuild (installed by npm as the project has
// it), real Node processes through the runtime client in dist/runtimes, a cache folder of the test's own.

const ROOT = path.resolve(__dirname, '../../../../../..');
const RUNTIMES = path.join(ROOT, 'dist', 'runtimes');

function functionOf(project: string): LocalFunctionDefinition {
  const file = path.join(project, 'template.yaml');
  const { functions, problems } = parseTemplate(fs.readFileSync(file, 'utf8'), file);
  assert.deepEqual(problems, []);
  return functions[0]!;
}

/** Every file under a folder, relative, with its modification time: what a run must leave as it was. */
function treeState(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => !e.parentPath.includes('node_modules') && e.name !== 'node_modules')
    .map((e) => `${path.relative(dir, path.join(e.parentPath, e.name))}@${fs.lstatSync(path.join(e.parentPath, e.name)).mtimeMs}`)
    .sort();
}

describe('local builds: esbuild (Metadata.BuildMethod)', function () {
  this.timeout(180_000);
  let work: string;
  let cacheDir: string;
  let invoker: LocalInvoker;

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'se-esbuild-'));
  });
  beforeEach(() => {
    cacheDir = fs.mkdtempSync(path.join(work, 'cache-'));
    invoker = new LocalInvoker({ runtimesDir: RUNTIMES, cacheDir, alwaysCold: true });
  });
  afterEach(() => invoker.dispose());
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  function helloTs(name: string): string {
    const project = writeHelloTs(path.join(work, name));
    installDependencies(path.join(project, 'hello-world'));
    return project;
  }

  it('runs the hello-ts layout: app.ts bundled into the cache, nothing written in the project', async () => {
    const project = helloTs('hello-ts');
    const before = treeState(project);
    const result = await invoker.invoke(functionOf(project), fs.readFileSync(path.join(project, 'events', 'event.json'), 'utf8'));
    assert.equal(result.functionError, undefined, result.payload + result.log);
    assert.deepEqual(JSON.parse(JSON.parse(result.payload).body), { message: 'hello ada', path: '/hello' });
    assert.deepEqual(treeState(project), before);
    const built = fs.readdirSync(path.join(cacheDir, 'esbuild'));
    assert.equal(built.length, 1);
    assert.ok(fs.readdirSync(path.join(cacheDir, 'esbuild', built[0]!), { recursive: true }).some((f) => String(f).endsWith('app.js.map')));
  });

  it('maps an error thrown in the bundle to its line in app.ts', async () => {
    const project = helloTs('hello-ts-trace');
    const result = await invoker.invoke(functionOf(project), JSON.stringify({ queryStringParameters: { name: 'fail' } }));
    assert.equal(result.errorType, 'TypeError');
    const trace = (JSON.parse(result.payload) as { trace: string[] }).trace.join('\n');
    assert.match(trace, new RegExp(`${path.join(project, 'hello-world', 'app.ts').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:${APP_THROW_LINE}:`));
  });

  it('builds again after an edit, and only then', async () => {
    const project = helloTs('hello-ts-edit');
    const fn = functionOf(project);
    const builds = () => fs.readdirSync(path.join(cacheDir, 'esbuild'), { recursive: true }).filter((f) => String(f).endsWith('app.js')).map(String);
    const message = async () => JSON.parse(JSON.parse((await invoker.invoke(fn, '{}')).payload).body).message;
    assert.equal(await message(), 'hello world');
    const first = builds();
    assert.equal(await message(), 'hello world');
    assert.deepEqual(builds(), first, 'no input changed: the same build');
    // An edit of a file app.ts imports (not the entry point itself), with a later time than the build's.
    const greeting = path.join(project, 'hello-world', 'greeting.ts');
    fs.writeFileSync(greeting, fs.readFileSync(greeting, 'utf8').replace('hello', 'howdy'));
    const later = new Date(Date.now() + 2000);
    fs.utimesSync(greeting, later, later);
    assert.equal(await message(), 'howdy world');
    assert.notDeepEqual(builds(), first);
  });

  it('replaces a warm runtime after an edit: the next invocation runs the rebuilt code, in a new runtime', async () => {
    const project = helloTs('hello-ts-warm');
    const fn = functionOf(project);
    const warm = new LocalInvoker({ runtimesDir: RUNTIMES, cacheDir });
    try {
      const call = async () => {
        const result = await warm.invoke(fn, '{}');
        return { message: JSON.parse(JSON.parse(result.payload).body).message as string, cold: result.coldStart };
      };
      assert.deepEqual(await call(), { message: 'hello world', cold: true });
      assert.deepEqual(await call(), { message: 'hello world', cold: false });
      const greeting = path.join(project, 'hello-world', 'greeting.ts');
      fs.writeFileSync(greeting, fs.readFileSync(greeting, 'utf8').replace('hello', 'howdy'));
      const later = new Date(Date.now() + 2000);
      fs.utimesSync(greeting, later, later);
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.deepEqual(await call(), { message: 'howdy world', cold: true });
    } finally {
      await warm.dispose();
    }
  });

  it('shows esbuild\'s messages with file:line when the code does not build, and runs nothing', async () => {
    const project = helloTs('hello-ts-broken');
    fs.writeFileSync(path.join(project, 'hello-world', 'greeting.ts'), 'export const greeting = (name: string): string => {\n  return `hello ${name}`\n;;\n}}\n');
    await assert.rejects(invoker.invoke(functionOf(project), '{}'), (error: Error) => {
      assert.ok(error instanceof RuntimeSetupError, String(error));
      assert.match(error.message, /esbuild could not build GreetFunction/);
      assert.match(error.message, /greeting\.ts:4:\d+/);
      return true;
    });
  });

  it('says which command installs esbuild, in which folder, when the project has none', async () => {
    const project = writeHelloTs(path.join(work, 'hello-ts-no-esbuild'));
    const codeDir = path.join(project, 'hello-world');
    const escaped = codeDir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const saved = process.env.PATH;
    process.env.PATH = path.dirname(process.execPath);
    const refused = async (expected: RegExp) =>
      assert.rejects(invoker.invoke(functionOf(project), '{}'), (error: Error) => {
        assert.ok(error instanceof RuntimeSetupError, String(error));
        assert.match(error.message, expected);
        return true;
      });
    try {
      // Its package.json lists esbuild (as the starters' do), but nobody ran npm install.
      await refused(new RegExp(`but esbuild is not installed: run \`npm install\` in ${escaped} \\(its package\\.json lists esbuild`));
      fs.writeFileSync(path.join(codeDir, 'package.json'), JSON.stringify({ name: 'greet', private: true }));
      await refused(new RegExp(`run \`npm install --save-dev esbuild\` in ${escaped}`));
    } finally {
      process.env.PATH = saved;
    }
  });

  it('runs the hello-ts-pt layout: Powertools bundled, an External package resolved from the project\'s node_modules', async () => {
    const project = writeHelloTsPt(path.join(work, 'hello-ts-pt'));
    installDependencies(path.join(project, 'hello-world'));
    const result = await invoker.invoke(functionOf(project), fs.readFileSync(path.join(project, 'events', 'event.json'), 'utf8'));
    assert.equal(result.functionError, undefined, result.payload + result.log);
    assert.deepEqual(JSON.parse(JSON.parse(result.payload).body), { orderId: 'o-1', logger: 'function' });
    const logLine = result.log.split('\n').find((line) => line.includes('order received'));
    assert.ok(logLine, result.log);
    assert.equal(JSON.parse(logLine.slice(logLine.indexOf('{'))).orderId, 'o-1');
    assert.match(result.log, /"ordersReceived":1/);
    const bundle = fs.readdirSync(path.join(cacheDir, 'esbuild'), { recursive: true }).map(String).find((f) => f.endsWith('app.js'))!;
    const text = fs.readFileSync(path.join(cacheDir, 'esbuild', bundle), 'utf8');
    assert.match(text, /require\("@aws-lambda-powertools\/metrics"\)/, 'Metrics stays External');
  });
});

describe('local runs: a Node handler that exists only as TypeScript', function () {
  this.timeout(30_000);
  it('says to add BuildMethod: esbuild or compile it, instead of "Cannot find module"', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-ts-only-'));
    try {
      fs.writeFileSync(path.join(dir, 'app.ts'), 'export const handler = async () => 1;\n');
      fs.writeFileSync(path.join(dir, 'template.yaml'), 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Plain:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: .\n      Handler: app.handler\n      Runtime: nodejs20.x\n');
      const invoker = new LocalInvoker({ runtimesDir: RUNTIMES, cacheDir: path.join(dir, '.cache') });
      try {
        await assert.rejects(invoker.invoke(functionOf(dir), '{}'), (error: Error) => {
          assert.ok(error instanceof RuntimeSetupError, String(error));
          assert.match(error.message, /only TypeScript \(app\.ts\)/);
          assert.match(error.message, /Metadata: \{ BuildMethod: esbuild, BuildProperties: \{ EntryPoints: \[app\.ts\] \} \}` to Plain in template\.yaml/);
          assert.match(error.message, /or compile it to app\.js/);
          return true;
        });
      } finally {
        await invoker.dispose();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('local runs: the invocation\'s X-Ray trace header', function () {
  this.timeout(30_000);
  it('is in _X_AMZN_TRACE_ID while the handler runs, as the managed runtime sets it (Powertools\' Tracer reads it)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-trace-'));
    const invoker = new LocalInvoker({ runtimesDir: RUNTIMES, cacheDir: path.join(dir, '.cache') });
    try {
      fs.writeFileSync(path.join(dir, 'index.js'), 'exports.handler = async () => process.env._X_AMZN_TRACE_ID ?? null;\n');
      const fn: LocalFunctionDefinition = { name: 'Traced', codeDir: dir, handler: 'index.handler', runtime: 'nodejs20.x', timeoutSeconds: 5, memoryMb: 128, environment: {}, architecture: 'x86_64' };
      const first = JSON.parse((await invoker.invoke(fn, '{}')).payload) as string;
      const second = JSON.parse((await invoker.invoke(fn, '{}')).payload) as string;
      assert.match(first, /^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/);
      assert.notEqual(second, first, 'each invocation has its own');
    } finally {
      await invoker.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
