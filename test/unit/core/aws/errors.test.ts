import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListFunctionsCommand, LambdaClient } from '@aws-sdk/client-lambda';
import fc from 'fast-check';
import { AwsCallTimeoutError } from '../../../../src/core/aws/timeouts';
import { CLI_WORDS, describeAwsError } from '../../../../src/core/aws/errors';
import type { AwsProblem } from '../../../../src/core/aws/errors';
import type { AwsSession } from '../../../../src/core/aws/sessions';

const dev: AwsSession = { profile: 'dev', region: 'us-east-1' };
const LIST = 'list Lambda functions';

/** An error as the SDK v3 throws it for a service response: an Error with the exception's name and the HTTP metadata. */
function serviceError(name: string, message: string, httpStatusCode: number): Error {
  return Object.assign(new Error(message), {
    name,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode, requestId: 'c0ffee00-1111-2222-3333-444455556666', attempts: 1, totalRetryDelay: 0 },
  });
}

/** A Node socket error as the SDK's HTTP handler passes it on. */
function socketError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, errno: -111, syscall: 'connect', address: '127.0.0.1', port: 4566 });
}

function credentialsError(message: string): Error {
  return Object.assign(new Error(message), { name: 'CredentialsProviderError', tryNextLink: true });
}

function assertShortTitle(problem: AwsProblem): void {
  assert.ok(problem.title.length > 0 && problem.title.length <= 40, `title too long for a tree label: "${problem.title}"`);
  assert.ok(!/[\r\n]/.test(problem.title), `title spans lines: "${problem.title}"`);
}

describe('core/aws errors: describeAwsError', () => {
  it('tells an SSO user whose token is missing or expired to run aws sso login for that profile', () => {
    const error = credentialsError(
      "The SSO session token associated with profile=dev was not found or is invalid. To refresh this SSO session run 'aws sso login' with the corresponding profile.",
    );
    const problem = describeAwsError(error, dev, LIST);
    assert.equal(problem.kind, 'sso-expired');
    assertShortTitle(problem);
    assert.match(problem.detail, /aws sso login --profile dev\b/);
    assert.ok(!problem.detail.includes(error.message), 'the detail says what to do, it does not just repeat the SDK message');
  });

  it('uses the profile of the session in the sso login command, not the one named in the message', () => {
    const error = credentialsError('The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.');
    const problem = describeAwsError(error, { profile: 'prod-admin', region: 'eu-west-1' }, LIST);
    assert.equal(problem.kind, 'sso-expired');
    assert.match(problem.detail, /aws sso login --profile prod-admin\b/);
  });

  it('reports expired temporary credentials with how to renew them', () => {
    const problem = describeAwsError(serviceError('ExpiredTokenException', 'The security token included in the request is expired', 403), dev, LIST);
    assert.equal(problem.kind, 'sso-expired');
    assertShortTitle(problem);
    assert.match(problem.detail, /"dev"/);
    assert.match(problem.detail, /aws sso login --profile dev\b/);
  });

  // BUG (src/core/aws/errors.ts): credentials from the environment (session.profile === DEFAULT_CHAIN, "(environment)")
  // that expire are told to run "aws sso login --profile (environment)", a command that cannot work.
  it('does not suggest aws sso login --profile (environment) for expired environment credentials', () => {
    const problem = describeAwsError(serviceError('ExpiredTokenException', 'The security token included in the request is expired', 403), { profile: '(environment)', region: 'us-east-1' }, LIST);
    assert.equal(problem.kind, 'sso-expired');
    assert.ok(!problem.detail.includes('--profile (environment)'), problem.detail);
  });

  it('reports a credential-provider failure as no credentials, naming the profile and the cause', () => {
    const problem = describeAwsError(credentialsError('Command failed: /usr/local/bin/get-creds\n'), { profile: 'ci', region: 'eu-west-1' }, LIST);
    assert.equal(problem.kind, 'no-credentials');
    assertShortTitle(problem);
    assert.match(problem.detail, /"ci"/);
    assert.match(problem.detail, /Command failed: \/usr\/local\/bin\/get-creds/);
    assert.match(problem.detail, /config file/);
  });

  it('reports a profile the config files do not define as no credentials', () => {
    const problem = describeAwsError(credentialsError('Could not resolve credentials using profile: [ghost] in configuration/credentials file(s).'), { profile: 'ghost', region: 'us-east-1' }, LIST);
    assert.equal(problem.kind, 'no-credentials');
    assert.match(problem.detail, /"ghost"/);
  });

  it('says an opt-in region is not enabled when AWS does not recognise the credentials there', () => {
    const error = serviceError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403);
    const problem = describeAwsError(error, { profile: 'dev', region: 'af-south-1' }, LIST);
    assert.equal(problem.kind, 'region-disabled');
    assertShortTitle(problem);
    assert.match(problem.title, /af-south-1/);
    assert.match(problem.detail, /af-south-1/);
    assert.match(problem.detail, /opt-in/);
    assert.match(problem.detail, /Enable the region/);
  });

  it('says the credentials were rejected for the same error in a region that is always enabled', () => {
    const error = serviceError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403);
    const problem = describeAwsError(error, dev, LIST);
    assert.equal(problem.kind, 'bad-credentials');
    assertShortTitle(problem);
    assert.match(problem.detail, /"dev"/);
    assert.match(problem.detail, /UnrecognizedClientException/);
    assert.doesNotMatch(problem.detail, /opt-in/);
  });

  it('reports OptInRequired as a region that is not enabled', () => {
    const problem = describeAwsError(serviceError('OptInRequired', 'You are not subscribed to this service.', 401), { profile: 'dev', region: 'me-central-1' }, LIST);
    assert.equal(problem.kind, 'region-disabled');
    assert.match(problem.detail, /me-central-1/);
  });

  it('reports AccessDeniedException as access denied, naming the action, profile and region', () => {
    const error = serviceError(
      'AccessDeniedException',
      'User: arn:aws:iam::123456789012:user/alice is not authorized to perform: lambda:ListFunctions on resource: * because no identity-based policy allows the lambda:ListFunctions action',
      403,
    );
    const problem = describeAwsError(error, { profile: 'dev', region: 'eu-central-1' }, LIST);
    assert.equal(problem.kind, 'access-denied');
    assertShortTitle(problem);
    assert.match(problem.title, /list Lambda functions/);
    assert.match(problem.detail, /list Lambda functions permission/);
    assert.match(problem.detail, /"dev"/);
    assert.match(problem.detail, /eu-central-1/);
  });

  it('reports any 403 as access denied, whatever the exception is called', () => {
    const problem = describeAwsError(serviceError('SomethingNew', 'Nope', 403), dev, 'list ECS services');
    assert.equal(problem.kind, 'access-denied');
    assert.match(problem.title, /list ECS services/);
  });

  // BUG (src/core/aws/errors.ts): the SSO test runs on the message before the name is looked at, and it matches
  // any "sso" plus "token|login|refresh|expired" anywhere in the text. An IAM Identity Center user's role is
  // "AWSReservedSSO_…", so an AccessDeniedException for a function called e.g. "user-login" or "refresh-token"
  // is shown as "SSO session expired — run aws sso login" instead of "Not allowed to …".
  it('does not mistake an SSO role being denied access to a function named "user-login" for an expired SSO session', () => {
    const error = serviceError(
      'AccessDeniedException',
      'User: arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_ReadOnly_0a1b2c3d4e5f6789/alice is not authorized to perform: lambda:GetFunction on resource: arn:aws:lambda:us-east-1:123456789012:function:user-login because no identity-based policy allows the lambda:GetFunction action',
      403,
    );
    assert.equal(describeAwsError(error, dev, 'get function').kind, 'access-denied');
  });

  it('reports ThrottlingException and any 429 as throttled, naming the action', () => {
    for (const error of [serviceError('ThrottlingException', 'Rate exceeded', 400), serviceError('TooManyRequestsException', 'Rate exceeded', 429), serviceError('Whatever', '', 429)]) {
      const problem = describeAwsError(error, dev, LIST);
      assert.equal(problem.kind, 'throttled', error.name);
      assertShortTitle(problem);
      assert.match(problem.detail, /list Lambda functions/);
      assert.match(problem.detail, /"dev", us-east-1/);
    }
  });

  it('reports a refused connection as unreachable, whether the code is on the error or on its cause', () => {
    const direct = socketError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:4566');
    const wrapped = new Error('fetch failed', { cause: socketError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:4566') });
    for (const error of [direct, wrapped]) {
      const problem = describeAwsError(error, dev, LIST, 'http://localhost:4566');
      assert.equal(problem.kind, 'unreachable', error.message);
      assertShortTitle(problem);
      assert.match(problem.detail, /http:\/\/localhost:4566/);
      assert.match(problem.detail, /ECONNREFUSED/);
      assert.match(problem.detail, /"dev", us-east-1/);
      assert.match(problem.detail, /endpointUrl/);
    }
  });

  it('gives its advice in the words of where it shows: settings in VS Code, flags in the CLI', () => {
    const late = new AwsCallTimeoutError(35_000);
    const inVsCode = describeAwsError(late, dev, LIST, 'http://127.0.0.1:4566');
    assert.equal(inVsCode.title, 'No answer in time');
    assert.match(inVsCode.detail, /^http:\/\/127\.0\.0\.1:4566 did not answer list Lambda functions in time for profile "dev", us-east-1 \(no answer within 35 s\)\./);
    assert.match(inVsCode.detail, /serverlessExplorer\.aws\.requestTimeoutSeconds/);
    assert.doesNotMatch(inVsCode.detail, /--/);
    const inCli = describeAwsError(late, dev, LIST, 'http://127.0.0.1:4566', CLI_WORDS);
    assert.match(inCli.detail, /--endpoint-url[\s\S]*--request-timeout/);
    assert.doesNotMatch(inCli.detail, /serverlessExplorer/);
    const unreachable = describeAwsError(socketError('ECONNREFUSED', 'connect ECONNREFUSED'), dev, LIST, undefined, CLI_WORDS);
    assert.doesNotMatch(unreachable.detail, /serverlessExplorer/);
    const optIn = describeAwsError(serviceError('OptInRequired', 'not subscribed', 400), { profile: 'dev', region: 'ap-east-1' }, LIST, undefined, CLI_WORDS);
    assert.match(optIn.detail, /--region/);
  });

  it('says "AWS" is unreachable when no endpoint is configured', () => {
    const problem = describeAwsError(socketError('ENOTFOUND', 'getaddrinfo ENOTFOUND lambda.us-east-1.amazonaws.com'), dev, LIST);
    assert.equal(problem.kind, 'unreachable');
    assert.match(problem.detail, /Could not reach AWS/);
  });

  it('reports an unknown error as other, with its name, message and HTTP status', () => {
    const problem = describeAwsError(serviceError('ServiceUnavailableException', 'The service is temporarily unavailable', 503), { profile: 'dev', region: 'eu-west-1' }, LIST);
    assert.equal(problem.kind, 'other');
    assertShortTitle(problem);
    assert.match(problem.title, /list Lambda functions/);
    assert.match(problem.detail, /ServiceUnavailableException/);
    assert.match(problem.detail, /temporarily unavailable/);
    assert.match(problem.detail, /HTTP 503/);
    assert.match(problem.detail, /"dev", eu-west-1/);
  });

  it('describes things thrown that are not errors', () => {
    const problem = describeAwsError('socket closed unexpectedly', dev, LIST);
    assert.equal(problem.kind, 'other');
    assert.match(problem.detail, /socket closed unexpectedly/);
  });

  it('never puts a stack trace or anything but the name, message and status into the detail', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';
    const kinds = fc.record({
      name: fc.constantFrom('Error', 'CredentialsProviderError', 'UnrecognizedClientException', 'AccessDeniedException', 'ThrottlingException', 'OptInRequired', 'ExpiredTokenException', 'InternalFailure'),
      status: fc.constantFrom(undefined, 400, 403, 429, 500),
      code: fc.constantFrom(undefined, 'ECONNREFUSED', 'ETIMEDOUT'),
      region: fc.constantFrom('us-east-1', 'af-south-1', 'cn-north-1'),
      message: fc.constantFrom('', 'Rate exceeded', 'multi\n    line\n\tmessage', 'The security token included in the request is invalid.'),
    });
    fc.assert(
      fc.property(kinds, ({ name, status, code, region, message }) => {
        const error = Object.assign(new Error(message), {
          name,
          code,
          $metadata: { httpStatusCode: status },
          $response: { headers: { authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/${region}/lambda/aws4_request, Signature=${secret}` } },
          credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: secret },
        });
        error.stack = `${name}: ${message}\n    at signRequest (/ext/dist/sdk.js:1:2)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)`;
        const problem = describeAwsError(error, { profile: 'p', region }, LIST);
        for (const text of [problem.title, problem.detail]) {
          assert.ok(!text.includes(secret), text);
          assert.ok(!text.includes('AKIDEXAMPLE'), text);
          assert.ok(!text.includes('    at '), text);
          assert.ok(!text.includes('signRequest'), text);
        }
      }),
    );
  });

  it('keeps a credential_process stack trace from spreading over the detail', () => {
    const error = credentialsError('Command failed: /opt/helper\nTypeError: boom\n    at Object.<anonymous> (/opt/helper.js:1:1)\n    at node:internal/main:1:1\n');
    const problem = describeAwsError(error, { profile: 'p', region: 'us-east-1' }, LIST);
    assert.equal(problem.kind, 'no-credentials');
    assert.ok(!problem.detail.includes('    at '), problem.detail);
    assert.ok(!/[\r\n]/.test(problem.detail), problem.detail);
  });

  describe('with the errors a real LambdaClient throws', () => {
    let server: http.Server;
    let endpoint: string;
    let reply: { status: number; type: string; message: string };

    before(async () => {
      server = http.createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          res.writeHead(reply.status, { 'content-type': 'application/json', 'x-amzn-errortype': reply.type, 'x-amzn-requestid': 'r-1' });
          res.end(JSON.stringify({ Type: 'User', Message: reply.message, message: reply.message }));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    async function thrownBy(url: string, region = 'us-east-1'): Promise<unknown> {
      const client = new LambdaClient({ region, endpoint: url, maxAttempts: 1, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 's3cr3t' } });
      try {
        await client.send(new ListFunctionsCommand({}));
      } catch (error) {
        return error;
      } finally {
        client.destroy();
      }
      assert.fail('the call was expected to fail');
    }

    const cases: [number, string, string, string, AwsProblem['kind']][] = [
      [403, 'AccessDeniedException', 'not authorized to perform: lambda:ListFunctions', 'us-east-1', 'access-denied'],
      [403, 'UnrecognizedClientException', 'The security token included in the request is invalid.', 'us-east-1', 'bad-credentials'],
      [403, 'UnrecognizedClientException', 'The security token included in the request is invalid.', 'ap-east-1', 'region-disabled'],
      [429, 'TooManyRequestsException', 'Rate exceeded', 'us-east-1', 'throttled'],
      [500, 'ServiceException', 'Internal failure', 'us-east-1', 'other'],
    ];
    for (const [status, type, message, region, kind] of cases) {
      it(`${type} (HTTP ${status}) in ${region} → ${kind}`, async () => {
        reply = { status, type, message };
        const problem = describeAwsError(await thrownBy(endpoint, region), { profile: 'dev', region }, LIST, endpoint);
        assert.equal(problem.kind, kind, problem.detail);
        assertShortTitle(problem);
        if (kind === 'other') assert.match(problem.detail, new RegExp(`${type}.*HTTP ${status}`));
      });
    }

    it('a port nobody listens on → unreachable, naming the endpoint', async () => {
      const closed = http.createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const problem = describeAwsError(await thrownBy(url), dev, LIST, url);
      assert.equal(problem.kind, 'unreachable', problem.detail);
      assert.ok(problem.detail.includes(url), problem.detail);
    });
  });
});
