import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readWorkspaceFunctions } from '../../../../../src/core/local/sources/registry';
import { findTemplates } from '../../../../../src/core/local/sources/sam/templateDiscovery';
import { createServerlessSource, serverlessSource } from '../../../../../src/core/local/sources/serverless/serverlessSource';
import type { LocalFunctionDefinition } from '../../../../../src/core/local/types';

// The Serverless Framework source read against our fixture service (test/fixtures/serverless-app) and small services in temp dirs.

const FIXTURE = path.resolve(__dirname, '..', '..', '..', '..', '..', '..', 'test', 'fixtures', 'serverless-app');
const CONFIG = path.join(FIXTURE, 'serverless.yml');

function readFixture(options: Parameters<typeof createServerlessSource>[0] = { environment: {} }) {
  return createServerlessSource(options).readFunctions(fs.readFileSync(CONFIG, 'utf8'), CONFIG);
}

function byName(functions: readonly LocalFunctionDefinition[], name: string): LocalFunctionDefinition {
  const found = functions.find((f) => f.name === name);
  assert.ok(found, `no function ${name} in ${functions.map((f) => f.name).join(', ')}`);
  return found;
}

describe('serverless source: functions of a serverless.yml', () => {
  let root: string;
  const write = (relative: string, text: string) => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'se-serverless-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('names each function by its key, runs it from the service folder with the handler as written, origin serverless', () => {
    const { functions } = readFixture();
    assert.deepEqual(
      functions.map((f) => [f.name, f.codeDir, f.handler, f.runtime, f.origin]),
      [
        ['hello', FIXTURE, 'src/hello.handler', 'nodejs20.x', { source: 'serverless', file: CONFIG, id: 'hello' }],
        ['pyhello', FIXTURE, 'pysrc/handler.hello', 'python3.11', { source: 'serverless', file: CONFIG, id: 'pyhello' }],
        ['auth', FIXTURE, 'src/auth.handler', 'nodejs20.x', { source: 'serverless', file: CONFIG, id: 'auth' }],
        ['private', FIXTURE, 'src/hello.handler', 'nodejs20.x', { source: 'serverless', file: CONFIG, id: 'private' }],
      ],
    );
  });

  it('knows the name each function is deployed as: <service>-<stage>-<key>, or its own name:', () => {
    assert.equal(byName(readFixture().functions, 'hello').deployedName, 'fixture-app-dev-hello');
    assert.equal(byName(readFixture({ environment: {}, stage: 'prod' }).functions, 'hello').deployedName, 'fixture-app-prod-hello');
    const file = write('serverless.yml', 'service:\n  name: shop\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n  a:\n    handler: h.a\n    name: orders-${sls:stage}-custom\n  b:\n    handler: h.b\n');
    const { functions } = createServerlessSource({ environment: {} }).readFunctions(fs.readFileSync(file, 'utf8'), file);
    assert.deepEqual(functions.map((f) => [f.name, f.deployedName]), [['a', 'orders-dev-custom'], ['b', 'shop-dev-b']]);
  });

  it("uses the Serverless Framework's defaults (1024 MB, 6 s, x86_64) unless the function or provider sets them", () => {
    const { functions } = readFixture();
    const hello = byName(functions, 'hello');
    assert.deepEqual([hello.memoryMb, hello.timeoutSeconds, hello.architecture], [1024, 6, 'x86_64']);
    const py = byName(functions, 'pyhello');
    assert.deepEqual([py.memoryMb, py.timeoutSeconds, py.architecture], [256, 10, 'arm64']);
    const file = write('serverless.yml', 'service: s\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  memorySize: 512\n  timeout: 20\n  architecture: arm64\nfunctions:\n  a:\n    handler: a.handler\n');
    const a = serverlessSource.readFunctions(fs.readFileSync(file, 'utf8'), file).functions[0];
    assert.deepEqual([a.memoryMb, a.timeoutSeconds, a.architecture], [512, 20, 'arm64']);
  });

  it("merges the function's environment over provider.environment", () => {
    const file = write('serverless.yml', 'service: s\nprovider:\n  runtime: nodejs20.x\n  environment:\n    SHARED: p\n    OVERRIDDEN: p\nfunctions:\n  a:\n    handler: a.handler\n    environment:\n      OVERRIDDEN: f\n      COUNT: 3\n  b:\n    handler: b.handler\n');
    const { functions } = serverlessSource.readFunctions(fs.readFileSync(file, 'utf8'), file);
    assert.deepEqual(byName(functions, 'a').environment, { SHARED: 'p', OVERRIDDEN: 'f', COUNT: '3' });
    assert.deepEqual(byName(functions, 'b').environment, { SHARED: 'p', OVERRIDDEN: 'p' });
  });

  it("gives a layer of the file by { Ref: SharedLambdaLayer } as its path, and a layer ARN as it is", () => {
    assert.deepEqual(byName(readFixture().functions, 'hello').layers, [{ kind: 'local', name: 'shared', content: path.join(FIXTURE, 'layers', 'shared'), under: '' }]);
    const arn = 'arn:aws:lambda:us-east-1:123456789012:layer:tools:3';
    const file = write('serverless.yml', `service: s\nprovider:\n  runtime: nodejs20.x\nlayers:\n  common-libs:\n    path: libs\nfunctions:\n  a:\n    handler: a.handler\n    layers:\n      - ${arn}\n      - Ref: CommonDashlibsLambdaLayer\n  b:\n    handler: b.handler\n    layers:\n      - Ref: MissingLambdaLayer\n`);
    const { functions, problems } = serverlessSource.readFunctions(fs.readFileSync(file, 'utf8'), file);
    assert.deepEqual(byName(functions, 'a').layers, [{ kind: 'arn', arn }, { kind: 'local', name: 'common-libs', content: path.join(root, 'libs'), under: '' }]);
    assert.equal(functions.some((f) => f.name === 'b'), false);
    assert.match(problems.find((p) => p.functionId === 'b')?.message ?? '', /\{ Ref: MissingLambdaLayer \} is not a layer of this file/);
  });

  it('says what is missing: a function without handler, without runtime, or of a container image', () => {
    const file = write('serverless.yml', 'service: s\nfunctions:\n  nohandler:\n    runtime: nodejs20.x\n  noruntime:\n    handler: a.handler\n  image:\n    image: 123.dkr.ecr.us-east-1.amazonaws.com/x:latest\n');
    const { functions, problems } = serverlessSource.readFunctions(fs.readFileSync(file, 'utf8'), file);
    assert.deepEqual(functions, []);
    assert.deepEqual(
      problems.map((p) => [p.functionId, p.message]),
      [
        ['nohandler', 'functions.nohandler has no handler (set handler: path/file.export, e.g. handler: handler.hello)'],
        ['noruntime', 'functions.noruntime has no runtime (set provider.runtime or functions.noruntime.runtime, e.g. nodejs20.x)'],
        ['image', 'functions.image.image: container image functions do not run locally (use handler: file.export with a runtime)'],
      ],
    );
  });

  it('a YAML syntax error is a problem with its line, not an exception', () => {
    const file = write('serverless.yml', 'service: s\nfunctions:\n  a:\n    handler: [unclosed\n');
    const { functions, problems } = serverlessSource.readFunctions(fs.readFileSync(file, 'utf8'), file);
    assert.deepEqual(functions, []);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /^YAML syntax error at line \d+/);
    assert.equal(typeof problems[0].line, 'number');
  });

  it('finds serverless.yml and serverless.yaml of every service of a monorepo, skipping node_modules and .serverless, and never reads one as a SAM template', async () => {
    const service = 'service: s\nprovider:\n  runtime: nodejs20.x\nfunctions:\n  NAME:\n    handler: h.handler\nresources:\n  AWSTemplateFormatVersion: "2010-09-09"\n  Resources: {}\n';
    const a = write('services/a/serverless.yml', service.replace('NAME', 'fromA'));
    const b = write('services/b/serverless.yaml', service.replace('NAME', 'fromB'));
    write('node_modules/pkg/serverless.yml', service.replace('NAME', 'dependency'));
    write('services/a/.serverless/serverless.yml', service.replace('NAME', 'packaged'));
    assert.deepEqual(await serverlessSource.findFiles(root), [a, b]);
    assert.deepEqual(await findTemplates(root), []);
    const { functions, problems, files } = await readWorkspaceFunctions(root);
    assert.deepEqual(functions.map((f) => f.name), ['fromA', 'fromB']);
    assert.deepEqual(files, [a, b]);
    assert.deepEqual(problems, []);
    assert.equal(serverlessSource.mayDefineFunctions(a, root), true);
    assert.equal(serverlessSource.mayDefineFunctions(path.join(root, 'node_modules/pkg/serverless.yml'), root), false);
    assert.equal(serverlessSource.readsFile(a), true);
    assert.equal(serverlessSource.readsFile(path.join(root, 'template.yaml')), false);
  });

  it("watches what it read: the file() includes and the .env files, besides serverless.yml itself", () => {
    const source = createServerlessSource({ environment: {} });
    source.readFunctions(fs.readFileSync(CONFIG, 'utf8'), CONFIG);
    for (const read of ['config/settings.yml', '.env', '.env.dev']) assert.equal(source.mayDefineFunctions(path.join(FIXTURE, read), FIXTURE), true, read);
    assert.equal(source.mayDefineFunctions(path.join(FIXTURE, 'src', 'hello.js'), FIXTURE), false);
    assert.equal(source.mayDefineFunctions(path.join(FIXTURE, 'other.yml'), FIXTURE), false);
  });
});
