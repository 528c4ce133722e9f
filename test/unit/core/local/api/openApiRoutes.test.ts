import * as assert from 'node:assert/strict';
import { LAMBDA_FUNCTIONS, apisOf, invocationUri, routeRows } from './templateApisOf';

const proxy = (uri: string, extra = '') => `x-amazon-apigateway-integration: { type: aws_proxy, httpMethod: POST, uri: ${uri}${extra} }`;
const SUB_URI = invocationUri('Fn');
const AUTH_URI = invocationUri('AuthFn');

describe('core/local/api openApiRoutes: routes, authorizers and problems of an OpenAPI body', () => {
  it('reads every method, x-amazon-apigateway-any-method as ANY, and the uri in its Fn::Sub, Fn::GetAtt and Fn::Join forms (a REST API Body)', () => {
    const { routes, problems } = apisOf(`Resources:
${LAMBDA_FUNCTIONS}  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body:
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths:
          /:
            get: { ${proxy(SUB_URI)} }
          /items/{id}:
            put: { ${proxy(SUB_URI)} }
            delete:
              x-amazon-apigateway-integration:
                type: AWS_PROXY
                uri: !Join ['', ['arn:aws:apigateway:', !Ref 'AWS::Region', ':lambda:path/2015-03-31/functions/', !GetAtt Fn.Arn, '/invocations']]
          /{proxy+}:
            x-amazon-apigateway-any-method: { ${proxy('!GetAtt Fn.Arn')} }
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: !Ref Api, StageName: live }
`);
    assert.deepEqual(problems, []);
    assert.deepEqual(routeRows(routes), [
      ['GET', '/', 'Fn', 'rest', '1.0', 'Api', null, null],
      ['PUT', '/items/{id}', 'Fn', 'rest', '1.0', 'Api', null, null],
      ['DELETE', '/items/{id}', 'Fn', 'rest', '1.0', 'Api', null, null],
      ['ANY', '/{proxy+}', 'Fn', 'rest', '1.0', 'Api', null, null],
    ]);
  });

  it("guards each operation by its own security, else the document's, an empty list being open; reads token, request, Cognito and IAM schemes, leaving API keys out", () => {
    const { routes, stages, problems } = apisOf(`Resources:
${LAMBDA_FUNCTIONS}  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body:
        openapi: 3.0.1
        security: [{ Token: [] }]
        components:
          securitySchemes:
            Token:
              type: apiKey
              name: X-Auth-Token
              in: header
              x-amazon-apigateway-authtype: custom
              x-amazon-apigateway-authorizer:
                type: token
                authorizerUri: ${AUTH_URI}
                identityValidationExpression: '^[a-z]+$'
                authorizerResultTtlInSeconds: 0
            Request:
              type: apiKey
              name: Unused
              in: header
              x-amazon-apigateway-authtype: custom
              x-amazon-apigateway-authorizer:
                type: request
                authorizerUri: ${AUTH_URI}
                identitySource: method.request.header.Authorization, method.request.querystring.tenant
            Pool:
              type: apiKey
              name: Authorization
              in: header
              x-amazon-apigateway-authtype: cognito_user_pools
              x-amazon-apigateway-authorizer: { type: cognito_user_pools, providerARNs: [arn:aws:cognito-idp:us-east-1:123456789012:userpool/p] }
            Sigv4: { type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4 }
            api_key: { type: apiKey, name: x-api-key, in: header }
        paths:
          /top:
            get: { ${proxy(SUB_URI)} }
          /open:
            get: { security: [], ${proxy(SUB_URI)} }
          /request:
            get: { security: [{ api_key: [], Request: [] }], ${proxy(SUB_URI)} }
          /pool:
            get: { security: [{ Pool: [orders/read] }], ${proxy(SUB_URI)} }
          /iam:
            get: { security: [{ Sigv4: [] }], ${proxy(SUB_URI)} }
          /unknown:
            get: { security: [{ Nope: [] }], ${proxy(SUB_URI)} }
`);
    assert.deepEqual(routeRows(routes).map((r) => [r[1], r[6], r[7]]), [
      ['/top', 'Token', null],
      ['/open', null, null],
      ['/request', 'Request', null],
      ['/pool', 'Pool', ['orders/read']],
      ['/iam', 'Sigv4', null],
      ['/unknown', null, null],
    ]);
    assert.deepEqual(stages.get('Api')?.authorizers, {
      Token: { kind: 'lambda', functionName: 'AuthFn', type: 'TOKEN', identitySources: ['method.request.header.X-Auth-Token'], validationExpression: '^[a-z]+$', payloadVersion: '1.0', simpleResponses: false, ttlSeconds: 0 },
      Request: { kind: 'lambda', functionName: 'AuthFn', type: 'REQUEST', identitySources: ['method.request.header.Authorization', 'method.request.querystring.tenant'], payloadVersion: '1.0', simpleResponses: false, ttlSeconds: 300 },
      Pool: { kind: 'unsupported', type: 'COGNITO_USER_POOLS' },
      Sigv4: { kind: 'unsupported', type: 'AWS_IAM' },
    });
    assert.deepEqual(problems, [
      "Api's Body GET /unknown names the security scheme Nope, which the document does not declare, so it is served without it (declare it under securitySchemes)",
      'Api has no AWS::ApiGateway::Stage or Deployment with a StageName, so its routes are served on the stage "local" (add a Stage to name it)',
    ]);
  });

  it('reads an HTTP API body: payloadFormatVersion (1.0 when left out), $default, reusable integrations, jwt and request authorizers with their scopes', () => {
    const { routes, stages, problems } = apisOf(`Resources:
${LAMBDA_FUNCTIONS}  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Body:
        openapi: 3.0.1
        components:
          x-amazon-apigateway-integrations:
            fn: { type: aws_proxy, uri: !GetAtt Fn.Arn, payloadFormatVersion: '2.0' }
          securitySchemes:
            Jwt:
              type: oauth2
              x-amazon-apigateway-authorizer:
                type: jwt
                identitySource: $request.header.Authorization
                jwtConfiguration: { issuer: 'https://issuer.example.com', audience: [api] }
            Lambda:
              type: apiKey
              name: Authorization
              in: header
              x-amazon-apigateway-authorizer:
                type: request
                identitySource: $request.header.Authorization,$request.querystring.key
                authorizerUri: ${AUTH_URI}
                authorizerPayloadFormatVersion: '2.0'
                enableSimpleResponses: true
                authorizerResultTtlInSeconds: 60
        paths:
          /me:
            get:
              security: [{ Jwt: [email, profile] }]
              x-amazon-apigateway-integration: { $ref: '#/components/x-amazon-apigateway-integrations/fn' }
          /old:
            post:
              security: [{ Lambda: [] }]
              x-amazon-apigateway-integration: { type: aws_proxy, uri: !GetAtt Fn.Arn }
          $default:
            x-amazon-apigateway-any-method:
              x-amazon-apigateway-integration: { $ref: '#/components/x-amazon-apigateway-integrations/fn' }
`);
    assert.deepEqual(problems, []);
    assert.deepEqual(routeRows(routes), [
      ['GET', '/me', 'Fn', 'http', '2.0', 'Api', 'Jwt', ['email', 'profile']],
      ['POST', '/old', 'Fn', 'http', '1.0', 'Api', 'Lambda', null],
      ['ANY', '$default', 'Fn', 'http', '2.0', 'Api', null, null],
    ]);
    assert.equal(stages.get('Api')?.stage, '$default');
    assert.deepEqual(stages.get('Api')?.authorizers, {
      Jwt: { kind: 'jwt', issuer: 'https://issuer.example.com', audience: ['api'], identitySources: ['$request.header.Authorization'] },
      Lambda: { kind: 'lambda', functionName: 'AuthFn', type: 'REQUEST', identitySources: ['$request.header.Authorization', '$request.querystring.key'], payloadVersion: '2.0', simpleResponses: true, ttlSeconds: 60 },
    });
  });

  it('serves no route for a non-proxy integration, a missing one, a bad path or a function the template does not run, with one problem each, and keeps the others', () => {
    const { routes, problems } = apisOf(`Resources:
${LAMBDA_FUNCTIONS}  Image:
    Type: AWS::Lambda::Function
    Properties: { PackageType: Image, Code: { ImageUri: repo/image:latest } }
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body:
        openapi: 3.0.1
        paths:
          /aws:
            get: { x-amazon-apigateway-integration: { type: aws, uri: 'arn:aws:apigateway:us-east-1:dynamodb:action/Query' } }
          /http:
            get: { x-amazon-apigateway-integration: { type: http, uri: 'https://example.com' } }
          /mock:
            get: { x-amazon-apigateway-integration: { type: mock } }
          /none:
            get: { responses: {} }
          relative:
            get: { ${proxy(SUB_URI)} }
          /other-account:
            get: { ${proxy("'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:999999999999:function:billing/invocations'")} }
          /unknown:
            get: { ${proxy("!Sub 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Missing.Arn}/invocations'")} }
          /image:
            get: { ${proxy('!GetAtt Image.Arn')} }
          /fine:
            get: { ${proxy(SUB_URI)} }
  Deployment:
    Type: AWS::ApiGateway::Deployment
    Properties: { RestApiId: !Ref Api, StageName: dev }
`);
    assert.deepEqual(routeRows(routes), [['GET', '/fine', 'Fn', 'rest', '1.0', 'Api', null, null]]);
    const example = '(name one of them, e.g. !GetAtt Fn.Arn, or ${Fn.Arn} in a !Sub)';
    assert.deepEqual(problems, [
      "Api's Body GET /aws has an x-amazon-apigateway-integration of type aws, which is not served: only Lambda proxy integrations (type aws_proxy) run locally",
      "Api's Body GET /http has an x-amazon-apigateway-integration of type http, which is not served: only Lambda proxy integrations (type aws_proxy) run locally",
      "Api's Body GET /mock has an x-amazon-apigateway-integration of type mock, which is not served: only Lambda proxy integrations (type aws_proxy) run locally",
      "Api's Body GET /none has no x-amazon-apigateway-integration, so it is not served (add one of type aws_proxy whose uri names the function)",
      'Api\'s Body has the path "relative", which does not start with "/", so it is not served (write it as /relative)',
      `Api's Body GET /other-account x-amazon-apigateway-integration uri names arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:999999999999:function:billing/invocations, which is a function of the account 999999999999 that this template does not define: only the template's own functions run locally ${example}; the route is not served`,
      `Api's Body GET /unknown x-amazon-apigateway-integration uri names arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/\${Missing.Arn}/invocations, which is not a resource of the template: only the template's own functions run locally ${example}; the route is not served`,
      "Api's Body GET /image x-amazon-apigateway-integration uri names the function Image, which does not run locally (see Image's own problem); the route is not served",
    ]);
  });
});
