import * as assert from 'node:assert/strict';
import { LAMBDA_FUNCTIONS, fixtureApis, apisOf, invocationUri, routeRows } from './templateApisOf';

const URI = invocationUri('Fn');
const AUTH_URI = invocationUri('AuthFn');
const method = (id: string, resource: string, httpMethod: string, extra = '') => `  ${id}:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: ${resource}
      HttpMethod: ${httpMethod}
      Integration: { Type: AWS_PROXY, IntegrationHttpMethod: POST, Uri: ${URI} }
${extra}`;

describe('core/local/api restApiResources: AWS::ApiGateway::* resources as routes and stages', () => {
  it('follows the Resource chain to the root for the path, and takes the Stage (rest-resources fixture)', () => {
    const { routes, stages, problems } = fixtureApis('rest-resources');
    assert.deepEqual(problems, []);
    assert.deepEqual(routeRows(routes), [['GET', '/items/{id}', 'ItemFunction', 'rest', '1.0', 'ItemsApi', null, null]]);
    assert.deepEqual(stages.get('ItemsApi'), { apiId: 'ItemsApi', kind: 'rest', stage: 'v1', stageVariables: { TABLE: 'items-v1' }, binaryMediaTypes: [] });
  });

  it('reads root and {proxy+} methods, ANY, CUSTOM and COGNITO_USER_POOLS authorizers by AuthorizerId, AWS_IAM, BinaryMediaTypes and a Deployment stage', () => {
    const { routes, stages, problems } = apisOf(`Resources:
${LAMBDA_FUNCTIONS}  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: shop
      BinaryMediaTypes: [image/png, '*/*']
  Proxy:
    Type: AWS::ApiGateway::Resource
    Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: '{proxy+}' }
${method('Root', '!GetAtt Api.RootResourceId', 'GET', '      AuthorizationType: CUSTOM\n      AuthorizerId: !Ref Token\n')}${method('Any', '!Ref Proxy', 'ANY', '      AuthorizationType: COGNITO_USER_POOLS\n      AuthorizerId: !Ref Pool\n      AuthorizationScopes: [shop/read]\n')}${method('Post', '!GetAtt Api.RootResourceId', 'POST', '      AuthorizationType: AWS_IAM\n')}${method('Put', '!GetAtt Api.RootResourceId', 'PUT', '      AuthorizationType: CUSTOM\n      AuthorizerId: !Ref Request\n')}  Token:
    Type: AWS::ApiGateway::Authorizer
    Properties: { RestApiId: !Ref Api, Name: token, Type: TOKEN, AuthorizerUri: ${AUTH_URI}, IdentitySource: method.request.header.X-Token, IdentityValidationExpression: '^ok$', AuthorizerResultTtlInSeconds: 10 }
  Request:
    Type: AWS::ApiGateway::Authorizer
    Properties: { RestApiId: !Ref Api, Name: request, Type: REQUEST, AuthorizerUri: ${AUTH_URI}, IdentitySource: 'method.request.header.Authorization, method.request.querystring.tenant' }
  Pool:
    Type: AWS::ApiGateway::Authorizer
    Properties: { RestApiId: !Ref Api, Name: pool, Type: COGNITO_USER_POOLS, IdentitySource: method.request.header.Authorization, ProviderARNs: [arn:aws:cognito-idp:us-east-1:123456789012:userpool/p] }
  Deployment:
    Type: AWS::ApiGateway::Deployment
    Properties: { RestApiId: !Ref Api, StageName: beta, StageDescription: { Variables: { MODE: beta } } }
`);
    assert.deepEqual(problems, []);
    assert.deepEqual(routeRows(routes), [
      ['GET', '/', 'Fn', 'rest', '1.0', 'Api', 'Token', null],
      ['ANY', '/{proxy+}', 'Fn', 'rest', '1.0', 'Api', 'Pool', ['shop/read']],
      ['POST', '/', 'Fn', 'rest', '1.0', 'Api', 'AWS_IAM', null],
      ['PUT', '/', 'Fn', 'rest', '1.0', 'Api', 'Request', null],
    ]);
    assert.deepEqual(stages.get('Api'), {
      apiId: 'Api',
      kind: 'rest',
      stage: 'beta',
      stageVariables: { MODE: 'beta' },
      binaryMediaTypes: ['image/png', '*/*'],
      authorizers: {
        Token: { kind: 'lambda', functionName: 'AuthFn', type: 'TOKEN', identitySources: ['method.request.header.X-Token'], validationExpression: '^ok$', payloadVersion: '1.0', simpleResponses: false, ttlSeconds: 10 },
        Request: { kind: 'lambda', functionName: 'AuthFn', type: 'REQUEST', identitySources: ['method.request.header.Authorization', 'method.request.querystring.tenant'], payloadVersion: '1.0', simpleResponses: false, ttlSeconds: 300 },
        Pool: { kind: 'unsupported', type: 'COGNITO_USER_POOLS' },
        AWS_IAM: { kind: 'unsupported', type: 'AWS_IAM' },
      },
    });
  });

  it('says what it cannot serve: BodyS3Location, a non-proxy Integration, a ResourceId that does not lead to the root, an AuthorizerId that is not an Authorizer, a duplicate method', () => {
    const { routes, problems } = apisOf(`Resources:
${LAMBDA_FUNCTIONS}  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      BodyS3Location: { Bucket: artifacts, Key: api.yaml }
  Other:
    Type: AWS::ApiGateway::RestApi
  Stray:
    Type: AWS::ApiGateway::Resource
    Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Other.RootResourceId, PathPart: stray }
  Http:
    Type: AWS::ApiGateway::Method
    Properties: { RestApiId: !Ref Api, ResourceId: !GetAtt Api.RootResourceId, HttpMethod: GET, Integration: { Type: HTTP_PROXY, Uri: 'https://example.com' } }
${method('Lost', '!Ref Stray', 'GET')}${method('Guarded', '!GetAtt Api.RootResourceId', 'POST', '      AuthorizationType: CUSTOM\n      AuthorizerId: abc123\n')}${method('Twice', '!GetAtt Api.RootResourceId', 'POST')}  Stage:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: !Ref Api, StageName: prod }
  OtherStage:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: !Ref Other, StageName: prod }
`);
    assert.deepEqual(routeRows(routes), [['POST', '/', 'Fn', 'rest', '1.0', 'Api', null, null]]);
    assert.deepEqual(problems, [
      "Api's BodyS3Location is in S3 (s3://artifacts/api.yaml), which cannot be read locally, so its routes are not served (set BodyS3Location to the local file with the OpenAPI definition, relative to the template; sam deploy uploads it)",
      "Http's Integration.Type is HTTP_PROXY, which is not served: only Lambda proxy integrations (Type: AWS_PROXY) run locally",
      "Lost's ResourceId is neither !GetAtt Api.RootResourceId nor an AWS::ApiGateway::Resource whose ParentId chain leads there, so it is not served",
      'Guarded has AuthorizationType CUSTOM but its AuthorizerId is not an AWS::ApiGateway::Authorizer of its API, so it is served without an authorizer (set AuthorizerId: !Ref MyAuthorizer)',
      'Twice gives POST / on Api to Fn, but Guarded already gives it; the first serves it (remove one of the two, or change its path or method)',
    ]);
  });
});
