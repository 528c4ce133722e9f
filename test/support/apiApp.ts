import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The local API tests' app in <workspace>/api-app: ItemsFunction serves ANY /items/{id} (HTTP API, payload 2.0) and
 * POST /items (REST, payload 1.0), and answers with what it was sent, so that a test sees each part of its request.
 */
export function writeApiApp(workspace: string): void {
  const app = path.join(workspace, 'api-app');
  fs.mkdirSync(path.join(app, 'src'), { recursive: true });
  fs.writeFileSync(
    path.join(app, 'api.template.yaml'),
    [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  ItemsFunction:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      CodeUri: src/',
      '      Handler: items.handler',
      '      Runtime: nodejs20.x',
      '      Timeout: 5',
      '      Events:',
      '        Item:',
      '          Type: HttpApi',
      '          Properties:',
      '            Path: /items/{id}',
      '            Method: any',
      '        Create:',
      '          Type: Api',
      '          Properties:',
      '            Path: /items',
      '            Method: post',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(app, 'src', 'items.js'),
    [
      '// Payload 2.0 (HTTP API) and 1.0 (REST): the request as the function saw it.',
      'exports.handler = async (event) => {',
      '  const headers = Object.fromEntries(Object.entries(event.headers || {}).map(([name, value]) => [name.toLowerCase(), value]));',
      '  const seen = {',
      '    method: event.requestContext.http ? event.requestContext.http.method : event.httpMethod,',
      '    path: event.rawPath || event.path,',
      '    id: event.pathParameters ? event.pathParameters.id : null,',
      "    trace: headers['x-trace'] || null,",
      '    query: event.queryStringParameters || null,',
      '    body: event.body ? JSON.parse(event.body) : null,',
      '  };',
      "  return { statusCode: 200, headers: { 'Content-Type': 'application/json', 'X-Served-By': 'ItemsFunction' }, body: JSON.stringify(seen) };",
      '};',
      '',
    ].join('\n'),
  );
}
