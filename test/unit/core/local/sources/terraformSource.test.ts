import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mayDefineFunctions, readFunctionsIn, readWorkspaceFunctions, sourceOfFile } from '../../../../../src/core/local/sources/registry';
import { terraformSource } from '../../../../../src/core/local/sources/terraform/terraformSource';

// Terraform configurations as a function source: our fixture (test/fixtures/terraform-app) and small ones written here.
const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..', '..');
const APP = path.join(ROOT, 'test', 'fixtures', 'terraform-app');
const MAIN = path.join(APP, 'main.tf');

const lambda = (name: string, attributes: string) => `resource "aws_lambda_function" "${name}" {\n  function_name = "${name}"\n  handler = "index.handler"\n  runtime = "nodejs20.x"\n${attributes}\n}\n`;
const archive = (name: string, dir: string) => `data "archive_file" "${name}" {\n  type = "zip"\n  source_dir = "\${path.module}/${dir}"\n  output_path = "\${path.module}/build/${name}.zip"\n}\n`;

describe('function sources: Terraform configurations', () => {
  let root: string;
  const write = (relative: string, text: string) => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'se-terraform-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('names each function by its resource address, its code the folder its archive_file zips', async () => {
    const { functions } = await readFunctionsIn(MAIN);
    assert.deepEqual(
      functions.map((f) => [f.name, path.relative(APP, f.codeDir), f.origin?.source, path.relative(APP, f.origin?.file ?? '')]),
      [
        ['aws_lambda_function.orders', 'src/orders', 'terraform', 'main.tf'],
        ['aws_lambda_function.report', 'src/report', 'terraform', 'main.tf'],
        ['module.notifier', 'src/notifier', 'terraform', 'main.tf'],
        ['module.greeter.aws_lambda_function.greeter', 'modules/fn/handler', 'terraform', 'modules/fn/main.tf'],
      ],
    );
  });

  it('reads handler, runtime, timeout, memory, architecture, environment from variables and locals, and Lambda defaults', async () => {
    const { functions } = await readFunctionsIn(MAIN);
    const [orders, report, , greeter] = functions;
    assert.deepEqual(
      { handler: orders.handler, runtime: orders.runtime, timeout: orders.timeoutSeconds, memory: orders.memoryMb, arch: orders.architecture, env: orders.environment },
      { handler: 'index.handler', runtime: 'nodejs20.x', timeout: 10, memory: 256, arch: 'arm64', env: { TABLE: 'orders', STAGE: 'shop-dev' } },
    );
    assert.deepEqual([report.timeoutSeconds, report.memoryMb, report.architecture, report.runtime], [3, 128, 'x86_64', 'python3.12']);
    assert.equal(greeter.environment.GREETING, 'hello from dev', 'the module block passes its input, interpolated in the caller');
  });

  it('gives a function the layers of the configuration (its archive_file folder) and layer ARNs', async () => {
    const { functions } = await readFunctionsIn(MAIN);
    assert.deepEqual(functions[0].layers, [{ kind: 'local', name: 'aws_lambda_layer_version.shared', content: path.join(APP, 'layers', 'shared'), under: '' }]);
    assert.equal(functions[1].layers, undefined);
    assert.deepEqual(functions[2].layers, [{ kind: 'local', name: 'module.tone_layer', content: path.join(APP, 'layers', 'tone'), under: 'python' }]);
  });

  it('takes a layer version ARN written or from a variable, and reports a layer that is neither', async () => {
    write('src/index.js', 'exports.handler = async () => 1;');
    const main = write(
      'main.tf',
      `variable "tools" {\n  default = "arn:aws:lambda:us-east-1:123456789012:layer:tools:3"\n}\n${archive('code', 'src')}${lambda('arns', '  filename = data.archive_file.code.output_path\n  layers = [var.tools, "arn:aws:lambda:eu-west-1:123456789012:layer:more:1"]')}${lambda('bad', '  filename = data.archive_file.code.output_path\n  layers = ["tools"]')}`,
    );
    const { functions, problems } = await readFunctionsIn(main);
    assert.deepEqual(functions.map((f) => [f.name, f.layers]), [
      ['aws_lambda_function.arns', [{ kind: 'arn', arn: 'arn:aws:lambda:us-east-1:123456789012:layer:tools:3' }, { kind: 'arn', arn: 'arn:aws:lambda:eu-west-1:123456789012:layer:more:1' }]],
    ]);
    assert.match(problems[0].message, /^aws_lambda_function\.bad: layers: "tools" in main\.tf is neither a layer version ARN/);
  });

  it('runs code uploaded to S3 from the archive the configuration zips: through the aws_s3_object, or the source_code_hash', async () => {
    write('hello/hello.js', 'exports.handler = async () => 1;');
    write('other/index.js', 'exports.handler = async () => 2;');
    const main = write(
      'main.tf',
      `${archive('hello', 'hello')}${archive('other', 'other')}resource "aws_s3_object" "hello" {\n  bucket = aws_s3_bucket.code.id\n  key = "hello.zip"\n  source = data.archive_file.hello.output_path\n}\n` +
        lambda('uploaded', '  s3_bucket = aws_s3_bucket.code.id\n  s3_key = aws_s3_object.hello.key') +
        lambda('hashed', '  s3_bucket = "code-bucket"\n  s3_key = "other.zip"\n  source_code_hash = data.archive_file.other.output_base64sha256') +
        lambda('elsewhere', '  s3_bucket = "code-bucket"\n  s3_key = "built-by-ci.zip"'),
    );
    const { functions, problems } = await readFunctionsIn(main);
    assert.deepEqual(functions.map((f) => [f.name, path.relative(root, f.codeDir)]), [
      ['aws_lambda_function.uploaded', 'hello'],
      ['aws_lambda_function.hashed', 'other'],
    ]);
    assert.deepEqual(problems.map((p) => p.message), [
      'aws_lambda_function.elsewhere: s3_bucket/s3_key: the code is in S3 and nothing in the configuration says what was uploaded (upload it with an aws_s3_object whose source is a data "archive_file", or set filename to one)',
    ]);
  });

  it('reads functions and layers made with terraform-aws-modules/lambda from the module block, its own files unread', async () => {
    write('fns/a/app.py', 'def handler(e, c): return 1');
    write('fns/b/index.js', 'exports.handler = async () => 2;');
    write('fns/c/main.py', 'def handler(e, c): return 3');
    write('layer/lib.py', 'X = 1');
    write('dist/d.zip', 'PK');
    // A local copy of the module (as its own examples call it): known by the inputs only it declares, not read.
    write('vendor/lambda/variables.tf', 'variable "source_path" {}\nvariable "create_package" {}\nvariable "local_existing_package" {}\n');
    write('vendor/lambda/main.tf', 'resource "aws_lambda_function" "this" {\n  filename = local.filename\n}\n');
    const call = (name: string, source: string, inputs: string) => `module "${name}" {\n  source = "${source}"\n${inputs}\n}\n`;
    const main = write(
      'main.tf',
      'variable "env" {\n  default = "test"\n}\n' +
        call('a', 'terraform-aws-modules/lambda/aws', '  function_name = "a-${var.env}"\n  handler = "app.handler"\n  runtime = "python3.12"\n  source_path = "${path.module}/fns/a"\n  timeout = 20\n  environment_variables = { ENV = var.env }\n  architectures = ["arm64"]\n  layers = [module.lib.lambda_layer_arn, "arn:aws:lambda:us-east-1:123456789012:layer:x:1"]') +
        call('b', 'git::https://github.com/terraform-aws-modules/terraform-aws-lambda.git?ref=v7.2.0', '  handler = "index.handler"\n  runtime = "nodejs20.x"\n  source_path = [{ path = "${path.module}/fns/b", patterns = ["!.*\\\\.md"] }, "${path.module}/fns/c"]') +
        call('c', './vendor/lambda', '  handler = "main.handler"\n  runtime = "python3.12"\n  source_path = "${path.module}/fns/c/main.py"') +
        call('d', 'terraform-aws-modules/lambda/aws', '  handler = "main.handler"\n  runtime = "python3.12"\n  create_package = false\n  local_existing_package = "dist/d.zip"') +
        call('lib', 'terraform-aws-modules/lambda/aws', '  create_layer = true\n  source_path = [{ path = "${path.module}/layer", prefix_in_zip = "python" }]') +
        call('packaging_only', 'terraform-aws-modules/lambda/aws', '  create_function = false\n  source_path = "${path.module}/fns/a"') +
        call('image', 'terraform-aws-modules/lambda/aws', '  package_type = "Image"\n  image_uri = "x"'),
    );
    const { functions, problems } = await readFunctionsIn(main);
    const summary = functions.map((f) => [f.name, path.relative(root, f.codeDir), f.handler, f.timeoutSeconds, f.memoryMb, f.deployedName ?? '', f.codeArchive ?? false]);
    assert.deepEqual(summary, [
      ['module.a', 'fns/a', 'app.handler', 20, 128, 'a-test', false],
      ['module.b', 'fns/b', 'index.handler', 3, 128, '', false],
      ['module.c', 'fns/c', 'main.handler', 3, 128, '', false],
      ['module.d', 'dist/d.zip', 'main.handler', 3, 128, '', true],
    ]);
    const a = functions[0];
    assert.deepEqual([a.environment, a.architecture, a.runtime], [{ ENV: 'test' }, 'arm64', 'python3.12']);
    assert.deepEqual(a.layers, [
      { kind: 'local', name: 'module.lib', content: path.join(root, 'layer'), under: 'python' },
      { kind: 'arn', arn: 'arn:aws:lambda:us-east-1:123456789012:layer:x:1' },
    ]);
    assert.deepEqual(problems.map((p) => p.message), [
      `module.b: source_path has 2 entries; locally the function runs from the first, ${path.join(root, 'fns', 'b')}`,
      'module.image: package_type Image: container image functions do not run locally (use source_path with handler and runtime)',
    ]);
  });

  it('says what does not run locally, naming the resource, the attribute and the file', async () => {
    const { problems } = await readFunctionsIn(MAIN);
    const messages = problems.map((p) => [p.functionId ?? '', path.relative(APP, p.file), p.message]);
    assert.ok(messages.some(([id, file, m]) => id === 'aws_lambda_function.archived' && file === 'main.tf' && /s3_bucket\/s3_key: the code is in S3 and nothing in the configuration says what was uploaded/.test(m)), JSON.stringify(messages));
    assert.ok(messages.some(([id, , m]) => id === 'aws_lambda_function.report' && /source_file.*runs from its folder/.test(m)));
    assert.ok(messages.some(([id, file, m]) => id === 'module.greeter.aws_lambda_function.greeter' && file === 'modules/fn/main.tf' && /REGION depends on data\.aws_region\.current\.name/.test(m)));
  });

  it('takes terraform.tfvars over a variable\'s default, and reports a path that needs a variable with no value', async () => {
    write('src/index.js', 'exports.handler = async () => 1;');
    const main = write(
      'main.tf',
      `variable "code" {}\nvariable "table" {\n  default = "a"\n}\n${archive('code', 'src')}${lambda('ok', '  filename = data.archive_file.code.output_path\n  environment {\n    variables = { TABLE = var.table }\n  }')}${lambda('lost', '  filename = "${var.code}/fn.zip"')}`,
    );
    write('terraform.tfvars', 'table = "from-tfvars"\n');
    const { functions, problems } = await readFunctionsIn(main);
    assert.deepEqual(functions.map((f) => [f.name, f.environment.TABLE]), [['aws_lambda_function.ok', 'from-tfvars']]);
    assert.deepEqual(problems.map((p) => p.message), ['aws_lambda_function.lost: filename in main.tf depends on var.code, which has no value locally (set filename = data.archive_file.<name>.output_path, or write the .zip\'s path)']);
  });

  it('evaluates format, join, lookup, upper and lower, and names a function it cannot evaluate', async () => {
    write('src/index.js', 'exports.handler = async () => 1;');
    const vars = 'variable "env" {\n  default = "dev"\n}\nvariable "tags" {\n  default = { team = "shop" }\n}\nvariable "parts" {\n  default = ["a", "b"]\n}\n';
    const environment = 'NAME = format("%s-orders-%d", var.env, 2)\n      PATH_PARTS = join("/", var.parts)\n      TEAM = lookup(var.tags, "team", "none")\n      OWNER = lookup(var.tags, "owner", "nobody")\n      LOUD = upper("${var.env}!")\n      HASH = md5(var.env)';
    const main = write('main.tf', `${vars}${archive('code', 'src')}${lambda('fn', `  filename = data.archive_file.code.output_path\n  environment {\n    variables = {\n      ${environment}\n    }\n  }`)}`);
    const { functions, problems } = await readFunctionsIn(main);
    assert.deepEqual(functions[0].environment, { NAME: 'dev-orders-2', PATH_PARTS: 'a/b', TEAM: 'shop', OWNER: 'nobody', LOUD: 'DEV!', HASH: '${md5(var.env)}' });
    assert.deepEqual(problems.map((p) => p.message), [
      'aws_lambda_function.fn: environment variable HASH depends on md5(var.env), which has no value locally, so it is set to that text (write the value, or give the variable a default)',
    ]);
  });

  it('reports a file that is not HCL instead of failing, and still reads the other files of the folder', async () => {
    write('src/index.js', 'exports.handler = async () => 1;');
    write('broken.tf', 'resource "aws_lambda_function" "x" {\n  handler = \n}\n');
    const main = write('main.tf', `${archive('code', 'src')}${lambda('fine', '  filename = data.archive_file.code.output_path')}`);
    const { functions, problems } = await readFunctionsIn(main);
    assert.deepEqual(functions.map((f) => f.name), ['aws_lambda_function.fine']);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].file, path.join(root, 'broken.tf'));
    assert.match(problems[0].message, /^broken\.tf: HCL syntax error at line 2, column 3 \(near `handler =`\); functions in this file were not read/);
    assert.equal(problems[0].line, 2);
  });

  it('finds root modules, not the local modules they call, nor .terraform and node_modules', async () => {
    write('infra/main.tf', 'module "fn" {\n  source = "./modules/fn"\n}\n');
    write('infra/modules/fn/lambda.tf', '');
    write('other/functions.tf', '');
    write('infra/.terraform/modules/x/main.tf', '');
    write('node_modules/pkg/main.tf', '');
    assert.deepEqual(await terraformSource.findFiles(root), [path.join(root, 'infra', 'main.tf'), path.join(root, 'other', 'functions.tf')]);
    assert.equal(mayDefineFunctions(path.join(root, 'infra', 'variables.tf'), root), true);
    assert.equal(mayDefineFunctions(path.join(root, 'terraform.tfvars'), root), true);
    assert.equal(mayDefineFunctions(path.join(root, '.terraform', 'x.tf'), root), false);
    assert.equal(sourceOfFile(path.join(root, 'infra', 'main.tf')), terraformSource);
  });

  it('lists a Terraform project\'s functions among a workspace\'s', async () => {
    const { functions, files } = await readWorkspaceFunctions(APP);
    assert.deepEqual(files, [MAIN]);
    assert.equal(functions.length, 4);
  });

  it('reads the HTTP API routes, its stage and the function URL for the local API', async () => {
    const text = fs.readFileSync(MAIN, 'utf8');
    await terraformSource.prepare!();
    const { functions } = terraformSource.readFunctions(text, MAIN);
    const apis = terraformSource.readApis!(text, MAIN, functions);
    assert.deepEqual(apis.routes, [
      { method: 'GET', path: '/orders/{id}', functionName: 'aws_lambda_function.orders', kind: 'http', payloadVersion: '2.0', apiId: 'aws_apigatewayv2_api.http' },
      { method: 'POST', path: '/notify', functionName: 'module.notifier', kind: 'http', payloadVersion: '2.0', apiId: 'aws_apigatewayv2_api.http' },
    ]);
    const stage = apis.stages.get('aws_apigatewayv2_api.http');
    assert.deepEqual([stage?.stage, stage?.stageVariables], ['$default', { tier: 'gold' }]);
    assert.deepEqual(apis.functionUrls.map((u) => [u.functionName, u.authType, u.invokeMode, u.cors?.allowOrigins, u.cors?.allowMethods]), [
      ['aws_lambda_function.orders', 'NONE', 'BUFFERED', ['https://shop.example'], ['GET', 'POST']],
    ]);
    assert.deepEqual(apis.problems, []);
  });

  it('serves an HTTP API\'s quick-create target, and says why a route to no local function is not served', () => {
    write('src/index.js', 'exports.handler = async () => 1;');
    const text = `${archive('code', 'src')}${lambda('fn', '  filename = data.archive_file.code.output_path')}
resource "aws_apigatewayv2_api" "quick" {
  name = "quick"
  protocol_type = "HTTP"
  target = aws_lambda_function.fn.arn
}
resource "aws_apigatewayv2_integration" "far" {
  api_id = aws_apigatewayv2_api.quick.id
  integration_type = "AWS_PROXY"
  integration_uri = "arn:aws:lambda:us-east-1:123456789012:function:elsewhere"
}
resource "aws_apigatewayv2_route" "far" {
  api_id = aws_apigatewayv2_api.quick.id
  route_key = "POST /far"
  target = "integrations/\${aws_apigatewayv2_integration.far.id}"
}
`;
    const main = write('main.tf', text);
    const { functions } = terraformSource.readFunctions(text, main);
    const apis = terraformSource.readApis!(text, main, functions);
    assert.deepEqual(apis.routes.map((r) => [r.method, r.path, r.functionName, r.payloadVersion]), [['ANY', '$default', 'aws_lambda_function.fn', '2.0']]);
    assert.deepEqual(apis.problems, ['aws_apigatewayv2_integration.far in main.tf: integration_uri is not a function of this configuration (write integration_uri = aws_lambda_function.<name>.invoke_arn), so it is not served']);
  });
});
