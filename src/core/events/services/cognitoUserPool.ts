import type {
  CreateAuthChallengeTriggerEvent,
  CustomEmailSenderTriggerEvent,
  CustomMessageTriggerEvent,
  CustomSMSSenderTriggerEvent,
  DefineAuthChallengeTriggerEvent,
  GroupOverrideDetails,
  InboundFederationTriggerEvent,
  PostAuthenticationTriggerEvent,
  PostConfirmationTriggerEvent,
  PreAuthenticationTriggerEvent,
  PreSignUpTriggerEvent,
  PreTokenGenerationTriggerEvent,
  PreTokenGenerationV2TriggerEvent,
  PreTokenGenerationV3TriggerEvent,
  UserMigrationTriggerEvent,
  VerifyAuthChallengeResponseTriggerEvent,
} from 'aws-lambda';
import { defineEvent } from '../types';
import { REGION, epochSeconds, sha256 } from '../helpers';

const GROUP = 'Amazon Cognito';
const POOL = {
  region: REGION,
  userPoolId: { default: 'Ab12Cd34E', description: 'User pool id, <region>_<id>; or only the id, to take the region parameter' },
  clientId: { default: '1example23456789abcdefghij', description: 'App client id' },
  userName: { default: 'janedoe', description: 'User name' },
};
const EMAIL = { default: 'jane.doe@example.com', description: 'Email address (user attribute)' };
const PHONE = { default: '+12065550100', description: 'Phone number (user attribute)' };
const GROUP_NAME = { default: 'admins', description: 'Group the user belongs to' };
const CLIENT_METADATA = { default: 'appVersion=2.4.0', description: 'ClientMetadata the app passed with the API call: name=value pairs (a=1&b=2); empty for none' };
const VALIDATION_DATA = { default: 'signInSource=web', description: 'ValidationData the app sent: name=value pairs (a=1&b=2); empty for none' };

/** A name=value pairs parameter as a map, or nothing when it is empty (Cognito leaves the key out). */
function optionalMap<K extends string>(key: K, value: string): Partial<Record<K, Record<string, string>>> {
  const map = Object.fromEntries(new URLSearchParams(value.trim()));
  return Object.keys(map).length ? ({ [key]: map } as Partial<Record<K, Record<string, string>>>) : {};
}

const CUSTOM_MESSAGE_SOURCES = [
  'CustomMessage_SignUp',
  'CustomMessage_AdminCreateUser',
  'CustomMessage_ResendCode',
  'CustomMessage_ForgotPassword',
  'CustomMessage_UpdateUserAttribute',
  'CustomMessage_VerifyUserAttribute',
  'CustomMessage_Authentication',
] as const;
const TOKEN_SOURCES = [
  'TokenGeneration_HostedAuth',
  'TokenGeneration_Authentication',
  'TokenGeneration_NewPasswordChallenge',
  'TokenGeneration_AuthenticateDevice',
  'TokenGeneration_RefreshTokens',
] as const;
const EMAIL_SENDER_SOURCES = [
  'CustomEmailSender_SignUp',
  'CustomEmailSender_ResendCode',
  'CustomEmailSender_ForgotPassword',
  'CustomEmailSender_UpdateUserAttribute',
  'CustomEmailSender_VerifyUserAttribute',
  'CustomEmailSender_AdminCreateUser',
  'CustomEmailSender_Authentication',
] as const;
const SMS_SENDER_SOURCES = [
  'CustomSMSSender_SignUp',
  'CustomSMSSender_ResendCode',
  'CustomSMSSender_ForgotPassword',
  'CustomSMSSender_UpdateUserAttribute',
  'CustomSMSSender_VerifyUserAttribute',
  'CustomSMSSender_AdminCreateUser',
  'CustomSMSSender_Authentication',
] as const;

type Pool = Readonly<Record<keyof typeof POOL, string>>;

const SESSION_CHALLENGES = ['SRP_A', 'PASSWORD_VERIFIER', 'CUSTOM_CHALLENGE', 'SMS_MFA', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER', 'ADMIN_NO_SRP_AUTH'] as const;

// A federated user's name is the provider's name and the user's id there; a client credentials grant has no user.
const { userName: _userName, ...POOL_NO_USER } = POOL;
const FEDERATED = {
  ...POOL_NO_USER,
  email: EMAIL,
  givenName: { default: 'Jane', description: 'Given name the provider sent' },
  familyName: { default: 'Doe', description: 'Family name the provider sent' },
};
type Federated = Readonly<Record<keyof typeof FEDERATED | 'providerName', string>>;

/** The part of an inbound federation event both provider types share; the user name is <provider>_<id at the provider>. */
function federationHeader(p: Federated, subject: string) {
  return header({ ...p, userName: `${p.providerName}_${subject}` }, 'InboundFederation_ExternalProvider');
}

/** A token as an OIDC provider returns it (JWT-shaped, signature made up). */
function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  return `${part({ alg: 'RS256', kid: 'provider-key-1' })}.${part(claims)}.${Buffer.from(sha256(JSON.stringify(claims)), 'hex').toString('base64url')}`;
}

/** A parameter that must be one of the given values, or a TypeError naming them. */
function oneOf<C extends string>(name: string, value: string, choices: readonly C[]): C {
  if (!(choices as readonly string[]).includes(value)) throw new TypeError(`Parameter ${name} must be one of ${choices.join(', ')}, not "${value}".`);
  return value as C;
}

/** `<region>_<id>`: a bare id takes the region parameter; a full id must be in that region. */
function userPoolId(p: Pool): string {
  const full = /^([a-z]{2}(?:-[a-z]+)+-\d+)_(.+)$/.exec(p.userPoolId);
  if (!full) return `${p.region}_${p.userPoolId}`;
  if (full[1] !== p.region) throw new TypeError(`Parameter userPoolId "${p.userPoolId}" is in ${full[1]} but region is ${p.region}: pass region ${full[1]} too, or only the id after the underscore.`);
  return p.userPoolId;
}

/** The fields every user pool trigger shares, in the order Cognito sends them. */
function header<S extends string, V extends string = '1'>(p: Pool, triggerSource: S, version: V = '1' as V) {
  return {
    version,
    region: p.region,
    userPoolId: userPoolId(p),
    userName: p.userName,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: p.clientId },
    triggerSource,
  };
}

/** A user's attributes as triggers see them: `sub` is the user's uuid, the values are all strings. */
function attributes(sub: string, status: string, contact: Record<string, string>, verified: boolean): Record<string, string> {
  const verifiedKey = 'email' in contact ? 'email_verified' : 'phone_number_verified';
  return { sub, 'cognito:user_status': status, [verifiedKey]: String(verified), ...contact };
}

/** Cognito sends the response fields the function is to fill as null; @types/aws-lambda types them filled, so they are cast. */
function unfilled<R>(fields: { [K in keyof Required<R>]: null }): R {
  return fields as unknown as R;
}

/** The user's groups; Cognito sends preferredRole null when no group has a role, where @types/aws-lambda has only a string, so it is cast. */
function groups(group: string): GroupOverrideDetails {
  return { groupsToOverride: [group], iamRolesToOverride: [], preferredRole: null } as unknown as GroupOverrideDetails;
}

/** The status of a user a message or code is sent to, by trigger source: not yet confirmed, created by an admin, or confirmed. */
function statusFor(triggerSource: string): { status: string; verified: boolean } {
  if (/_(SignUp|ResendCode)$/.test(triggerSource)) return { status: 'UNCONFIRMED', verified: false };
  if (/_AdminCreateUser$/.test(triggerSource)) return { status: 'FORCE_CHANGE_PASSWORD', verified: false };
  return { status: 'CONFIRMED', verified: !/_(UpdateUserAttribute|VerifyUserAttribute)$/.test(triggerSource) };
}

/** A code as custom sender triggers carry it: encrypted with the pool's KMS key (AWS Encryption SDK), base64. */
function ciphertext(seed: string): string {
  return Buffer.concat([Buffer.from([0x01, 0x80]), Buffer.from(sha256(seed), 'hex'), Buffer.from(sha256(`${seed}/`), 'hex')]).toString('base64');
}

export const cognitoUserPoolEvents = [
  defineEvent<PreSignUpTriggerEvent>()({
    service: 'cognito-user-pool',
    event: 'pre-signup',
    title: 'Cognito pre sign-up trigger (SignUp)',
    group: GROUP,
    params: { ...POOL, email: EMAIL, validationData: VALIDATION_DATA, clientMetadata: CLIENT_METADATA },
    build: (p) => ({
      ...header(p, 'PreSignUp_SignUp'),
      request: { userAttributes: { email: p.email }, ...optionalMap('validationData', p.validationData), ...optionalMap('clientMetadata', p.clientMetadata) },
      response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
    }),
  }),
  defineEvent<PostConfirmationTriggerEvent>()({
    service: 'cognito-user-pool',
    event: 'post-confirmation',
    title: 'Cognito post confirmation trigger (ConfirmSignUp)',
    group: GROUP,
    params: { ...POOL, email: EMAIL, clientMetadata: CLIENT_METADATA },
    build: (p, ctx) => ({
      ...header(p, 'PostConfirmation_ConfirmSignUp'),
      request: { userAttributes: attributes(ctx.uuid(), 'CONFIRMED', { email: p.email }, true), ...optionalMap('clientMetadata', p.clientMetadata) },
      response: {},
    }),
  }),
  defineEvent<PreAuthenticationTriggerEvent>()({
    service: 'cognito-user-pool',
    event: 'pre-authentication',
    title: 'Cognito pre authentication trigger',
    group: GROUP,
    params: { ...POOL, email: EMAIL, validationData: VALIDATION_DATA },
    build: (p, ctx) => ({
      ...header(p, 'PreAuthentication_Authentication'),
      request: { userAttributes: attributes(ctx.uuid(), 'CONFIRMED', { email: p.email }, true), userNotFound: false, ...optionalMap('validationData', p.validationData) },
      response: {},
    }),
  }),
  defineEvent<PostAuthenticationTriggerEvent>()({
    service: 'cognito-user-pool',
    event: 'post-authentication',
    title: 'Cognito post authentication trigger',
    group: GROUP,
    params: { ...POOL, email: EMAIL, newDevice: { default: 'false', description: 'Whether the user signed in from a new device: true or false' }, clientMetadata: CLIENT_METADATA },
    build: (p, ctx) => ({
      ...header(p, 'PostAuthentication_Authentication'),
      request: { newDeviceUsed: oneOf('newDevice', p.newDevice, ['true', 'false']) === 'true', userAttributes: attributes(ctx.uuid(), 'CONFIRMED', { email: p.email }, true), ...optionalMap('clientMetadata', p.clientMetadata) },
      response: {},
    }),
  }),
  defineEvent<PreTokenGenerationTriggerEvent>()({
    service: 'cognito-user-pool',
    event: 'pre-token-generation',
    title: 'Cognito pre token generation trigger (V1_0: ID token)',
    group: GROUP,
    params: {
      ...POOL,
      email: EMAIL,
      group: GROUP_NAME,
      triggerSource: { default: 'TokenGeneration_HostedAuth', description: `Trigger source: ${TOKEN_SOURCES.join(', ')}` },
      clientMetadata: CLIENT_METADATA,
    },
    build: (p, ctx) => ({
      ...header(p, oneOf('triggerSource', p.triggerSource, TOKEN_SOURCES)),
      request: { userAttributes: attributes(ctx.uuid(), 'CONFIRMED', { email: p.email }, true), groupConfiguration: groups(p.group), ...optionalMap('clientMetadata', p.clientMetadata) },
      response: unfilled<PreTokenGenerationTriggerEvent['response']>({ claimsOverrideDetails: null }),
    }),
  }),
  defineEvent<PreTokenGenerationV2TriggerEvent>()({
    service: 'cognito-user-pool',
    event: 'pre-token-generation-v2',
    title: 'Cognito pre token generation trigger (V2_0: ID and access tokens)',
    group: GROUP,
    params: {
      ...POOL,
      email: EMAIL,
      group: GROUP_NAME,
      scopes: { default: 'aws.cognito.signin.user.admin openid email profile', description: 'Scopes of the access token (space-separated)' },
      triggerSource: { default: 'TokenGeneration_HostedAuth', description: `Trigger source: ${TOKEN_SOURCES.join(', ')}` },
      clientMetadata: CLIENT_METADATA,
    },
    build: (p, ctx) => ({
      ...header(p, oneOf('triggerSource', p.triggerSource, TOKEN_SOURCES), '2'),
      request: {
        userAttributes: attributes(ctx.uuid(), 'CONFIRMED', { email: p.email }, true),
        groupConfiguration: groups(p.group),
        scopes: p.scopes.split(/\s+/).filter(Boolean),
        ...optionalMap('clientMetadata', p.clientMetadata),
      },
      response: unfilled<PreTokenGenerationV2TriggerEvent['response']>({ claimsAndScopeOverrideDetails: null }),
    }),
  }),
  defineEvent<CustomMessageTriggerEvent>()({
    service: 'cognito-user-pool',
    event: 'custom-message',
    title: 'Cognito custom message trigger',
    group: GROUP,
    params: {
      ...POOL,
      email: EMAIL,
      triggerSource: { default: 'CustomMessage_SignUp', description: `Trigger source: ${CUSTOM_MESSAGE_SOURCES.join(', ')}` },
      clientMetadata: CLIENT_METADATA,
    },
    build: (p, ctx) => {
      const source = oneOf('triggerSource', p.triggerSource, CUSTOM_MESSAGE_SOURCES);
      const { status, verified } = statusFor(source);
      return {
        ...header(p, source),
        request: {
          userAttributes: attributes(ctx.uuid(), status, { email: p.email }, verified),
          codeParameter: '{####}',
          linkParameter: '{##Click Here##}',
          usernameParameter: source === 'CustomMessage_AdminCreateUser' ? '{username}' : null,
          ...optionalMap('clientMetadata', p.clientMetadata),
        },
        response: { smsMessage: null, emailMessage: null, emailSubject: null },
      };
    },
  }),
  defineEvent<DefineAuthChallengeTriggerEvent>()({
    service: 'cognito-user-pool',
    event: 'define-auth-challenge',
    title: 'Cognito define auth challenge trigger (after one custom challenge)',
    group: GROUP,
    params: {
      ...POOL,
      email: EMAIL,
      challengeResult: { default: 'true', description: 'Whether the user answered the custom challenge correctly: true or false' },
      clientMetadata: CLIENT_METADATA,
    },
    build: (p, ctx) => ({
      ...header(p, 'DefineAuthChallenge_Authentication'),
      request: {
        userAttributes: attributes(ctx.uuid(), 'CONFIRMED', { email: p.email }, true),
        session: [{ challengeName: 'CUSTOM_CHALLENGE', challengeResult: oneOf('challengeResult', p.challengeResult, ['true', 'false']) === 'true', challengeMetadata: 'EMAIL_OTP' }],
        userNotFound: false,
        ...optionalMap('clientMetadata', p.clientMetadata),
      },
      response: unfilled<DefineAuthChallengeTriggerEvent['response']>({ challengeName: null, issueTokens: null, failAuthentication: null }),
    }),
  }),
  defineEvent<CreateAuthChallengeTriggerEvent>()({
    service: 'cognito-user-pool',
    event: 'create-auth-challenge',
    title: 'Cognito create auth challenge trigger',
    group: GROUP,
    params: {
      ...POOL,
      email: EMAIL,
      session: { default: 'SRP_A,PASSWORD_VERIFIER', description: `Challenges the user already passed, comma-separated (${SESSION_CHALLENGES.join(', ')}); empty: this is the first challenge` },
      clientMetadata: CLIENT_METADATA,
    },
    build: (p, ctx) => ({
      ...header(p, 'CreateAuthChallenge_Authentication'),
      request: {
        userAttributes: attributes(ctx.uuid(), 'CONFIRMED', { email: p.email }, true),
        challengeName: 'CUSTOM_CHALLENGE',
        session: p.session
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean)
          .map((c) => {
            const challengeName = oneOf('session', c, SESSION_CHALLENGES);
            // Cognito sends challengeMetadata with every entry: what the function set for a custom challenge, else null.
            return challengeName === 'CUSTOM_CHALLENGE'
              ? { challengeName, challengeResult: true, challengeMetadata: 'EMAIL_OTP' }
              : ({ challengeName, challengeResult: true, challengeMetadata: null } as unknown as { challengeName: typeof challengeName; challengeResult: true });
          }),
        userNotFound: false,
        ...optionalMap('clientMetadata', p.clientMetadata),
      },
      response: unfilled<CreateAuthChallengeTriggerEvent['response']>({ publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null }),
    }),
  }),
  defineEvent<VerifyAuthChallengeResponseTriggerEvent>()({
    service: 'cognito-user-pool',
    event: 'verify-auth-challenge-response',
    title: 'Cognito verify auth challenge response trigger',
    group: GROUP,
    params: {
      ...POOL,
      email: EMAIL,
      expectedAnswer: { default: '424242', description: 'The answer the create trigger stored (privateChallengeParameters.answer)' },
      challengeAnswer: { default: '424242', description: 'The answer the user gave' },
      clientMetadata: CLIENT_METADATA,
    },
    build: (p, ctx) => ({
      ...header(p, 'VerifyAuthChallengeResponse_Authentication'),
      request: {
        userAttributes: attributes(ctx.uuid(), 'CONFIRMED', { email: p.email }, true),
        privateChallengeParameters: { answer: p.expectedAnswer },
        challengeAnswer: p.challengeAnswer,
        userNotFound: false,
        ...optionalMap('clientMetadata', p.clientMetadata),
      },
      response: unfilled<VerifyAuthChallengeResponseTriggerEvent['response']>({ answerCorrect: null }),
    }),
  }),
  defineEvent<UserMigrationTriggerEvent>()({
    service: 'cognito-user-pool',
    event: 'user-migration',
    title: 'Cognito user migration trigger (sign-in)',
    group: GROUP,
    params: {
      ...POOL,
      userName: { default: 'jane.doe@example.com', description: 'User name the user signed in with' },
      password: { default: 'Corr3ct-Horse-Battery', description: 'Password the user signed in with' },
      validationData: VALIDATION_DATA,
      clientMetadata: CLIENT_METADATA,
    },
    build: (p) => ({
      ...header(p, 'UserMigration_Authentication'),
      request: { password: p.password, ...optionalMap('validationData', p.validationData), ...optionalMap('clientMetadata', p.clientMetadata) },
      response: unfilled<UserMigrationTriggerEvent['response']>({
        userAttributes: null,
        forceAliasCreation: null,
        enableSMSMFA: null,
        finalUserStatus: null,
        messageAction: null,
        desiredDeliveryMediums: null,
      }),
    }),
  }),
  defineEvent<CustomEmailSenderTriggerEvent>()({
    service: 'cognito-user-pool',
    event: 'custom-email-sender',
    title: 'Cognito custom email sender trigger',
    group: GROUP,
    params: {
      ...POOL,
      email: EMAIL,
      triggerSource: { default: 'CustomEmailSender_SignUp', description: `Trigger source: ${EMAIL_SENDER_SOURCES.join(', ')}` },
      clientMetadata: CLIENT_METADATA,
    },
    build: (p, ctx) => {
      const source = oneOf('triggerSource', p.triggerSource, EMAIL_SENDER_SOURCES);
      const { status, verified } = statusFor(source);
      const sub = ctx.uuid();
      return {
        ...header(p, source),
        request: { type: 'customEmailSenderRequestV1', code: ciphertext(`${sub}/${ctx.now.toISOString()}`), userAttributes: attributes(sub, status, { email: p.email }, verified), ...optionalMap('clientMetadata', p.clientMetadata) },
        response: {},
      };
    },
  }),
  defineEvent<CustomSMSSenderTriggerEvent>()({
    service: 'cognito-user-pool',
    event: 'custom-sms-sender',
    title: 'Cognito custom SMS sender trigger',
    group: GROUP,
    params: {
      ...POOL,
      phoneNumber: PHONE,
      triggerSource: { default: 'CustomSMSSender_SignUp', description: `Trigger source: ${SMS_SENDER_SOURCES.join(', ')}` },
      clientMetadata: CLIENT_METADATA,
    },
    build: (p, ctx) => {
      const source = oneOf('triggerSource', p.triggerSource, SMS_SENDER_SOURCES);
      const { status, verified } = statusFor(source);
      const sub = ctx.uuid();
      return {
        ...header(p, source),
        request: { type: 'customSMSSenderRequestV1', code: ciphertext(`${sub}/${ctx.now.toISOString()}`), userAttributes: attributes(sub, status, { phone_number: p.phoneNumber }, verified), ...optionalMap('clientMetadata', p.clientMetadata) },
        response: {},
      };
    },
  }),
  defineEvent<PreTokenGenerationV3TriggerEvent>()({
    service: 'cognito-user-pool',
    event: 'pre-token-generation-v3',
    title: 'Cognito pre token generation trigger (V3_0: machine-to-machine client credentials grant)',
    group: GROUP,
    params: {
      ...POOL_NO_USER,
      scopes: { default: 'orders/read orders/write', description: 'Custom scopes the app client asked for (space-separated)' },
      clientMetadata: { default: 'tenant=acme', description: 'aws_client_metadata of the token request: name=value pairs (a=1&b=2); empty for none' },
    },
    build: (p) => {
      const clientMetadata = Object.fromEntries(new URLSearchParams(p.clientMetadata));
      return {
        // No user signs in: the principal is the app client (its id is the access token's sub).
        ...header({ ...p, userName: p.clientId }, 'TokenGeneration_ClientCredentials', '3'),
        request: {
          // A machine has no user attributes or groups.
          userAttributes: {},
          groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null } as unknown as PreTokenGenerationV3TriggerEvent['request']['groupConfiguration'],
          scopes: p.scopes.split(/\s+/).filter(Boolean),
          ...(Object.keys(clientMetadata).length ? { clientMetadata } : {}),
        },
        response: unfilled<PreTokenGenerationV3TriggerEvent['response']>({ claimsAndScopeOverrideDetails: null }),
      };
    },
  }),
  defineEvent<InboundFederationTriggerEvent>()({
    service: 'cognito-user-pool',
    event: 'inbound-federation-oidc',
    title: 'Cognito inbound federation trigger (OIDC provider sign-in)',
    group: GROUP,
    params: {
      ...FEDERATED,
      providerName: { default: 'CorpOIDC', description: 'Name of the OIDC identity provider in the user pool' },
      issuer: { default: 'https://login.example.com', description: 'Issuer URL of the OIDC provider' },
      subject: { default: 'u-84c1f2', description: "The user's id at the provider (sub)" },
    },
    build: (p, ctx) => {
      const iat = epochSeconds(ctx.now);
      const claims = { sub: p.subject, iss: p.issuer, aud: p.clientId, iat: String(iat), exp: String(iat + 3600), email: p.email, email_verified: 'true' };
      return {
        ...federationHeader(p, p.subject),
        request: {
          providerName: p.providerName,
          providerType: 'OIDC',
          attributes: {
            tokenResponse: { access_token: jwt({ sub: p.subject, iss: p.issuer, scope: 'openid email profile' }), id_token: jwt(claims), token_type: 'Bearer', expires_in: '3600' },
            idToken: claims,
            userInfo: { sub: p.subject, email: p.email, given_name: p.givenName, family_name: p.familyName },
          },
        },
        // The function returns the attributes to keep; {} keeps them all.
        response: { userAttributesToMap: {} },
      };
    },
  }),
  defineEvent<InboundFederationTriggerEvent>()({
    service: 'cognito-user-pool',
    event: 'inbound-federation-saml',
    title: 'Cognito inbound federation trigger (SAML provider sign-in)',
    group: GROUP,
    params: {
      ...FEDERATED,
      providerName: { default: 'CorpSAML', description: 'Name of the SAML identity provider in the user pool' },
      nameId: { default: 'jane.doe@example.com', description: "The user's NameID in the SAML assertion" },
    },
    build: (p) => {
      const claim = (name: string) => `http://schemas.xmlsoap.org/ws/2005/05/identity/claims/${name}`;
      return {
        ...federationHeader(p, p.nameId),
        request: {
          providerName: p.providerName,
          providerType: 'SAML',
          attributes: {
            samlResponse: { [claim('emailaddress')]: p.email, [claim('givenname')]: p.givenName, [claim('surname')]: p.familyName, [claim('nameidentifier')]: p.nameId },
          },
        },
        response: { userAttributesToMap: {} },
      };
    },
  }),
];
