import * as assert from 'node:assert/strict';
import { loadHclParser, parseHcl } from '../../../../../src/core/local/sources/terraform/hclParser';

// What tfExpressions reads: the hcl2json shape of a parsed file. Written to catch what the grammar's tree hides
// (spaces beside an interpolation, a heredoc's indentation, escapes), which a value read wrong would show in a handler.
describe('function sources: HCL parsed into blocks and attribute values', () => {
  before(() => loadHclParser());

  const body = (text: string): Record<string, unknown> => {
    const parsed = parseHcl(text);
    assert.ok('body' in parsed, JSON.stringify(parsed));
    return parsed.body;
  };

  it('nests blocks by type and labels, each an array of bodies, with literal values as they are', () => {
    const parsed = body(
      '# a comment\nresource "aws_lambda_function" "a" {\n  timeout = 10 // why\n  publish = true\n  kms = null\n  memory = 1.5e3\n  environment {\n    variables = { TABLE = "t", "K-2" = 3 }\n  }\n}\nresource "aws_lambda_function" "b" {}\nlocals {\n  list = ["x", 2, false]\n}\nlocals {\n  more = {}\n}\n',
    );
    assert.deepEqual(parsed, {
      resource: {
        aws_lambda_function: {
          a: [{ timeout: 10, publish: true, kms: null, memory: 1500, environment: [{ variables: { TABLE: 't', 'K-2': 3 } }] }],
          b: [{}],
        },
      },
      locals: [{ list: ['x', 2, false] }, { more: {} }],
    });
  });

  it('keeps templates as text with ${…}, their spaces and escapes, and other expressions as ${source}', () => {
    const parsed = body(
      'a = "hello from  ${var.stage} é 😀 "\nb = "q\\"uote\\\\ \\n tab\\t \\u00e9 $${literal}"\nc = var.enabled ? "x" : "y"\nd = merge(local.tags, { a = 1 })\ne = [aws_lambda_layer_version.shared.arn, "arn"]\nf = "%{ if true }x%{ endif }"\n',
    );
    assert.deepEqual(parsed, {
      a: 'hello from  ${var.stage} é 😀 ',
      b: 'q"uote\\ \n tab\t é ${literal}',
      c: '${var.enabled ? "x" : "y"}',
      d: '${merge(local.tags, { a = 1 })}',
      e: ['${aws_lambda_layer_version.shared.arn}', 'arn'],
      f: '${"%{ if true }x%{ endif }"}',
    });
  });

  it('reads heredocs as Terraform does: from the next line to the newline before the marker, <<- without the shared indentation', () => {
    const parsed = body('a = <<EOT\n  one ${var.x}\n    two\nEOT\nb = <<-EOT\n    one ${var.x}\n      two\n  EOT\n');
    assert.equal(parsed.a, '  one ${var.x}\n    two\n');
    assert.equal(parsed.b, 'one ${var.x}\n  two\n');
  });

  it('points at the first syntax error by line and column', () => {
    const parsed = parseHcl('locals {\n  a = 1\n  b = [1, 2\n}\n');
    assert.ok('problem' in parsed);
    assert.match(parsed.problem, /^HCL syntax error at line \d, column \d+ /);
    assert.ok(parsed.line === 3 || parsed.line === 4, `line ${parsed.line}`);
  });
});
