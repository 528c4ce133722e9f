import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalInvoker } from '../../../../../../src/core/local/invoker';
import type { LocalInvokeResult } from '../../../../../../src/core/local/invoker';
import { readWorkspaceFunctions } from '../../../../../../src/core/local/sources/registry';
import type { LocalFunctionDefinition } from '../../../../../../src/core/local/types';

// Ruby functions run by the real LocalInvoker on the machine's Ruby, through the runtime client `npm run build` copies
// to dist/runtimes/ruby. The fixture, test/unit/core/local/functions/ruby, is a SAM app in the layout of the
// `sam init` Ruby starter (template.yaml, hello_world/app.rb with `def lambda_handler(event:, context:)`).

const ROOT = path.resolve(__dirname, '../../../../../../..');
const RUNTIMES = path.join(ROOT, 'dist', 'runtimes');
const APP = path.join(ROOT, 'test', 'unit', 'core', 'local', 'functions', 'ruby');
const CODE = path.join(APP, 'hello_world');

interface RubyError {
  errorMessage: string;
  errorType: string;
  stackTrace: string[];
}

const json = <T = Record<string, unknown>>(result: LocalInvokeResult): T => JSON.parse(result.payload) as T;
const hasRuby = spawnSync('ruby', ['--version']).status === 0;

describe('core/local runtimes: Ruby (real processes)', function () {
  this.timeout(30_000);
  let invoker: LocalInvoker;
  let template: LocalFunctionDefinition[];

  before(async function () {
    if (!hasRuby) throw new Error('Ruby is not installed: apt-get install -y ruby (scripts/setup-vscode.sh installs it)');
    assert.ok(fs.existsSync(path.join(RUNTIMES, 'ruby', 'bootstrap.rb')), `${RUNTIMES}/ruby/bootstrap.rb is missing: run npm run build first`);
    invoker = new LocalInvoker({ runtimesDir: RUNTIMES });
    template = (await readWorkspaceFunctions(APP)).functions;
  });

  after(() => invoker?.dispose());

  const fromTemplate = (name: string) => template.find((f) => f.name === name)!;
  /** Another handler of the fixture's code folder, as the template's function would run it. */
  const handler = (name: string, overrides: Partial<LocalFunctionDefinition> = {}): LocalFunctionDefinition => ({
    ...fromTemplate('HelloRubyFunction'),
    name: `ruby-${name.replace(/\W/g, '-')}`,
    handler: name,
    ...overrides,
  });

  it('reads the SAM template: the Ruby function, its runtime, code folder and handler', () => {
    const hello = fromTemplate('HelloRubyFunction');
    assert.deepEqual([hello.runtime, hello.codeDir, hello.handler, hello.memoryMb, hello.timeoutSeconds], ['ruby3.3', CODE, 'app.lambda_handler', 512, 3]);
  });

  it('runs lambda_handler(event:, context:) and answers with its result as JSON; puts and Logger output in the log', async () => {
    const result = await invoker.invoke(fromTemplate('HelloRubyFunction'), '{"path": "/hello"}');
    assert.equal(result.functionError, undefined, `${result.payload}\n${result.log}`);
    const response = json<{ statusCode: number; body: string }>(result);
    assert.equal(response.statusCode, 200);
    const body = JSON.parse(response.body) as { message: string; invocations: number; ruby: string };
    assert.equal(body.message, 'Hello World!', 'the template environment reaches ENV');
    assert.equal(body.invocations, 1);
    assert.match(result.log, /^START RequestId: [0-9a-f-]{36} Version: \$LATEST\nhello from ruby, invocation 1\n/);
    // Lambda's Logger format: severity letter, time, pid, severity, request id, then the message.
    assert.match(result.log, new RegExp(`\\nI, \\[\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6} #\\d+\\]  INFO ${result.requestId} -- : path "/hello"\\n`));
    assert.match(result.log, /\nREPORT RequestId: .*\tMemory Size: 512 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms\t\n?$/);
    assert.ok(result.report.maxMemoryUsedMb! > 5, `Max Memory Used ${result.report.maxMemoryUsedMb} MB`);
  });

  it('keeps a warm environment (module state) and reports Init Duration on the cold start only', async () => {
    const fn = { ...fromTemplate('HelloRubyFunction'), name: 'ruby-warm' };
    const first = await invoker.invoke(fn, '{}');
    const second = await invoker.invoke(fn, '{}');
    assert.deepEqual([first.coldStart, second.coldStart], [true, false]);
    assert.deepEqual([first, second].map((r) => (JSON.parse(json<{ body: string }>(r).body) as { invocations: number }).invocations), [1, 2]);
    assert.ok(first.report.initDurationMs !== undefined && second.report.initDurationMs === undefined);
  });

  it('passes a context object with Lambda attributes and get_remaining_time_in_millis', async () => {
    const fn = handler('app.context_fields', { timeoutSeconds: 7 });
    const identity = '{"cognitoIdentityId":"us-east-1:abc","cognitoIdentityPoolId":"us-east-1:pool"}';
    const clientContext = '{"client":{"app_title":"shop"},"custom":{"k":"v"},"env":{"platform":"ios"}}';
    const result = await invoker.invoke(fn, '{"item": "tea"}', { cognitoIdentity: identity, clientContext });
    const ctx = json(result);
    assert.equal(ctx.aws_request_id, result.requestId);
    assert.equal(ctx.function_name, fn.name);
    assert.equal(ctx.function_version, '$LATEST');
    assert.match(String(ctx.invoked_function_arn), new RegExp(`^arn:aws:lambda:[a-z0-9-]+:\\d{12}:function:${fn.name}$`));
    assert.equal(ctx.memory_limit_in_mb, '512', 'a string, as on Lambda');
    assert.equal(ctx.log_group_name, `/aws/lambda/${fn.name}`);
    assert.match(String(ctx.log_stream_name), /^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/);
    const remaining = Number(ctx.remaining);
    assert.ok(remaining > 5000 && remaining <= 7000, `remaining ${remaining} ms of a 7 s timeout`);
    assert.ok(Math.abs(Number(ctx.deadline_ms) - Date.now() - remaining) < 2000, 'deadline_ms is the epoch millisecond of the deadline');
    assert.deepEqual(ctx.identity, JSON.parse(identity));
    assert.deepEqual(ctx.client_context, JSON.parse(clientContext));
    assert.match(String(ctx.trace_id), /^Root=1-[0-9a-f]{8}-[0-9a-f]{24};/);
    assert.deepEqual(ctx.event, { item: 'tea' });
  });

  it('runs a class method named FILE.Module::Class.method', async () => {
    const result = await invoker.invoke(fromTemplate('OrdersRubyFunction'), '{"item": "tea"}');
    assert.deepEqual(json(result), { order: 'tea', by: 'OrdersRubyFunction' });
  });

  it('answers a String with a JSON string, as Lambda does', async () => {
    assert.equal((await invoker.invoke(handler('app.returns_string'), '{}')).payload, '"just text"');
  });

  it('reports a raised error as Function<Class> with its message and the stack of the user code only; the environment stays warm', async () => {
    const fn = handler('app.fail');
    const result = await invoker.invoke(fn, '{"item": "tea"}');
    assert.equal(result.functionError, 'Unhandled');
    assert.equal(result.errorType, 'Function<OutOfStock>');
    const error = json<RubyError>(result);
    assert.deepEqual(Object.keys(error), ['errorMessage', 'errorType', 'stackTrace']);
    assert.deepEqual([error.errorType, error.errorMessage], ['Function<OutOfStock>', 'no tea left']);
    assert.match(error.stackTrace[0]!, new RegExp(`^${path.join(CODE, 'app.rb')}:\\d+:in .fail'$`));
    assert.ok(error.stackTrace.every((frame) => !frame.includes('bootstrap.rb')), error.stackTrace.join('\n'));
    assert.match(result.log, /\nError raised from handler method\n\{\n {2}"errorMessage": "no tea left",\n {2}"errorType": "Function<OutOfStock>",/);
    assert.equal((await invoker.invoke(fn, '{"item": "milk"}')).coldStart, false, 'a StandardError leaves the environment warm');
  });

  it('reports a handler method that does not exist as Function<NoMethodError>, names the methods that do, and starts afresh after it', async () => {
    const fn = handler('app.lambda_handlr');
    const result = await invoker.invoke(fn, '{}');
    assert.equal(result.errorType, 'Function<NoMethodError>');
    const error = json<RubyError>(result);
    assert.deepEqual([error.errorType, error.stackTrace], ['Function<NoMethodError>', []]);
    // Ruby's own wording, which 3.4 changed: "undefined method 'lambda_handlr' for main".
    assert.match(error.errorMessage, /^undefined method [`']lambda_handlr' for main(:Object)?$/);
    assert.match(result.log, /\nCritical exception from handler\n/);
    assert.match(result.log, /\nThe Handler app\.lambda_handlr names a method lambda_handlr that app\.rb does not define: it defines [\w, ]*\blambda_handler\b/);
    // Lambda ends the environment after a critical exception: the next invocation is a cold start.
    const next = await invoker.invoke(fromTemplate('HelloRubyFunction'), '{}');
    assert.equal(next.functionError, undefined);
    const again = await invoker.invoke(fn, '{}');
    assert.equal(again.coldStart, true);
  });

  it('reports a missing class of a FILE.Class.method handler as Function<NameError>', async () => {
    const result = await invoker.invoke(handler('orders.Shop::Basket.create'), '{}');
    assert.deepEqual([json<RubyError>(result).errorType, json<RubyError>(result).errorMessage], ['Function<NameError>', 'uninitialized constant Shop::Basket']);
    assert.match(result.log, /orders\.rb defines no Shop::Basket/);
  });

  it('reports a syntax error as Init<SyntaxError> naming the file and line', async () => {
    const result = await invoker.invoke(handler('syntax_error.lambda_handler'), '{}');
    assert.equal(result.functionError, 'Unhandled');
    assert.equal(result.errorType, 'Init<SyntaxError>');
    const error = json<RubyError>(result);
    assert.match(error.errorMessage, new RegExp(`^${path.join(CODE, 'syntax_error.rb')}:4: syntax error`));
    assert.match(result.log, /\nInit error when loading handler syntax_error\.lambda_handler\n/);
  });

  it('reports a missing handler file and a missing gem as Init<LoadError>, each with what to do', async () => {
    const missingFile = await invoker.invoke(handler('nofile.lambda_handler'), '{}');
    assert.deepEqual([json<RubyError>(missingFile).errorType, json<RubyError>(missingFile).errorMessage], ['Init<LoadError>', 'cannot load such file -- nofile']);
    assert.match(missingFile.log, new RegExp(`\\n${path.join(CODE, 'nofile.rb')} does not exist: the Handler nofile\\.lambda_handler names the file nofile\\.rb in `));
    const missingGem = await invoker.invoke(handler('load_error.lambda_handler'), '{}');
    assert.deepEqual([json<RubyError>(missingGem).errorType, json<RubyError>(missingGem).errorMessage], ['Init<LoadError>', 'cannot load such file -- not_installed_gem']);
    assert.match(json<RubyError>(missingGem).stackTrace.join('\n'), /load_error\.rb:1:in/);
    assert.match(missingGem.log, new RegExp(`\\nnot_installed_gem is not installed for Ruby [\\d.]+: run \`bundle install\` in ${CODE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('reports a malformed handler as Init<ArgumentError>', async () => {
    const result = await invoker.invoke(handler('app'), '{}');
    assert.equal(result.errorType, 'Init<ArgumentError>');
    assert.match(json<RubyError>(result).errorMessage, /^Invalid handler \["app"\], must be of form FILENAME\.METHOD or FILENAME\.CLASS\.METHOD/);
  });

  it('stops a handler that outlives its timeout: Sandbox.Timedout, then a fresh environment answers', async () => {
    const fn = handler('app.sleepy', { timeoutSeconds: 1 });
    const started = Date.now();
    const result = await invoker.invoke(fn, '{"seconds": 10}');
    assert.equal(result.errorType, 'Sandbox.Timedout');
    assert.match(json<RubyError>(result).errorMessage, /Task timed out after 1\.00 seconds$/);
    assert.ok(Date.now() - started < 5000);
    const next = await invoker.invoke(fn, '{"seconds": 0}');
    assert.deepEqual([next.payload, next.coldStart], ['"woke up"', true]);
  });

  describe('gems the function ships in vendor/bundle, as sam build installs them', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-ruby-gems-'));
      fs.cpSync(CODE, dir, { recursive: true });
      // A gem installed as Bundler's `path vendor/bundle` lays it out, for the Ruby that runs it.
      const abi = spawnSync('ruby', ['-e', 'print RbConfig::CONFIG["ruby_version"]'], { encoding: 'utf8' }).stdout;
      const gems = path.join(dir, 'vendor', 'bundle', 'ruby', abi);
      fs.mkdirSync(path.join(gems, 'gems', 'greeter-1.2.0', 'lib'), { recursive: true });
      fs.mkdirSync(path.join(gems, 'specifications'), { recursive: true });
      fs.writeFileSync(path.join(gems, 'gems', 'greeter-1.2.0', 'lib', 'greeter.rb'), "module Greeter\n  def self.greet(name) = \"hi #{name} from greeter #{Gem.loaded_specs['greeter'].version}\"\nend\n");
      fs.writeFileSync(
        path.join(gems, 'specifications', 'greeter-1.2.0.gemspec'),
        "Gem::Specification.new do |s|\n  s.name = 'greeter'\n  s.version = '1.2.0'\n  s.summary = 'greets'\n  s.authors = ['us']\n  s.files = ['lib/greeter.rb']\n  s.require_paths = ['lib']\nend\n",
      );
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('requires them without Bundler, as Lambda does through its GEM_PATH', async () => {
      const result = await invoker.invoke(handler('app.uses_gem', { codeDir: dir }), '{"name": "ana"}');
      assert.equal(result.payload, '"hi ana from greeter 1.2.0"', result.log);
    });

    it('says so when vendor/bundle holds gems for another Ruby only', async () => {
      const other = path.join(dir, 'vendor', 'bundle', 'ruby');
      const [abi] = fs.readdirSync(other);
      fs.renameSync(path.join(other, abi!), path.join(other, '9.9.0'));
      try {
        const result = await invoker.invoke(handler('app.uses_gem', { codeDir: dir, name: 'ruby-other-gems' }), '{"name": "ana"}');
        assert.equal(result.errorType, 'Function<LoadError>');
        assert.match(result.warning ?? '', new RegExp(`${other.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} holds gems for Ruby 9\\.9\\.0, not for the Ruby [\\d.]+ that runs it: run bundle install in `));
      } finally {
        fs.renameSync(path.join(other, '9.9.0'), path.join(other, abi!));
      }
    });
  });
});
