import * as assert from 'node:assert/strict';
import { aliasProblem, deployedCandidates, isGeneratedNameOf } from '../../../../src/core/lambda/deploy/deployedMatch';

describe('core/lambda deployedMatch: the deployed function a local one is, by SAM/CloudFormation generated names', () => {
  const deployed = ['orders-stack-HelloWorldFunction-AbCdEf123456', 'orders-stack-HelloWorldFunctionTwo-ZyXwVu987654', 'other-HelloWorldFunction-Q1w2E3r4T5y6', 'HelloWorldFunction', 'orders-stack-HelloWorldFunction-short'];

  it('matches <stack>-<LogicalId>-<suffix>, in every stack, and nothing that only resembles it', () => {
    assert.deepEqual(deployedCandidates({ origin: { id: 'HelloWorldFunction' } }, deployed), ['orders-stack-HelloWorldFunction-AbCdEf123456', 'other-HelloWorldFunction-Q1w2E3r4T5y6']);
    assert.deepEqual(deployedCandidates({ origin: { id: 'HelloWorldFunction' } }, deployed, 'orders-stack'), ['orders-stack-HelloWorldFunction-AbCdEf123456']);
  });

  it('takes a function name the template gives over any generated one', () => {
    assert.deepEqual(deployedCandidates({ deployedName: 'orders-api', origin: { id: 'HelloWorldFunction' } }, deployed), ['orders-api']);
  });

  it('matches a name CloudFormation cut to 64 characters, whose stack name and logical id are cut short', () => {
    // Stack "a-very-long-stack-name-for-the-orders-service", logical id "ProcessIncomingOrdersFunction".
    const truncated = 'a-very-long-stack-name-for-the-orders-ProcessIncomi-AbCdEf123456';
    assert.equal(truncated.length, 64);
    assert.ok(isGeneratedNameOf(truncated, 'ProcessIncomingOrdersFunction', 'a-very-long-stack-name-for-the-orders-service'));
    assert.ok(!isGeneratedNameOf(truncated, 'ProcessOutgoingOrdersFunction'));
    assert.ok(!isGeneratedNameOf('short-Process-AbCdEf123456', 'ProcessIncomingOrdersFunction'), 'a short name must have the whole id');
  });

  it('says what is wrong with an alias name', () => {
    assert.equal(aliasProblem('live'), undefined);
    assert.match(aliasProblem('12')!, /not only digits/);
    assert.match(aliasProblem('a b')!, /not a valid alias name/);
  });
});
