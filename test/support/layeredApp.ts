import * as fs from 'node:fs';
import * as path from 'node:path';

// A SAM project whose functions use layers, in the layouts `sam init` projects and published layers use: a Node layer
// (nodejs/node_modules and nodejs/node20/node_modules), a later layer that replaces one of its files, a Python layer
// (python/ and python/lib/python3.11/site-packages), a layer with an executable in bin/. Written by the tests, since
// node_modules folders are not committed.

export const LAYERED_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Timeout: 10
    Layers:
      - !Ref SharedLayer
Resources:
  SharedLayer:
    Type: AWS::Serverless::LayerVersion
    Properties:
      LayerName: shared
      ContentUri: layers/shared/
      CompatibleRuntimes: [nodejs20.x, nodejs22.x]
  OverrideLayer:
    Type: AWS::Lambda::LayerVersion
    Properties:
      LayerName: override
      Content: layers/override/
  PythonLayer:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: layers/pylib/
  ToolsLayer:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: layers/tools/
  LayeredNode:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: node/
      Handler: index.handler
      Runtime: nodejs20.x
  LayeredNodeEsm:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: node-esm/
      Handler: index.handler
      Runtime: nodejs20.x
  OverriddenNode:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: node/
      Handler: index.handler
      Runtime: nodejs20.x
      Layers:
        - !GetAtt OverrideLayer.LayerVersionArn
  ToolsNode:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: tools/
      Handler: index.handler
      Runtime: nodejs20.x
      Layers:
        - !Sub "\${ToolsLayer}"
  LayeredPython:
    Type: AWS::Lambda::Function
    Properties:
      Code: python/
      Handler: app.handler
      Runtime: python3.11
      Layers:
        - !Ref PythonLayer
`;

export const LAYERED_FILES: Readonly<Record<string, string>> = {
  'node/index.js': `const { greet } = require('greeter');
const settings = require('settings');
const versioned = require('versioned');
exports.handler = async (event) => ({ greeting: greet(event.name), settings: settings.source, versioned });
`,
  'node-esm/index.mjs': `import { greet } from 'greeter';
import settings from 'settings';
export const handler = async (event) => ({ greeting: greet(event.name), settings: settings.source, esm: true });
`,
  'tools/index.js': `const { execFileSync } = require('node:child_process');
exports.handler = async () => ({ tool: execFileSync('layer-tool', ['--version'], { encoding: 'utf8' }).trim() });
`,
  'python/app.py': `import greeting
import shout


def handler(event, context):
    return {"greeting": shout.loud(greeting.greet(event["name"])), "from": greeting.__file__.split("/python/")[1]}
`,
  'layers/shared/nodejs/node_modules/greeter/package.json': '{ "name": "greeter", "version": "1.0.0", "main": "lib/greeter.js" }\n',
  'layers/shared/nodejs/node_modules/greeter/lib/greeter.js': "exports.greet = (name) => `hello ${name} from the shared layer`;\n",
  'layers/shared/nodejs/node_modules/settings/index.js': "module.exports = { source: 'shared' };\n",
  'layers/shared/nodejs/node20/node_modules/versioned/index.js': "module.exports = 'nodejs/node20/node_modules';\n",
  'layers/override/nodejs/node_modules/settings/index.js': "module.exports = { source: 'override' };\n",
  'layers/pylib/python/greeting.py': 'def greet(name):\n    return f"hello {name} from the python layer"\n',
  'layers/pylib/python/lib/python3.11/site-packages/shout.py': 'def loud(text):\n    return text.upper()\n',
  'layers/tools/bin/layer-tool': '#!/bin/sh\necho "layer-tool 2.1 from bin/"\n',
};

/** Writes the project into `folder` (created), with the template under `templateName`. */
export function writeLayeredApp(folder: string, templateName = 'template.yaml'): string {
  for (const [file, text] of Object.entries({ [templateName]: LAYERED_TEMPLATE, ...LAYERED_FILES })) {
    const target = path.join(folder, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text, { mode: file.includes('/bin/') ? 0o755 : 0o644 });
  }
  return path.join(folder, templateName);
}
