import * as assert from 'node:assert/strict';
import { apisOf, routeRows, samTemplate } from './templateApisOf';

const fn = (events: string, id = 'Fn') => `  ${id}:
    Type: AWS::Serverless::Function
    Properties:
      Events:
${events}`;

describe('core/local/api samRoutes: the routes of SAM Api and HttpApi events', () => {
  it("reads Api and HttpApi events onto SAM's implicit APIs, any as ANY, PayloadFormatVersion, and HttpApi without Path as $default", () => {
    const { routes, problems } = apisOf(samTemplate(fn(`        A: { Type: Api, Properties: { Path: /a, Method: post } }
        B: { Type: HttpApi, Properties: { Path: '/b/{id}', Method: any, PayloadFormatVersion: '1.0' } }
        C: { Type: HttpApi }
        D: { Type: SQS, Properties: { Queue: arn } }
`)));
    assert.deepEqual(problems, []);
    assert.deepEqual(routeRows(routes), [
      ['POST', '/a', 'Fn', 'rest', '1.0', 'ServerlessRestApi', null, null],
      ['ANY', '/b/{id}', 'Fn', 'http', '1.0', 'ServerlessHttpApi', null, null],
      ['ANY', '$default', 'Fn', 'http', '2.0', 'ServerlessHttpApi', null, null],
    ]);
  });

  it("takes a named API's stage, variables and binary media types", () => {
    const { routes, stages } = apisOf(samTemplate(`${fn(`        A: { Type: Api, Properties: { Path: /a, Method: get, RestApiId: !Ref Shop } }
`)}  Shop:
    Type: AWS::Serverless::Api
    Properties:
      StageName: dev
      Variables: { TABLE: orders, RETRIES: 3 }
      BinaryMediaTypes: [image~1png]
`));
    assert.equal(routes[0].apiId, 'Shop');
    assert.deepEqual(stages.get('Shop'), { apiId: 'Shop', kind: 'rest', stage: 'dev', stageVariables: { TABLE: 'orders', RETRIES: '3' }, binaryMediaTypes: ['image~1png'] });
  });

  it("guards a route with its API's DefaultAuthorizer unless the event's Auth names another, NONE, or scopes", () => {
    const { routes, problems } = apisOf(samTemplate(`${fn(`        Default: { Type: Api, Properties: { Path: /default, Method: get, RestApiId: !Ref Shop } }
        Open: { Type: Api, Properties: { Path: /open, Method: get, RestApiId: !Ref Shop, Auth: { Authorizer: NONE } } }
        Iam: { Type: Api, Properties: { Path: /iam, Method: get, RestApiId: !Ref Shop, Auth: { Authorizer: AWS_IAM } } }
        Typo: { Type: Api, Properties: { Path: /typo, Method: get, RestApiId: !Ref Shop, Auth: { Authorizer: Tokn } } }
        Jwt: { Type: HttpApi, Properties: { Path: /me, Method: get, ApiId: !Ref Users, Auth: { Authorizer: Jwt, AuthorizationScopes: [profile] } } }
        JwtDefault: { Type: HttpApi, Properties: { Path: /them, Method: get, ApiId: !Ref Users } }
`)}${fn('', 'Authorizer')}  Shop:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Auth:
        DefaultAuthorizer: Token
        Authorizers:
          Token: { FunctionArn: !GetAtt Authorizer.Arn }
  Users:
    Type: AWS::Serverless::HttpApi
    Properties:
      Auth:
        DefaultAuthorizer: Jwt
        Authorizers:
          Jwt:
            AuthorizationScopes: [email]
            IdentitySource: $request.header.Authorization
            JwtConfiguration: { issuer: 'https://issuer.example.com', audience: [app] }
`));
    assert.deepEqual(routeRows(routes), [
      ['GET', '/default', 'Fn', 'rest', '1.0', 'Shop', 'Token', null],
      ['GET', '/open', 'Fn', 'rest', '1.0', 'Shop', null, null],
      ['GET', '/iam', 'Fn', 'rest', '1.0', 'Shop', 'AWS_IAM', null],
      ['GET', '/typo', 'Fn', 'rest', '1.0', 'Shop', null, null],
      ['GET', '/me', 'Fn', 'http', '2.0', 'Users', 'Jwt', ['profile']],
      ['GET', '/them', 'Fn', 'http', '2.0', 'Users', 'Jwt', ['email']],
    ]);
    assert.deepEqual(problems, [
      "Fn's event Typo names Auth.Authorizer Tokn, which is not one of Shop's Auth.Authorizers (Token, AWS_IAM), so it is served without an authorizer (add it to the API's Auth.Authorizers, or use NONE)",
    ]);
  });

  it('says what to fix for an event it cannot serve, and keeps the others', () => {
    const { routes, problems } = apisOf(samTemplate(fn(`        NoPath: { Type: Api, Properties: { Method: get } }
        NoMethod: { Type: Api, Properties: { Path: /x } }
        Elsewhere: { Type: Api, Properties: { Path: /y, Method: get, RestApiId: !Ref Missing } }
        Fine: { Type: Api, Properties: { Path: /z, Method: get } }
`)));
    assert.deepEqual(routes.map((r) => r.path), ['/z']);
    assert.deepEqual(problems, [
      'Fn\'s event NoPath has no Path; give one that starts with "/", e.g. Path: /hello',
      "Fn's event NoMethod has no Method; give one (get, post, any…)",
      'Fn\'s event Elsewhere names RestApiId {"Ref":"Missing"}, which is not an AWS::Serverless::Api of the template (use !Ref to one)',
    ]);
  });

  it('serves a method and path once per API: a second function giving it is a problem and the first serves it', () => {
    const { routes, problems } = apisOf(samTemplate(`${fn(`        Get: { Type: Api, Properties: { Path: '/items/{id}', Method: get } }
`, 'First')}${fn(`        Get: { Type: Api, Properties: { Path: '/items/{itemId}/', Method: GET } }
        Post: { Type: Api, Properties: { Path: '/items/{itemId}', Method: post } }
        OtherApi: { Type: HttpApi, Properties: { Path: '/items/{id}', Method: get } }
`, 'Second')}`));
    assert.deepEqual(routeRows(routes).map((r) => r.slice(0, 3)), [
      ['GET', '/items/{id}', 'First'],
      ['POST', '/items/{itemId}', 'Second'],
      ['GET', '/items/{id}', 'Second'],
    ]);
    assert.deepEqual(problems, [
      "Second's event Get gives GET /items/{itemId}/ on ServerlessRestApi to Second, but First's event Get already gives it to First; First serves it (remove one of the two, or change its path or method)",
    ]);
  });

  it('leaves out the events of a function that does not run locally (its own problem says why)', () => {
    const { routes } = apisOf(samTemplate(`${fn(`        Get: { Type: Api, Properties: { Path: /image, Method: get } }
`, 'ImageFn').replace('    Properties:\n', '    Properties:\n      PackageType: Image\n')}`));
    assert.deepEqual(routes, []);
  });
});
