import * as assert from 'node:assert/strict';
import { LAMBDA_FUNCTIONS, apisOf, samTemplate } from './templateApisOf';

describe('core/local/api functionUrls: FunctionUrlConfig and AWS::Lambda::Url', () => {
  it("reads a SAM function's FunctionUrlConfig (and Globals'), InvokeMode BUFFERED by default, its Cors", () => {
    const { functionUrls, problems } = apisOf(
      samTemplate(`  Streaming:
    Type: AWS::Serverless::Function
    Properties:
      FunctionUrlConfig:
        AuthType: AWS_IAM
        InvokeMode: RESPONSE_STREAM
  Public:
    Type: AWS::Serverless::Function
    Properties:
      FunctionUrlConfig:
        AuthType: NONE
        Cors:
          AllowOrigins: [https://app.example.com]
          AllowMethods: [GET, post]
          AllowHeaders: [content-type]
          ExposeHeaders: [x-trace]
          MaxAge: 60
          AllowCredentials: true
  NoUrl:
    Type: AWS::Serverless::Function
`),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(functionUrls, [
      { functionName: 'Streaming', authType: 'AWS_IAM', invokeMode: 'RESPONSE_STREAM' },
      {
        functionName: 'Public',
        authType: 'NONE',
        invokeMode: 'BUFFERED',
        cors: { allowOrigins: ['https://app.example.com'], allowMethods: ['GET', 'POST'], allowHeaders: ['content-type'], exposeHeaders: ['x-trace'], maxAgeSeconds: 60, allowCredentials: true },
      },
    ]);
  });

  it('reads AWS::Lambda::Url by its TargetFunctionArn (!Ref or !GetAtt of a local function), and says what to fix for another function or no AuthType', () => {
    const { functionUrls, problems } = apisOf(`Resources:
${LAMBDA_FUNCTIONS}  ByRef:
    Type: AWS::Lambda::Url
    Properties: { TargetFunctionArn: !Ref Fn, AuthType: NONE }
  ByArn:
    Type: AWS::Lambda::Url
    Properties: { TargetFunctionArn: !GetAtt Fn.Arn, AuthType: AWS_IAM, InvokeMode: RESPONSE_STREAM, Cors: { AllowOrigins: ['*'] } }
  Elsewhere:
    Type: AWS::Lambda::Url
    Properties: { TargetFunctionArn: 'arn:aws:lambda:us-east-1:999999999999:function:other', AuthType: NONE }
  NoAuth:
    Type: AWS::Lambda::Url
    Properties: { TargetFunctionArn: !GetAtt Fn.Arn }
`);
    assert.deepEqual(functionUrls, [
      { functionName: 'Fn', authType: 'NONE', invokeMode: 'BUFFERED' },
      { functionName: 'Fn', authType: 'AWS_IAM', invokeMode: 'RESPONSE_STREAM', cors: { allowOrigins: ['*'], allowMethods: [], allowHeaders: [], exposeHeaders: [], allowCredentials: false } },
      { functionName: 'Fn', authType: 'AWS_IAM', invokeMode: 'BUFFERED' },
    ]);
    assert.deepEqual(problems, [
      "Elsewhere's TargetFunctionArn names arn:aws:lambda:us-east-1:999999999999:function:other, which is a function of the account 999999999999 that this template does not define: only the template's own functions run locally (name one of them, e.g. !GetAtt Fn.Arn, or ${Fn.Arn} in a !Sub); the URL is not served",
      'NoAuth has no AuthType, which a function URL needs as NONE or AWS_IAM; AWS_IAM is assumed (set AuthType)',
    ]);
  });
});
