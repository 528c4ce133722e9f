import * as fs from 'node:fs';
import * as path from 'node:path';

/** A small SAM app (two Node functions, one Python, one Ruby) for the local-runtime tests and the demo, in <workspace>/app. */
export function writeSampleApp(workspace: string, templateName: string): void {
  const app = path.join(workspace, 'app');
  fs.mkdirSync(path.join(app, 'node'), { recursive: true });
  fs.mkdirSync(path.join(app, 'python'), { recursive: true });
  fs.mkdirSync(path.join(app, 'ruby'), { recursive: true });
  fs.writeFileSync(
    path.join(app, templateName),
    [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Transform: AWS::Serverless-2016-10-31',
      'Globals:',
      '  Function:',
      '    Timeout: 5',
      '    Environment:',
      '      Variables:',
      '        STAGE: local',
      'Resources:',
      '  HelloNode:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      CodeUri: node/',
      '      Handler: index.handler',
      '      Runtime: nodejs20.x',
      '      MemorySize: 256',
      '      Environment:',
      '        Variables:',
      '          TABLE: !Ref OrdersTable',
      '  FailingNode:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      CodeUri: node/',
      '      Handler: index.fail',
      '      Runtime: nodejs20.x',
      '  HelloPython:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      CodeUri: python/',
      '      Handler: app.handler',
      '      Runtime: python3.11',
      '  HelloRuby:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      CodeUri: ruby/',
      '      Handler: app.lambda_handler',
      '      Runtime: ruby3.3',
      '  OrdersTable:',
      '    Type: AWS::DynamoDB::Table',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(app, 'node', 'index.js'),
    [
      'let calls = 0;',
      'exports.handler = async (event, context) => {',
      '  calls++;',
      "  console.log('records', (event.Records || []).length);",
      '  return { calls, stage: process.env.STAGE, fn: context.functionName, source: event.Records && event.Records[0] && event.Records[0].eventSource };',
      '};',
      "exports.fail = async () => { throw new RangeError('quantity must be positive'); };",
      '',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(app, 'python', 'app.py'), 'def handler(event, context):\n    print("python got", sorted(event))\n    return {"keys": sorted(event), "memory": context.memory_limit_in_mb}\n');
  fs.writeFileSync(
    path.join(app, 'ruby', 'app.rb'),
    [
      "require 'json'",
      '',
      'def lambda_handler(event:, context:)',
      '  puts "ruby got #{event.keys.sort.join(\',\')}"',
      '  { statusCode: 200, body: { keys: event.keys.sort, function: context.function_name }.to_json }',
      'end',
      '',
    ].join('\n'),
  );
}
