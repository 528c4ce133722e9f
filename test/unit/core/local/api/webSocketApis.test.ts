import * as assert from 'node:assert/strict';
import { apisOf } from './templateApisOf';

const handler = (id: string) => `  ${id}:
    Type: AWS::Serverless::Function
    Properties: { CodeUri: src/, Handler: ${id.toLowerCase()}.handler, Runtime: nodejs20.x }
`;
const routeTo = (id: string, key: string, integrationId: string, extra = '') => `  ${id}:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Chat
      RouteKey: ${key}
      Target: !Join [/, [integrations, !Ref ${integrationId}]]
${extra}`;
const integrationOf = (id: string, fn: string) => `  ${id}:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref Chat
      IntegrationType: AWS_PROXY
      IntegrationUri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${fn}.Arn}/invocations
`;

describe('core/local/api webSocketApis: AWS::ApiGatewayV2 WebSocket APIs', () => {
  it('reads the selection expression, each route key through its Integration to a function, the $connect authorizer and the stage', () => {
    const { webSockets, routes, problems } = apisOf(`Transform: AWS::Serverless-2016-10-31
Resources:
${handler('Connect')}${handler('Disconnect')}${handler('Message')}${handler('Authorize')}  Chat:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: chat
      ProtocolType: WEBSOCKET
      RouteSelectionExpression: $request.body.type
${integrationOf('ConnectIntegration', 'Connect')}${integrationOf('DisconnectIntegration', 'Disconnect')}${integrationOf('MessageIntegration', 'Message')}${routeTo('ConnectRoute', '$connect', 'ConnectIntegration', '      AuthorizationType: CUSTOM\n      AuthorizerId: !Ref ConnectAuthorizer\n')}${routeTo('DisconnectRoute', '$disconnect', 'DisconnectIntegration')}${routeTo('DefaultRoute', '$default', 'MessageIntegration')}${routeTo('SendRoute', 'send', 'MessageIntegration')}  ConnectAuthorizer:
    Type: AWS::ApiGatewayV2::Authorizer
    Properties:
      ApiId: !Ref Chat
      Name: connect
      AuthorizerType: REQUEST
      AuthorizerUri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Authorize.Arn}/invocations
      IdentitySource: [route.request.header.Auth, route.request.querystring.token]
  Stage:
    Type: AWS::ApiGatewayV2::Stage
    Properties: { ApiId: !Ref Chat, StageName: production, StageVariables: { ROOM: lobby } }
`);
    assert.deepEqual(problems, []);
    assert.deepEqual(routes, [], 'a WebSocket API has no HTTP routes');
    assert.deepEqual(webSockets, [
      {
        apiId: 'Chat',
        stage: 'production',
        stageVariables: { ROOM: 'lobby' },
        routeSelectionExpression: '$request.body.type',
        routes: [
          { routeKey: '$connect', functionName: 'Connect' },
          { routeKey: '$disconnect', functionName: 'Disconnect' },
          { routeKey: '$default', functionName: 'Message' },
          { routeKey: 'send', functionName: 'Message' },
        ],
        connectAuthorizer: { kind: 'lambda', functionName: 'Authorize', type: 'REQUEST', identitySources: ['$request.header.Auth', '$request.querystring.token'], payloadVersion: '1.0', simpleResponses: false, ttlSeconds: 300 },
      },
    ]);
  });

  it('defaults the selection expression, says when there is no stage, and gives a route key given twice to the first', () => {
    const { webSockets, problems } = apisOf(`Transform: AWS::Serverless-2016-10-31
Resources:
${handler('Connect')}${handler('Message')}  Chat:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: chat, ProtocolType: WEBSOCKET }
${integrationOf('ConnectIntegration', 'Connect')}${integrationOf('MessageIntegration', 'Message')}${routeTo('First', 'send', 'MessageIntegration')}${routeTo('Second', 'send', 'ConnectIntegration')}`);
    assert.deepEqual(webSockets, [{ apiId: 'Chat', stage: 'local', stageVariables: {}, routeSelectionExpression: '$request.body.action', routes: [{ routeKey: 'send', functionName: 'Message' }] }]);
    assert.deepEqual(problems, [
      'Second gives the route send of Chat to Connect, but an earlier route gives it to Message, which serves it (remove one of the two)',
      'Chat has no AWS::ApiGatewayV2::Stage, so its WebSocket API is served on the stage "local" (add a Stage to name it)',
    ]);
  });
});
