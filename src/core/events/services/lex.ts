import type { LexEvent, LexSlotDetails, LexV2Event, LexV2Intent, LexV2Interpretation, LexV2Slots } from 'aws-lambda';
import { defineEvent, type EventContext } from '../types';
import { json, queryString } from '../helpers';

const GROUP = 'Amazon Lex';

type Spec = { default: string; description: string };
type Params = Readonly<Record<string, string>>;

/** One sample conversation: the bot, the intent, what the user typed and the slot values so far ('' = not yet filled). */
interface Conversation {
  event: string;
  title: string;
  bot: string;
  intent: string;
  transcript: string;
  slots: { name: string; param: string; value: string; description: string }[];
}

/** A map parameter: a JSON object of strings, or name=value pairs joined with &. */
function stringMap(name: string, value: string): Record<string, string> {
  const trimmed = value.trim();
  if (trimmed.startsWith('{')) return json(name, trimmed) as Record<string, string>;
  return queryString(trimmed).single;
}

function slotParams(c: Conversation): Record<string, Spec> {
  return Object.fromEntries(c.slots.map((s) => [s.param, { default: s.value, description: `${s.description} (${s.name} slot; empty: not yet filled)` }]));
}

/** The slot values of a conversation from the parameters, '' becoming null. */
function slotValues(c: Conversation, p: Params): [string, string | null][] {
  return c.slots.map((s) => [s.name, p[s.param] === '' ? null : p[s.param]]);
}

// ---------------------------------------------------------------------------------------------------------------
// Lex V1 (messageVersion 1.0)
// ---------------------------------------------------------------------------------------------------------------

const V1: Conversation[] = [
  {
    event: 'book-hotel',
    title: 'Lex V1 dialog code hook: BookHotel',
    bot: 'BookTrip',
    intent: 'BookHotel',
    transcript: 'book a hotel in Chicago for three nights',
    slots: [
      { name: 'Location', param: 'location', value: 'Chicago', description: 'City' },
      { name: 'CheckInDate', param: 'checkInDate', value: '', description: 'Check-in date (YYYY-MM-DD)' },
      { name: 'Nights', param: 'nights', value: '3', description: 'Number of nights' },
      { name: 'RoomType', param: 'roomType', value: '', description: 'Room type' },
    ],
  },
  {
    event: 'book-car',
    title: 'Lex V1 dialog code hook: BookCar',
    bot: 'BookTrip',
    intent: 'BookCar',
    transcript: 'I need a car in Seattle',
    slots: [
      { name: 'PickUpCity', param: 'pickUpCity', value: 'Seattle', description: 'Pick-up city' },
      { name: 'PickUpDate', param: 'pickUpDate', value: '', description: 'Pick-up date (YYYY-MM-DD)' },
      { name: 'ReturnDate', param: 'returnDate', value: '', description: 'Return date (YYYY-MM-DD)' },
      { name: 'DriverAge', param: 'driverAge', value: '', description: 'Age of the driver' },
      { name: 'CarType', param: 'carType', value: '', description: 'Car type' },
    ],
  },
  {
    event: 'make-appointment',
    title: 'Lex V1 dialog code hook: MakeAppointment',
    bot: 'MakeAppointment',
    intent: 'MakeAppointment',
    transcript: 'I would like to book a root canal',
    slots: [
      { name: 'AppointmentType', param: 'appointmentType', value: 'root canal', description: 'Appointment type' },
      { name: 'Date', param: 'date', value: '', description: 'Date (YYYY-MM-DD)' },
      { name: 'Time', param: 'time', value: '', description: 'Time (HH:MM)' },
    ],
  },
  {
    event: 'order-flowers',
    title: 'Lex V1 dialog code hook: OrderFlowers',
    bot: 'OrderFlowers',
    intent: 'OrderFlowers',
    transcript: 'I would like to order some roses',
    slots: [
      { name: 'FlowerType', param: 'flowerType', value: 'roses', description: 'Type of flowers' },
      { name: 'PickupDate', param: 'pickupDate', value: '', description: 'Pick-up date (YYYY-MM-DD)' },
      { name: 'PickupTime', param: 'pickupTime', value: '', description: 'Pick-up time (HH:MM)' },
    ],
  },
];

// AWS's V1 input also carries the intent's confidence, alternative intents and recent intent summaries, which
// @types/aws-lambda does not type.
type LexV1Event = LexEvent & {
  currentIntent: { nluIntentConfidenceScore: number | null };
  alternativeIntents: (Omit<LexEvent['currentIntent'], 'confirmationStatus'> & { confirmationStatus: 'None'; nluIntentConfidenceScore: number | null })[];
  recentIntentSummaryView: Record<string, unknown>[] | null;
};

function lexV1(c: Conversation, p: Params): LexV1Event {
  const values = slotValues(c, p);
  const slots = Object.fromEntries(values);
  const slotDetails: LexSlotDetails = {};
  for (const [name, value] of values) if (value !== null) slotDetails[name] = { resolutions: [{ value }], originalValue: value };
  const pending = values.find(([, value]) => value === null)?.[0] ?? null;
  return {
    currentIntent: { name: c.intent, nluIntentConfidenceScore: 0.92, slots, slotDetails, confirmationStatus: 'None' },
    alternativeIntents: [{ name: 'AMAZON.FallbackIntent', nluIntentConfidenceScore: null, slots: {}, slotDetails: {}, confirmationStatus: 'None' }],
    bot: { name: p.bot, alias: p.alias, version: p.alias === '$LATEST' ? '$LATEST' : '1' },
    userId: p.userId,
    inputTranscript: p.inputTranscript,
    invocationSource: 'DialogCodeHook',
    outputDialogMode: 'Text',
    messageVersion: '1.0',
    sessionAttributes: stringMap('sessionAttributes', p.sessionAttributes),
    requestAttributes: null,
    recentIntentSummaryView: [
      {
        intentName: c.intent,
        checkpointLabel: null,
        slots,
        confirmationStatus: 'None',
        dialogActionType: pending ? 'ElicitSlot' : 'ConfirmIntent',
        fulfillmentState: null,
        slotToElicit: pending,
      },
    ],
  };
}

function v1Event(c: Conversation) {
  return defineEvent<LexV1Event>()({
    service: 'lex',
    event: c.event,
    title: c.title,
    group: GROUP,
    params: {
      bot: { default: c.bot, description: 'Bot name' },
      alias: { default: '$LATEST', description: 'Bot alias ($LATEST for the draft)' },
      userId: { default: 'wch89kjqcpkds8seny7dly5x3otq68j3', description: 'User id the client sent' },
      inputTranscript: { default: c.transcript, description: 'What the user said or typed' },
      sessionAttributes: { default: '', description: 'Session attributes: name=value pairs (a=1&b=2) or a JSON object' },
      ...slotParams(c),
    },
    build: (p) => lexV1(c, p),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Lex V2 (messageVersion 1.0 of the V2 API)
// ---------------------------------------------------------------------------------------------------------------

const V2: (Conversation & { hook: 'DialogCodeHook' | 'FulfillmentCodeHook' })[] = [
  { ...V1[0], title: 'Lex V2 dialog code hook: BookHotel', hook: 'DialogCodeHook' },
  { ...V1[1], title: 'Lex V2 dialog code hook: BookCar', hook: 'DialogCodeHook' },
  { ...V1[3], title: 'Lex V2 dialog code hook: OrderFlowers', hook: 'DialogCodeHook' },
  {
    event: 'banking-bot',
    title: 'Lex V2 fulfillment code hook: CheckBalance (BankingBot)',
    bot: 'BankingBot',
    intent: 'CheckBalance',
    transcript: "what's the balance in my checking account",
    hook: 'FulfillmentCodeHook',
    slots: [
      { name: 'accountType', param: 'accountType', value: 'checking', description: 'Account type' },
      { name: 'dateOfBirth', param: 'dateOfBirth', value: '1990-01-15', description: 'Date of birth, to verify the caller' },
    ],
  },
];

// AWS's V2 input names where each interpretation came from, sends a prompt attempt with the proposed next state, and
// leaves out proposedNextState (no next step proposed) and transcriptions (text and DTMF input); @types/aws-lambda
// requires both.
type LexV2Input = Omit<LexV2Event, 'interpretations' | 'proposedNextState' | 'transcriptions'> & {
  interpretations: (LexV2Interpretation & { interpretationSource: 'Bedrock' | 'Lex' })[];
  proposedNextState?: LexV2Event['proposedNextState'] & { prompt: { attempt: string } };
  transcriptions?: LexV2Event['transcriptions'];
};

const INPUT_MODES = ['Speech', 'Text', 'DTMF'] as const;

function lexV2(c: (typeof V2)[number], p: Params, ctx: EventContext): LexV2Input {
  const inputMode = INPUT_MODES.find((m) => m === p.inputMode);
  if (!inputMode) throw new TypeError(`Parameter inputMode must be one of ${INPUT_MODES.join(', ')}, not "${p.inputMode}".`);
  const values = slotValues(c, p);
  const slots: LexV2Slots = Object.fromEntries(
    values.map(([name, value]) => [name, value === null ? null : { shape: 'Scalar', value: { originalValue: value, interpretedValue: value, resolvedValues: [value] } }]),
  );
  const pending = values.find(([, value]) => value === null)?.[0];
  const state = c.hook === 'FulfillmentCodeHook' ? 'ReadyForFulfillment' : 'InProgress';
  const intent: LexV2Intent = { confirmationState: 'None', name: c.intent, slots, state };
  return {
    messageVersion: '1.0',
    invocationSource: c.hook,
    inputMode,
    // What the client asked the bot to answer in: audio for a spoken request.
    responseContentType: inputMode === 'Speech' ? 'audio/pcm' : 'text/plain; charset=utf-8',
    sessionId: p.sessionId,
    inputTranscript: p.inputTranscript,
    bot: { id: p.botId, name: p.bot, aliasId: p.aliasId, aliasName: p.aliasName, localeId: p.localeId, version: p.aliasId === 'TSTALIASID' ? 'DRAFT' : '1' },
    interpretations: [
      {
        interpretationSource: 'Lex',
        intent,
        nluConfidence: 0.93,
        // Present when the bot has sentiment analysis on.
        sentimentResponse: { sentiment: 'NEUTRAL', sentimentScore: { mixed: 0.01, negative: 0.03, neutral: 0.91, positive: 0.05 } },
      },
      { interpretationSource: 'Lex', intent: { confirmationState: 'None', name: 'FallbackIntent', slots: {}, state: 'InProgress' } },
    ],
    ...(c.hook === 'DialogCodeHook' && pending
      ? { proposedNextState: { dialogAction: { type: 'ElicitSlot', slotToElicit: pending }, intent, prompt: { attempt: 'Initial' } } }
      : {}),
    requestAttributes: stringMap('requestAttributes', p.requestAttributes),
    sessionState: {
      activeContexts: [],
      sessionAttributes: stringMap('sessionAttributes', p.sessionAttributes),
      intent,
      originatingRequestId: ctx.uuid(),
    },
    // Speech recognition's candidate transcripts, each with the intent and slot values Lex resolved from it.
    ...(inputMode === 'Speech'
      ? { transcriptions: [{ transcription: p.inputTranscript, transcriptionConfidence: 0.94, resolvedContext: { intent: c.intent }, resolvedSlots: Object.fromEntries(Object.entries(slots).filter(([, v]) => v !== null)) }] }
      : {}),
  };
}

function v2Event(c: (typeof V2)[number]) {
  return defineEvent<LexV2Input>()({
    service: 'lex-v2',
    event: c.event,
    title: c.title,
    group: GROUP,
    params: {
      botId: { default: 'QJXMPLB7KW', description: 'Bot id' },
      bot: { default: c.bot, description: 'Bot name' },
      aliasId: { default: 'TSTALIASID', description: 'Bot alias id (TSTALIASID: the test alias, on the DRAFT version)' },
      aliasName: { default: 'TestBotAlias', description: 'Bot alias name' },
      localeId: { default: 'en_US', description: 'Bot locale' },
      sessionId: { default: '491235724851674', description: 'Session id the client sent' },
      inputMode: { default: 'Speech', description: `How the user spoke to the bot: ${INPUT_MODES.join(', ')} (speech input carries transcriptions)` },
      inputTranscript: { default: c.transcript, description: 'What the user said or typed' },
      sessionAttributes: { default: '', description: 'Session attributes: name=value pairs (a=1&b=2) or a JSON object' },
      requestAttributes: { default: 'x-amz-lex:channels:platform=Web', description: 'Request attributes the client sent: name=value pairs (a=1&b=2) or a JSON object' },
      ...slotParams(c),
    },
    build: (p, ctx) => lexV2(c, p, ctx),
  });
}

export const lexEvents = [...V1.map(v1Event), ...V2.map(v2Event)];
