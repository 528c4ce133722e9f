import * as assert from 'node:assert/strict';
import { apisOf, samTemplate } from './templateApisOf';

const samApi = (name: string, type: 'Api' | 'HttpApi', properties: string) => `  ${name}:
    Type: AWS::Serverless::${type}
    Properties:
${properties}
`;

describe("core/local/api corsRules: each API's CORS configuration as plain rules", () => {
  it("unquotes SAM's Cors: an origin string, and each field of the mapping (methods upper case, lists split, MaxAge, AllowCredentials)", () => {
    const { stages, problems } = apisOf(
      samTemplate(
        samApi('Star', 'Api', `      StageName: Prod\n      Cors: "'*'"`) +
          samApi(
            'Full',
            'Api',
            `      StageName: Prod
      Cors:
        AllowMethods: "'OPTIONS, post, GET'"
        AllowHeaders: "'Content-Type,X-Api-Key'"
        AllowOrigin: "'https://app.example.com'"
        MaxAge: "'600'"
        AllowCredentials: true`,
          ) +
          samApi('Unquoted', 'Api', `      StageName: Prod\n      Cors:\n        AllowOrigin: https://app.example.com`),
      ),
    );
    assert.deepEqual(stages.get('Star')?.cors, { allowOrigins: ['*'], allowMethods: ['*'], allowHeaders: [], exposeHeaders: [], allowCredentials: false });
    assert.deepEqual(stages.get('Full')?.cors, {
      allowOrigins: ['https://app.example.com'],
      allowMethods: ['OPTIONS', 'POST', 'GET'],
      allowHeaders: ['Content-Type', 'X-Api-Key'],
      exposeHeaders: [],
      maxAgeSeconds: 600,
      allowCredentials: true,
    });
    assert.deepEqual(stages.get('Unquoted')?.cors?.allowOrigins, ['https://app.example.com']);
    assert.deepEqual(problems, [
      `Unquoted's Cors.AllowOrigin "https://app.example.com" is not in single quotes, as SAM needs it ("'https://app.example.com'"); it is read as https://app.example.com`,
    ]);
    assert.equal(stages.get('ServerlessRestApi')?.cors, undefined, 'no Cors, no rules');
  });

  it("reads an HttpApi's CorsConfiguration: true allows every origin, method and header; a mapping gives its lists", () => {
    const { stages } = apisOf(
      samTemplate(
        samApi('Open', 'HttpApi', '      CorsConfiguration: true') +
          samApi(
            'Listed',
            'HttpApi',
            `      CorsConfiguration:
        AllowOrigins: [https://a.example.com, https://b.example.com]
        AllowMethods: [get, POST]
        AllowHeaders: [authorization]
        ExposeHeaders: [x-request-id]
        MaxAge: 3600
        AllowCredentials: true`,
          ),
      ),
    );
    assert.deepEqual(stages.get('Open')?.cors, { allowOrigins: ['*'], allowMethods: ['*'], allowHeaders: ['*'], exposeHeaders: [], allowCredentials: false });
    assert.deepEqual(stages.get('Listed')?.cors, {
      allowOrigins: ['https://a.example.com', 'https://b.example.com'],
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['authorization'],
      exposeHeaders: ['x-request-id'],
      maxAgeSeconds: 3600,
      allowCredentials: true,
    });
  });

  it("takes a REST API's CORS from the OPTIONS method that answers the preflight with a MOCK integration, in OpenAPI and as an AWS::ApiGateway::Method", () => {
    const { stages, problems } = apisOf(`Resources:
  BodyApi:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body:
        openapi: 3.0.1
        paths:
          /items:
            options:
              x-amazon-apigateway-integration:
                type: mock
                requestTemplates: { application/json: '{"statusCode": 200}' }
                responses:
                  default:
                    statusCode: '200'
                    responseParameters:
                      method.response.header.Access-Control-Allow-Origin: "'https://app.example.com'"
                      method.response.header.Access-Control-Allow-Methods: "'GET,OPTIONS'"
                      method.response.header.Access-Control-Allow-Headers: "'Content-Type'"
  MethodsApi:
    Type: AWS::ApiGateway::RestApi
  OptionsMethod:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref MethodsApi
      ResourceId: !GetAtt MethodsApi.RootResourceId
      HttpMethod: OPTIONS
      AuthorizationType: NONE
      Integration:
        Type: MOCK
        IntegrationResponses:
          - StatusCode: '200'
            ResponseParameters:
              method.response.header.Access-Control-Allow-Origin: "'*'"
              method.response.header.Access-Control-Max-Age: "'86400'"
`);
    assert.deepEqual(stages.get('BodyApi')?.cors, { allowOrigins: ['https://app.example.com'], allowMethods: ['GET', 'OPTIONS'], allowHeaders: ['Content-Type'], exposeHeaders: [], allowCredentials: false });
    assert.deepEqual(stages.get('MethodsApi')?.cors, { allowOrigins: ['*'], allowMethods: ['*'], allowHeaders: [], exposeHeaders: [], maxAgeSeconds: 86400, allowCredentials: false });
    assert.ok(!problems.some((p) => /OPTIONS|options/.test(p)), `a preflight mock is not a problem: ${problems.join('\n')}`);
  });
});
