import * as assert from 'node:assert/strict';
import { ApiTemplate } from '../../../../../src/core/local/api/apiTemplate';
import { lambdaTarget } from '../../../../../src/core/local/api/lambdaTarget';
import { samSource } from '../../../../../src/core/local/sources/sam/samSource';
import { parseTemplateDocument } from '../../../../../src/core/local/sources/sam/templateFunctions';

const FILE = '/project/template.yaml';
const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Hello:
    Type: AWS::Serverless::Function
    Properties: { CodeUri: src/, Handler: app.handler, Runtime: nodejs20.x, AutoPublishAlias: live, FunctionName: hello-world }
  Plain:
    Type: AWS::Lambda::Function
    Properties: { Code: src/, Handler: app.handler, Runtime: nodejs20.x, Role: arn:aws:iam::123456789012:role/r }
  PlainAlias:
    Type: AWS::Lambda::Alias
    Properties: { FunctionName: !Ref Plain, FunctionVersion: !GetAtt PlainVersion.Version, Name: live }
  PlainVersion:
    Type: AWS::Lambda::Version
    Properties: { FunctionName: !Ref Plain }
  Image:
    Type: AWS::Serverless::Function
    Properties: { PackageType: Image, ImageUri: repo:latest }
  Table:
    Type: AWS::DynamoDB::Table
`;

function targetOf(uri: unknown): unknown {
  const parsed = parseTemplateDocument(TEMPLATE, FILE);
  assert.ok('value' in parsed);
  return lambdaTarget(new ApiTemplate(parsed.value as Record<string, unknown>, LOCAL_FUNCTIONS, FILE), uri, 'X');
}

/** The functions that run locally, as the SAM source reads them: Image is not one. */
const LOCAL_FUNCTIONS = new Set(samSource.readFunctions(TEMPLATE, FILE).functions.map((f) => f.name));

const invocation = (arn: string) => ({ 'Fn::Sub': `arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/${arn}/invocations` });

describe('core/local/api lambdaTarget: which local function an integration, authorizer or URL names', () => {
  it('knows a function by !GetAtt .Arn, !Ref, ${Fn.Arn}, ${Fn.Alias}, SAM\'s <Fn>Alias<name>, an AWS::Lambda::Alias or Version of it, a qualifier, its FunctionName or logical id', () => {
    const forms: [unknown, string][] = [
      [{ 'Fn::GetAtt': ['Hello', 'Arn'] }, 'Hello'],
      [{ Ref: 'Plain' }, 'Plain'],
      [invocation('${Hello.Arn}'), 'Hello'],
      [invocation('${Hello.Alias}'), 'Hello'],
      [invocation('${HelloAliaslive}'), 'Hello'],
      [invocation('${PlainAlias}'), 'Plain'],
      [{ Ref: 'PlainVersion' }, 'Plain'],
      [invocation('${Hello.Arn}:live'), 'Hello'],
      [invocation('arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${Plain}'), 'Plain'],
      ['arn:aws:lambda:eu-west-1:111122223333:function:hello-world:prod', 'Hello'],
      ['hello-world', 'Hello'],
      ['Plain', 'Plain'],
    ];
    assert.deepEqual([...LOCAL_FUNCTIONS], ['Hello', 'Plain']);
    for (const [uri, functionName] of forms) assert.deepEqual(targetOf(uri), { functionName }, JSON.stringify(uri));
  });

  it('says what is wrong with anything else, naming what was written', () => {
    const example = "(name one of them, e.g. !GetAtt Hello.Arn, or ${Hello.Arn} in a !Sub)";
    assert.deepEqual(targetOf({ 'Fn::GetAtt': ['Image', 'Arn'] }), { problem: "X names the function Image, which does not run locally (see Image's own problem)" });
    assert.deepEqual(targetOf({ 'Fn::GetAtt': ['Table', 'Arn'] }), { problem: `X names \${Table.Arn}, which is an AWS::DynamoDB::Table, not a function: only the template's own functions run locally ${example}` });
    assert.deepEqual(targetOf('arn:aws:states:us-east-1:123456789012:stateMachine:flow'), { problem: `X names arn:aws:states:us-east-1:123456789012:stateMachine:flow, which is not a Lambda function ARN: only the template's own functions run locally ${example}` });
    assert.deepEqual(targetOf('arn:aws:lambda:us-east-1:123456789012:function:gone'), { problem: `X names arn:aws:lambda:us-east-1:123456789012:function:gone, which is not a function of this template: only the template's own functions run locally ${example}` });
    assert.deepEqual(targetOf(undefined), { problem: 'X names no function (name one of the template\'s functions, e.g. !GetAtt Hello.Arn, or ${Hello.Arn} in a !Sub)' });
  });
});
