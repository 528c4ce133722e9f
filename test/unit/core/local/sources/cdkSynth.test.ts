import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { LocalInvoker } from '../../../../../src/core/local/invoker';
import { readWorkspaceFunctions } from '../../../../../src/core/local/sources/registry';
import { installAwsCdk } from '../../../../support/awsCdk';
import { ROOT } from '../../../../support/paths';

// A real CDK app synthesized by the real cdk CLI (installed on demand), then read from its cdk.out and run.
const APP = `const path = require('node:path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const { NodejsFunction } = require('aws-cdk-lib/aws-lambda-nodejs');
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
new NodejsFunction(stack, 'Orders', {
  entry: path.join(__dirname, 'orders.ts'),
  runtime: lambda.Runtime.NODEJS_20_X,
  depsLockFilePath: path.join(__dirname, 'package-lock.json'),
  timeout: cdk.Duration.seconds(7),
});
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

  it('reads the NodejsFunction, the Python function and its layer, and runs them', async () => {
    const { functions, problems } = await readWorkspaceFunctions(dir);
    assert.deepEqual(problems, []);
    assert.deepEqual(functions.map((f) => f.name).sort(), ['ShopStack/Orders', 'ShopStack/Quote']);
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
});
