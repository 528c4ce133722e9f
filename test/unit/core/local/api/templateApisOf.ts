import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ApiDefinitions } from '../../../../../src/core/local/api/apiDefinitions';
import type { ApiRoute } from '../../../../../src/core/local/api/apiRoute';
import { samSource } from '../../../../../src/core/local/sources/sam/samSource';

/** Our own fixture projects (test/fixtures/local-api/); this file compiles to out/test/unit/core/local/api/. */
export const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', '..', '..', 'test', 'fixtures', 'local-api');

/** What the SAM source reads for the local API from a template's text, as start-api reads it: its functions first, then their APIs. */
export function apisOf(text: string, templateFile = path.join(FIXTURES, 'inline', 'template.yaml')): ApiDefinitions {
  const { functions } = samSource.readFunctions(text, templateFile);
  const apis = samSource.readApis?.(text, templateFile, functions);
  assert.ok(apis);
  return apis;
}

/** What the SAM source reads for the local API from a fixture project's template.yaml. */
export function fixtureApis(name: string): ApiDefinitions {
  const file = path.join(FIXTURES, name, 'template.yaml');
  return apisOf(fs.readFileSync(file, 'utf8'), file);
}

/** The parts of a route a user sees: method, path, function, kind, payload version, API, authorizer and scopes. */
export function routeRows(routes: readonly ApiRoute[]): unknown[][] {
  return routes.map((r) => [r.method, r.path, r.functionName, r.kind, r.payloadVersion, r.apiId, r.authorizer ?? null, r.authorizationScopes ?? null]);
}

/** A SAM template of these resources, its functions taking Runtime, Handler and CodeUri from Globals. */
export function samTemplate(resources: string): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: nodejs20.x
    Handler: app.handler
    CodeUri: src/
Resources:
${resources}`;
}

/** Two CloudFormation functions, Fn and AuthFn, as a template's Resources lines. */
export const LAMBDA_FUNCTIONS = `  Fn:
    Type: AWS::Lambda::Function
    Properties: { Code: src/, Handler: app.handler, Runtime: nodejs20.x, Role: arn:aws:iam::123456789012:role/r }
  AuthFn:
    Type: AWS::Lambda::Function
    Properties: { Code: src/, Handler: auth.handler, Runtime: nodejs20.x, Role: arn:aws:iam::123456789012:role/r }
`;

/** API Gateway's URI for invoking a function of the template, as templates write it (YAML). */
export const invocationUri = (fn: string) => `!Sub 'arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${fn}.Arn}/invocations'`;
