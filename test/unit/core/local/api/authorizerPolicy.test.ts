import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { readAuthorizerResponse } from '../../../../../src/core/local/api/authorizers/authorizerResponse';
import { policyDecision, readPolicyDocument, wildcardMatches } from '../../../../../src/core/local/api/authorizers/policy';
import type { PolicyStatement } from '../../../../../src/core/local/api/authorizers/policy';

const ARN = 'arn:aws:execute-api:us-east-1:123456789012:ServerlessRestApi/Prod/GET/items/42';
const allow = (...resources: string[]): PolicyStatement => ({ effect: 'Allow', actions: ['execute-api:Invoke'], resources });
const deny = (...resources: string[]): PolicyStatement => ({ effect: 'Deny', actions: ['execute-api:Invoke'], resources });

describe('core/local/api authorizer policies, as IAM evaluates them for execute-api:Invoke', () => {
  it('allows the ARN itself and wildcards over stage, method and path; * spans "/"', () => {
    assert.equal(policyDecision([allow(ARN)], ARN), 'allow');
    assert.equal(policyDecision([allow('arn:aws:execute-api:us-east-1:123456789012:ServerlessRestApi/*/GET/items/*')], ARN), 'allow');
    assert.equal(policyDecision([allow('arn:aws:execute-api:*:*:ServerlessRestApi/*')], ARN), 'allow');
    assert.equal(policyDecision([allow('arn:aws:execute-api:us-east-1:123456789012:ServerlessRestApi/Prod/GET/items/4?')], ARN), 'allow');
    assert.equal(policyDecision([allow('arn:aws:execute-api:us-east-1:123456789012:ServerlessRestApi/Prod/POST/*')], ARN), 'no-allow');
    assert.equal(policyDecision([allow('arn:aws:execute-api:us-east-1:123456789012:ServerlessRestApi/Prod/GET/items/4')], ARN), 'no-allow');
  });

  it('lets an explicit deny win over any allow, and counts only statements for execute-api:Invoke', () => {
    assert.equal(policyDecision([allow('*'), deny('*/GET/items/*')], ARN), 'deny');
    assert.equal(policyDecision([{ effect: 'Allow', actions: ['s3:GetObject'], resources: ['*'] }], ARN), 'no-allow');
    assert.equal(policyDecision([{ effect: 'Allow', actions: ['EXECUTE-API:*'], resources: ['*'] }], ARN), 'allow');
    assert.equal(policyDecision([], ARN), 'no-allow');
  });

  it('reads a Statement given as one object or a list, and says what is wrong with a malformed one', () => {
    assert.deepEqual(readPolicyDocument({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: [ARN] } }), [allow(ARN)]);
    assert.match(String(readPolicyDocument({ Statement: [{ Effect: 'allow', Action: 'execute-api:Invoke', Resource: ARN }] })), /Statement\[0\]\.Effect must be "Allow" or "Deny", not "allow"/);
    assert.match(String(readPolicyDocument({ Statement: [{ Effect: 'Allow', Resource: ARN }] })), /Statement\[0\]\.Action/);
    assert.match(String(readPolicyDocument(undefined)), /policyDocument must be an object/);
  });

  it("reads an authorizer's answer: a policy with its context, a simple { isAuthorized }, and refuses what API Gateway would answer 500 for", () => {
    const policy = readAuthorizerResponse(JSON.stringify({ principalId: 'u1', policyDocument: { Statement: [{ Effect: 'Deny', Action: 'execute-api:Invoke', Resource: ARN }] }, context: { n: 1 } }), { simple: false, nestedContext: false });
    assert.deepEqual(policy, { kind: 'policy', principalId: 'u1', statements: [deny(ARN)], context: { n: 1 } });
    assert.deepEqual(readAuthorizerResponse('{"isAuthorized":true,"context":{"roles":["a"]}}', { simple: true, nestedContext: true }), { kind: 'simple', isAuthorized: true, context: { roles: ['a'] } });
    assert.match(JSON.stringify(readAuthorizerResponse('{"principalId":"u","policyDocument":{"Statement":[]},"context":{"roles":["a"]}}', { simple: false, nestedContext: false })), /context\.roles must be a string, number or boolean/);
    assert.match(JSON.stringify(readAuthorizerResponse('{"isAuthorized":"yes"}', { simple: true, nestedContext: true })), /isAuthorized must be true or false/);
    assert.match(JSON.stringify(readAuthorizerResponse('allow', { simple: false, nestedContext: false })), /not JSON/);
  });

  const segment = fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/);
  const arn = fc.tuple(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.constantFrom('GET', 'POST', 'DELETE')).map(([path, method]) => `arn:aws:execute-api:us-east-1:123456789012:Api/Prod/${method}/${path.join('/')}`);

  it('property: an ARN with any run of it replaced by * still matches, and with one character replaced by ? too', () => {
    fc.assert(
      fc.property(arn, fc.nat(), fc.nat(), (value, a, b) => {
        const [from, to] = [a % value.length, b % value.length].sort((x, y) => x - y);
        assert.ok(wildcardMatches(`${value.slice(0, from)}*${value.slice(to)}`, value, false));
        assert.ok(wildcardMatches(`${value.slice(0, from)}?${value.slice(from + 1)}`, value, false));
      }),
    );
  });

  it('property: a literal pattern matches only the ARN it spells (regular-expression characters are literal)', () => {
    fc.assert(
      fc.property(arn, arn, (pattern, value) => {
        assert.equal(wildcardMatches(pattern, value, false), pattern === value);
        assert.equal(wildcardMatches(pattern, pattern.replace('.', 'x'), false), !pattern.includes('.'));
      }),
    );
  });
});
