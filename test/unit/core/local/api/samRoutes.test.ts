import * as assert from 'node:assert/strict';
import { readSamRoutes } from '../../../../../src/core/local/api/samRoutes';
import { parseTemplateDocument } from '../../../../../src/core/local/sources/sam/templateFunctions';

function routesOf(yaml: string, functions = ['Fn']) {
  const parsed = parseTemplateDocument(yaml, '/project/template.yaml');
  assert.ok('value' in parsed);
  return readSamRoutes(parsed.value as Record<string, unknown>, new Set(functions));
}

const fn = (events: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Events:
${events}`;

describe('core/local/api readSamRoutes: the routes of a SAM template', () => {
  it("reads Api and HttpApi events onto SAM's implicit APIs, any as ANY, PayloadFormatVersion, and HttpApi without Path as $default", () => {
    const { routes, problems } = routesOf(fn(`        A: { Type: Api, Properties: { Path: /a, Method: post } }
        B: { Type: HttpApi, Properties: { Path: '/b/{id}', Method: any, PayloadFormatVersion: '1.0' } }
        C: { Type: HttpApi }
        D: { Type: SQS, Properties: { Queue: arn } }
`));
    assert.deepEqual(problems, []);
    assert.deepEqual(
      routes.map((r) => [r.method, r.path, r.kind, r.payloadVersion, r.apiId]),
      [
        ['POST', '/a', 'rest', '1.0', 'ServerlessRestApi'],
        ['ANY', '/b/{id}', 'http', '1.0', 'ServerlessHttpApi'],
        ['ANY', '$default', 'http', '2.0', 'ServerlessHttpApi'],
      ],
    );
  });

  it("takes a named API's stage, variables and binary media types", () => {
    const { routes, stages } = routesOf(`${fn(`        A: { Type: Api, Properties: { Path: /a, Method: get, RestApiId: !Ref Shop } }
`)}  Shop:
    Type: AWS::Serverless::Api
    Properties:
      StageName: dev
      Variables: { TABLE: orders, RETRIES: 3 }
      BinaryMediaTypes: [image~1png]
`);
    assert.equal(routes[0].apiId, 'Shop');
    assert.deepEqual(stages.get('Shop'), { apiId: 'Shop', kind: 'rest', stage: 'dev', stageVariables: { TABLE: 'orders', RETRIES: '3' }, binaryMediaTypes: ['image~1png'] });
  });

  it('says what to fix for an event it cannot serve, and keeps the others', () => {
    const { routes, problems } = routesOf(fn(`        NoPath: { Type: Api, Properties: { Method: get } }
        NoMethod: { Type: Api, Properties: { Path: /x } }
        Elsewhere: { Type: Api, Properties: { Path: /y, Method: get, RestApiId: !Ref Missing } }
        Fine: { Type: Api, Properties: { Path: /z, Method: get } }
`));
    assert.deepEqual(routes.map((r) => r.path), ['/z']);
    assert.deepEqual(problems, [
      'Fn\'s event NoPath has no Path; give one that starts with "/", e.g. Path: /hello',
      "Fn's event NoMethod has no Method; give one (get, post, any…)",
      'Fn\'s event Elsewhere names RestApiId {"Ref":"Missing"}, which is not an AWS::Serverless::Api of the template (use !Ref to one)',
    ]);
  });
});
