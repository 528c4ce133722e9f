import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { EventLookupError, findEventById, generateEvent } from '../../../../src/core/events/catalog';
import type { EventContext } from '../../../../src/core/events/types';

const FIXED: EventContext = { now: new Date('2026-11-26T14:05:09.123Z'), uuid: () => '11111111-2222-4333-8444-555555555555' };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function build(id: string, values: Record<string, string> = {}): Json {
  return generateEvent(findEventById(id), values, FIXED) as Json;
}

function refuses(id: string, values: Record<string, string>, name: string): void {
  assert.throws(() => build(id, values), (e: Error) => e instanceof EventLookupError && new RegExp(`\\b${name}\\b`).test(e.message));
}

const account = fc.stringMatching(/^\d{12}$/);
const region = fc.constantFrom('us-east-1', 'eu-central-2', 'ap-southeast-1');

describe('core/events catalogue: callers, authorizers and conversations', () => {
  it('IAM-authorized HTTP API and function URL: an identity pool signer is an assumed role with a Cognito identity, a user name an IAM user', () => {
    fc.assert(
      fc.property(region, account, (r, a) => {
        for (const id of ['apigateway http-api-iam', 'lambda function-url-iam']) {
          const pool = build(id, { region: r, account: a, signer: `${r}:0a1b2c3d-aaaa-4bbb-8ccc-123456789abc` });
          const iam = pool.requestContext.authorizer.iam;
          assert.deepEqual(iam.cognitoIdentity, { amr: ['authenticated'], identityId: `${r}:${FIXED.uuid()}`, identityPoolId: `${r}:0a1b2c3d-aaaa-4bbb-8ccc-123456789abc` });
          assert.match(iam.userArn, new RegExp(`^arn:aws:sts::${a}:assumed-role/.+/CognitoIdentityCredentials$`));
          assert.match(iam.accessKey, /^ASIA[0-9A-F]{16}$/);
          assert.equal(iam.callerId, iam.userId);
          // The request is signed with the caller's key.
          assert.ok(pool.headers.authorization.includes(`Credential=${iam.accessKey}/20261126/${r}/`), id);
          const user = build(id, { region: r, account: a, signer: 'bob' }).requestContext.authorizer.iam;
          assert.equal(user.cognitoIdentity, null);
          assert.equal(user.userArn, `arn:aws:iam::${a}:user/bob`);
          assert.match(user.accessKey, /^AKIA/);
          assert.equal(user.principalOrgId, null);
          refuses(id, { signer: 'not a user' }, 'signer');
        }
      }),
      { numRuns: 20 },
    );
  });

  it('REST Lambda authorizer: its context keys sit beside principalId in requestContext.authorizer', () => {
    const auth = build('apigateway aws-proxy-lambda-authorizer', { principalId: 'u-7', authorizerContext: '{"scope":"admin"}' }).requestContext.authorizer;
    assert.equal(auth.principalId, 'u-7');
    assert.equal(auth.scope, 'admin');
    assert.equal(typeof auth.integrationLatency, 'number');
  });

  it('HTTP API Lambda authorizer context reaches requestContext.authorizer.lambda, as pairs or JSON', () => {
    assert.deepEqual(build('apigateway http-api-lambda-authorizer', { authorizerContext: 'userId=bob&plan=free' }).requestContext.authorizer, { lambda: { userId: 'bob', plan: 'free' } });
    assert.deepEqual(build('apigateway http-api-lambda-authorizer', { authorizerContext: '{"tenant":"t1"}' }).requestContext.authorizer.lambda, { tenant: 't1' });
  });

  it('HTTP API authorizer payload 1.0: identity sources joined with commas in their order, cookies in the Cookie header, a REST-like method ARN', () => {
    const event = build('apigateway http-api-authorizer-v1', { headers: 'Authorization: tok\nX-Tenant: acme', identitySource: 'X-Tenant, Authorization, X-Missing', stage: 'prod', method: 'PUT', apiId: 'abc' });
    assert.equal(event.identitySource, 'acme,tok');
    assert.equal(event.authorizationToken, 'acme,tok');
    assert.equal(event.headers.Cookie, 'session=4f2a9c; theme=dark');
    assert.equal(event.methodArn, 'arn:aws:execute-api:us-east-1:123456789012:abc/prod/PUT/orders/1234');
    assert.deepEqual(event.pathParameters, { orderId: '1234' });
    assert.deepEqual(build('apigateway http-api-authorizer-v1', { route: '$default' }).pathParameters, {});
  });

  it('mutual TLS: a client certificate subject gives clientCert, valid around the request; empty leaves it out', () => {
    const http = build('apigateway http-api-proxy', { clientCert: 'CN=device-9' }).requestContext.authentication.clientCert;
    assert.equal(http.subjectDN, 'CN=device-9');
    assert.match(http.clientCertPem, /^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----\n$/);
    assert.ok(Date.parse(http.validity.notBefore) < FIXED.now.getTime() && FIXED.now.getTime() < Date.parse(http.validity.notAfter));
    assert.ok(!('authentication' in build('apigateway http-api-proxy', { clientCert: '' }).requestContext));
    assert.equal(build('apigateway aws-proxy', { clientCert: 'CN=x' }).requestContext.identity.clientCert.subjectDN, 'CN=x');
    assert.equal(build('apigateway aws-proxy', { clientCert: '' }).requestContext.identity.clientCert, null);
  });

  it('REST requests: operation name and stage variables follow the parameters; empty leaves them out (null stage variables)', () => {
    const rest = build('apigateway aws-proxy', { operationName: 'GetOrder', stageVariables: '{"table":"t"}' });
    assert.equal(rest.requestContext.operationName, 'GetOrder');
    assert.deepEqual(rest.stageVariables, { table: 't' });
    const bare = build('apigateway aws-proxy', { operationName: '', stageVariables: '' });
    assert.ok(!('operationName' in bare.requestContext));
    assert.equal(bare.stageVariables, null);
    assert.ok(!('stageVariables' in build('apigateway http-api-proxy', { stageVariables: '' })));
    refuses('apigateway http-api-proxy', { stageVariables: '["a"]' }, 'stageVariables');
  });

  it('AppSync AWS_IAM caller: an identity pool role names its user pool as provider; an IAM user has no Cognito identity', () => {
    const pool = build('appsync resolver-iam-identity', { region: 'eu-west-1', userPoolId: 'eu-west-1_POOL', signer: 'eu-west-1:abc' }).identity;
    assert.equal(pool.cognitoIdentityPoolId, 'eu-west-1:abc');
    assert.equal(pool.cognitoIdentityAuthType, 'authenticated');
    assert.ok(pool.cognitoIdentityAuthProvider.startsWith('"cognito-idp.eu-west-1.amazonaws.com/eu-west-1_POOL"'));
    const user = build('appsync resolver-iam-identity', { signer: 'carol', account: '111122223333' });
    assert.equal(user.identity.userArn, 'arn:aws:iam::111122223333:user/carol');
    assert.equal(user.identity.cognitoIdentityId, null);
    assert.match(user.request.headers.authorization, /^AWS4-HMAC-SHA256 Credential=AKIA/);
  });

  it('Cognito inbound federation: the user is named after the provider; OIDC carries tokens and user info, SAML the assertion', () => {
    const oidc = build('cognito-user-pool inbound-federation-oidc', { providerName: 'Okta', subject: 'u1', email: 'u1@example.org', clientId: 'c1' });
    assert.equal(oidc.userName, 'Okta_u1');
    assert.equal(oidc.triggerSource, 'InboundFederation_ExternalProvider');
    assert.equal(oidc.request.attributes.idToken.sub, 'u1');
    assert.equal(oidc.request.attributes.idToken.aud, 'c1');
    const payload = JSON.parse(Buffer.from(oidc.request.attributes.tokenResponse.id_token.split('.')[1], 'base64url').toString('utf8'));
    assert.deepEqual(payload, oidc.request.attributes.idToken, 'the id_token decodes to the idToken claims');
    assert.equal(oidc.request.attributes.userInfo.email, 'u1@example.org');
    const saml = build('cognito-user-pool inbound-federation-saml', { nameId: 'jd@corp.example', givenName: 'J' });
    assert.equal(saml.userName, 'CorpSAML_jd@corp.example');
    assert.equal(saml.request.attributes.samlResponse['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname'], 'J');
    assert.deepEqual(saml.response, { userAttributesToMap: {} });
  });

  it('Cognito: V3_0 token generation is the client credentials grant; clientMetadata and validationData appear only when given', () => {
    const m2m = build('cognito-user-pool pre-token-generation-v3', { scopes: 'api/read  api/write', clientMetadata: 'a=1', clientId: 'svc' });
    assert.equal(m2m.version, '3');
    assert.equal(m2m.triggerSource, 'TokenGeneration_ClientCredentials');
    assert.deepEqual(m2m.request.scopes, ['api/read', 'api/write']);
    assert.deepEqual(m2m.request.clientMetadata, { a: '1' });
    assert.ok(!('clientMetadata' in build('cognito-user-pool pre-token-generation-v3', { clientMetadata: '' }).request));
    assert.deepEqual(build('cognito-user-pool pre-signup', { validationData: 'x=y' }).request.validationData, { x: 'y' });
    assert.ok(!('clientMetadata' in build('cognito-user-pool post-confirmation', { clientMetadata: '' }).request));
    const challenge = build('cognito-user-pool create-auth-challenge', { session: 'SRP_A, CUSTOM_CHALLENGE' }).request.session;
    assert.deepEqual(challenge, [
      { challengeName: 'SRP_A', challengeResult: true, challengeMetadata: null },
      { challengeName: 'CUSTOM_CHALLENGE', challengeResult: true, challengeMetadata: 'EMAIL_OTP' },
    ]);
    assert.deepEqual(build('cognito-user-pool create-auth-challenge', { session: '' }).request.session, []);
    refuses('cognito-user-pool create-auth-challenge', { session: 'SRP_B' }, 'session');
  });

  it('IoT 1-Click and pre-provisioning hook: the placement maps the template to the device; the certificate id is the hash of its PEM', () => {
    const click = build('iot 1-click', { deviceId: 'G030X', deviceTemplate: 'doorbell', clickType: 'LONG', remainingLife: '12.5' });
    assert.deepEqual(click.placementInfo.devices, { doorbell: 'G030X' });
    assert.equal(click.deviceEvent.buttonClicked.clickType, 'LONG');
    assert.equal(click.deviceEvent.buttonClicked.reportedTime, '2026-11-26T14:05:09.123Z');
    assert.equal(click.deviceInfo.remainingLife, 12.5);
    refuses('iot 1-click', { remainingLife: '120' }, 'remainingLife');
    refuses('iot 1-click', { clickType: 'TRIPLE' }, 'clickType');
    const hook = build('iot pre-provisioning-hook', { region: 'eu-west-1', account: '111122223333', template: 'T1', parameters: '{"SerialNumber":"S1"}' });
    assert.equal(hook.templateArn, 'arn:aws:iot:eu-west-1:111122223333:provisioningtemplate/T1');
    assert.deepEqual(hook.parameters, { SerialNumber: 'S1' });
    assert.match(hook.certificateId, /^[0-9a-f]{64}$/);
    assert.notEqual(hook.certificateId, hook.claimCertificateId);
  });

  it('Lex V2: speech input carries transcriptions with the filled slots; text input has none', () => {
    const spoken = build('lex-v2 book-hotel', { location: 'Lisbon', nights: '', inputTranscript: 'a room in Lisbon' });
    assert.equal(spoken.inputMode, 'Speech');
    assert.deepEqual(spoken.transcriptions.map((t: Json) => [t.transcription, t.resolvedContext.intent, Object.keys(t.resolvedSlots)]), [['a room in Lisbon', 'BookHotel', ['Location']]]);
    assert.equal(spoken.transcriptions[0].resolvedSlots.Location.value.interpretedValue, 'Lisbon');
    const typed = build('lex-v2 book-hotel', { inputMode: 'Text' });
    assert.ok(!('transcriptions' in typed));
    assert.equal(typed.responseContentType, 'text/plain; charset=utf-8');
    assert.deepEqual(build('lex-v2 banking-bot', { requestAttributes: 'k=v' }).requestAttributes, { k: 'v' });
    refuses('lex-v2 book-car', { inputMode: 'Voice' }, 'inputMode');
  });

  it('Connect: media streaming names the contact’s Kinesis video stream in the account and region; off, Audio is null', () => {
    const contact = build('connect contact-flow-event', { region: 'eu-west-2', account: '111122223333', instanceAlias: 'support' });
    const audio = contact.Details.ContactData.MediaStreams.Customer.Audio;
    assert.ok(audio.StreamARN.startsWith(`arn:aws:kinesisvideo:eu-west-2:111122223333:stream/connect-support-contact-${contact.Details.ContactData.ContactId}/`));
    assert.match(audio.StartFragmentNumber, /^\d+$/);
    assert.equal(audio.StartTimestamp, String(FIXED.now.getTime() - 5000));
    assert.equal(build('connect contact-flow-event', { mediaStreaming: 'false' }).Details.ContactData.MediaStreams.Customer.Audio, null);
    assert.deepEqual(build('connect contact-flow-event', { tags: 'Team=Billing' }).Details.ContactData.Tags, { Team: 'Billing' });
  });
});
