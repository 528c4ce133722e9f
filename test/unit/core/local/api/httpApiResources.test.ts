import * as assert from 'node:assert/strict';
import { fixtureApis, LAMBDA_FUNCTIONS, apisOf, invocationUri, routeRows } from './templateApisOf';


const integration = (id: string, extra = '') => `  ${id}:
    Type: AWS::ApiGatewayV2::Integration
    Properties: { ApiId: !Ref Api, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Fn.Arn${extra} }
`;
const route = (id: string, key: string, target: string, extra = '') => `  ${id}:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Api
      RouteKey: ${key}
      Target: ${target}
${extra}`;

describe('core/local/api httpApiResources: AWS::ApiGatewayV2::* HTTP APIs as routes and stages', () => {
  it('serves a quick-create API on $default with payload 2.0, its CorsConfiguration, and the $default stage (v2-quick-create fixture)', () => {
    const { routes, stages, problems } = fixtureApis('v2-quick-create');
    assert.deepEqual(problems, []);
    assert.deepEqual(routeRows(routes), [['ANY', '$default', 'HelloFunction', 'http', '2.0', 'HelloApi', null, null]]);
    assert.deepEqual(stages.get('HelloApi'), {
      apiId: 'HelloApi',
      kind: 'http',
      stage: '$default',
      stageVariables: {},
      binaryMediaTypes: [],
      cors: { allowOrigins: ['https://app.example.com'], allowMethods: ['GET', 'POST'], allowHeaders: [], exposeHeaders: [], maxAgeSeconds: 300, allowCredentials: false },
    });
  });

  it('follows a Route to its Integration through a Target written with !Join, and takes the Stage (v2-routes fixture)', () => {
    const { routes, stages, problems } = fixtureApis('v2-routes');
    assert.deepEqual(problems, []);
    assert.deepEqual(routeRows(routes), [['GET', '/items/{id}', 'ItemsFunction', 'http', '2.0', 'ItemsApi', null, null]]);
    assert.equal(stages.get('ItemsApi')?.stage, '$default');
    assert.deepEqual(stages.get('ItemsApi')?.stageVariables, { TABLE: 'items-default' });
  });

  it('reads a quick create RouteKey, Targets in !Sub form, PayloadFormatVersion (1.0 when left out), JWT, REQUEST and IAM authorization with scopes', () => {
    const { routes, stages, problems } = apisOf(`Resources:
${LAMBDA_FUNCTIONS}  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties: { ProtocolType: HTTP, Target: !Sub 'arn:aws:lambda:\${AWS::Region}:\${AWS::AccountId}:function:\${Fn}', RouteKey: 'POST /quick' }
${integration('V2', ", PayloadFormatVersion: '2.0'")}${integration('V1')}${route('Proxy', "'ANY /{proxy+}'", "!Sub 'integrations/${V1}'")}${route('Me', "'GET /me'", '!Join [/, [integrations, !Ref V2]]', "      AuthorizationType: JWT\n      AuthorizerId: !Ref Jwt\n      AuthorizationScopes: [email]\n")}${route('Admin', "'DELETE /items/{id}'", '!Join [/, [integrations, !Ref V2]]', '      AuthorizationType: CUSTOM\n      AuthorizerId: !Ref Lambda\n')}${route('Signed', "'PUT /items/{id}'", '!Join [/, [integrations, !Ref V2]]', '      AuthorizationType: AWS_IAM\n')}  Jwt:
    Type: AWS::ApiGatewayV2::Authorizer
    Properties:
      ApiId: !Ref Api
      AuthorizerType: JWT
      Name: jwt
      IdentitySource: [$request.header.Authorization]
      JwtConfiguration: { Issuer: 'https://issuer.example.com', Audience: [api, web] }
  Lambda:
    Type: AWS::ApiGatewayV2::Authorizer
    Properties:
      ApiId: !Ref Api
      AuthorizerType: REQUEST
      Name: lambda
      AuthorizerUri: ${invocationUri('AuthFn')}
      AuthorizerPayloadFormatVersion: '1.0'
      IdentitySource: [$request.header.Authorization, $request.querystring.key]
      AuthorizerResultTtlInSeconds: 0
  Stage:
    Type: AWS::ApiGatewayV2::Stage
    Properties: { ApiId: !Ref Api, StageName: dev, StageVariables: { MODE: dev } }
`);
    assert.deepEqual(problems, []);
    assert.deepEqual(routeRows(routes), [
      ['POST', '/quick', 'Fn', 'http', '2.0', 'Api', null, null],
      ['ANY', '/{proxy+}', 'Fn', 'http', '1.0', 'Api', null, null],
      ['GET', '/me', 'Fn', 'http', '2.0', 'Api', 'Jwt', ['email']],
      ['DELETE', '/items/{id}', 'Fn', 'http', '2.0', 'Api', 'Lambda', null],
      ['PUT', '/items/{id}', 'Fn', 'http', '2.0', 'Api', 'AWS_IAM', null],
    ]);
    assert.deepEqual(stages.get('Api'), {
      apiId: 'Api',
      kind: 'http',
      stage: 'dev',
      stageVariables: { MODE: 'dev' },
      binaryMediaTypes: [],
      authorizers: {
        Jwt: { kind: 'jwt', issuer: 'https://issuer.example.com', audience: ['api', 'web'], identitySources: ['$request.header.Authorization'] },
        Lambda: { kind: 'lambda', functionName: 'AuthFn', type: 'REQUEST', identitySources: ['$request.header.Authorization', '$request.querystring.key'], payloadVersion: '1.0', simpleResponses: false, ttlSeconds: 0 },
        AWS_IAM: { kind: 'unsupported', type: 'AWS_IAM' },
      },
    });
  });

  it("reads an HTTP API's Body, and says what it cannot serve: a non-proxy integration, a Target or RouteKey it cannot read, an unknown function", () => {
    const { routes, problems } = apisOf(`Resources:
${LAMBDA_FUNCTIONS}  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: body
      Body:
        openapi: 3.0.1
        paths:
          /from-body:
            get: { x-amazon-apigateway-integration: { type: aws_proxy, uri: !GetAtt Fn.Arn, payloadFormatVersion: '2.0' } }
${integration('Good')}  Http:
    Type: AWS::ApiGatewayV2::Integration
    Properties: { ApiId: !Ref Api, IntegrationType: HTTP_PROXY, IntegrationUri: 'https://example.com', IntegrationMethod: GET }
  Elsewhere:
    Type: AWS::ApiGatewayV2::Integration
    Properties: { ApiId: !Ref Api, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Missing.Arn }
${route('ToHttp', "'GET /http'", '!Join [/, [integrations, !Ref Http]]')}${route('NoTarget', "'GET /none'", "''")}${route('Physical', "'GET /physical'", 'integrations/a1b2c3')}${route('BadKey', "'/no-method'", '!Join [/, [integrations, !Ref Good]]')}${route('Unknown', "'GET /unknown'", '!Join [/, [integrations, !Ref Elsewhere]]')}  Unknown2:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: ws }
`);
    assert.deepEqual(routeRows(routes), [['GET', '/from-body', 'Fn', 'http', '2.0', 'Api', null, null]]);
    assert.deepEqual(problems, [
      "Http's IntegrationType is HTTP_PROXY, which is not served: only Lambda proxy integrations (IntegrationType: AWS_PROXY) run locally (route ToHttp)",
      "NoTarget's Target is missing and does not name an AWS::ApiGatewayV2::Integration of the template, so the route is not served (set Target: !Join [/, [integrations, !Ref MyIntegration]])",
      'Physical\'s Target "integrations/a1b2c3" does not name an AWS::ApiGatewayV2::Integration of the template, so the route is not served (set Target: !Join [/, [integrations, !Ref MyIntegration]])',
      'BadKey\'s RouteKey "/no-method" is not a method and a path, so the route is not served (write it as "GET /items/{id}", "ANY /{proxy+}" or "$default")',
      "Elsewhere's IntegrationUri names ${Missing.Arn}, which is not a resource of the template: only the template's own functions run locally (name one of them, e.g. !GetAtt Fn.Arn, or ${Fn.Arn} in a !Sub); route Unknown is not served",
      'Unknown2 has no ProtocolType, so it is not served (set ProtocolType: HTTP or WEBSOCKET)',
    ]);
  });
});
