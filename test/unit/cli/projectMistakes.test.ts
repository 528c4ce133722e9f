import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Mistakes in a project, as a user makes them: each is named where it is (file, line, setting) in CLI words,
// instead of a raw spawn error, a wrong hint, or code loaded from outside the project.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const NODE_RUNTIME = `nodejs${process.versions.node.split('.')[0]}.x`;

function template(properties: Record<string, string>, extra = ''): string {
  const lines = Object.entries({ CodeUri: 'src/', Handler: 'app.handler', Runtime: NODE_RUNTIME, ...properties }).map(([key, value]) => `      ${key}: ${value}`);
  return `AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n${lines.join('\n')}\n${extra}`;
}

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, input: '{}', encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir() }, timeout: 15_000 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli: mistakes in a project, each named where it is', function () {
  this.timeout(30_000);
  let dir: string;

  /** A project folder holding these files (relative paths), under a fresh parent folder. */
  function write(files: Record<string, string>, under = 'project'): string {
    const root = path.join(dir, under);
    for (const [file, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), content);
    }
    return root;
  }

  before(() => assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" first`));
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-mistakes-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const broken = () => write({ 'template.yaml': `${template({})}\n   Stray: [\n`, 'src/app.js': 'exports.handler = async () => 1;\n' });

  it('start-lambda with a YAML error in --template: the file, line and column, exit 1, no hint to give --template', () => {
    const run = cli(['start-lambda', '--template', 'template.yaml', '--port', '0'], broken());
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /^serverless-explorer: template\.yaml: YAML syntax error at line 10, column \d+/m);
    assert.match(run.stderr, /no function could be read, so there is nothing to serve/);
    assert.doesNotMatch(run.stderr, /give --template|^Warning:/m);
  });

  it('invoke with a YAML error in --template: the file, line and column, exit 1', () => {
    const run = cli(['invoke', 'Fn', '--template', 'template.yaml'], broken());
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /^serverless-explorer: template\.yaml: YAML syntax error at line 10/m);
    assert.doesNotMatch(run.stderr, /give --template|Usage:/);
  });

  it('a CodeUri folder that does not exist names the function, the setting and the path, not "spawn … ENOENT"', () => {
    const run = cli(['invoke', 'Fn'], write({ 'template.yaml': template({ CodeUri: 'build/fn/' }) }));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Fn: its code build\/fn \(CodeUri of Fn in template\.yaml\) does not exist \(.*build\/fn\)\. Fix the path, or build the project first/);
    assert.doesNotMatch(run.stderr, /ENOENT|exit status 127/);
  });

  it('a CodeUri outside the project is refused, and nothing from there is loaded', () => {
    write({ 'secret.js': 'exports.handler = async () => "leaked";\n' }, 'outside');
    const run = cli(['invoke', 'Fn'], write({ 'template.yaml': template({ CodeUri: '../outside/', Handler: 'secret.handler' }) }));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /its code \.\.\/outside \(CodeUri of Fn in template\.yaml\) is outside the project .*project, so it is not run/);
    assert.doesNotMatch(run.stdout, /leaked/);
  });

  it('a handler that climbs out of its code folder is refused', () => {
    write({ 'secret.js': 'exports.handler = async () => "leaked";\n' }, 'project/elsewhere');
    const run = cli(['invoke', 'Fn'], write({ 'template.yaml': template({ Handler: '../elsewhere/secret.handler' }), 'src/app.js': '' }));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /the handler \.\.\/elsewhere\/secret\.handler points outside its code folder/);
    assert.doesNotMatch(run.stdout, /leaked/);
  });

  it('a layer whose ContentUri is outside the project is refused, naming the layer', () => {
    write({ 'nodejs/node_modules/x/index.js': '' }, 'outside');
    const layer = '  Shared:\n    Type: AWS::Serverless::LayerVersion\n    Properties:\n      ContentUri: ../outside/\n';
    const run = cli(['invoke', 'Fn'], write({ 'template.yaml': template({ Layers: '[!Ref Shared]' }, layer), 'src/app.js': 'exports.handler = async () => 1;\n' }));
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /its layer Shared \(ContentUri \.\.\/outside\) is outside the project/);
  });

  it('a monorepo: infra/template.yaml may name ../services/…, inside the same repository', () => {
    const root = write({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'infra/template.yaml': template({ CodeUri: '../services/fn/' }),
      'services/fn/app.js': 'exports.handler = async () => "from services";\n',
    }, 'repo');
    const run = cli(['invoke', 'Fn'], path.join(root, 'infra'));
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout.trim(), '"from services"');
  });

  for (const [kind, files] of [
    ['CommonJS', { 'src/app.js': 'exports.handler = async () => {\n  return { ok: 1\n};\n' }],
    ['an ES module', { 'src/app.mjs': 'export const handler = async () => {\n  return { ok: 1\n};\n' }],
  ] as const) {
    it(`a syntax error in ${kind} names the file and line, as Python's does`, () => {
      const run = cli(['invoke', 'Fn'], write({ 'template.yaml': template({}), ...files }));
      assert.equal(run.code, 1);
      const error = JSON.parse(run.stdout) as { errorType: string; errorMessage: string };
      assert.equal(error.errorType, 'Runtime.UserCodeSyntaxError');
      assert.match(error.errorMessage, new RegExp(`^SyntaxError: .+ in ${Object.keys(files)[0].slice(4).replace('.', '\\.')}:4$`));
    });
  }
});
