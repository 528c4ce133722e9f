import { defineEvent, type EventContext } from '../types';
import { epochSeconds, isoSeconds, md5, sha256 } from '../helpers';

// @types/aws-lambda has no Alexa types (its alexa module is a TODO), so these events are Record<string, unknown>.
type AlexaEvent = Record<string, unknown>;
type Params<K extends string> = Readonly<Record<K, string>>;

const SKILL_GROUP = 'Alexa Skills Kit';
const SMART_HOME_GROUP = 'Alexa Smart Home';

// ---------------------------------------------------------------------------------------------------------------
// Custom skills: the request envelope
// ---------------------------------------------------------------------------------------------------------------

const SKILL = {
  applicationId: { default: 'amzn1.ask.skill.0f3c5e2a-7b1d-4c9e-8a6f-2d4b1e9c7a35', description: 'Skill id' },
  userId: { default: 'amzn1.ask.account.AEXAMPLE7QZJ3KXLN2VQ5W4RBGHT6YUCMD', description: 'User id (per skill)' },
  deviceId: { default: 'amzn1.ask.device.AEXAMPLE4WQ7N3ZJ2KX5LRHTDEVICE', description: 'Device id (per skill)' },
  locale: { default: 'en-US', description: 'Locale of the request' },
};

type SkillParams = Params<keyof typeof SKILL>;

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** The envelope around every custom-skill request: version, session (outside a session: none) and context. */
function envelope(p: SkillParams, ctx: EventContext, isNew: boolean, request: Record<string, unknown>): AlexaEvent {
  const application = { applicationId: p.applicationId };
  const user = { userId: p.userId };
  const iat = epochSeconds(ctx.now);
  const claims = { aud: 'https://api.amazonalexa.com', iss: 'AlexaSkillKit', sub: p.applicationId, exp: iat + 3600, iat, nbf: iat, privateClaims: { userId: p.userId, deviceId: p.deviceId } };
  const apiAccessToken = `${base64url('{"typ":"JWT","alg":"RS256","kid":"1"}')}.${base64url(JSON.stringify(claims))}.${base64url(sha256(JSON.stringify(claims)))}`;
  return {
    version: '1.0',
    session: { new: isNew, sessionId: `amzn1.echo-api.session.${ctx.uuid()}`, application, attributes: {}, user },
    context: {
      // An Echo supports the AudioPlayer interface, so its requests carry the player's state too.
      AudioPlayer: { playerActivity: 'IDLE' },
      System: {
        application,
        user,
        device: { deviceId: p.deviceId, supportedInterfaces: { AudioPlayer: {} } },
        apiEndpoint: 'https://api.amazonalexa.com',
        apiAccessToken,
      },
    },
    request: { requestId: `amzn1.echo-api.request.${ctx.uuid()}`, timestamp: isoSeconds(ctx.now), locale: p.locale, ...request },
  };
}

/** A slot as an IntentRequest carries it; a custom slot type adds its entity resolution. */
function slot(p: SkillParams, name: string, value: string, customType?: string): Record<string, unknown> {
  const resolutions = customType
    ? {
        resolutionsPerAuthority: [
          {
            authority: `amzn1.er-authority.echo-sdk.${p.applicationId}.${customType}`,
            status: { code: 'ER_SUCCESS_MATCH' },
            values: [{ value: { name: value, id: md5(value.toLowerCase()) } }],
          },
        ],
      }
    : undefined;
  return {
    name,
    value,
    ...(resolutions ? { resolutions } : {}),
    confirmationStatus: 'NONE',
    source: 'USER',
    slotValue: { type: 'Simple', value, ...(resolutions ? { resolutions } : {}) },
  };
}

function intentRequest(p: SkillParams, ctx: EventContext, name: string, slots: Record<string, Record<string, unknown>>): AlexaEvent {
  return envelope(p, ctx, false, {
    type: 'IntentRequest',
    // An intent without slots still carries an (empty) slots map.
    intent: { name, confirmationStatus: 'NONE', slots },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Smart home skills: directives (payload version 3)
// ---------------------------------------------------------------------------------------------------------------

const SMART_HOME = {
  token: { default: 'Atza|IwEBIExampleAccessTokenFromAccountLinking', description: 'Access token from account linking (the scope token)' },
  payloadVersion: { default: '3', description: 'Smart Home API payload version: 3, or 2 (retired by Amazon; the shape of SAM CLI’s templates, for skills not yet migrated)' },
};

const SMART_HOME_VERSIONS = ['2', '3'] as const;

function payloadVersion(value: string): (typeof SMART_HOME_VERSIONS)[number] {
  if (value === '2' || value === '3') return value;
  throw new TypeError(`Parameter payloadVersion must be one of ${SMART_HOME_VERSIONS.join(', ')}, not "${value}".`);
}

/** Version 2 had no directive: a header and a payload at the top, the token in the payload, an appliance for control. */
function v2Request(p: Params<keyof typeof SMART_HOME>, ctx: EventContext, namespace: string, name: string, applianceId?: string): AlexaEvent {
  return {
    header: { messageId: ctx.uuid(), name, namespace, payloadVersion: '2' },
    payload: { accessToken: p.token, ...(applianceId !== undefined && { appliance: { additionalApplianceDetails: {}, applianceId } }) },
  };
}
const ENDPOINT = {
  ...SMART_HOME,
  endpointId: { default: 'living-room-lamp-01', description: 'Endpoint (device) id reported at discovery' },
};

function powerDirective(p: Params<keyof typeof ENDPOINT>, ctx: EventContext, name: 'TurnOn' | 'TurnOff'): AlexaEvent {
  if (payloadVersion(p.payloadVersion) === '2') return v2Request(p, ctx, 'Alexa.ConnectedHome.Control', `${name}Request`, p.endpointId);
  return {
    directive: {
      header: {
        namespace: 'Alexa.PowerController',
        name,
        messageId: ctx.uuid(),
        correlationToken: base64url(sha256(`${p.endpointId}/${ctx.uuid()}`)),
        payloadVersion: '3',
      },
      endpoint: { scope: { type: 'BearerToken', token: p.token }, endpointId: p.endpointId, cookie: {} },
      payload: {},
    },
  };
}

export const alexaEvents = [
  defineEvent<AlexaEvent>()({
    service: 'alexa-skills-kit',
    event: 'start-session',
    title: 'Alexa skill launch (LaunchRequest)',
    group: SKILL_GROUP,
    params: SKILL,
    build: (p, ctx) => envelope(p, ctx, true, { type: 'LaunchRequest' }),
  }),
  defineEvent<AlexaEvent>()({
    service: 'alexa-skills-kit',
    event: 'intent-answer',
    title: 'Alexa skill IntentRequest: AnswerIntent with an Answer slot',
    group: SKILL_GROUP,
    params: { ...SKILL, answer: { default: '2', description: 'Value of the Answer slot (AMAZON.NUMBER)' } },
    build: (p, ctx) => intentRequest(p, ctx, 'AnswerIntent', { Answer: slot(p, 'Answer', p.answer) }),
  }),
  defineEvent<AlexaEvent>()({
    service: 'alexa-skills-kit',
    event: 'intent-getnewfact',
    title: 'Alexa skill IntentRequest: GetNewFactIntent',
    group: SKILL_GROUP,
    params: SKILL,
    build: (p, ctx) => intentRequest(p, ctx, 'GetNewFactIntent', {}),
  }),
  defineEvent<AlexaEvent>()({
    service: 'alexa-skills-kit',
    event: 'intent-mycoloris',
    title: 'Alexa skill IntentRequest: MyColorIsIntent with a Color slot',
    group: SKILL_GROUP,
    params: { ...SKILL, color: { default: 'blue', description: 'Value of the Color slot (custom type LIST_OF_COLORS)' } },
    build: (p, ctx) => intentRequest(p, ctx, 'MyColorIsIntent', { Color: slot(p, 'Color', p.color, 'LIST_OF_COLORS') }),
  }),
  defineEvent<AlexaEvent>()({
    service: 'alexa-skills-kit',
    event: 'intent-recipe',
    title: 'Alexa skill IntentRequest: RecipeIntent with an Item slot',
    group: SKILL_GROUP,
    params: { ...SKILL, item: { default: 'snow golem', description: 'Value of the Item slot (custom type LIST_OF_ITEMS)' } },
    build: (p, ctx) => intentRequest(p, ctx, 'RecipeIntent', { Item: slot(p, 'Item', p.item, 'LIST_OF_ITEMS') }),
  }),
  defineEvent<AlexaEvent>()({
    service: 'alexa-skills-kit',
    event: 'end-session',
    title: 'Alexa skill session ended (SessionEndedRequest)',
    group: SKILL_GROUP,
    params: { ...SKILL, reason: { default: 'USER_INITIATED', description: 'Why the session ended: USER_INITIATED, ERROR or EXCEEDED_MAX_REPROMPTS' } },
    build: (p, ctx) =>
      envelope(p, ctx, false, {
        type: 'SessionEndedRequest',
        reason: p.reason,
        ...(p.reason === 'ERROR' ? { error: { type: 'INVALID_RESPONSE', message: 'The skill response was not valid.' } } : {}),
      }),
  }),
  defineEvent<AlexaEvent>()({
    service: 'alexa-smart-home',
    event: 'smart-home-discovery-request',
    title: 'Alexa smart home Discover directive',
    group: SMART_HOME_GROUP,
    params: SMART_HOME,
    build: (p, ctx) =>
      payloadVersion(p.payloadVersion) === '2'
        ? v2Request(p, ctx, 'Alexa.ConnectedHome.Discovery', 'DiscoverAppliancesRequest')
        : {
            directive: {
              header: { namespace: 'Alexa.Discovery', name: 'Discover', messageId: ctx.uuid(), payloadVersion: '3' },
              payload: { scope: { type: 'BearerToken', token: p.token } },
            },
          },
  }),
  defineEvent<AlexaEvent>()({
    service: 'alexa-smart-home',
    event: 'smart-home-control-turn-on-request',
    title: 'Alexa smart home PowerController TurnOn directive',
    group: SMART_HOME_GROUP,
    params: ENDPOINT,
    build: (p, ctx) => powerDirective(p, ctx, 'TurnOn'),
  }),
  defineEvent<AlexaEvent>()({
    service: 'alexa-smart-home',
    event: 'smart-home-control-turn-off-request',
    title: 'Alexa smart home PowerController TurnOff directive',
    group: SMART_HOME_GROUP,
    params: ENDPOINT,
    build: (p, ctx) => powerDirective(p, ctx, 'TurnOff'),
  }),
];
