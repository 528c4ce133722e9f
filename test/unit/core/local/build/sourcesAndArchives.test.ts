import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { esbuildArgs } from '../../../../../src/core/local/build/esbuildArgs';
import { LocalInvoker } from '../../../../../src/core/local/invoker';
import { RuntimeSetupError } from '../../../../../src/core/local/runtimes/runtimeSetupError';
import { readFunctionsIn } from '../../../../../src/core/local/sources/registry';
import { parseTemplate } from '../../../../../src/core/local/sources/sam/templateFunctions';
import { execFile } from 'node:child_process';
import { installDependencies, writeHelloTs } from '../../../../support/esbuildProjects';
import { zipFolder } from '../../../../support/zipFolder';

const ROOT = path.resolve(__dirname, '../../../../../..');
const RUNTIMES = path.join(ROOT, 'dist', 'runtimes');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function fnTemplate(metadata: string, type = 'AWS::Serverless::Function', code = 'CodeUri: src/'): string {
  return `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: ${type}\n    Properties:\n      ${code}\n      Handler: handlers/orders.handler\n      Runtime: nodejs20.x\n${metadata}`;
}

describe('local builds: what a template asks to build', () => {
  const file = path.join(os.tmpdir(), 'proj', 'template.yaml');

  it('esbuild: EntryPoints default to the handler\'s module; the other BuildProperties are kept for the command', () => {
    const { functions, problems } = parseTemplate(fnTemplate('    Metadata:\n      BuildMethod: esbuild\n      BuildProperties:\n        Format: esm\n        OutExtension: [".js=.mjs"]\n'), file);
    assert.deepEqual(problems, []);
    assert.deepEqual(functions[0]!.build, { method: 'esbuild', entryPoints: ['handlers/orders'], properties: { Format: 'esm', OutExtension: ['.js=.mjs'] }, projectRoot: path.dirname(file) });
  });

  it('AWS::Lambda::Function with BuildMethod esbuild too, as sam build reads it', () => {
    const { functions } = parseTemplate(fnTemplate('    Metadata:\n      BuildMethod: esbuild\n', 'AWS::Lambda::Function', 'Code: src/'), file);
    assert.equal(functions[0]!.build?.method, 'esbuild');
  });

  it('npm, pip and bundler builds need nothing locally; makefile and the rest are reported with what to run instead', () => {
    for (const method of ['nodejs20.x', 'python3.12', 'ruby3.3']) {
      const { functions, problems } = parseTemplate(fnTemplate(`    Metadata:\n      BuildMethod: ${method}\n`), file);
      assert.deepEqual(problems, [], method);
      assert.equal(functions[0]!.build, undefined);
    }
    const { functions, problems } = parseTemplate(fnTemplate('    Metadata:\n      BuildMethod: makefile\n'), file);
    assert.equal(functions.length, 1, 'the function still runs from its folder');
    assert.match(problems[0]!.message, /^Fn: BuildMethod makefile is not run locally.*run sam build, then .*--template \.aws-sam\/build\/template\.yaml/);
  });

  it('a template sam build wrote is not built again', () => {
    const built = path.join(os.tmpdir(), 'proj', '.aws-sam', 'build', 'template.yaml');
    const { functions } = parseTemplate(fnTemplate('    Metadata:\n      BuildMethod: esbuild\n'), built);
    assert.equal(functions[0]!.build, undefined);
  });

  it('maps BuildProperties to esbuild flags as sam build does, with source maps and a metafile of ours', () => {
    const build = {
      method: 'esbuild' as const,
      entryPoints: ['app.ts'],
      projectRoot: '/p',
      properties: { Minify: false, Target: 'es2022', Format: 'esm', MainFields: ['module', 'main'], External: ['./node_modules/*'], Loader: ['.png=file'], Banner: 'js=// hi', OutExtension: ['.js=.mjs'], Sourcemap: true, Platform: 'browser' },
    };
    assert.deepEqual(esbuildArgs(build, ['app.ts'], '/out', '/meta.json', ['left-pad']), [
      'app.ts', '--bundle', '--platform=node', '--outdir=/out', '--metafile=/meta.json', '--log-level=warning', '--color=false',
      '--external:left-pad', '--sourcemap', '--sources-content=false',
      '--target=es2022', '--format=esm', '--main-fields=module,main', '--loader:.png=file', '--banner:js=// hi', '--out-extension:.js=.mjs',
    ]);
    const defaults = esbuildArgs({ ...build, properties: {} }, ['app.ts'], '/out', '/m', []);
    for (const flag of ['--target=es2020', '--format=cjs', '--minify']) assert.ok(defaults.includes(flag), flag);
  });
});

describe('local runs: a .zip CodeUri', function () {
  this.timeout(30_000);
  let dir: string;
  let invoker: LocalInvoker;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-zip-'));
    invoker = new LocalInvoker({ runtimesDir: RUNTIMES, cacheDir: path.join(dir, 'cache'), alwaysCold: true });
  });
  afterEach(async () => {
    await invoker.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const template = 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Zipped:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/index.zip\n      Handler: lib/index.handler\n      Runtime: nodejs20.x\n';

  function zipOf(files: Record<string, string>): Buffer {
    const folder = fs.mkdtempSync(path.join(dir, 'zip-'));
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      fs.writeFileSync(path.join(folder, name), text);
    }
    const archive = zipFolder(folder);
    fs.rmSync(folder, { recursive: true });
    return archive;
  }

  async function zipped() {
    fs.writeFileSync(path.join(dir, 'template.yaml'), template);
    return (await readFunctionsIn(path.join(dir, 'template.yaml'))).functions[0]!;
  }

  it('unpacks it once into the cache, by its content, and runs it', async () => {
    fs.mkdirSync(path.join(dir, 'src'));
    const archive = zipOf({ 'lib/index.js': 'exports.handler = async (e) => ({ unzipped: true, root: process.env.LAMBDA_TASK_ROOT, e });\n', 'lib/data.json': '{"n":1}' });
    fs.writeFileSync(path.join(dir, 'src', 'index.zip'), archive);
    const fn = await zipped();
    const first = JSON.parse((await invoker.invoke(fn, '{"a":1}')).payload);
    assert.equal(first.unzipped, true);
    assert.ok(first.root.startsWith(path.join(dir, 'cache', 'archives') + path.sep), first.root);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'src')), ['index.zip'], 'nothing unpacked beside it');
    fs.writeFileSync(path.join(first.root, 'marker'), '');
    const second = JSON.parse((await invoker.invoke(fn, '{}')).payload);
    assert.equal(second.root, first.root);
    assert.ok(fs.existsSync(path.join(first.root, 'marker')), 'not unpacked again');
  });

  it('says a damaged archive is damaged, and how to make it again', async () => {
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'src', 'index.zip'), zipOf({ 'lib/index.js': 'exports.handler = 1;' }).subarray(0, 40));
    await assert.rejects(invoker.invoke(await zipped(), '{}'), (error: Error) => {
      assert.ok(error instanceof RuntimeSetupError, String(error));
      assert.match(error.message, /src\/index\.zip is not a valid \.zip file .*build it again/);
      return true;
    });
  });
});

describe('local runs: a template sam build wrote (.aws-sam/build/template.yaml)', function () {
  this.timeout(120_000);

  it('runs its artifacts as they are, called stale when a source changed after sam build', async () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'se-built-'));
    try {
      writeHelloTs(project);
      const builtDir = path.join(project, '.aws-sam', 'build');
      fs.mkdirSync(path.join(builtDir, 'GreetFunction'), { recursive: true });
      fs.writeFileSync(path.join(builtDir, 'GreetFunction', 'app.js'), 'exports.lambdaHandler = async () => ({ statusCode: 200, body: "from sam build" });\n');
      const builtTemplate = fs.readFileSync(path.join(project, 'template.yaml'), 'utf8').replace('CodeUri: hello-world/', 'CodeUri: GreetFunction');
      fs.writeFileSync(path.join(builtDir, 'template.yaml'), builtTemplate);
      const past = new Date(Date.now() - 60_000);
      for (const file of ['template.yaml', 'hello-world/app.ts', 'hello-world/greeting.ts', 'hello-world/package.json', 'hello-world/tsconfig.json']) fs.utimesSync(path.join(project, file), past, past);

      const current = await readFunctionsIn(path.join(builtDir, 'template.yaml'));
      assert.deepEqual(current.problems, []);
      assert.equal(current.functions[0]!.build, undefined);

      const run = (args: string[]) =>
        new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
          execFile(process.execPath, [CLI, ...args], { cwd: project, env: { ...process.env, SERVERLESS_EXPLORER_CACHE_DIR: path.join(project, '.cache') } }, (error, stdout, stderr) =>
            resolve({ code: typeof error?.code === 'number' ? error.code : error ? -1 : 0, stdout, stderr }),
          ),
        );
      const fresh = await run(['invoke', 'GreetFunction', '--template', '.aws-sam/build/template.yaml', '--event', 'events/event.json']);
      assert.equal(fresh.code, 0, fresh.stderr);
      assert.equal(JSON.parse(fresh.stdout).body, 'from sam build');
      assert.doesNotMatch(fresh.stderr, /stale|older/);

      fs.appendFileSync(path.join(project, 'hello-world', 'greeting.ts'), '// edited\n');
      const stale = await run(['invoke', 'GreetFunction', '--template', '.aws-sam/build/template.yaml', '--event', 'events/event.json']);
      assert.equal(JSON.parse(stale.stdout).body, 'from sam build');
      assert.match(stale.stderr, /Warning: \.aws-sam\/build\/template\.yaml: the artifacts of sam build are older than their sources \(hello-world\/greeting\.ts changed since\): run sam build again, or run template\.yaml instead/);

      // Without --template: the project's own template, built by us from the sources as they are now.
      installDependencies(path.join(project, 'hello-world'));
      const ours = await run(['invoke', 'GreetFunction', '--event', 'events/event.json']);
      assert.equal(ours.code, 0, ours.stderr);
      assert.deepEqual(JSON.parse(JSON.parse(ours.stdout).body), { message: 'hello ada', path: '/hello' });
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
});
