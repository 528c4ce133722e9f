import * as assert from 'node:assert/strict';
import { findExportedFunctions, findHandlers } from '../../../../../../src/core/local/handlerSymbols';

// The methods of a Ruby file a Handler can name, with their lines: what the CodeLens shows "Invoke locally" above.
describe('core/local runtimes: Ruby handler methods of a source file', () => {
  const shown = (text: string) => findExportedFunctions(text, 'ruby').map((f) => `${f.line}: ${f.name}${f.handlerLike ? ' (handler)' : ''}`);

  it("finds the sam init starter's top-level lambda_handler(event:, context:) and other top-level methods", () => {
    const text = ["require 'json'", '', '# def commented(event:, context:)', 'def lambda_handler(event:, context:)', '  { statusCode: 200 }', 'end', '', 'def helper(value)', '  value', 'end', ''].join('\n');
    assert.deepEqual(shown(text), ['4: lambda_handler (handler)', '8: helper']);
    assert.deepEqual(findHandlers(text, 'ruby').map((f) => f.name), ['lambda_handler']);
  });

  it('names class methods of classes and modules as a Handler does (Module::Class.method), and skips instance methods', () => {
    const text = [
      'module Shop',
      '  class Orders < Base',
      '    def self.create(event:, context: nil)',
      '      new.total(event)',
      '    end',
      '',
      '    def total(event)',
      '      if event',
      '        1',
      '      end',
      '    end',
      '',
      '    class << self',
      '      def cancel(event:, context:) = :ok',
      '    end',
      '  end',
      '',
      '  class Empty < StandardError; end',
      '',
      '  def self.ping(event:, context:)',
      '    :pong',
      '  end',
      'end',
      '',
      'module A::B',
      '  def self.run event:, context:',
      '  end',
      'end',
    ].join('\n');
    assert.deepEqual(shown(text), ['3: Shop::Orders.create (handler)', '14: Shop::Orders.cancel (handler)', '20: Shop.ping (handler)', '26: A::B.run (handler)']);
  });

  it('is not fooled by strings, heredocs, =begin blocks or %-literals that look like code', () => {
    const text = [
      'TEMPLATE = <<~RUBY',
      '  def fake(event:, context:)',
      '  end',
      'RUBY',
      '=begin',
      'def also_fake(event:, context:)',
      '=end',
      "NAMES = %w[def class end]",
      'MESSAGE = "class Fake; def self.x(event:, context:)"',
      'list = []',
      'list << VALUE',
      'def real(event:, context:)',
      '  "#{event}"',
      'end',
    ].join('\n');
    assert.deepEqual(shown(text), ['12: real (handler)']);
  });
});
