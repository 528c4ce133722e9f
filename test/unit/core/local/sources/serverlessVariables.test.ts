import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createServerlessSource } from '../../../../../src/core/local/sources/serverless/serverlessSource';
import type { ServerlessOptions } from '../../../../../src/core/local/sources/serverless/variableResolver';

// Each variable form of a serverless.yml, resolved as a local run does: our fixture service and small ones in temp dirs.

const FIXTURE = path.resolve(__dirname, '..', '..', '..', '..', '..', '..', 'test', 'fixtures', 'serverless-app');
const CONFIG = path.join(FIXTURE, 'serverless.yml');

describe('serverless source: variables resolved without AWS', () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'se-serverless-vars-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const fixture = (options: ServerlessOptions = { environment: {} }) => createServerlessSource(options).readFunctions(fs.readFileSync(CONFIG, 'utf8'), CONFIG);
  const helloEnv = (options?: ServerlessOptions) => fixture(options).functions.find((f) => f.name === 'hello')!.environment;
  /** One function `a` with this environment, in a service folder with these other files. */
  const service = (environment: string, files: Record<string, string> = {}, top = '', options: ServerlessOptions = { environment: {} }) => {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
    const file = path.join(root, 'serverless.yml');
    fs.writeFileSync(file, `service: svc\n${top}provider:\n  runtime: nodejs20.x\nfunctions:\n  a:\n    handler: a.handler\n    environment:\n${environment.replace(/^/gm, '      ')}\n`);
    const read = createServerlessSource(options).readFunctions(fs.readFileSync(file, 'utf8'), file);
    return { environment: read.functions[0]?.environment, problems: read.problems.map((p) => p.message) };
  };

  it('${self:…} of any path, ${sls:stage}, ${param:…}, ${aws:…}, file() includes, defaults and nesting in the fixture', () => {
    const env = helloEnv();
    assert.equal(env.SERVICE, 'fixture-app');
    assert.equal(env.GREETING, 'hello from custom');
    assert.equal(env.STAGE, 'dev');
    assert.equal(env.TABLE, 'items-default');
    assert.equal(env.REGION, 'eu-west-1');
    assert.equal(env.ACCOUNT, '123456789012');
    assert.equal(env.COLOR, 'blue');
    assert.equal(env.OWNER, 'team-fixture-app', 'a variable inside an included file is resolved against serverless.yml');
    assert.equal(env.FALLBACK, 'hello from custom', '${env:UNSET, ${self:…}} falls back to the nested variable');
    assert.equal(env.NESTED, 'hello from custom', '${self:custom.${self:custom.flavour}}');
    assert.equal(env.MOTTO, 'be kind', "${opt:motto, 'be kind'} without the option");
    assert.equal(env.TEXT, 'fixture-app-dev', 'variables inside text');
  });

  it('the stage given as an option picks ${opt:stage}, ${sls:stage} and the stage params', () => {
    const env = helloEnv({ stage: 'prod', options: { motto: 'ship it' }, environment: { SE_FIXTURE_REGION: 'ap-south-1' } });
    assert.deepEqual([env.STAGE, env.TABLE, env.TEXT, env.MOTTO, env.REGION], ['prod', 'items-prod', 'fixture-app-prod', 'ship it', 'ap-south-1']);
  });

  it('${env:…} from the environment, and with useDotenv: true from .env.<stage> (else .env) — only what is referenced reaches the function', () => {
    assert.equal(helloEnv().FROM_DOTENV, 'from-dotenv');
    assert.equal(helloEnv({ environment: { DOTENV_VALUE: 'from-process' } }).FROM_DOTENV, 'from-process', 'the environment wins over .env, as dotenv does');
    assert.equal(helloEnv().DOTENV_ONLY, undefined);
    const files = { '.env': 'A=plain\n', '.env.test': 'A=staged\nB="two words" # comment\n' };
    assert.deepEqual(service('A: ${env:A}\nB: ${env:B}', files, 'useDotenv: true\n', { stage: 'test', environment: {} }).environment, { A: 'staged', B: 'two words' });
    assert.deepEqual(service('A: ${env:A}', files, 'useDotenv: true\n').environment, { A: 'plain' });
    const without = service('A: ${env:A}', files);
    assert.deepEqual(without.environment, { A: '<env:A>' }, 'without useDotenv the .env files are not read (v3)');
    assert.match(without.problems[0], /^functions\.a\.environment\.A: \$\{env:A\} has no value: the environment variable A is not set/);
  });

  it('${file(./x.json)} whole, and ${file(…):a.b} of YAML', () => {
    const read = service('WHOLE: ${file(./conf.json)}\nPART: ${file(./conf.yml):db.host}', { 'conf.json': '{"k": 1}', 'conf.yml': 'db:\n  host: localhost\n' });
    assert.deepEqual(read.environment, { WHOLE: '{"k":1}', PART: 'localhost' });
    assert.deepEqual(read.problems, []);
  });

  it('what only AWS has becomes a placeholder and a problem naming the variable and where it is; a fallback is used instead', () => {
    const read = service("SSM: ${ssm:/app/key}\nCF: ${cf:stack.Output}\nS3: ${s3:bucket/key}\nOPT: ${opt:missing}\nOK: ${ssm:/app/key, 'local'}\nFILE: ${file(./nope.yml):x}");
    assert.deepEqual(read.environment, { SSM: '<ssm:/app/key>', CF: '<cf:stack.Output>', S3: '<s3:bucket/key>', OPT: '<opt:missing>', OK: 'local', FILE: '<file(./nope.yml):x>' });
    assert.deepEqual(read.problems.map((p) => p.split(':')[0] + ' ' + /\$\{[^}]*\}/.exec(p)![0]), [
      'functions.a.environment.SSM ${ssm:/app/key}',
      'functions.a.environment.CF ${cf:stack.Output}',
      'functions.a.environment.S3 ${s3:bucket/key}',
      'functions.a.environment.OPT ${opt:missing}',
      'functions.a.environment.FILE ${file(./nope.yml):x}',
    ]);
    assert.match(read.problems[0], /is read from SSM Parameter Store when deployed, which a local run does not do \(add a fallback for local runs: \$\{ssm:\/app\/key, 'local value'\}\), so "<ssm:\/app\/key>" is used$/);
    assert.match(read.problems[3], /no missing option was given/);
    assert.match(read.problems[4], /includes \.\/nope\.yml, which does not exist/);
  });

  it('a variable that refers to itself is a problem, not a hang or a crash', () => {
    const { functions, problems } = fixture();
    assert.equal(functions.find((f) => f.name === 'private')!.environment.LOOP, '<self:custom.loopA>');
    assert.ok(problems.some((p) => /\$\{self:custom\.loopA\} refers to itself through self:custom\.loopA → self:custom\.loopB/.test(p.message)), problems.map((p) => p.message).join('\n'));
    const self = service('X: ${self:functions.a.environment.X}');
    assert.match(self.problems[0], /refers to itself/);
  });

  it("leaves CloudFormation's ${AWS::Region} of a Fn::Sub as it is", () => {
    assert.deepEqual(service('ARN: "arn:${AWS::Partition}:s3:::b-${sls:stage}"').environment, { ARN: 'arn:${AWS::Partition}:s3:::b-dev' });
  });
});
