import * as assert from 'node:assert/strict';
import { looksSecret, shownValue } from '../../../../src/core/lambda/deploy/secretValues';

describe('core/lambda secretValues: environment values shown masked when they look like secrets', () => {
  it('masks by name (password, token, API key…) and by the look of the value (an access key, a JWT, a long random string)', () => {
    for (const [name, value] of [
      ['DB_PASSWORD', 'x'],
      ['GITHUB_TOKEN', 'abc'],
      ['STRIPE_API_KEY', 'k'],
      ['SOMETHING', 'AKIAIOSFODNN7EXAMPLE'],
      ['CONFIG', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'],
      ['HOOK', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ]) {
      assert.ok(looksSecret(name, value), `${name}=${value}`);
      assert.doesNotMatch(shownValue(name, value), new RegExp(value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
    }
  });

  it('shows ordinary values as they are', () => {
    for (const [name, value] of [['TABLE', 'orders-prod'], ['STAGE', 'dev'], ['LOG_LEVEL', 'debug'], ['QUEUE_URL', 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders']]) {
      assert.equal(shownValue(name, value), value, name);
    }
  });
});
