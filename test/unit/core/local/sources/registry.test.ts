import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { FreshFunctions } from '../../../../../src/core/local/sources/freshFunctions';
import { FUNCTION_SOURCES, mayDefineFunctions, readFunctionsIn, readWorkspaceFunctions, sourceOfFile } from '../../../../../src/core/local/sources/registry';

// The source registry: where workspace functions come from, what a watcher must see, and the cache a server uses.
const template = (id: string, handler = 'app.handler') =>
  `AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n  ${id}:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/\n      Handler: ${handler}\n      Runtime: nodejs20.x\n`;

describe('function sources: the registry', () => {
  let root: string;
  const write = (relative: string, text: string) => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'se-sources-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reads every template of a folder, each function saying which source and file defines it', async () => {
    const a = write('template.yaml', template('RootFunction'));
    const b = write('services/orders/orders.template.yml', template('OrdersFunction'));
    const { functions, problems, files } = await readWorkspaceFunctions(root);
    assert.deepEqual(
      functions.map((f) => [f.name, f.origin]),
      [
        ['OrdersFunction', { source: 'sam', file: b, id: 'OrdersFunction' }],
        ['RootFunction', { source: 'sam', file: a, id: 'RootFunction' }],
      ],
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(files, [b, a]);
  });

  it('reports what keeps a function from running as a problem with its file and function, not as an error', async () => {
    const file = write('template.yaml', template('NoHandler').replace('      Handler: app.handler\n', ''));
    const { functions, problems } = await readWorkspaceFunctions(root);
    assert.deepEqual(functions, []);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].file, file);
    assert.equal(problems[0].functionId, 'NoHandler');
    assert.match(problems[0].message, /^NoHandler: no Handler \(set Handler/);
  });

  it('reads a file the user names with the source that reads it, and rejects one that does not exist', async () => {
    const file = write('infra/stack.yaml', template('Named'));
    assert.equal(sourceOfFile(file).kind, 'sam');
    assert.deepEqual((await readFunctionsIn(file)).functions.map((f) => f.origin?.id), ['Named']);
    await assert.rejects(readFunctionsIn(path.join(root, 'missing.yaml')), { code: 'ENOENT' });
  });

  it('lets a file watcher pass on exactly the files discovery reads (property: any tree of templates)', async () => {
    const segment = fc.constantFrom('a', 'b', 'svc', 'node_modules', '.git', 'dist', '.aws-sam', 'cdk.out', 'deep');
    const name = fc.constantFrom('template.yaml', 'template.yml', 'template.json', 'api.template.yaml', 'stack.yaml', 'infra.json', 'readme.md', 'x.yml');
    const tree = fc.uniqueArray(fc.tuple(fc.array(segment, { maxLength: 4 }), name).map(([dirs, file]) => path.join(...dirs, file)), { minLength: 1, maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(tree, async (files) => {
        fs.rmSync(root, { recursive: true, force: true });
        fs.mkdirSync(root);
        const written = files.flatMap((relative) => {
          try {
            return [write(relative, relative.endsWith('.json') ? JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: {} }) : template('Fn'))];
          } catch {
            return []; // a path whose folder is a file already
          }
        });
        const found = new Set((await Promise.all(FUNCTION_SOURCES.map((s) => s.findFiles(root)))).flat());
        for (const file of written) assert.equal(mayDefineFunctions(file, root), found.has(file), `${path.relative(root, file)}: watcher ${mayDefineFunctions(file, root)}, discovery ${found.has(file)}`);
      }),
      { numRuns: 40 },
    );
  });

  describe('FreshFunctions: what start-lambda serves between requests', () => {
    it('answers from memory while the template is unchanged, and reads it again once it changes on disk', async () => {
      const file = write('template.yaml', template('Fn', 'app.first'));
      const fresh = await FreshFunctions.load({ file });
      const first = await fresh.current();
      assert.equal(first[0].handler, 'app.first');
      assert.equal(fresh.current(), first, 'unchanged: the same list, without reading the file');
      fs.writeFileSync(file, template('Fn', 'app.second.and.longer'));
      assert.equal((await fresh.current())[0].handler, 'app.second.and.longer');
    });

    it('tells what keeps a changed template from running once, not on every request', async () => {
      const file = write('template.yaml', template('Fn'));
      const told: string[] = [];
      const fresh = await FreshFunctions.load({ file }, { onProblems: (problems) => told.push(...problems.map((p) => p.message)) });
      assert.deepEqual(told, []);
      fs.writeFileSync(file, 'Resources: [unclosed');
      assert.deepEqual(await fresh.current(), []);
      assert.deepEqual(await fresh.current(), []);
      assert.equal(told.length, 1, told.join('\n'));
      assert.match(told[0], /^YAML syntax error at line 1/);
    });

    it('reads a file again when a file it read changes: a Terraform sibling .tf or a new one, a CDK stack template, a serverless.yml include', async () => {
      write('tf/src/index.js', 'exports.handler = async () => 1;');
      write('tf/main.tf', 'data "archive_file" "code" {\n  type = "zip"\n  source_dir = "${path.module}/src"\n  output_path = "${path.module}/code.zip"\n}\n');
      const functionTf = (handler: string) => `resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n  handler = "${handler}"\n  runtime = "nodejs20.x"\n  filename = data.archive_file.code.output_path\n}\n`;
      write('tf/lambda.tf', functionTf('index.first'));
      const terraform = await FreshFunctions.load({ file: path.join(root, 'tf', 'main.tf') });
      assert.deepEqual((await terraform.current()).map((f) => f.handler), ['index.first']);
      write('tf/lambda.tf', functionTf('index.second'));
      assert.deepEqual((await terraform.current()).map((f) => f.handler), ['index.second'], 'a sibling .tf changed');
      write('tf/more.tf', functionTf('index.third').replace('"fn"', '"more"').replace('"fn"', '"more"'));
      assert.deepEqual((await terraform.current()).map((f) => f.name), ['aws_lambda_function.fn', 'aws_lambda_function.more'], 'a .tf added to the folder');

      write('sls/handler.js', 'exports.hello = async () => 1;');
      write('sls/settings.yml', 'memory: 256\n');
      write('sls/serverless.yml', 'service: s\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n  hello:\n    handler: handler.hello\n    memorySize: ${file(./settings.yml):memory}\n');
      const serverless = await FreshFunctions.load({ file: path.join(root, 'sls', 'serverless.yml') });
      assert.deepEqual((await serverless.current()).map((f) => f.memoryMb), [256]);
      write('sls/settings.yml', 'memory: 1536\n');
      assert.deepEqual((await serverless.current()).map((f) => f.memoryMb), [1536], 'the included file changed');

      write('cdk/cdk.json', '{ "app": "node app.js" }');
      write('cdk/cdk.out/asset.abc/index.js', 'exports.handler = async () => 1;');
      write('cdk/cdk.out/manifest.json', JSON.stringify({ version: '36.0.0', artifacts: { Stack: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Stack.template.json' } } } }));
      const stack = (memory: number) => JSON.stringify({ Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs20.x', MemorySize: memory, Code: { S3Bucket: 'b', S3Key: 'k' } }, Metadata: { 'aws:cdk:path': 'Stack/Fn/Resource', 'aws:asset:path': 'asset.abc', 'aws:asset:property': 'Code' } } } });
      write('cdk/cdk.out/Stack.template.json', stack(256));
      const cdk = await FreshFunctions.load({ file: path.join(root, 'cdk', 'cdk.out', 'manifest.json') });
      assert.deepEqual((await cdk.current()).map((f) => [f.name, f.memoryMb]), [['Stack/Fn', 256]]);
      write('cdk/cdk.out/Stack.template.json', stack(2048));
      assert.deepEqual((await cdk.current()).map((f) => [f.name, f.memoryMb]), [['Stack/Fn', 2048]], 'the stack template changed, not the manifest');
    });

    it('finds a template added to the folder on its next walk', async () => {
      write('template.yaml', template('First'));
      const fresh = await FreshFunctions.load({ root }, { rescanMs: 0 });
      assert.deepEqual((await fresh.current()).map((f) => f.name), ['First']);
      write('more/template.yaml', template('Second'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      await fresh.current(); // starts the walk; the next request sees what it found
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual((await fresh.current()).map((f) => f.name).sort(), ['First', 'Second']);
    });
  });
});
