import * as assert from 'node:assert/strict';
import { apisOf, routeRows, samTemplate } from './templateApisOf';

const functions = `  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Get: { Type: Api, Properties: { Path: /items, Method: get, RestApiId: !Ref Rest } }
        Http: { Type: HttpApi, Properties: { Path: /items, Method: get, ApiId: !Ref Http } }
  AuthFn:
    Type: AWS::Serverless::Function
`;

describe('core/local/api samAuth: SAM Auth as authorizers in API Gateway notation', () => {
  it('reads REST Authorizers: TOKEN (Authorization by default, ValidationExpression, ReauthorizeEvery), REQUEST identity lists, Cognito and AWS_IAM as unsupported', () => {
    const { stages, routes, problems } = apisOf(samTemplate(`${functions}  Rest:
    Type: AWS::Serverless::Api
    Properties:
      StageName: Prod
      Cors: "'*'"
      Auth:
        DefaultAuthorizer: Request
        AddDefaultAuthorizerToCorsPreflight: false
        Authorizers:
          Token:
            FunctionArn: !GetAtt AuthFn.Arn
            Identity: { ValidationExpression: '^Bearer .+$' }
          Request:
            FunctionArn: !GetAtt AuthFn.Arn
            FunctionPayloadType: REQUEST
            Identity:
              Headers: [X-User]
              QueryStrings: [token]
              StageVariables: [KEY]
              Context: [sourceIp]
              ReauthorizeEvery: 60
          Users:
            UserPoolArn: arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc
          AWS_IAM: {}
  Http:
    Type: AWS::Serverless::HttpApi
`));
    assert.deepEqual(problems, []);
    const stage = stages.get('Rest');
    assert.deepEqual(stage?.authorizers, {
      Token: { kind: 'lambda', functionName: 'AuthFn', type: 'TOKEN', identitySources: ['method.request.header.Authorization'], validationExpression: '^Bearer .+$', payloadVersion: '1.0', simpleResponses: false, ttlSeconds: 300 },
      Request: {
        kind: 'lambda',
        functionName: 'AuthFn',
        type: 'REQUEST',
        identitySources: ['method.request.header.X-User', 'method.request.querystring.token', 'stageVariables.KEY', 'context.sourceIp'],
        payloadVersion: '1.0',
        simpleResponses: false,
        ttlSeconds: 60,
      },
      Users: { kind: 'unsupported', type: 'COGNITO_USER_POOLS' },
      AWS_IAM: { kind: 'unsupported', type: 'AWS_IAM' },
    });
    assert.equal(stage?.preflightAuthorizer, undefined, 'AddDefaultAuthorizerToCorsPreflight: false leaves the preflight open');
    assert.deepEqual(routeRows(routes)[0], ['GET', '/items', 'Fn', 'rest', '1.0', 'Rest', 'Request', null]);
  });

  it('reads HttpApi Authorizers: Lambda (payload version, simple responses, Identity, ReauthorizeEvery), JWT (issuer, audience, identity source) and EnableIamAuthorizer', () => {
    const { stages, routes, problems } = apisOf(samTemplate(`${functions}  Http:
    Type: AWS::Serverless::HttpApi
    Properties:
      Auth:
        EnableIamAuthorizer: true
        DefaultAuthorizer: Lambda
        Authorizers:
          Lambda:
            FunctionArn: !GetAtt AuthFn.Arn
            FunctionInvokeRole: !GetAtt Role.Arn
            AuthorizerPayloadFormatVersion: '2.0'
            EnableSimpleResponses: true
            Identity:
              Headers: [Authorization]
              QueryStrings: [key]
              ReauthorizeEvery: 30
          Jwt:
            JwtConfiguration:
              issuer: https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc
              audience: [client-1, client-2]
            IdentitySource: $request.header.Authorization
  Rest:
    Type: AWS::Serverless::Api
    Properties: { StageName: Prod }
`));
    assert.deepEqual(problems, []);
    assert.deepEqual(stages.get('Http')?.authorizers, {
      Lambda: { kind: 'lambda', functionName: 'AuthFn', type: 'REQUEST', identitySources: ['$request.header.Authorization', '$request.querystring.key'], payloadVersion: '2.0', simpleResponses: true, ttlSeconds: 30 },
      Jwt: { kind: 'jwt', issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc', audience: ['client-1', 'client-2'], identitySources: ['$request.header.Authorization'] },
      AWS_IAM: { kind: 'unsupported', type: 'AWS_IAM' },
    });
    assert.deepEqual(routeRows(routes)[1], ['GET', '/items', 'Fn', 'http', '2.0', 'Http', 'Lambda', null]);
  });

  it('says what to fix: no AuthorizerPayloadFormatVersion, a DefaultAuthorizer it does not have, an authorizer with neither FunctionArn nor a pool, one whose function is not local', () => {
    const { stages, routes, problems } = apisOf(samTemplate(`${functions}  Http:
    Type: AWS::Serverless::HttpApi
    Properties:
      Auth:
        DefaultAuthorizer: Missing
        Authorizers:
          NoVersion: { FunctionArn: !GetAtt AuthFn.Arn }
  Rest:
    Type: AWS::Serverless::Api
    Properties:
      StageName: Prod
      Auth:
        DefaultAuthorizer: Elsewhere
        Authorizers:
          Empty: { Identity: { Header: X } }
          Elsewhere: { FunctionArn: 'arn:aws:lambda:us-east-1:999999999999:function:shared-auth' }
`));
    assert.deepEqual(problems, [
      "Rest's Auth.Authorizers.Empty has neither FunctionArn (a Lambda authorizer) nor UserPoolArn (Cognito), so it is not used (give it FunctionArn: !GetAtt MyAuthFunction.Arn)",
      "Rest's Auth.Authorizers.Elsewhere.FunctionArn names arn:aws:lambda:us-east-1:999999999999:function:shared-auth, which is a function of the account 999999999999 that this template does not define: only the template's own functions run locally (name one of them, e.g. !GetAtt Fn.Arn, or ${Fn.Arn} in a !Sub); routes it guards are served without it",
      "Http's Auth.Authorizers.NoVersion has no AuthorizerPayloadFormatVersion, which an HTTP API Lambda authorizer needs as \"1.0\" or \"2.0\"; \"2.0\" is used (set it)",
      "Http's Auth.DefaultAuthorizer Missing is not one of its Auth.Authorizers (NoVersion), so its routes have no default authorizer (name one of them)",
    ]);
    assert.deepEqual(stages.get('Rest')?.authorizers?.Elsewhere, { kind: 'unsupported', type: 'TOKEN' });
    assert.deepEqual(routeRows(routes).map((r) => r[6]), ['Elsewhere', null]);
  });
});
