import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalInvoker } from '../../../../../src/core/local/invoker';
import { functionsWrittenIn, handlerSources } from '../../../../../src/core/local/handlerSources';
import { cdkSource } from '../../../../../src/core/local/sources/cdk/cdkSource';
import { mayDefineFunctions, readFunctionsIn, readWorkspaceFunctions, sourceOfFile } from '../../../../../src/core/local/sources/registry';
import type { LocalFunctionDefinition } from '../../../../../src/core/local/types';
import { copyCdkFixture } from '../../../../support/cdkFixture';
import { ROOT } from '../../../../support/paths';

// AWS CDK apps through their cloud assembly: our handwritten cdk.out (test/fixtures/cdk-app) of a stack with an
// asset-code function, a NodejsFunction bundled with a source map, a layer, CDK's helper functions, a REST API, a
// function URL, a nested stack and a Stage.
const CLI = path.join(ROOT, 'dist', 'cli.js');

describe('function sources: AWS CDK cloud assemblies', function () {
  this.timeout(30_000);
  let root: string;
  let app: string;
  let out: string;
  const byName = (functions: readonly LocalFunctionDefinition[]) => new Map(functions.map((f) => [f.name, f]));

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'se-cdk-'));
    app = path.join(root, 'services', 'orders');
    copyCdkFixture(app);
    out = path.join(app, 'cdk.out');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('names each function by its construct path, with code from its asset, from stacks, nested stacks and stages', async () => {
    const { functions, problems, files } = await readWorkspaceFunctions(root);
    assert.deepEqual(files, [path.join(out, 'manifest.json')]);
    assert.deepEqual(
      functions.map((f) => [f.name, f.codeDir, f.origin]),
      [
        ['OrdersStack/Api/Handler', path.join(out, 'asset.orders'), { source: 'cdk', file: path.join(out, 'OrdersStack.template.json'), id: 'ApiHandler5E7490E8' }],
        ['OrdersStack/Checkout', path.join(out, 'asset.checkout'), { source: 'cdk', file: path.join(out, 'OrdersStack.template.json'), id: 'CheckoutB7CD3E82' }],
        ['OrdersStack/Reports/ReportFunction', path.join(out, 'asset.reports'), { source: 'cdk', file: path.join(out, 'OrdersStackReportsNestedStackReports5A1B2C3D.nested.template.json'), id: 'ReportFunctionE1F2A3B4' }],
        ['Prod/ShopStack/ShopFunction', path.join(out, 'asset.shop'), { source: 'cdk', file: path.join(out, 'assembly-Prod', 'ProdShopStack4D3A7B2C.template.json'), id: 'ShopFunction0D8A2F1B' }],
      ],
    );
    // CDK's own helpers (the auto-delete provider, log retention) are left out; inline code is said to be unsupported.
    assert.deepEqual(
      problems.map((p) => [path.basename(p.file), p.functionId, p.message.split(' (')[0]]),
      [['OrdersStack.template.json', 'InlineFunction6A7B8C9D', 'OrdersStack/Inline: Code.ZipFile']],
    );
  });

  it("finds the NodejsFunction by its .ts, through its bundle's source map (what F5 in that file debugs)", async () => {
    const { functions } = await readWorkspaceFunctions(root);
    const checkout = functions.find((f) => f.name === 'OrdersStack/Checkout')!;
    assert.deepEqual(await handlerSources(checkout), { exportName: 'handler', files: [path.join(out, 'asset.checkout', 'index.js'), path.join(app, 'lambda', 'checkout.ts')] });
    assert.deepEqual((await functionsWrittenIn(functions, path.join(app, 'lambda', 'checkout.ts'))).map((f) => f.name), ['OrdersStack/Checkout']);
    assert.deepEqual((await functionsWrittenIn(functions, path.join(out, 'asset.orders', 'index.js'))).map((f) => f.name), ['OrdersStack/Api/Handler']);
    assert.deepEqual(await functionsWrittenIn(functions, path.join(app, 'app.py')), []);
  });

  it('reads handler, runtime, memory, timeout, architecture, environment and layers from Properties, intrinsics resolved', async () => {
    const functions = byName((await readWorkspaceFunctions(root)).functions);
    const handler = functions.get('OrdersStack/Api/Handler')!;
    assert.deepEqual(
      [handler.handler, handler.runtime, handler.memoryMb, handler.timeoutSeconds, handler.architecture],
      ['index.handler', 'nodejs20.x', 256, 10, 'arm64'],
    );
    assert.deepEqual(handler.environment, { TABLE_NAME: '${OrdersTable8C5A2E0F}', STAGE: 'dev', REGION: 'us-east-1' });
    assert.deepEqual(handler.layers, [{ kind: 'local', name: 'GreetingLayer3B1C9D2E', content: path.join(out, 'asset.layer'), under: '' }]);
    const report = functions.get('OrdersStack/Reports/ReportFunction')!;
    assert.deepEqual([report.runtime, report.handler, report.timeoutSeconds, report.memoryMb, report.architecture], ['python3.12', 'app.handler', 30, 128, 'x86_64']);
  });

  it('runs a function with its layer through LocalInvoker', async () => {
    const handler = byName((await readWorkspaceFunctions(root)).functions).get('OrdersStack/Api/Handler')!;
    const invoker = new LocalInvoker({ runtimesDir: path.join(ROOT, 'dist', 'runtimes'), cacheDir: path.join(root, '.cache') });
    try {
      const result = await invoker.invoke({ ...handler, architecture: 'x86_64' }, JSON.stringify({ name: 'ada' }));
      assert.equal(result.errorType, undefined, result.payload);
      const body = JSON.parse((JSON.parse(result.payload) as { body: string }).body) as Record<string, string>;
      assert.deepEqual(body, { message: 'hello ada from the layer', stage: 'dev', table: '${OrdersTable8C5A2E0F}' });
    } finally {
      await invoker.dispose();
    }
  });

  it("serves the stacks' API Gateway routes and function URLs under the functions' construct paths", async () => {
    const manifest = path.join(out, 'manifest.json');
    const read = cdkSource.readFunctions(fs.readFileSync(manifest, 'utf8'), manifest);
    const apis = cdkSource.readApis!(fs.readFileSync(manifest, 'utf8'), manifest, read.functions);
    assert.deepEqual(apis.routes.map((r) => [r.method, r.path, r.functionName, r.kind]), [['GET', '/orders', 'OrdersStack/Api/Handler', 'rest']]);
    assert.equal(apis.stages.get('OrdersApi4B2C1D0E')?.stage, 'prod');
    assert.deepEqual(apis.functionUrls.map((u) => [u.functionName, u.authType]), [['OrdersStack/Api/Handler', 'NONE']]);
    assert.deepEqual(apis.problems, []);
    assert.ok(apis.includedFiles?.includes(path.join(out, 'assembly-Prod', 'ProdShopStack4D3A7B2C.template.json')));
  });

  it('says when cdk.out is older than the app, or missing, and how to synthesize it; apps in node_modules are skipped', async () => {
    const future = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(app, 'app.py'), future, future);
    const other = path.join(root, 'services', 'billing');
    fs.mkdirSync(path.join(other, 'node_modules', 'some-construct'), { recursive: true });
    fs.writeFileSync(path.join(other, 'cdk.json'), '{ "app": "npx ts-node bin/billing.ts" }');
    fs.writeFileSync(path.join(other, 'node_modules', 'some-construct', 'cdk.json'), '{}');
    const { problems, files } = await readWorkspaceFunctions(root);
    assert.deepEqual(files, [path.join(other, 'cdk.json'), path.join(out, 'manifest.json')]);
    assert.deepEqual(
      problems.filter((p) => !p.functionId).map((p) => [p.file, p.message]),
      [
        [path.join(other, 'cdk.json'), `the CDK app has no cdk.out yet, so its functions are unknown: run \`npx cdk synth\` in ${other} (it runs the app of cdk.json: npx ts-node bin/billing.ts) to write it`],
        [
          path.join(out, 'manifest.json'),
          `cdk.out is older than app.py, so its functions may not be what the app defines now: run \`npx cdk synth\` in ${app} (it runs the app of cdk.json: python3 app.py) to update it`,
        ],
      ],
    );
  });

  it('reads a cdk.out template named on its own (--template), with its nested stacks; a broken manifest is a problem', async () => {
    const template = path.join(out, 'OrdersStack.template.json');
    assert.equal(sourceOfFile(template).kind, 'cdk');
    assert.equal(sourceOfFile(path.join(app, 'template.yaml')).kind, 'sam');
    const { functions } = await readFunctionsIn(template);
    assert.deepEqual(functions.map((f) => f.name), ['OrdersStack/Api/Handler', 'OrdersStack/Checkout', 'OrdersStack/Reports/ReportFunction']);
    fs.writeFileSync(path.join(out, 'manifest.json'), '{ "artifacts": ');
    const broken = await readFunctionsIn(path.join(out, 'manifest.json'));
    assert.deepEqual(broken.functions, []);
    assert.match(broken.problems[0]!.message, /^the cloud assembly manifest could not be read \(.*JSON.*\): run `npx cdk synth` again to write it$/);
  });

  it("reads the cloud assembly from cdk.json's output folder, once (not also as SAM templates), and says when it is stale", async () => {
    const assembly = path.join(app, 'build', 'assembly');
    fs.mkdirSync(path.dirname(assembly), { recursive: true });
    fs.renameSync(out, assembly);
    fs.writeFileSync(path.join(assembly, 'cdk.out'), '{"version":"55.0.0"}');
    fs.writeFileSync(path.join(app, 'cdk.json'), '{ "app": "python3 app.py", "output": "build/assembly" }');
    const { functions, files, problems } = await readWorkspaceFunctions(root);
    assert.deepEqual(files, [path.join(assembly, 'manifest.json')]);
    assert.deepEqual(functions.map((f) => [f.name, f.origin?.source]), [
      ['OrdersStack/Api/Handler', 'cdk'],
      ['OrdersStack/Checkout', 'cdk'],
      ['OrdersStack/Reports/ReportFunction', 'cdk'],
      ['Prod/ShopStack/ShopFunction', 'cdk'],
    ]);
    assert.ok(functions.every((f) => f.codeDir.startsWith(assembly + path.sep)));
    assert.ok(!problems.some((p) => p.synthApp), JSON.stringify(problems));
    assert.ok(mayDefineFunctions(path.join(assembly, 'OrdersStack.template.json'), root), 'a watcher sees its templates');
    assert.equal(sourceOfFile(path.join(assembly, 'OrdersStack.template.json')).kind, 'cdk');

    const future = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(app, 'app.py'), future, future);
    const stale = (await readWorkspaceFunctions(root)).problems.find((p) => p.synthApp);
    assert.equal(stale?.message, `build/assembly is older than app.py, so its functions may not be what the app defines now: run \`npx cdk synth\` in ${app} (it runs the app of cdk.json: python3 app.py) to update it`);
    fs.rmSync(assembly, { recursive: true });
    const missing = (await readWorkspaceFunctions(root)).problems.find((p) => p.synthApp);
    assert.match(missing?.message ?? '', /^the CDK app has no build\/assembly yet, so its functions are unknown: run `npx cdk synth`/);
  });

  it('tells a watcher the files it reads: cdk.json, and manifests and templates inside cdk.out', () => {
    const accepts = (relative: string) => mayDefineFunctions(path.join(root, relative), root);
    assert.ok(accepts('services/orders/cdk.json'));
    assert.ok(accepts('services/orders/cdk.out/manifest.json'));
    assert.ok(accepts('services/orders/cdk.out/assembly-Prod/manifest.json'));
    assert.ok(accepts('services/orders/cdk.out/X.nested.template.json'));
    assert.ok(!accepts('services/orders/cdk.out/asset.orders/index.js'));
    assert.ok(!accepts('services/orders/cdk.out/tree.json'));
    assert.ok(!accepts('node_modules/aws-cdk-lib/cdk.json'));
    assert.ok(cdkSource.mayDefineFunctions(path.join(root, 'a/cdk.out/manifest.json'), root) && !cdkSource.mayDefineFunctions(path.join(root, 'a/manifest.json'), root));
  });

  it("says why the CLI's invoke finds no function in a CDK app that has not been synthesized yet", () => {
    fs.rmSync(out, { recursive: true });
    const result = spawnSync(process.execPath, [CLI, 'invoke', 'OrdersStack/Api/Handler', '--event', '-'], { cwd: app, input: '{}', encoding: 'utf8', env: { ...process.env, AWS_PROFILE: undefined }, timeout: 30_000 });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^Warning: cdk\.json: the CDK app has no cdk\.out yet, so its functions are unknown: run `npx cdk synth` in /m);
  });

  it("invokes a CDK function by its construct path with the CLI's invoke", () => {
    const env = { ...process.env, AWS_PROFILE: undefined, AWS_REGION: 'us-east-1' };
    const result = spawnSync(process.execPath, [CLI, 'invoke', 'Prod/ShopStack/ShopFunction', '--event', '-'], { cwd: app, input: '{}', encoding: 'utf8', env, timeout: 30_000 });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), { shop: 'prod' });
    const viaTemplate = spawnSync(process.execPath, [CLI, 'invoke', 'OrdersStack/Api/Handler', '--template', 'cdk.out/OrdersStack.template.json', '--event', '-'], {
      cwd: app,
      input: '{"name": "grace"}',
      encoding: 'utf8',
      env,
      timeout: 30_000,
    });
    assert.equal(viaTemplate.status, 0, viaTemplate.stderr);
    assert.match((JSON.parse(viaTemplate.stdout) as { body: string }).body, /hello grace from the layer/);
  });
});
