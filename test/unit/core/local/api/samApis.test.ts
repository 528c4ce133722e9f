import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES, fixtureApis, apisOf, routeRows, samTemplate } from './templateApisOf';


const api = (type: 'Api' | 'HttpApi', properties: string) => `  MyApi:
    Type: AWS::Serverless::${type}
    Properties:
${properties}
  Fn:
    Type: AWS::Serverless::Function
`;

describe('core/local/api samApis: AWS::Serverless::Api and HttpApi definitions', () => {
  it('reads an inline OpenAPI 3 DefinitionBody: its routes, the function of each Fn::Sub uri, the API stage and CORS (openapi-body fixture)', () => {
    const { routes, stages, problems } = fixtureApis('openapi-body');
    assert.deepEqual(problems, []);
    assert.deepEqual(routeRows(routes), [
      ['GET', '/products/{id}', 'ProductsFunction', 'rest', '1.0', 'ShopApi', null, null],
      ['POST', '/orders', 'ProductsFunction', 'rest', '1.0', 'ShopApi', 'TokenAuthorizer', null],
    ]);
    const stage = stages.get('ShopApi');
    assert.equal(stage?.stage, 'dev');
    assert.deepEqual(stage?.stageVariables, { TABLE: 'products-dev' });
    assert.deepEqual(stage?.cors, { allowOrigins: ['https://shop.example.com'], allowMethods: ['GET', 'POST', 'OPTIONS'], allowHeaders: ['Content-Type', 'Authorization'], exposeHeaders: [], maxAgeSeconds: 600, allowCredentials: false });
    assert.equal(stage?.authorizers?.TokenAuthorizer.kind, 'lambda');
  });

  it('reads a Swagger 2 file through Fn::Transform AWS::Include: any-method as ANY, {proxy+}, binary types, and one problem for a non-proxy integration (openapi-include fixture)', () => {
    const { routes, stages, problems, includedFiles } = fixtureApis('openapi-include');
    assert.deepEqual(routeRows(routes), [['ANY', '/orders/{proxy+}', 'OrdersFunction', 'rest', '1.0', 'OrdersApi', null, null]]);
    assert.equal(stages.get('OrdersApi')?.stage, 'staging');
    assert.deepEqual(stages.get('OrdersApi')?.binaryMediaTypes, ['application/pdf']);
    assert.deepEqual(problems, [
      "OrdersApi's DefinitionBody GET /legacy has an x-amazon-apigateway-integration of type http_proxy, which is not served: only Lambda proxy integrations (type aws_proxy) run locally",
    ]);
    assert.deepEqual(includedFiles, [path.join(FIXTURES, 'openapi-include', 'api', 'openapi.yaml')]);
  });

  it("reads an HttpApi's DefinitionUri file relative to the template, with its payloadFormatVersion, a literal ARN naming the function's FunctionName, and its x-amazon-apigateway-cors (definition-uri fixture)", () => {
    const { routes, stages, problems } = fixtureApis('definition-uri');
    assert.deepEqual(problems, []);
    assert.deepEqual(routeRows(routes), [['GET', '/items/{id}', 'ItemsFunction', 'http', '2.0', 'ItemsApi', null, null]]);
    assert.deepEqual(stages.get('ItemsApi'), {
      apiId: 'ItemsApi',
      kind: 'http',
      stage: '$default',
      stageVariables: { TABLE: 'items-local' },
      binaryMediaTypes: [],
      cors: { allowOrigins: ['*'], allowMethods: ['GET'], allowHeaders: [], exposeHeaders: [], allowCredentials: false },
    });
  });

  it("merges the functions' events into the DefinitionBody's routes without duplicates; the event's function wins over the body's, and a route given twice otherwise is a problem", () => {
    const { routes, problems } = apisOf(samTemplate(`  MyApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: Prod
      DefinitionBody:
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths:
          /hello:
            get:
              x-amazon-apigateway-integration: { type: aws_proxy, httpMethod: POST, uri: !Sub 'arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations' }
          /bye:
            get:
              x-amazon-apigateway-integration: { type: aws_proxy, httpMethod: POST, uri: !Sub 'arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Other.Arn}/invocations' }
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Hello: { Type: Api, Properties: { Path: /hello, Method: get, RestApiId: !Ref MyApi } }
  Other:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Bye: { Type: Api, Properties: { Path: /bye, Method: get, RestApiId: !Ref MyApi } }
        ByeAgain: { Type: Api, Properties: { Path: /bye, Method: get, RestApiId: !Ref MyApi } }
  Third:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Hello: { Type: Api, Properties: { Path: /hello, Method: get, RestApiId: !Ref MyApi } }
`));
    assert.deepEqual(routeRows(routes).map((r) => r.slice(0, 3)), [
      ['GET', '/hello', 'Fn'],
      ['GET', '/bye', 'Other'],
    ]);
    assert.deepEqual(problems, [
      "Other's event ByeAgain gives GET /bye on MyApi to Other, but Other's event Bye already gives it; the first serves it (remove one of the two, or change its path or method)",
      "Third's event Hello gives GET /hello on MyApi to Third, but Fn's event Hello already gives it to Fn; Fn serves it (remove one of the two, or change its path or method)",
    ]);
  });

  it('says that a definition in S3 cannot be read locally and to use a local file, for DefinitionUri { Bucket, Key }, an s3:// string and an AWS::Include Location', () => {
    const { routes, problems } = apisOf(samTemplate(`  RestInS3:
    Type: AWS::Serverless::Api
    Properties:
      StageName: Prod
      DefinitionUri: { Bucket: my-bucket, Key: api/openapi.yaml }
  HttpInS3:
    Type: AWS::Serverless::HttpApi
    Properties:
      DefinitionUri: s3://my-bucket/api/http.yaml
  Included:
    Type: AWS::Serverless::Api
    Properties:
      StageName: Prod
      DefinitionBody:
        Fn::Transform: { Name: AWS::Include, Parameters: { Location: s3://my-bucket/api.yaml } }
`));
    assert.deepEqual(routes, []);
    assert.deepEqual(problems, [
      "RestInS3's DefinitionUri is in S3 (s3://my-bucket/api/openapi.yaml), which cannot be read locally, so its routes are not served (set DefinitionUri to the local file with the OpenAPI definition, relative to the template; sam deploy uploads it)",
      "Included's DefinitionBody (AWS::Include Location) is in S3 (s3://my-bucket/api.yaml), which cannot be read locally, so its routes are not served (set Location to the local file with the OpenAPI definition, relative to the template; sam deploy uploads it)",
      "HttpInS3's DefinitionUri is in S3 (s3://my-bucket/api/http.yaml), which cannot be read locally, so its routes are not served (set DefinitionUri to the local file with the OpenAPI definition, relative to the template; sam deploy uploads it)",
    ]);
  });

  it('says which DefinitionUri file is missing or broken, with the YAML error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-definition-'));
    try {
      fs.writeFileSync(path.join(dir, 'broken.yaml'), 'openapi: 3.0.1\npaths: [\n');
      const { problems } = apisOf(samTemplate(`${api('Api', '      StageName: Prod\n      DefinitionUri: missing.yaml')}  Broken:
    Type: AWS::Serverless::HttpApi
    Properties:
      DefinitionUri: ./broken.yaml
`), path.join(dir, 'template.yaml'));
      assert.equal(problems[0], "MyApi's DefinitionUri missing.yaml could not be read (ENOENT), so its routes are not served (check the path: it is relative to the template)");
      assert.match(problems[1], /^Broken's DefinitionUri \.\/broken\.yaml: YAML syntax error at line \d+, column \d+: .+ \(fix the YAML so the template can be read\)$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("applies Globals.Api to SAM's implicit API: its Cors and Auth guard the functions' Api events", () => {
    const { routes, stages } = apisOf(`Transform: AWS::Serverless-2016-10-31
Globals:
  Function: { Runtime: nodejs20.x, Handler: app.handler, CodeUri: src/ }
  Api:
    Cors: "'*'"
    BinaryMediaTypes: [image~1png]
    Auth:
      DefaultAuthorizer: Token
      Authorizers:
        Token: { FunctionArn: !GetAtt Auth.Arn, Identity: { Header: X-Token, ReauthorizeEvery: 0 } }
Resources:
  Auth:
    Type: AWS::Serverless::Function
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Hello: { Type: Api, Properties: { Path: /hello, Method: get } }
`);
    assert.deepEqual(routeRows(routes), [['GET', '/hello', 'Fn', 'rest', '1.0', 'ServerlessRestApi', 'Token', null]]);
    const stage = stages.get('ServerlessRestApi');
    assert.deepEqual(stage?.binaryMediaTypes, ['image~1png']);
    assert.deepEqual(stage?.cors?.allowOrigins, ['*']);
    assert.equal(stage?.preflightAuthorizer, 'Token');
    assert.deepEqual(stage?.authorizers?.Token, { kind: 'lambda', functionName: 'Auth', type: 'TOKEN', identitySources: ['method.request.header.X-Token'], payloadVersion: '1.0', simpleResponses: false, ttlSeconds: 0 });
  });
});
