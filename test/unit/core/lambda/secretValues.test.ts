import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { looksLikeSecret, shownEnvironment, shownValue } from '../../../../src/core/lambda/secretValues';

describe('core/lambda secret-looking environment values', () => {
  it('hides values by the names people give secrets', () => {
    for (const name of ['DB_PASSWORD', 'db_passwd', 'STRIPE_API_KEY', 'apiKey', 'GITHUB_TOKEN', 'JWT_SIGNING_KEY', 'CLIENT_SECRET', 'SENTRY_DSN', 'DATABASE_CONNECTION_STRING', 'SLACK_WEBHOOK_URL', 'AWS_SECRET_ACCESS_KEY']) {
      assert.ok(looksLikeSecret(name, 'hunter2'), name);
    }
  });

  it('hides keys and tokens by their shape whatever the variable is called', () => {
    const values = [
      'AKIAIOSFODNN7EXAMPLE',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIE…',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
      'xoxb-2048-4096-abcdefghijklmnop',
      'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
      'postgres://app:s3cr3t@db.internal:5432/orders',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    ];
    for (const value of values) assert.ok(looksLikeSecret('CONFIG', value), value);
  });

  it('shows what a handler reads to find its resources', () => {
    const plain = {
      TABLE_NAME: 'orders-table-prod',
      QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders',
      TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:orders-events',
      LOG_LEVEL: 'INFO',
      POWERTOOLS_SERVICE_NAME: 'orders',
      NODE_OPTIONS: '--enable-source-maps',
      BUCKET: 'my-company-orders-archive-bucket-eu-west-1',
      TOKEN_TTL: '',
    };
    assert.deepEqual(shownEnvironment(plain), plain);
  });

  it('says how long a hidden value is and never shows any of it', () => {
    assert.equal(shownValue('DB_PASSWORD', 'hunter2'), '•••••••• (7 characters, hidden)');
    fc.assert(
      fc.property(fc.string({ minLength: 40 }), (secret) => {
        const shown = shownValue('API_KEY', secret);
        return !shown.includes(secret);
      }),
    );
  });
});
