import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseTemplate } from '../../../../../src/core/local/sources/sam/templateFunctions';

// What a template's Layers become, and what keeps a function's layers from being used, in the template's words.

const PROJECT = path.resolve(os.tmpdir(), 'layered-service');
const FILE = path.join(PROJECT, 'template.yaml');
const POWERTOOLS = 'arn:aws:lambda:us-east-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-python312-x86_64:7';

function template(resources: string, extra = ''): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
${extra}
Resources:
${resources}`;
}

function fn(layers: string, runtime = 'python3.12'): string {
  return `  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Handler: app.handler
      Runtime: ${runtime}
      Layers:
${layers}
`;
}

const LAYERS = `  Shared:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: layers/shared/
  Zipped:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: layers/deps.zip
  Plain:
    Type: AWS::Lambda::LayerVersion
    Properties:
      Content: layers/plain
  Bucket:
    Type: AWS::S3::Bucket
`;

describe('SAM templates: Layers', () => {
  it('reads !Ref, !GetAtt and !Sub to layers of the template, a written ARN and one from a parameter Default, in order', () => {
    const text = template(
      LAYERS + fn(`        - !Ref Shared\n        - !GetAtt Zipped.Arn\n        - !Sub "\${Plain}"\n        - ${POWERTOOLS}\n        - !Ref PowertoolsArn`),
      'Parameters:\n  PowertoolsArn:\n    Type: String\n    Default: arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsTypeScriptV2:20\n',
    );
    const { functions, problems } = parseTemplate(text, FILE);
    assert.deepEqual(problems, []);
    assert.deepEqual(functions[0]!.layers, [
      { kind: 'local', name: 'Shared', content: path.join(PROJECT, 'layers/shared'), under: '' },
      { kind: 'local', name: 'Zipped', content: path.join(PROJECT, 'layers/deps.zip'), under: '' },
      { kind: 'local', name: 'Plain', content: path.join(PROJECT, 'layers/plain'), under: '' },
      { kind: 'arn', arn: POWERTOOLS },
      { kind: 'arn', arn: 'arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsTypeScriptV2:20' },
    ]);
  });

  it("resolves ${AWS::Region} in a Powertools ARN written with !Sub", () => {
    const { functions, problems } = parseTemplate(template(fn('        - !Sub arn:aws:lambda:${AWS::Region}:017000801446:layer:AWSLambdaPowertoolsPythonV3-python312-x86_64:7')), FILE);
    assert.deepEqual(problems, []);
    assert.deepEqual(functions[0]!.layers, [{ kind: 'arn', arn: POWERTOOLS }]);
  });

  it("puts Globals.Function's Layers first, then the function's own, as SAM appends lists; AWS::Lambda::Function reads its own", () => {
    const text = template(
      LAYERS +
        fn('        - !Ref Plain') +
        `  Raw:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code: src/\n      Handler: app.handler\n      Runtime: python3.12\n      Layers: [!Ref Zipped]\n`,
      'Globals:\n  Function:\n    Layers:\n      - !Ref Shared\n',
    );
    const { functions, problems } = parseTemplate(text, FILE);
    assert.deepEqual(problems, []);
    assert.deepEqual(functions.find((f) => f.name === 'Fn')!.layers!.map((l) => (l.kind === 'local' ? l.name : l.arn)), ['Shared', 'Plain']);
    assert.deepEqual(functions.find((f) => f.name === 'Raw')!.layers!.map((l) => (l.kind === 'local' ? l.name : l.arn)), ['Zipped']);
  });

  it('refuses more than 5 layers, a reference to something that is not a layer, a parameter without a Default and text that is no ARN', () => {
    const cases: [string, RegExp][] = [
      [Array.from({ length: 6 }, () => '        - !Ref Shared').join('\n'), /^Fn: Layers has 6 entries, and a function can have at most 5 layers \(combine some layers into one\)$/],
      ['        - !Ref Bucket', /^Fn: Layers: Bucket is an AWS::S3::Bucket, not a layer \(refer to an AWS::Serverless::LayerVersion or AWS::Lambda::LayerVersion, or write a layer version ARN\)$/],
      ['        - !Ref NoDefault', /^Fn: Layers: \$\{NoDefault\} depends on \$\{NoDefault\}, which has no value locally \(write the layer version's ARN, or give the parameter it refers to a Default\)$/],
      ['        - arn:aws:lambda:us-east-1:017000801446:layer:NoVersion', /^Fn: Layers: "arn:aws:lambda:us-east-1:017000801446:layer:NoVersion" is neither a layer version ARN .* nor a reference to a layer of this template/],
    ];
    for (const [layers, message] of cases) {
      const { functions, problems } = parseTemplate(template(LAYERS + fn(layers), 'Parameters:\n  NoDefault:\n    Type: String\n'), FILE);
      assert.deepEqual(functions, [], 'the function is not offered: it would fail at its first import');
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.match(problems[0]!.message, message);
    }
  });

  it('refuses a layer whose content is in S3, with the property to set', () => {
    const text = template(`  S3Layer:\n    Type: AWS::Serverless::LayerVersion\n    Properties:\n      ContentUri: s3://bucket/layer.zip\n  CfnLayer:\n    Type: AWS::Lambda::LayerVersion\n    Properties:\n      Content: { S3Bucket: b, S3Key: k }\n` + fn('        - !Ref S3Layer') + fn('        - !Ref CfnLayer').replace('  Fn:', '  Fn2:'));
    const { problems } = parseTemplate(text, FILE);
    assert.deepEqual(problems.map((p) => p.message), [
      "Fn: layer S3Layer: ContentUri is in S3, which cannot be used locally (set ContentUri to the layer's local folder or .zip, relative to the template)",
      "Fn2: layer CfnLayer: Content is in S3, which cannot be used locally (set Content to the layer's local folder or .zip, relative to the template, as aws cloudformation package accepts)",
    ]);
  });

  it("lays a layer built by Metadata.BuildMethod out where sam build puts it, says when its npm dependencies are missing, and warns on CompatibleRuntimes", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-build-layer-'));
    try {
      fs.mkdirSync(path.join(dir, 'deps'));
      fs.writeFileSync(path.join(dir, 'deps', 'package.json'), '{"dependencies":{"left-pad":"1.3.0"}}');
      const file = path.join(dir, 'template.yaml');
      const text = template(
        `  NodeDeps:\n    Type: AWS::Serverless::LayerVersion\n    Properties:\n      ContentUri: deps/\n      CompatibleRuntimes: [nodejs20.x]\n    Metadata:\n      BuildMethod: nodejs20.x\n  PyDeps:\n    Type: AWS::Serverless::LayerVersion\n    Properties:\n      ContentUri: py/\n    Metadata:\n      BuildMethod: python3.12\n  Made:\n    Type: AWS::Serverless::LayerVersion\n    Properties:\n      ContentUri: made/\n    Metadata:\n      BuildMethod: makefile\n` +
          fn('        - !Ref NodeDeps\n        - !Ref PyDeps\n        - !Ref Made'),
      );
      const { functions, problems } = parseTemplate(text, file);
      assert.deepEqual(functions[0]!.layers!.map((l) => (l.kind === 'local' ? [l.name, l.under] : [])), [['NodeDeps', 'nodejs'], ['PyDeps', 'python'], ['Made', '']]);
      assert.deepEqual(problems.map((p) => p.message), [
        'Fn: layer NodeDeps lists CompatibleRuntimes nodejs20.x, not python3.12: Lambda attaches it anyway, but what it holds may be for another runtime (add python3.12 to CompatibleRuntimes if it is meant for it)',
        `Fn: layer NodeDeps: its dependencies are not installed (sam build would install them): run npm install in ${path.join(dir, 'deps')}`,
        "Fn: layer Made: Metadata.BuildMethod makefile is not run locally, so the folder made is used as the layer's /opt as it is (lay it out as Lambda's /opt: nodejs/, python/, bin/, lib/)",
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
