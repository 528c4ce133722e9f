import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalInvoker } from '../../../../../src/core/local/invoker';
import { parseTemplate } from '../../../../../src/core/local/sources/sam/templateFunctions';

// A Ruby function with a layer, through the real LocalInvoker and the local Ruby: ruby/lib on RUBYLIB and
// ruby/gems/<X.Y.0> on GEM_PATH, as on Lambda, also when the shell has a GEM_PATH of its own.

const ROOT = path.resolve(__dirname, '../../../../../..');

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Shared:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: shared/
  Greeter:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: greeter/
      Handler: app.lambda_handler
      Runtime: ruby3.3
      Layers: [!Ref Shared]
`;

const HANDLER = `require 'greeting'
require 'shouting'

def lambda_handler(event:, context:)
  { greeting: Greeting.hello(event['name']), loud: Shouting.shout(event['name']) }
end
`;

const GEMSPEC = `Gem::Specification.new do |s|
  s.name = 'shouting'
  s.version = '1.0.0'
  s.summary = 'A gem in a layer'
  s.authors = ['Serverless Explorer tests']
  s.files = ['lib/shouting.rb']
  s.require_paths = ['lib']
end
`;

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

describe('local layers: a Ruby function', function () {
  this.timeout(30_000);
  let project: string;
  let invoker: LocalInvoker;
  const shellGemPath = process.env.GEM_PATH;

  before(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'se-ruby-layers-'));
    write(path.join(project, 'template.yaml'), TEMPLATE);
    write(path.join(project, 'greeter', 'app.rb'), HANDLER);
    write(path.join(project, 'shared', 'ruby', 'lib', 'greeting.rb'), "module Greeting\n  def self.hello(name) = \"hello #{name} from ruby/lib\"\nend\n");
    const gems = path.join(project, 'shared', 'ruby', 'gems', '3.3.0');
    write(path.join(gems, 'specifications', 'shouting-1.0.0.gemspec'), GEMSPEC);
    write(path.join(gems, 'gems', 'shouting-1.0.0', 'lib', 'shouting.rb'), "module Shouting\n  def self.shout(name) = \"HELLO #{name.upcase} FROM A LAYER GEM\"\nend\n");
    invoker = new LocalInvoker({ runtimesDir: path.join(ROOT, 'dist', 'runtimes'), cacheDir: path.join(project, '.cache'), alwaysCold: true });
  });
  after(async () => {
    if (shellGemPath === undefined) delete process.env.GEM_PATH;
    else process.env.GEM_PATH = shellGemPath;
    await invoker.dispose();
    fs.rmSync(project, { recursive: true, force: true });
  });

  it("requires a file of the layer's ruby/lib and a gem of its ruby/gems, even beside the shell's own GEM_PATH", async () => {
    process.env.GEM_PATH = fs.mkdtempSync(path.join(project, 'shell-gems-'));
    const templateFile = path.join(project, 'template.yaml');
    const { functions, problems } = parseTemplate(fs.readFileSync(templateFile, 'utf8'), templateFile);
    assert.deepEqual(problems, []);
    const result = await invoker.invoke(functions[0]!, '{"name":"ada"}');
    assert.equal(result.functionError, undefined, result.payload + result.log);
    assert.deepEqual(JSON.parse(result.payload), { greeting: 'hello ada from ruby/lib', loud: 'HELLO ADA FROM A LAYER GEM' });
  });
});
