import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { LocalInvoker } from '../../../../../src/core/local/invoker';
import { cdkSource } from '../../../../../src/core/local/sources/cdk/cdkSource';
import { readWorkspaceFunctions } from '../../../../../src/core/local/sources/registry';
import { installAwsCdk } from '../../../../support/awsCdk';
import { ROOT } from '../../../../support/paths';

// A real CDK app synthesized by the real cdk CLI (installed on demand), then read from its cdk.out and run.
const APP = `const path = require('node:path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const { NodejsFunction } = require('aws-cdk-lib/aws-lambda-nodejs');
const apigateway = require('aws-cdk-lib/aws-apigateway');
const s3 = require('aws-cdk-lib/aws-s3');
const app = new cdk.App();
const stack = new cdk.Stack(app, 'ShopStack');
const prices = new lambda.LayerVersion(stack, 'Prices', { code: lambda.Code.fromAsset(path.join(__dirname, 'layer')), compatibleRuntimes: [lambda.Runtime.PYTHON_3_12] });
new lambda.Function(stack, 'Quote', {
  runtime: lambda.Runtime.PYTHON_3_12,
  handler: 'quote.handler',
  code: lambda.Code.fromAsset(path.join(__dirname, 'python')),
  layers: [prices],
  environment: { CURRENCY: 'EUR' },
  memorySize: 512,
});
// CDK's own helper function (a custom resource provider emptying the bucket) comes with it.
new s3.Bucket(stack, 'Receipts', { autoDeleteObjects: true, removalPolicy: cdk.RemovalPolicy.DESTROY });
const orders = new NodejsFunction(stack, 'Orders', {
  entry: path.join(__dirname, 'orders.ts'),
  runtime: lambda.Runtime.NODEJS_20_X,
  depsLockFilePath: path.join(__dirname, 'package-lock.json'),
  timeout: cdk.Duration.seconds(7),
});
new apigateway.LambdaRestApi(stack, 'ShopApi', { handler: orders });
orders.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
`;

describe('function sources: a CDK app synthesized by cdk synth', function () {
  this.timeout(300_000);
  let dir: string;
  let nodeModules: string;

  before(async function () {
    const installed = await installAwsCdk();
    if ('skipped' in installed) {
      console.log(`    skipped: ${installed.skipped}`);
      this.skip();
    }
    nodeModules = installed.nodeModules;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-cdk-synth-'));
    const write = (relative: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
      fs.writeFileSync(path.join(dir, relative), text);
    };
    write('app.js', APP);
    write('cdk.json', '{ "app": "node app.js" }\n');
    write('package.json', '{ "name": "shop", "private": true }\n');
    write('package-lock.json', '{ "name": "shop", "lockfileVersion": 3, "requires": true, "packages": {} }\n');
    write('orders.ts', 'export const handler = async (event: { item?: string }): Promise<{ ordered: string }> => ({ ordered: event.item ?? "nothing" });\n');
    write('python/quote.py', 'import os\nfrom prices import price\n\ndef handler(event, context):\n    return {"price": price(event["item"]), "currency": os.environ["CURRENCY"]}\n');
    write('layer/python/prices.py', 'def price(item):\n    return len(item) * 10\n');
    fs.symlinkSync(nodeModules, path.join(dir, 'node_modules'));
    const env = { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true', CDK_DISABLE_VERSION_CHECK: 'true' };
    await promisify(execFile)(process.execPath, [path.join(nodeModules, 'aws-cdk', 'bin', 'cdk'), 'synth', '--no-notices', '--quiet'], { cwd: dir, env, timeout: 180_000 });
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the NodejsFunction, the Python function and its layer, leaving out CDK\'s helper, and runs them', async () => {
    const { functions, problems } = await readWorkspaceFunctions(dir);
    assert.deepEqual(problems, []);
    assert.deepEqual(functions.map((f) => f.name).sort(), ['ShopStack/Orders', 'ShopStack/Quote']);
    const template = JSON.parse(fs.readFileSync(path.join(dir, 'cdk.out', 'ShopStack.template.json'), 'utf8')) as { Resources: Record<string, { Type: string }> };
    const lambdas = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function' || r.Type === 'AWS::CloudFormation::CustomResource');
    assert.ok(lambdas.some(([id]) => id.startsWith('CustomS3AutoDeleteObjectsCustomResourceProvider')), `the template has CDK's helper: ${lambdas.map(([id]) => id).join(', ')}`);
    const quote = functions.find((f) => f.name === 'ShopStack/Quote')!;
    const orders = functions.find((f) => f.name === 'ShopStack/Orders')!;
    assert.deepEqual([quote.runtime, quote.memoryMb, quote.layers?.length, orders.runtime, orders.timeoutSeconds], ['python3.12', 512, 1, 'nodejs20.x', 7]);
    assert.ok(orders.codeDir.startsWith(path.join(dir, 'cdk.out', 'asset.')), orders.codeDir);
    const invoker = new LocalInvoker({ runtimesDir: path.join(ROOT, 'dist', 'runtimes'), cacheDir: path.join(dir, '.cache') });
    try {
      const ordered = await invoker.invoke({ ...orders, architecture: 'x86_64' }, '{"item": "tea"}');
      assert.deepEqual(JSON.parse(ordered.payload), { ordered: 'tea' });
      const priced = await invoker.invoke({ ...quote, architecture: 'x86_64' }, '{"item": "tea"}');
      assert.deepEqual(JSON.parse(priced.payload), { price: 30, currency: 'EUR' });
    } finally {
      await invoker.dispose();
    }
  });

  it("reads the LambdaRestApi's routes and the function URL under the function's construct path", () => {
    const manifest = path.join(dir, 'cdk.out', 'manifest.json');
    const text = fs.readFileSync(manifest, 'utf8');
    const apis = cdkSource.readApis!(text, manifest, cdkSource.readFunctions(text, manifest).functions);
    assert.deepEqual(apis.routes.map((r) => [r.method, r.path, r.functionName]).sort(), [['ANY', '/', 'ShopStack/Orders'], ['ANY', '/{proxy+}', 'ShopStack/Orders']]);
    assert.deepEqual(apis.functionUrls.map((u) => u.functionName), ['ShopStack/Orders']);
    assert.deepEqual(apis.problems, []);
  });
});
