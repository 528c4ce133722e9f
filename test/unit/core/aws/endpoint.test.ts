import * as assert from 'node:assert/strict';
import { ConfigError, parseEndpointUrl } from '../../../../src/core/aws/endpoint';

describe('core/aws parseEndpointUrl', () => {
  it('leaves an empty setting to the SDK', () => {
    assert.equal(parseEndpointUrl(''), undefined);
    assert.equal(parseEndpointUrl('   '), undefined);
    assert.equal(parseEndpointUrl(undefined), undefined);
  });

  it('accepts http and https URLs, without a trailing slash', () => {
    assert.equal(parseEndpointUrl(' http://127.0.0.1:4566/ '), 'http://127.0.0.1:4566');
    assert.equal(parseEndpointUrl('https://localstack.internal'), 'https://localstack.internal');
  });

  it('explains what is wrong with a URL the user mistyped', () => {
    assert.throws(() => parseEndpointUrl('localhost:4566'), (e: Error) => e instanceof ConfigError && /http:\/\/ or https:\/\//.test(e.message));
    assert.throws(() => parseEndpointUrl('127.0.0.1:4566'), (e: Error) => e instanceof ConfigError && /not a URL/.test(e.message) && /serverlessExplorer\.endpointUrl/.test(e.message));
  });
});
